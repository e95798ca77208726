/**
 * Choosing the rep (SPEC §5.2) as one pure function: account match first; then only available
 * reps (this month's list, not suspended, below capacity); then region → industry → skill,
 * each narrowing only when it leaves someone; then weighted rotation within what is left;
 * nobody left → manual dispatch with the reasons. Every rule tried, every rep skipped and the
 * pick go into `explanation`, so the hand-off itself answers "why did this rep get this lead?":
 * each rep is on a skip line, named as left out by a rule dimension, or named in the rotation
 * line as picked or not yet due (beyond the first ten of a step, counted).
 *
 * Services call it inside the transfer's transaction. To keep rotation exact across processes
 * they lock the pool's counters before reading them: `narrowPool` gives the pool and its key
 * without needing rotation state, then `chooseRep` reads the state through `rotation(poolKey)`
 * and `applyPick(state, outcome.rotation)` gives what to write back.
 */
import { decideByAccount } from './account-rule.js';
import { describeSkips, filterAvailable, type SkipCounts } from './eligibility.js';
import { num, repLabel } from './format.js';
import { MAX_NAMED, nameLeftOut, narrowByIndustry, narrowByRegion, narrowBySkill } from './narrow.js';
import { pickFromPool, poolKeyOf, type RotationPick } from './rotation.js';
import type {
  AccountMatch,
  RepCandidate,
  RotationState,
  RoutingDecision,
  RoutingLead,
  RoutingPolicy,
  RoutingStep,
} from './routing-types.js';

export interface ChooseRepInput {
  lead: RoutingLead;
  account: AccountMatch | null;
  candidates: readonly RepCandidate[];
  /** The stored rotation state of a pool (empty state when the pool is new). */
  rotation: (poolKey: string) => RotationState;
  policy: RoutingPolicy;
  now: Date;
  /** The new contact's title for the seniority rule; defaults to the lead's own title. */
  contactTitle?: string | null;
}

/** The decision, plus the rotation pick to persist (null when no rotation ran). */
export interface RoutingOutcome extends RoutingDecision {
  rotation: RotationPick | null;
}

export interface PoolResult {
  /** The reps rotation picks between; empty when nobody fits. */
  pool: RepCandidate[];
  /** Null when the pool is empty. */
  poolKey: string | null;
  steps: RoutingStep[];
  skipped: SkipCounts;
}

/** Availability and the rule dimensions, without the account rule or rotation state. */
export function narrowPool(input: Pick<ChooseRepInput, 'lead' | 'candidates' | 'policy' | 'now'>): PoolResult {
  const { available, steps, skipped } = filterAvailable(input.candidates, input.now);
  if (available.length === 0) return { pool: [], poolKey: null, steps, skipped };
  let pool = available;
  for (const narrow of [
    () => narrowByRegion(pool, input.lead),
    () => narrowByIndustry(pool, input.lead),
    () => narrowBySkill(pool, input.lead, input.policy),
  ]) {
    const result = narrow();
    pool = result.pool;
    steps.push(result.step);
  }
  return {
    pool,
    poolKey: poolKeyOf(
      pool.map((r) => r.id),
      input.policy.balance,
    ),
    steps,
    skipped,
  };
}

const tieBreakText: Record<NonNullable<RotationPick['tieBreak']>, string> = {
  department: '并列时交替部门 (tie: alternate department)',
  least_recent: '并列时取最久未分配者 (tie: least recently picked)',
  id: '并列时按编号 (tie: by id)',
};

/** The rest of the pool (the first MAX_NAMED) and where they stood. */
function notPicked(pool: readonly RepCandidate[], picked: RepCandidate): RepCandidate[] {
  const named: RepCandidate[] = [];
  if (pool.length < 2) return named;
  for (const r of pool) {
    if (r === picked) continue;
    named.push(r);
    if (named.length === MAX_NAMED) break;
  }
  return named;
}

