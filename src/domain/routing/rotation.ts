/**
 * Weighted rotation within a pool of reps (SPEC §5.2 step 3): over every prefix of the sequence
 * each rep's count stays within ±1 of its weighted share (weights 1:2:3 over 60 leads → 10/20/30),
 * among reps equally due the pick alternates departments, and new or returning reps start at
 * their share, not at zero.
 *
 * The method is Balinski & Young's quota method, not a plain "largest deficit" (Cal.com's
 * getLuckyUser, nginx's smooth weighted round-robin): the deficit rule can starve a small-weight
 * rep by more than one lead (weights 2,5,1,5,1,5,5,5,1,1,2 at lead 20 are 1.03 short — see the
 * test), while the quota method provably keeps floor(share) ≤ count ≤ ceil(share) at every
 * step. A rep may receive the next lead only if it has fewer than its share of R+1 leads (upper
 * quota), and among those the highest weight / (received + 1) wins (Jefferson priority). All
 * comparisons are cross-multiplied, so integer counts and weights compare exactly and ties are
 * real ties.
 *
 * Pure: reads a RotationState, returns the pick; `applyPick` gives the state to persist.
 */
import { createHash } from 'node:crypto';
import type { RepCandidate, RotationState } from './routing-types.js';

/** What rotation decided, with what storage needs to persist it (applyPick). */
export interface RotationPick {
  poolKey: string;
  repId: string;
  department: string | null;
  /**
   * Each pool member's count as the pick saw it — the stored count, or, for a rep new to the
   * pool, its weighted share (see effectiveReceived); the picked rep's is before its +1.
   */
  received: Readonly<Record<string, number>>;
  /** The picked rep's weighted share of the pool's leads after this pick (R+1). */
  share: number;
  /** Why the pick won among equals, when it was a tie; null when it was due outright. */
  tieBreak: 'department' | 'least_recent' | 'id' | null;
}

export type RotationBalance = 'weight' | 'department';

type Member = Pick<RepCandidate, 'id' | 'weight' | 'department'>;

const KEY_LIMIT = 200;
const departmentKey = (d: string | null) => d ?? '';

/**
 * A stable name for a set of reps: the same set always gets the same key whatever order or
 * narrowing path produced it, so its counts stay exact over any window. Readable when short,
 * a hash of the sorted ids when long.
 */
export function poolKeyOf(repIds: readonly string[], balance: RotationBalance = 'weight'): string {
  // Storage usually lists reps by id already: sort only when they are not.
  let ordered = true;
  for (let i = 1; i < repIds.length && ordered; i++) ordered = repIds[i - 1] < repIds[i];
  const sorted = ordered ? repIds : [...repIds].sort();
  const joined = sorted.join(',');
  const prefix = balance === 'department' ? 'dept:' : 'reps:';
  if (joined.length <= KEY_LIMIT) return prefix + joined;
  return `${prefix}${sorted.length}#${createHash('sha256').update(joined).digest('hex').slice(0, 32)}`;
}

/**
 * The counts rotation works from. A rep with no entry (new to this pool) starts at its weighted
 * share of what the others received (rounded, so counts stay integers). Then no member may be
 * below the floor of its share: a rep returning after a long absence, whose stored count is
 * stale, starts at the floor of its share of the raised total rather than being owed a run of
 * leads. Under a stable pool the quota method never lets a count fall below that floor, so the
 * floor changes nothing there. With balance "department" a rep's share is its weight's part of
 * its department's equal share, and the floor is one lower (the two levels may each be one off).
 */
export function effectiveReceived(
  pool: readonly Member[],
  state: RotationState,
  balance: RotationBalance = 'weight',
): Record<string, number> {
  const counts = effectiveCounts(pool, state, balance);
  const out = idRecord();
  for (let i = 0; i < pool.length; i++) out[pool[i].id] = counts[i];
  return out;
}

