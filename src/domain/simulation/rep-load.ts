/**
 * Per-rep load of a replayed period (SPEC §8.6 "per-rep load") and how fair it is against the
 * rotation weights (SPEC §5.2 step 3: leads in proportion to weight). Region, industry and
 * skill narrow pools on purpose, so a deviation is a figure to read, not an error.
 */
import type { RepCandidate } from '../routing/routing-types.js';
import type { Fairness, RepLoad } from './simulation-types.js';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface LoadPick {
  repId: string;
  at: Date;
}

/**
 * `reps`: every rep eligible at some moment of the period (weights as on the roster); reps
 * that received hand-offs without being listed (an account owner) appear with weightShare 0.
 */
export function repLoad(
  picks: readonly LoadPick[],
  reps: readonly Pick<RepCandidate, 'id' | 'weight'>[],
  period: { from: Date; to: Date },
): { load: RepLoad[]; fairness: Fairness; perDay: number } {
  const days = Math.max((period.to.getTime() - period.from.getTime()) / DAY_MS, 1 / 24);
  const totalWeight = reps.reduce((s, r) => s + r.weight, 0);
  const weightOf = new Map(reps.map((r) => [r.id, r.weight]));
  const counts = new Map<string, number>();
  const daily = new Map<string, Map<number, number>>();
  for (const r of reps) counts.set(r.id, 0);
  for (const p of picks) {
    counts.set(p.repId, (counts.get(p.repId) ?? 0) + 1);
    const day = Math.floor((p.at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
    const byDay = daily.get(p.repId) ?? new Map<number, number>();
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    daily.set(p.repId, byDay);
  }
  const total = picks.length;
  const load: RepLoad[] = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([repId, handoffs]) => ({
      repId,
      handoffs,
      share: total ? handoffs / total : 0,
      weightShare: totalWeight ? (weightOf.get(repId) ?? 0) / totalWeight : 0,
      perDay: handoffs / days,
      peakDay: Math.max(0, ...(daily.get(repId)?.values() ?? [])),
    }));
  return { load, fairness: fairnessOf(load, weightOf), perDay: total / days };
}

function fairnessOf(load: readonly RepLoad[], weightOf: ReadonlyMap<string, number>): Fairness {
  let maxDeviation = 0;
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (const l of load) {
    const weight = weightOf.get(l.repId);
    if (weight === undefined || weight <= 0) continue;
    maxDeviation = Math.max(maxDeviation, Math.abs(l.share - l.weightShare));
    const x = l.handoffs / weight;
    sum += x;
    squares += x * x;
    n++;
  }
  return { maxDeviation, index: squares > 0 ? (sum * sum) / (n * squares) : null };
}
