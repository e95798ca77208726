/**
 * Who may receive an MQL now (SPEC §5.2 step 4): on this month's eligibility list, not
 * suspended (§6.2), below capacity (open undecided MQLs), with a usable rotation weight. A rep
 * who fails is skipped, not queued — one explanation line each, naming every reason.
 */
import { formatTime, repLabel } from './format.js';
import type { RepCandidate, RoutingStep } from './routing-types.js';

export interface SkipCounts {
  notEligible: number;
  suspended: number;
  atCapacity: number;
  badWeight: number;
}

export interface Availability {
  available: RepCandidate[];
  steps: RoutingStep[];
  skipped: SkipCounts;
}

export function filterAvailable(candidates: readonly RepCandidate[], now: Date): Availability {
  const available: RepCandidate[] = [];
  const steps: RoutingStep[] = [];
  const skipped: SkipCounts = { notEligible: 0, suspended: 0, atCapacity: 0, badWeight: 0 };
  const nowMs = now.getTime();
  for (const rep of candidates) {
    const suspended = rep.suspendedUntil !== null && rep.suspendedUntil.getTime() > nowMs;
    const full = !(rep.openMqls < rep.capacity);
    const badWeight = !(rep.weight > 0) || !Number.isFinite(rep.weight);
    if (rep.eligible && !suspended && !full && !badWeight) {
      available.push(rep);
      continue;
    }
    if (!rep.eligible) skipped.notEligible++;
    if (suspended) skipped.suspended++;
    if (full) skipped.atCapacity++;
    if (badWeight) skipped.badWeight++;
    steps.push(skipLine(rep, suspended, full, badWeight));
  }
  return { available, steps, skipped };
}

/**
 * The skip line of a rep, remembered while what it says stays true: routing sees the same
 * roster transfer after transfer, and building ~50 lines per decision would otherwise be most
 * of its cost. Lines are frozen, so sharing them between decisions is safe.
 */
interface RememberedLine {
  name: string;
  eligible: boolean;
  suspendedUntil: number | null;
  openMqls: number;
  capacity: number;
  weight: number;
  line: RoutingStep;
}
const rememberedLines = new Map<string, RememberedLine>();

function skipLine(rep: RepCandidate, suspended: boolean, full: boolean, badWeight: boolean): RoutingStep {
  const suspendedUntil = suspended ? (rep.suspendedUntil as Date).getTime() : null;
  const known = rememberedLines.get(rep.id);
  if (
    known !== undefined &&
    known.name === rep.name &&
    known.eligible === rep.eligible &&
    known.suspendedUntil === suspendedUntil &&
    known.openMqls === rep.openMqls &&
    known.capacity === rep.capacity &&
    (known.weight === rep.weight || (Number.isNaN(known.weight) && Number.isNaN(rep.weight)))
  ) {
    return known.line;
  }
  // One line per rep naming every reason; the step is the first check it fails.
  let step: SkippedStep | undefined;
  const reasons: string[] = [];
  if (!rep.eligible) {
    step ??= 'eligibility';
    reasons.push(NOT_ON_LIST);
  }
  if (suspended) {
    step ??= 'suspension';
    reasons.push(`暂停至 ${formatTime(rep.suspendedUntil as Date)} (suspended)`);
  }
  if (full) {
    step ??= 'capacity';
    reasons.push(`未决 MQL ${rep.openMqls}/${rep.capacity} 已满 (at capacity)`);
  }
  if (badWeight) {
    step ??= 'eligibility';
    reasons.push(`轮转权重 ${rep.weight} 无效 (weight must be > 0)`);
  }
  const s = step ?? 'eligibility';
  const line: RoutingStep = Object.freeze({
    step: s,
    repId: rep.id,
    outcome: 'skipped',
    message: `${stepTitle[s]}: 跳过 ${repLabel(rep, rep.id)} — ${reasons.join('; ')}`,
    code: 'rep_skipped',
    params: Object.freeze({
      rep: repLabel(rep, rep.id),
      notEligible: !rep.eligible,
      suspendedUntil: suspended ? (rep.suspendedUntil as Date).toISOString() : null,
      atCapacity: full,
      openMqls: rep.openMqls,
      capacity: rep.capacity,
      badWeight,
      weight: Number.isFinite(rep.weight) ? rep.weight : null,
    }),
  });
  if (rememberedLines.size >= 20_000) rememberedLines.clear();
  rememberedLines.set(rep.id, {
    name: rep.name,
    eligible: rep.eligible,
    suspendedUntil,
    openMqls: rep.openMqls,
    capacity: rep.capacity,
    weight: rep.weight,
    line,
  });
  return line;
}

type SkippedStep = 'eligibility' | 'suspension' | 'capacity';
const NOT_ON_LIST = "不在本月名单 (not on this month's eligibility list)";
const stepTitle: Record<SkippedStep, string> = {
  eligibility: '资格 (eligibility)',
  suspension: '暂停 (suspension)',
  capacity: '产能 (capacity)',
};

/** "2 人不在本月名单, 1 人暂停 (2 not eligible, 1 suspended)" for the dispatch line. */
export function describeSkips(s: SkipCounts): string {
  const zh: string[] = [];
  const en: string[] = [];
  if (s.notEligible) {
    zh.push(`${s.notEligible} 人不在本月名单`);
    en.push(`${s.notEligible} not eligible`);
  }
  if (s.suspended) {
    zh.push(`${s.suspended} 人暂停`);
    en.push(`${s.suspended} suspended`);
  }
  if (s.atCapacity) {
    zh.push(`${s.atCapacity} 人满额`);
    en.push(`${s.atCapacity} at capacity`);
  }
  if (s.badWeight) {
    zh.push(`${s.badWeight} 人权重无效`);
    en.push(`${s.badWeight} without a usable weight`);
  }
  return `${zh.join(', ')} (${en.join(', ')})`;
}
