/** POST /plans/capacity (src/http/routes/plans.ts, SPEC §8.5) and the measured rates beside it. */
import type { PlanMonthRow } from '../../../../src/domain/planning/plan-vs-actual';
import type { FunnelReport } from '../dashboard/reports';

export const rateKeys = ['leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToWon'] as const;
export type RateKey = (typeof rateKeys)[number];
export type Rates = Record<RateKey, number | null>;

export const stageKeys = ['leads', 'mqls', 'sqls', 'opportunities', 'newCustomers'] as const;
export type StageKey = (typeof stageKeys)[number];

export interface CapacityPlanRequest {
  customers: number;
  avgDealSize: number;
  growthMultiple?: number | null;
  targetRevenue?: number | null;
  renewalRate: number;
  conversion: Record<RateKey, number>;
  months: number;
  mqlsPerSdrPerMonth?: number | null;
  dealsPerRepPerMonth?: number | null;
  startMonth?: string | null;
}

export interface CapacityPlan {
  currentRevenue: number;
  targetRevenue: number;
  renewalRevenue: number;
  newRevenue: number;
  newCustomers: number;
  opportunities: number;
  sqls: number;
  mqls: number;
  leads: number;
  perMonth: Record<StageKey, number>;
  sdrsNeeded?: number;
  repsNeeded?: number;
  /** With startMonth: the plan month by month next to what the funnel delivered. */
  byMonth?: PlanMonthRow[];
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** The planner's four rates as the measured funnel delivered them (lead → MQL skips the valid-lead step). */
export function measuredRates(report: FunnelReport | undefined): Rates {
  const total = report?.total;
  if (!total) return { leadToMql: null, mqlToSql: null, sqlToOpportunity: null, opportunityToWon: null };
  return {
    leadToMql: share(total.mqls, total.leads),
    mqlToSql: share(total.sqls, total.mqls),
    sqlToOpportunity: share(total.opportunities, total.sqls),
    opportunityToWon: share(total.won, total.opportunities),
  };
}

/** What the measured funnel delivered a month, by the planner's stages. */
export function measuredPerMonth(report: FunnelReport | undefined, months: number): Record<StageKey, number | null> {
  const total = report?.total;
  const per = (n: number | undefined) => (n === undefined ? null : Math.round((n / months) * 10) / 10);
  return {
    leads: per(total?.leads),
    mqls: per(total?.mqls),
    sqls: per(total?.sqls),
    opportunities: per(total?.opportunities),
    newCustomers: per(total?.won),
  };
}

/** The first day of the window of the last `months` months, as a date. */
export function windowStart(months: number, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}
