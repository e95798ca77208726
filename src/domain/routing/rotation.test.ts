import { describe, expect, it } from 'vitest';
import {
  applyPick,
  changedReps,
  effectiveReceived,
  emptyRotationState,
  pickFromPool,
  poolKeyOf,
  type RotationBalance,
} from './rotation.js';
import type { RotationState } from './routing-types.js';

interface Rep {
  id: string;
  weight: number;
  department: string | null;
}

/** A small deterministic generator (mulberry32), so every run checks the same cases. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs n picks, returning the sequence of picked ids and the final state. */
function run(
  pool: readonly Rep[],
  n: number,
  state: RotationState = emptyRotationState(),
  balance: RotationBalance = 'weight',
) {
  const picks: string[] = [];
  let s = state;
  for (let i = 0; i < n; i++) {
    const pick = pickFromPool(pool, s, balance);
    s = applyPick(s, pick);
    picks.push(pick.repId);
  }
  return { picks, state: s };
}

/** The largest |count − weighted share| over every prefix of `picks`. */
function worstPrefixDeviation(pool: readonly Rep[], picks: readonly string[]): number {
  const W = pool.reduce((sum, r) => sum + r.weight, 0);
  const counts = new Map(pool.map((r) => [r.id, 0]));
  let worst = 0;
  picks.forEach((id, i) => {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const r of pool) {
      worst = Math.max(worst, Math.abs((counts.get(r.id) ?? 0) - (r.weight * (i + 1)) / W));
    }
  });
  return worst;
}

const count = (picks: readonly string[], id: string) => picks.filter((p) => p === id).length;

