/**
 * An SDR's outcome metrics (SPEC §8.3) from the hand-offs they made in a period: MQLs (every
 * hand-off, whatever came of it), SQLs (those a rep accepted, a later return included),
 * opportunities (hand-offs an opportunity was registered on) and the credited SQLs of the credit
 * rule (credit-rule.ts), with the part of that credit still provisional.
 */
import { type CreditOutcome, creditOfHandoff, type HandoffCreditFacts, roundCredit } from './credit-rule.js';
import type { ReportRules } from './report-rules.js';

export interface SdrHandoffFacts extends HandoffCreditFacts {
  sdrId: string;
}

export interface SdrOutcomes {
  mqls: number;
  sqls: number;
  opportunities: number;
  creditedSqls: number;
  /** Part of creditedSqls whose opportunity is open and may still be withdrawn within the window. */
  provisionalCredit: number;
}

export const noOutcomes = (): SdrOutcomes => ({
  mqls: 0,
  sqls: 0,
  opportunities: 0,
  creditedSqls: 0,
  provisionalCredit: 0,
});

export function sdrOutcomes(
  handoffs: readonly SdrHandoffFacts[],
  rules: ReportRules,
  now: Date,
): Map<string, SdrOutcomes> {
  const bySdr = new Map<string, SdrOutcomes>();
  for (const h of handoffs) {
    let o = bySdr.get(h.sdrId);
    if (!o) {
      o = noOutcomes();
      bySdr.set(h.sdrId, o);
    }
    o.mqls += 1;
    if (h.acceptedAt) o.sqls += 1;
    if (h.opportunities.length > 0) o.opportunities += 1;
    const credit: CreditOutcome = creditOfHandoff(h, rules, now);
    if (credit.earned) {
      o.creditedSqls += credit.credit;
      if (credit.provisional) o.provisionalCredit += credit.credit;
    }
  }
  for (const o of bySdr.values()) {
    o.creditedSqls = roundCredit(o.creditedSqls);
    o.provisionalCredit = roundCredit(o.provisionalCredit);
  }
  return bySdr;
}
