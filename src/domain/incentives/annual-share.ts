/**
 * The annual revenue share (SPEC §8.3, seed 004 3) 长期激励) and the partner commission split
 * (seed 004 scenario 3). Pure: the deals, the report rules and `now` are passed in.
 *
 * - A deal counts for the SDR who made the hand-off its opportunity follows (the SDR who owned
 *   the lead when it qualified), under the SDR report's credit rule (credit-rule.ts): the
 *   opportunity registered within the credit window of the acceptance; the credit is the
 *   hand-off's own (1, or a sync's partial credit, 1/3 by default) times the inbound or outbound
 *   weight. A won deal is never withdrawn, so its credit is settled.
 * - The commission of a deal is its won amount × the plan's share rate. The SDR earns it times
 *   their credit. On a partner-introduced deal (the opportunity names a partner) the commission is
 *   split: the partner gets its part, the SDR their part times their credit. A deal the SDR earns
 *   no credit on is not split: it is listed as not counted, with the reason.
 * - Only deals won in the plan's currency count (no exchange rates): others are listed as not counted.
 * - Money is exact: the amount is read from its decimal text into fen (economics/money.ts), the
 *   rate and the credit are exact rationals, each part is rounded once to the fen, halves away
 *   from zero; an SDR's total is the sum of the parts shown.
 */
import { parseAmount } from '../economics/money.js';
import { Exact } from '../planning/exact.js';
import { creditOfHandoff } from '../reports/credit-rule.js';
import type { ReportRules } from '../reports/report-rules.js';
import { type AwardLine, formatMoney, type IncentivePlan, toFen } from './incentive-plan.js';

export interface WonDeal {
  opportunityId: string;
  leadId: string;
  name: string | null;
  /** The won amount as the database prints it ("80000", "1234.50"). */
  amount: string;
  currency: string;
  wonAt: Date;
  /** When the opportunity was registered (the credit window reads it). */
  createdAt: Date;
  partnerName: string | null;
  /** The SDR who made the hand-off the opportunity follows. */
  sdrId: string;
  /** That hand-off's credit (1, or a sync's partial credit) and when the rep accepted it. */
  handoffCredit: number;
  acceptedAt: Date | null;
  /** The lead's original channel is an outbound one (report rules). */
  outbound: boolean;
}

export interface CountedDeal {
  opportunityId: string;
  leadId: string;
  name: string | null;
  amountFen: number;
  wonAt: Date;
  /** The SDR's credit on the deal, exact ("1/3") and to 6 decimals. */
  credit: { exact: string; value: number };
  partnerName: string | null;
  sdrFen: number;
  /** The partner's part; 0 without a partner. */
  partnerFen: number;
  basis: string;
}

export type NotCountedReason = 'other_currency' | 'not_accepted' | 'opportunity_after_window' | 'invalid_amount';

export interface NotCountedDeal {
  opportunityId: string;
  leadId: string;
  name: string | null;
  amount: string;
  currency: string;
  why: NotCountedReason;
}

export interface SdrAnnualShare {
  sdrId: string;
  deals: CountedDeal[];
  notCounted: NotCountedDeal[];
  /** Won revenue of the counted deals (their full amounts). */
  wonRevenueFen: number;
  sdrFen: number;
  partnerFen: number;
}

export interface PartnerCommission {
  partnerName: string;
  deals: number;
  wonRevenueFen: number;
  commissionFen: number;
}

export interface AnnualShareResult {
  bySdr: Map<string, SdrAnnualShare>;
  /** By partner name, the parts of the split deals. */
  partners: PartnerCommission[];
}

/**
 * A credit as stored (a double: 1/3 comes back as 0.3333333333333333) as the fraction it stands
 * for: the one with the smallest denominator up to 1000 within 1e-12; otherwise its decimal text.
 */
export function creditFraction(value: number): Exact {
  for (let q = 1; q <= 1000; q++) {
    const p = Math.round(value * q);
    if (Math.abs(p / q - value) < 1e-12) return Exact.fraction(BigInt(p), BigInt(q));
  }
  return Exact.parse(value) ?? Exact.zero;
}

/** 0.015 → "1.5%". */
const percent = (x: Exact): string => `${Number(x.times(Exact.integer(100)).toFixed(6))}%`;

export const emptyShare = (sdrId: string): SdrAnnualShare => ({
  sdrId,
  deals: [],
  notCounted: [],
  wonRevenueFen: 0,
  sdrFen: 0,
  partnerFen: 0,
});