describe('weighted rotation (SPEC §5.2 step 3: within ±1 of the weighted share over any window)', () => {
  it('gives weights 1:2:3 over 60 leads exactly 10/20/30, within ±1 at every prefix', () => {
    const pool = [
      { id: 'a', weight: 1, department: null },
      { id: 'b', weight: 2, department: null },
      { id: 'c', weight: 3, department: null },
    ];
    const { picks, state } = run(pool, 60);
    expect([count(picks, 'a'), count(picks, 'b'), count(picks, 'c')]).toEqual([10, 20, 30]);
    expect(state.received).toEqual({ a: 10, b: 20, c: 30 });
    expect(worstPrefixDeviation(pool, picks)).toBeLessThan(1);
  });

  it('keeps every rep strictly within ±1 of its share at every prefix (random weights 1–5, pools of 2–12, 400 seeds)', () => {
    let worst = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const size = 2 + Math.floor(next() * 11);
      const departments = ['east', 'west', 'north', null];
      const pool: Rep[] = Array.from({ length: size }, (_, i) => ({
        id: `rep-${String(i).padStart(2, '0')}`,
        weight: 1 + Math.floor(next() * 5),
        department: departments[Math.floor(next() * departments.length)],
      }));
      const W = pool.reduce((sum, r) => sum + r.weight, 0);
      const { picks } = run(pool, 3 * W + 7);
      const deviation = worstPrefixDeviation(pool, picks);
      if (deviation >= 1) throw new Error(`seed ${seed}: ${JSON.stringify(pool)} deviates by ${deviation}`);
      worst = Math.max(worst, deviation);
    }
    expect(worst).toBeLessThan(1);
  });

  it('does better than the plain largest-deficit rule, which starves a light rep by more than one lead', () => {
    const weights = [2, 5, 1, 5, 1, 5, 5, 5, 1, 1, 2];
    const pool = weights.map((weight, i) => ({ id: `r${String(i).padStart(2, '0')}`, weight, department: null }));
    const W = weights.reduce((a, b) => a + b, 0);
    // The deficit rule (Cal.com getLuckyUser, nginx smooth WRR): largest weight×(R+1)/W − received.
    const counts = weights.map(() => 0);
    const deficitPicks: string[] = [];
    for (let n = 0; n < 20; n++) {
      let best = 0;
      for (let i = 1; i < weights.length; i++) {
        if (weights[i] * (n + 1) - counts[i] * W > weights[best] * (n + 1) - counts[best] * W) best = i;
      }
      counts[best]++;
      deficitPicks.push(pool[best].id);
    }
    expect(worstPrefixDeviation(pool, deficitPicks)).toBeGreaterThan(1);
    expect(worstPrefixDeviation(pool, run(pool, 20).picks)).toBeLessThan(1);
  });

  it('interleaves departments among equal-weight reps instead of going down the id list', () => {
    const pool = [
      { id: 'a1', weight: 1, department: 'east' },
      { id: 'a2', weight: 1, department: 'east' },
      { id: 'b1', weight: 1, department: 'west' },
      { id: 'b2', weight: 1, department: 'west' },
      { id: 'c1', weight: 1, department: 'north' },
      { id: 'c2', weight: 1, department: 'north' },
    ];
    const departmentOf = new Map(pool.map((r) => [r.id, r.department]));
    const { picks } = run(pool, 24);
    for (let i = 1; i < picks.length; i++) {
      expect(departmentOf.get(picks[i]), `picks ${i - 1} and ${i}: ${picks.join(' ')}`).not.toBe(
        departmentOf.get(picks[i - 1]),
      );
    }
    for (const r of pool) expect(count(picks, r.id)).toBe(4);
  });

  it('says which tie-break decided among equals', () => {
    const pool = [
      { id: 'a1', weight: 1, department: 'east' },
      { id: 'a2', weight: 1, department: 'east' },
      { id: 'b1', weight: 1, department: 'west' },
    ];
    const first = pickFromPool(pool, emptyRotationState(), 'weight');
    expect(first).toMatchObject({ repId: 'a1', tieBreak: 'id' });
    const second = pickFromPool(pool, applyPick(emptyRotationState(), first), 'weight');
    expect(second).toMatchObject({ repId: 'b1', tieBreak: 'department' });
    const heavy = pickFromPool([{ id: 'x', weight: 3, department: null }, ...pool], emptyRotationState(), 'weight');
    expect(heavy).toMatchObject({ repId: 'x', tieBreak: null });
  });

  it('does not give a rep added after 30 picks a burst: it starts at its share of the pool', () => {
    const pool = [
      { id: 'a', weight: 1, department: null },
      { id: 'b', weight: 1, department: null },
      { id: 'c', weight: 1, department: null },
    ];
    const before = run(pool, 30).state;
    expect(before.received).toEqual({ a: 10, b: 10, c: 10 });
    const grown = [...pool, { id: 'd', weight: 1, department: null }];
    expect(effectiveReceived(grown, before)).toMatchObject({ d: 10 });
    const after = run(grown, 40, before);
    // From the moment d joins, every rep (d included) stays within ±1 of its share of the new leads.
    expect(worstPrefixDeviation(grown, after.picks)).toBeLessThanOrEqual(1);
    expect(after.picks.slice(0, 4).filter((p) => p === 'd').length).toBeLessThanOrEqual(1);
    expect(count(after.picks, 'd')).toBe(10);
  });

  it('seeds a heavier newcomer at its weighted share, not at the others’ average count', () => {
    const state: RotationState = { received: { a: 12, b: 12 }, lastPick: {}, lastDepartment: null };
    const pool = [
      { id: 'a', weight: 1, department: null },
      { id: 'b', weight: 1, department: null },
      { id: 'c', weight: 2, department: null },
    ];
    expect(effectiveReceived(pool, state)).toEqual({ a: 12, b: 12, c: 24 });
  });

  it('does not give a returning rep a run of leads to catch up on what it missed', () => {
    const pool = [
      { id: 'a', weight: 1, department: null },
      { id: 'b', weight: 1, department: null },
      { id: 'c', weight: 1, department: null },
    ];
    const start = run(pool, 30).state;
    // a is away (suspended, at capacity) while b and c share 30 more leads…
    const away = run(pool.slice(1), 30, start).state;
    expect(away.received).toEqual({ a: 10, b: 25, c: 25 });
    // …and comes back at the floor of its share (24 of 74), not at its stale 10.
    expect(effectiveReceived(pool, away).a).toBe(24);
    const back = run(pool, 9, away);
    expect(back.picks.slice(0, 3).filter((p) => p === 'a').length).toBeLessThanOrEqual(2);
    expect(count(back.picks, 'a')).toBeLessThanOrEqual(4);
  });

  it('with balance "department" gives each department an equal share, split by weight inside it', () => {
    const pool = [
      { id: 'solo', weight: 1, department: 'east' },
      { id: 'w1', weight: 1, department: 'west' },
      { id: 'w2', weight: 1, department: 'west' },
      { id: 'w3', weight: 2, department: 'west' },
    ];
    const { picks } = run(pool, 40, emptyRotationState(), 'department');
    expect(count(picks, 'solo')).toBe(20);
    expect([count(picks, 'w1'), count(picks, 'w2'), count(picks, 'w3')]).toEqual([5, 5, 10]);
    let east = 0;
    picks.forEach((id, i) => {
      if (id === 'solo') east++;
      expect(Math.abs(east - (i + 1) / 2)).toBeLessThanOrEqual(1);
    });
  });

  it('in department mode stays within its bounds over random pools (the floor never interferes)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const next = random(seed * 7919);
      const size = 2 + Math.floor(next() * 9);
      const pool: Rep[] = Array.from({ length: size }, (_, i) => ({
        id: `rep-${i}`,
        weight: 1 + Math.floor(next() * 5),
        department: ['east', 'west', 'north'][Math.floor(next() * 3)],
      }));
      const departments = [...new Set(pool.map((r) => r.department))];
      const { picks } = run(pool, 60, emptyRotationState(), 'department');
      const perDepartment = new Map<string | null, number>();
      picks.forEach((id, i) => {
        const d = pool.find((r) => r.id === id)?.department ?? null;
        perDepartment.set(d, (perDepartment.get(d) ?? 0) + 1);
        for (const dep of departments) {
          expect(Math.abs((perDepartment.get(dep) ?? 0) - (i + 1) / departments.length)).toBeLessThan(1);
        }
      });
    }
  });
});