/** effectiveReceived as an array aligned with `pool` (the hot path: no per-rep objects). */
function effectiveCounts(pool: readonly Member[], state: RotationState, balance: RotationBalance): number[] {
  const n = pool.length;
  const shareWeight = new Array<number>(n);
  if (balance === 'department') {
    const departmentWeight = new Map<string, number>();
    for (const rep of pool) {
      const key = departmentKey(rep.department);
      departmentWeight.set(key, (departmentWeight.get(key) ?? 0) + rep.weight);
    }
    for (let i = 0; i < n; i++) {
      shareWeight[i] = pool[i].weight / (departmentWeight.get(departmentKey(pool[i].department)) ?? 1);
    }
  } else {
    for (let i = 0; i < n; i++) shareWeight[i] = pool[i].weight;
  }

  const counts = new Array<number>(n);
  let knownCount = 0;
  let knownWeight = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const r = state.received[pool[i].id];
    if (r === undefined) {
      counts[i] = Number.NaN;
      missing++;
    } else {
      counts[i] = r;
      knownCount += r;
      knownWeight += shareWeight[i];
    }
  }
  let total = knownCount;
  let weight = knownWeight;
  if (missing > 0) {
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(counts[i])) continue;
      const seeded = knownWeight > 0 ? Math.round((shareWeight[i] * knownCount) / knownWeight) : 0;
      counts[i] = seeded;
      total += seeded;
      weight += shareWeight[i];
    }
  }
  if (weight > 0) {
    // Raising a stale count raises the total and so every share: repeat to the fixed point
    // (a few rounds; one pass that changes nothing on a stable pool).
    const slack = balance === 'department' ? 1 : 0;
    for (let round = 0, raised = true; raised && round < 64; round++) {
      raised = false;
      for (let i = 0; i < n; i++) {
        const floorShare = Math.floor((shareWeight[i] * total) / weight + 1e-9) - slack;
        if (counts[i] < floorShare) {
          total += floorShare - counts[i];
          counts[i] = floorShare;
          raised = true;
        }
      }
    }
  }
  return counts;
}

const lastPickOf = (state: RotationState, id: string) => state.lastPick[id] ?? Number.NEGATIVE_INFINITY;

interface Unit {
  key: string;
  weight: number;
  received: number;
  department: string | null;
  lastPick: number;
}

function departmentRecency(lastPicks: ReadonlyMap<string, number>, u: Unit): number {
  return lastPicks.get(departmentKey(u.department)) ?? Number.NEGATIVE_INFINITY;
}

/**
 * Quota method over units (reps, or departments): among units below their share of R+1, the
 * highest weight/(received+1); ties go to a department other than the last one, then to the
 * department served longest ago, then to the least recently picked, then to the smallest key.
 */
function quotaPick(
  units: readonly Unit[],
  lastDepartment: string | null,
  byDepartmentRecency: boolean,
): { unit: Unit; tieBreak: RotationPick['tieBreak'] } {
  let total = 0;
  let weight = 0;
  for (const u of units) {
    total += u.received;
    weight += u.weight;
  }
  let best: Unit[] = [];
  for (const u of units) {
    // Upper quota: received < weight × (R+1) / W.
    if (!(u.received * weight < u.weight * (total + 1))) continue;
    if (best.length === 0) {
      best = [u];
      continue;
    }
    // Priority weight/(received+1), compared cross-multiplied.
    const cmp = u.weight * (best[0].received + 1) - best[0].weight * (u.received + 1);
    if (cmp > 0) best = [u];
    else if (cmp === 0) best.push(u);
  }
  // Some unit is always under its upper quota (the shares of R+1 sum to more than R); the guard
  // only protects against NaN weights, which the caller filters out.
  if (best.length === 0) best = [...units];
  if (best.length === 1) return { unit: best[0], tieBreak: null };

  let tieBreak: RotationPick['tieBreak'] = 'id';
  let pool = best;
  if (lastDepartment !== null) {
    const other = pool.filter((u) => u.department !== lastDepartment);
    if (other.length > 0 && other.length < pool.length) {
      pool = other;
      tieBreak = 'department';
    }
  }
  if (pool.length > 1 && byDepartmentRecency) {
    const departmentLastPick = new Map<string, number>();
    for (const u of units) {
      const key = departmentKey(u.department);
      departmentLastPick.set(key, Math.max(departmentLastPick.get(key) ?? Number.NEGATIVE_INFINITY, u.lastPick));
    }
    // The department served longest ago next, so three departments go east, west, north, east…
    const oldest = Math.min(...pool.map((u) => departmentRecency(departmentLastPick, u)));
    const least = pool.filter((u) => departmentRecency(departmentLastPick, u) === oldest);
    if (least.length < pool.length) {
      pool = least;
      tieBreak = 'department';
    }
  }
  if (pool.length > 1) {
    const oldest = Math.min(...pool.map((u) => u.lastPick));
    const least = pool.filter((u) => u.lastPick === oldest);
    if (least.length < pool.length) {
      pool = least;
      if (tieBreak === 'id') tieBreak = 'least_recent';
    }
  }
  pool = [...pool].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { unit: pool[0], tieBreak };
}

