/**
 * The SDR credit rule (SPEC §8.3, seed 000): a hand-off the rep accepted (an SQL) counts for the
 * SDR who made it when an opportunity is registered on it within `creditWindowDays` of the
 * acceptance and is not withdrawn within `withdrawalWindowDays` of its registration. Both windows
 * are inclusive and measured in 24-hour days: an opportunity registered 45 days to the
 * millisecond after acceptance counts, one a moment later does not; a withdrawal 14 days after
 * registration still falls within the window (no credit), a later one does not.
 *
 * The credit is the hand-off's own (1, or the partial credit of a sync, default 1/3) times the
 * inbound or outbound weight of the lead. A hand-off earns it once, however many opportunities
 * follow. An opportunity still open and younger than the withdrawal window earns the credit
 * provisionally: it counts, and the report says how much of it could still be taken back.
 */
import type { ReportRules } from './report-rules.js';

const DAY_MS = 86_400_000;

export interface CreditOpportunity {
  createdAt: Date;
  withdrawnAt: Date | null;
  stage: 'open' | 'withdrawn' | 'won' | 'lost';
}

export interface HandoffCreditFacts {
  /** The hand-off's credit: 1, or a sync's partial credit. */
  credit: number;
  /** When the rep accepted it; null when it never was. */
  acceptedAt: Date | null;
  /** The lead was sourced by the SDR (its original channel is an outbound one). */
  outbound: boolean;
  opportunities: readonly CreditOpportunity[];
}

export type CreditOutcome =
  | { earned: true; credit: number; provisional: boolean }
  | {
      earned: false;
      credit: 0;
      provisional: false;
      why: 'not_accepted' | 'no_opportunity' | 'opportunity_after_window' | 'withdrawn_within_window';
    };

const none = (why: Extract<CreditOutcome, { earned: false }>['why']): CreditOutcome => ({
  earned: false,
  credit: 0,
  provisional: false,
  why,
});

export function creditOfHandoff(facts: HandoffCreditFacts, rules: ReportRules, now: Date): CreditOutcome {
  const accepted = facts.acceptedAt;
  if (!accepted) return none('not_accepted');
  if (facts.opportunities.length === 0) return none('no_opportunity');
  const creditLimit = accepted.getTime() + rules.creditWindowDays * DAY_MS;
  const inTime = facts.opportunities.filter(
    (o) => o.createdAt.getTime() >= accepted.getTime() && o.createdAt.getTime() <= creditLimit,
  );
  if (inTime.length === 0) return none('opportunity_after_window');
  const withdrawalWindow = rules.withdrawalWindowDays * DAY_MS;
  const standing = inTime.filter(
    (o) => o.withdrawnAt === null || o.withdrawnAt.getTime() - o.createdAt.getTime() > withdrawalWindow,
  );
  if (standing.length === 0) return none('withdrawn_within_window');
  // Settled: withdrawn after the window, won or lost (no longer withdrawable), or past the window.
  const settled = standing.some((o) => o.stage !== 'open' || now.getTime() - o.createdAt.getTime() > withdrawalWindow);
  const weight = facts.outbound ? rules.weights.outbound : rules.weights.inbound;
  return { earned: true, credit: facts.credit * weight, provisional: !settled };
}

/** Credits add up in floating point (three syncs of 1/3): shown to 6 decimal places. */
export const roundCredit = (value: number): number => Math.round(value * 1e6) / 1e6;
