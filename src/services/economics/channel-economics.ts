/**
 * GET /reports/channels (SPEC §8.2): spend against what it bought, per channel or campaign.
 *
 * Counts (leads, MQLs, SQLs, opportunities, won, won amount) are the funnel report's capture
 * cohort (services/reports/funnel-report.ts, by=channel|campaign): the leads captured in the
 * period, followed to now, with the funnel's attribution (first touch). Spend is the entries of
 * every month the period overlaps (whole months, UTC), summed in the database. Money is worked in
 * integer fen: cost per lead / MQL / SQL / opportunity / won deal = spend ÷ count, rounded to the
 * fen half away from zero (null when the count is 0); revenue = the won amount; ROI =
 * (revenue − spend) ÷ spend to 4 decimals, half away from zero (null when nothing was spent).
 * The won amount is in the report currency (the funnel's, report rules); deals won in another
 * currency are listed apart per currency and count in no revenue or ROI (no exchange rates).
 * by=campaign: spend entries without a campaign meet the leads without one (key null).
 */
import { costPer, returnOnSpend, toFen, yuan } from '../../domain/economics/money.js';
import { monthsOverlapping } from '../../domain/economics/spend-month.js';
import { authorize } from '../../domain/policy.js';
import type { ReportPeriod } from '../../domain/reports/report-period.js';
import type { Actor } from '../../domain/roles.js';
import { channelNames } from '../../store/repositories/reports.js';
import { spendBy } from '../../store/repositories/spend.js';
import type { ServiceContext } from '../context.js';
import { type FunnelRow, readFunnelReport } from '../reports/funnel-report.js';

export type EconomicsDimension = 'channel' | 'campaign';
export const economicsDimensions = ['channel', 'campaign'] as const;

export interface EconomicsRow {
  key: string | null;
  label: string | null;
  spend: number;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  wonAmount: number;
  wonAmountOtherCurrencies: Record<string, number>;
  costPer: {
    lead: number | null;
    mql: number | null;
    sql: number | null;
    opportunity: number | null;
    won: number | null;
  };
  revenue: number;
  roi: number | null;
}

export interface ChannelEconomicsReport {
  period: ReportPeriod;
  by: EconomicsDimension;
  cohort: 'capture';
  /** ISO 4217 code of wonAmount and revenue. */
  currency: string;
  spendMonths: { first: string; last: string };
  rows: EconomicsRow[];
  total: EconomicsRow;
}

type Counts = Pick<
  FunnelRow,
  'leads' | 'mqls' | 'sqls' | 'opportunities' | 'won' | 'wonAmount' | 'wonAmountOtherCurrencies'
>;
const noCounts: Counts = {
  leads: 0,
  mqls: 0,
  sqls: 0,
  opportunities: 0,
  won: 0,
  wonAmount: 0,
  wonAmountOtherCurrencies: {},
};

function economicsRow(key: string | null, label: string | null, spendFen: number, c: Counts): EconomicsRow {
  const revenueFen = toFen(c.wonAmount);
  return {
    key,
    label,
    spend: yuan(spendFen),
    leads: c.leads,
    mqls: c.mqls,
    sqls: c.sqls,
    opportunities: c.opportunities,
    won: c.won,
    wonAmount: yuan(revenueFen),
    wonAmountOtherCurrencies: c.wonAmountOtherCurrencies,
    costPer: {
      lead: costPer(spendFen, c.leads),
      mql: costPer(spendFen, c.mqls),
      sql: costPer(spendFen, c.sqls),
      opportunity: costPer(spendFen, c.opportunities),
      won: costPer(spendFen, c.won),
    },
    revenue: yuan(revenueFen),
    roi: returnOnSpend(revenueFen, spendFen),
  };
}

export async function readChannelEconomics(
  ctx: ServiceContext,
  actor: Actor,
  query: { from?: string; to?: string; by?: EconomicsDimension },
): Promise<ChannelEconomicsReport> {
  authorize(actor, 'reports.read');
  const by = query.by ?? 'channel';
  // The funnel checks the period (from after to → 400 naming query.from) and counts the cohort.
  const funnel = await readFunnelReport(ctx, actor, { from: query.from, to: query.to, by, cohort: 'capture' });
  const months = monthsOverlapping(funnel.period);
  const spend = await spendBy(ctx.db, by, months.first, months.last);
  const names = by === 'channel' ? await channelNames(ctx.db) : new Map<string, { name: string }>();

  const spendOf = new Map(spend.map((s) => [s.key, s.fen]));
  const countsOf = new Map(funnel.rows.map((r) => [r.key, r]));
  const keys = [...new Set([...countsOf.keys(), ...spendOf.keys()])];
  const rows = keys
    .map((key) => {
      const label = countsOf.get(key)?.label ?? (key === null ? null : (names.get(key)?.name ?? key));
      return economicsRow(key, label, spendOf.get(key) ?? 0, countsOf.get(key) ?? noCounts);
    })
    .sort(
      (a, b) =>
        b.spend - a.spend ||
        b.leads - a.leads ||
        (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1),
    );
  const totalFen = spend.reduce((s, x) => s + x.fen, 0);
  return {
    period: funnel.period,
    by,
    cohort: 'capture',
    currency: funnel.currency,
    spendMonths: months,
    rows,
    total: economicsRow(null, null, totalFen, funnel.total),
  };
}
