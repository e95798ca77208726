/**
 * The acceptance SLA (SPEC §6.2) replayed over hand-offs that really happened: each one's real
 * decision time against the deadline a policy would have set (wall-clock or business time over
 * the calendar), and the penalty rule run over each rep's breaches in order. An undecided
 * hand-off breaches once `now` is past its deadline. This is what the sla kind compares, and
 * what the other kinds scale by the replayed load.
 */
import type { BusinessCalendars } from '../calendar/business-calendar.js';
import { addDuration } from '../calendar/business-time.js';
import { type SlaPolicy, slaDurations } from '../sla/sla-policy.js';
import type { RealHandoff } from './simulation-types.js';

export interface HandoffVerdict {
  handoff: RealHandoff;
  deadline: Date;
  breached: boolean;
}

export interface AcceptanceReplay {
  verdicts: HandoffVerdict[];
  breaches: number;
  /** Rep id → [hand-offs, breaches] of the reps that had any. */
  byRep: Map<string, { handoffs: number; breaches: number }>;
  /** Times the penalty rule (N consecutive breaches) would have suspended a rep. */
  suspensions: number;
}

export function replayAcceptance(
  handoffs: readonly RealHandoff[],
  policy: SlaPolicy,
  calendars: BusinessCalendars,
  now: Date,
): AcceptanceReplay {
  const duration = slaDurations.acceptance(policy);
  const ordered = [...handoffs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || cmp(a.id, b.id));
  const verdicts: HandoffVerdict[] = [];
  const byRep = new Map<string, { handoffs: number; breaches: number }>();
  const streak = new Map<string, number>();
  let breaches = 0;
  let suspensions = 0;
  for (const h of ordered) {
    if (h.repId === null) continue;
    const deadline = addDuration(h.createdAt, duration, policy.acceptance.clock, calendars);
    const decided = h.decidedAt ?? now;
    const breached = decided.getTime() > deadline.getTime();
    verdicts.push({ handoff: h, deadline, breached });
    const rep = byRep.get(h.repId) ?? { handoffs: 0, breaches: 0 };
    rep.handoffs++;
    if (breached) {
      rep.breaches++;
      breaches++;
      const run = (streak.get(h.repId) ?? 0) + 1;
      // The suspension starts a fresh count, as a breach after it is the first of a new run.
      if (run >= policy.penalty.consecutiveBreaches) {
        suspensions++;
        streak.set(h.repId, 0);
      } else streak.set(h.repId, run);
    } else if (h.decidedAt !== null) streak.set(h.repId, 0);
    byRep.set(h.repId, rep);
  }
  return { verdicts, breaches, byRep, suspensions };
}

/**
 * Expected breaches of a replayed load: each rep's hand-offs times that rep's observed breach
 * rate under the policy (the team's rate for a rep without real hand-offs in the period).
 * Null when no real hand-off reached a rep: there is nothing honest to scale.
 */
export function expectedBreaches(load: ReadonlyMap<string, number>, observed: AcceptanceReplay): number | null {
  let all = 0;
  let breached = 0;
  for (const r of observed.byRep.values()) {
    all += r.handoffs;
    breached += r.breaches;
  }
  if (all === 0) return null;
  const teamRate = breached / all;
  let expected = 0;
  for (const [repId, n] of load) {
    const rep = observed.byRep.get(repId);
    expected += n * (rep ? rep.breaches / rep.handoffs : teamRate);
  }
  return expected;
}

/**
 * How long a hand-off stays open (undecided) in this team: the median real decision delay,
 * or `fallbackMs` (the acceptance SLA) when none was decided. Replayed loads hold each
 * hand-off open this long, so a rep's capacity (SPEC §5.2 step 4) bites as it would.
 */
export function typicalDecisionDelay(handoffs: readonly RealHandoff[], fallbackMs: number): number {
  const delays = handoffs
    .filter((h) => h.decidedAt !== null && h.repId !== null)
    .map((h) => (h.decidedAt as Date).getTime() - h.createdAt.getTime())
    .sort((a, b) => a - b);
  if (delays.length === 0) return fallbackMs;
  const mid = delays.length >> 1;
  return delays.length % 2 ? delays[mid] : (delays[mid - 1] + delays[mid]) / 2;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