function countDeal(
  plan: IncentivePlan,
  deal: WonDeal,
  rules: ReportRules,
  now: Date,
): { counted: CountedDeal } | { why: NotCountedReason } {
  if (deal.currency !== plan.currency) return { why: 'other_currency' };
  const amount = parseAmount(deal.amount);
  if ('error' in amount) return { why: 'invalid_amount' };
  const outcome = creditOfHandoff(
    {
      credit: deal.handoffCredit,
      acceptedAt: deal.acceptedAt,
      outbound: deal.outbound,
      opportunities: [{ createdAt: deal.createdAt, withdrawnAt: null, stage: 'won' }],
    },
    rules,
    now,
  );
  if (!outcome.earned) {
    return { why: outcome.why === 'not_accepted' ? 'not_accepted' : 'opportunity_after_window' };
  }
  const money = (minor: number) => formatMoney(minor, plan.currency);
  const credit = creditFraction(outcome.credit);
  const rate = Exact.parse(plan.annual.shareRate) ?? Exact.zero;
  const commission = Exact.integer(amount.fen).times(rate);
  const head = `${deal.name ?? deal.opportunityId} ${money(amount.fen)} × ${percent(rate)}`;
  let sdrFen: number;
  let partnerFen = 0;
  let basis: string;
  if (deal.partnerName) {
    const split = plan.annual.partnerSplit;
    const sdrPart = Exact.parse(split.sdr) ?? Exact.zero;
    const partnerPart = Exact.parse(split.partner) ?? Exact.zero;
    partnerFen = toFen(commission.times(partnerPart));
    sdrFen = toFen(commission.times(sdrPart).times(credit));
    basis = `${head}: partner ${deal.partnerName} ${percent(partnerPart)} ${money(partnerFen)}; SDR ${percent(sdrPart)} × credit ${credit} ${money(sdrFen)}`;
  } else {
    sdrFen = toFen(commission.times(credit));
    basis = `${head} × credit ${credit}: ${money(sdrFen)}`;
  }
  return {
    counted: {
      opportunityId: deal.opportunityId,
      leadId: deal.leadId,
      name: deal.name,
      amountFen: amount.fen,
      wonAt: deal.wonAt,
      credit: { exact: credit.toString(), value: credit.toNumber(6) },
      partnerName: deal.partnerName,
      sdrFen,
      partnerFen,
      basis,
    },
  };
}

/** The deals won in the year, each to the SDR it credits; deals in order of their won date. */
export function annualRevenueShare(
  plan: IncentivePlan,
  deals: readonly WonDeal[],
  rules: ReportRules,
  now: Date,
): AnnualShareResult {
  const bySdr = new Map<string, SdrAnnualShare>();
  const partners = new Map<string, PartnerCommission>();
  const ordered = [...deals].sort(
    (a, b) => a.wonAt.getTime() - b.wonAt.getTime() || a.opportunityId.localeCompare(b.opportunityId),
  );
  for (const deal of ordered) {
    const share = bySdr.get(deal.sdrId) ?? emptyShare(deal.sdrId);
    bySdr.set(deal.sdrId, share);
    const result = countDeal(plan, deal, rules, now);
    if ('why' in result) {
      const { opportunityId, leadId, name, amount, currency } = deal;
      share.notCounted.push({ opportunityId, leadId, name, amount, currency, why: result.why });
      continue;
    }
    const counted = result.counted;
    share.deals.push(counted);
    share.wonRevenueFen += counted.amountFen;
    share.sdrFen += counted.sdrFen;
    share.partnerFen += counted.partnerFen;
    if (counted.partnerName) {
      const p = partners.get(counted.partnerName) ?? {
        partnerName: counted.partnerName,
        deals: 0,
        wonRevenueFen: 0,
        commissionFen: 0,
      };
      p.deals += 1;
      p.wonRevenueFen += counted.amountFen;
      p.commissionFen += counted.partnerFen;
      partners.set(counted.partnerName, p);
    }
  }
  return {
    bySdr,
    partners: [...partners.values()].sort((a, b) => a.partnerName.localeCompare(b.partnerName)),
  };
}

/** The SDR's annual line: the sum of their parts, with what it is made of. */
export function annualLine(plan: IncentivePlan, share: SdrAnnualShare): AwardLine {
  const money = (minor: number) => formatMoney(minor, plan.currency);
  const partner = share.partnerFen > 0 ? `; partners' part ${money(share.partnerFen)}` : '';
  return {
    kind: 'annual_revenue_share',
    metric: 'wonRevenue',
    basis: `${share.deals.length} won deal(s), ${money(share.wonRevenueFen)} × ${percent(Exact.parse(plan.annual.shareRate) ?? Exact.zero)} with credits: ${money(share.sdrFen)}${partner}`,
    amountFen: share.sdrFen,
  };
}