/** "; 未轮到 (not due yet): 李四 (权重1, 已分配3)、…". */
function notPickedText(named: readonly RepCandidate[], total: number, pick: RotationPick): string {
  if (named.length === 0) return '';
  const label = (r: RepCandidate) => `${weightPrefix(r)}${count(pick.received[r.id] ?? 0)})`;
  return `; 未轮到 (not due yet): ${nameLeftOut(named, total, label)}`;
}

/** num() without its rounding work for the usual whole numbers. */
const count = (n: number): string => (Number.isInteger(n) ? String(n) : num(n));

/** "李四 (权重1, 已分配", remembered per rep object while its name and weight stay the same. */
const prefixes = new WeakMap<RepCandidate, { name: string; weight: number; text: string }>();
function weightPrefix(rep: RepCandidate): string {
  const hit = prefixes.get(rep);
  if (hit !== undefined && hit.name === rep.name && hit.weight === rep.weight) return hit.text;
  const text = `${repLabel(rep, rep.id)} (权重${count(rep.weight)}, 已分配`;
  prefixes.set(rep, { name: rep.name, weight: rep.weight, text });
  return text;
}

export function chooseRep(input: ChooseRepInput): RoutingOutcome {
  const contactTitle = input.contactTitle !== undefined ? input.contactTitle : input.lead.title;
  const account = decideByAccount({
    account: input.account,
    contactTitle,
    candidates: input.candidates,
    policy: input.policy,
    now: input.now,
  });
  if (account.decision) return { ...account.decision, explanation: account.steps, rotation: null };

  const narrowed = narrowPool(input);
  const explanation = [...account.steps, ...narrowed.steps];
  if (narrowed.poolKey === null) {
    explanation.push({
      step: 'dispatch',
      outcome: 'dispatch',
      message:
        input.candidates.length === 0
          ? '人工分派 (dispatch): 销售名单为空 (no reps on the roster)'
          : `人工分派 (dispatch): 无可分配销售 (nobody fits) — ${describeSkips(narrowed.skipped)}`,
      ...(input.candidates.length === 0
        ? { code: 'dispatch_no_reps', params: {} }
        : { code: 'dispatch_nobody_fits', params: { ...narrowed.skipped } }),
    });
    return {
      kind: 'dispatch',
      repId: null,
      credit: 1,
      firstContactDueAt: null,
      poolKey: null,
      explanation,
      rotation: null,
    };
  }

  const pick = pickFromPool(narrowed.pool, input.rotation(narrowed.poolKey), input.policy.balance, narrowed.poolKey);
  const rep = narrowed.pool.find((r) => r.id === pick.repId) as RepCandidate;
  const balance = input.policy.balance === 'department' ? '按部门均分 balance: department' : '按权重 balance: weight';
  const notDue = notPicked(narrowed.pool, rep);
  explanation.push({
    step: 'rotation',
    repId: rep.id,
    outcome: 'picked',
    message: `轮转 (rotation): 选中 ${repLabel(rep, rep.id)} (权重${num(rep.weight)}, 已分配${num(pick.received[rep.id])}, 应得${num(pick.share)}${
      rep.department ? `, 部门 ${rep.department}` : ''
    }) — ${narrowed.pool.length} 人池, ${balance}${pick.tieBreak ? `; ${tieBreakText[pick.tieBreak]}` : ''}${notPickedText(
      notDue,
      narrowed.pool.length - 1,
      pick,
    )}`,
    code: 'rotation',
    params: {
      rep: repLabel(rep, rep.id),
      weight: rep.weight,
      received: pick.received[rep.id],
      share: Number(pick.share.toFixed(2)),
      department: rep.department,
      pool: narrowed.pool.length,
      balance: input.policy.balance,
      tieBreak: pick.tieBreak,
      notDue: notDue.map((r) => ({ name: repLabel(r, r.id), weight: r.weight, received: pick.received[r.id] ?? 0 })),
      notDueCount: narrowed.pool.length - 1,
    },
  });
  return {
    kind: 'assign',
    repId: rep.id,
    credit: 1,
    firstContactDueAt: null,
    poolKey: narrowed.poolKey,
    explanation,
    rotation: pick,
  };
}