describe('applyPick (what storage persists)', () => {
  it('adds one for the pick, numbers the pick, remembers the department and keeps others', () => {
    const pool = [
      { id: 'a', weight: 1, department: 'east' },
      { id: 'b', weight: 1, department: 'west' },
    ];
    const state: RotationState = {
      received: { a: 3, b: 3, gone: 7 },
      lastPick: { a: 5, b: 6, gone: 2 },
      lastDepartment: 'west',
    };
    const pick = pickFromPool(pool, state, 'weight');
    expect(pick.repId).toBe('a');
    const after = applyPick(state, pick);
    expect(after).toEqual({
      received: { a: 4, b: 3, gone: 7 },
      lastPick: { a: 7, b: 6, gone: 2 },
      lastDepartment: 'east',
    });
    expect(changedReps(state, after)).toEqual(['a']);
  });

  it('persists a newcomer’s starting share so it is not re-seeded next time', () => {
    const pool = [
      { id: 'a', weight: 1, department: null },
      { id: 'new', weight: 1, department: null },
    ];
    const state: RotationState = { received: { a: 8 }, lastPick: { a: 1 }, lastDepartment: null };
    const pick = pickFromPool(pool, state, 'weight');
    const after = applyPick(state, pick);
    expect(Object.values(after.received).reduce((a, b) => a + b, 0)).toBe(17);
    expect(after.received.new).toBeGreaterThanOrEqual(8);
    expect(changedReps(state, after).sort()).toEqual(pick.repId === 'a' ? ['a', 'new'] : ['new']);
  });
});

describe('poolKeyOf', () => {
  it('names the same set of reps the same way whatever the order', () => {
    expect(poolKeyOf(['b', 'a', 'c'])).toBe('reps:a,b,c');
    expect(poolKeyOf(['c', 'b', 'a'])).toBe(poolKeyOf(['a', 'b', 'c']));
    expect(poolKeyOf(['a', 'b'], 'department')).toBe('dept:a,b');
  });

  it('hashes long sets to a short stable key', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `01J8ZQ${String(i).padStart(20, '0')}`);
    const key = poolKeyOf(ids);
    expect(key).toMatch(/^reps:200#[0-9a-f]{32}$/);
    expect(poolKeyOf([...ids].reverse())).toBe(key);
  });
});