/** Picks the next rep of a non-empty pool (reps with weight > 0). */
export function pickFromPool(
  pool: readonly Member[],
  state: RotationState,
  balance: RotationBalance,
  poolKey: string = poolKeyOf(
    pool.map((r) => r.id),
    balance,
  ),
): RotationPick {
  if (pool.length === 0) throw new Error('pickFromPool needs at least one rep');
  const counts = effectiveCounts(pool, state, balance);
  const units: Unit[] = new Array(pool.length);
  for (let i = 0; i < pool.length; i++) {
    const r = pool[i];
    units[i] = {
      key: r.id,
      weight: r.weight,
      received: counts[i],
      department: r.department,
      lastPick: lastPickOf(state, r.id),
    };
  }
  let members = units;
  let tieBreak: RotationPick['tieBreak'] = null;
  if (balance === 'department') {
    const byDepartment = new Map<string, Unit[]>();
    for (const u of units) {
      const key = departmentKey(u.department);
      const list = byDepartment.get(key);
      if (list) list.push(u);
      else byDepartment.set(key, [u]);
    }
    if (byDepartment.size > 1) {
      const departments: Unit[] = [...byDepartment.values()].map((list) => ({
        key: departmentKey(list[0].department),
        weight: 1,
        received: list.reduce((sum, u) => sum + u.received, 0),
        department: list[0].department,
        lastPick: Math.max(...list.map((u) => u.lastPick)),
      }));
      const chosen = quotaPick(departments, state.lastDepartment, false);
      members = byDepartment.get(chosen.unit.key) ?? units;
      tieBreak = chosen.tieBreak;
    }
  }
  const chosen = quotaPick(members, state.lastDepartment, true);
  let total = 0;
  let weight = 0;
  for (const u of members) {
    total += u.received;
    weight += u.weight;
  }
  const received = idRecord();
  for (const u of units) received[u.key] = u.received;
  return {
    poolKey,
    repId: chosen.unit.key,
    department: chosen.unit.department,
    received,
    share: (chosen.unit.weight * (total + 1)) / weight,
    tieBreak: tieBreak ?? chosen.tieBreak,
  };
}

/**
 * The rotation state after a pick — what storage persists for the pool: every member's count
 * as the pick saw it (so a new rep's starting share is kept), +1 for the picked rep, its
 * lastPick the next sequence number, and lastDepartment. Entries of reps outside the pick are
 * kept as they were. Storage writes the entries that differ from `state` (changedReps).
 */
export function applyPick(state: RotationState, pick: RotationPick): RotationState {
  const received = idRecord();
  for (const id in state.received) received[id] = state.received[id];
  for (const id in pick.received) received[id] = pick.received[id];
  received[pick.repId] = (pick.received[pick.repId] ?? state.received[pick.repId] ?? 0) + 1;
  const lastPick = idRecord();
  let sequence = 0;
  for (const id in state.lastPick) {
    const value = state.lastPick[id];
    lastPick[id] = value;
    if (value > sequence) sequence = value;
  }
  lastPick[pick.repId] = sequence + 1;
  return { received, lastPick, lastDepartment: pick.department };
}

/**
 * A record keyed by rep id. Prototype-less, so an id can never hit Object.prototype, and V8
 * keeps it as a hash table: hundreds of pools with different id sets would otherwise each grow
 * their own chain of hidden classes and make every lookup megamorphic.
 */
function idRecord(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/** The reps whose received count or lastPick differs between two states (what to write). */
export function changedReps(before: RotationState, after: RotationState): string[] {
  const ids = new Set([...Object.keys(after.received), ...Object.keys(after.lastPick)]);
  return [...ids].filter(
    (id) => before.received[id] !== after.received[id] || before.lastPick[id] !== after.lastPick[id],
  );
}

export const emptyRotationState = (): RotationState => ({ received: {}, lastPick: {}, lastDepartment: null });
