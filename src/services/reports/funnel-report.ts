/**
 * GET /reports/funnel (SPEC §8.1, §10.1): lead → valid lead → MQL → SQL → opportunity → won per
 * slice (channel, campaign, SDR, rep, region, industry, customer size), with stage conversion,
 * leakage and its reasons, and the median time in each stage; cohort by capture date or by event
 * date. Stage semantics: domain/reports/funnel.ts. The answer names the definition versions it
 * counted with (§4.2) and the attribution rules it applied (§8.4).
 */
import type { DefinitionKind } from '../../domain/definitions/definition-body.js';
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { type CountedDefinition, definitionsCountedWith } from '../../domain/reports/definition-segments.js';
import {
  describeLeakage,
  type FunnelCohort,
  type FunnelDimension,
  type Leakage,
  type LeakageCount,
  type LeakageKind,
  roundHours,
  type StageConversion,
  stageConversion,
  sumLeakage,
} from '../../domain/reports/funnel.js';
import { parseReportPeriod, type ReportPeriod } from '../../domain/reports/report-period.js';
import type { Actor } from '../../domain/roles.js';
import {
  channelNames,
  emptyFunnelCounts,
  type FunnelCountRow,
  type FunnelQuery,
  funnelFigures,
  reasonLabels,
  userNames,
} from '../../store/repositories/reports.js';
import type { ServiceContext } from '../context.js';
import { loadDefinitionHistory } from '../definitions/stored-version.js';
import { refreshFunnelFacts } from './funnel-facts.js';
import { reportRulesInForce } from './report-rules.js';

export interface FunnelRow {
  key: string | null;
  label: string | null;
  leads: number;
  validLeads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  /** In the report's `currency`. */
  wonAmount: number;
  /** Won in other currencies, per ISO 4217 code: counted apart, never converted (none: {}). */
  wonAmountOtherCurrencies: Record<string, number>;
  conversion: StageConversion;
  medianHoursInStage: { lead: number | null; mql: number | null; sql: number | null; opportunity: number | null };
  leakage: Leakage[];
}

export interface FunnelReport {
  period: ReportPeriod;
  by: FunnelDimension;
  cohort: FunnelCohort;
  /** all: every live lead; team: a sales manager's own team's leads (owned or handed to it). */
  scope: 'all' | 'team';
  /** ISO 4217 code of wonAmount (the report rules' currency). */
  currency: string;
  definitions: CountedDefinition[];
  rules: {
    version: number;
    channelOfRecord: 'first_touch';
    sdrAttribution: 'handoff_sdr';
    largeCustomerEmployees: number;
  };
  rows: FunnelRow[];
  total: FunnelRow;
}

const stageKinds: readonly DefinitionKind[] = ['mql', 'sql', 'opportunity'];

export async function readFunnelReport(
  ctx: ServiceContext,
  actor: Actor,
  query: { from?: string; to?: string; by?: FunnelDimension; cohort?: FunnelCohort },
): Promise<FunnelReport> {
  authorize(actor, 'reports.read');
  const now = ctx.clock.now();
  const parsed = parseReportPeriod(query, now);
  if (!parsed.period) throw new InvalidInput(parsed.errors);
  const period = parsed.period;
  const by = query.by ?? 'channel';
  const cohort = query.cohort ?? 'capture';
  const team = actor.role === 'sales_manager';

  await refreshFunnelFacts(ctx);
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { version, rules } = await reportRulesInForce(trx);
      const history = (await loadDefinitionHistory(trx)).map((v) => v.domain);
      const q: FunnelQuery = {
        by,
        cohort,
        from: period.from,
        until: period.until,
        largeCustomerEmployees: rules.largeCustomerEmployees,
        currency: rules.currency,
        ...(team ? { team: { teamId: actor.teamId, userId: actor.id } } : {}),
      };
      const { counts, leakage } = await funnelFigures(trx, q);
      const labelOf = await sliceLabels(trx, by, counts, rules.largeCustomerEmployees);
      const reasons = await reasonLabels(trx);
      const reasonLabel = (kind: LeakageKind, code: string) => {
        const r = reasons.find((x) => x.kind === kind && x.code === code);
        return r && { zh: r.zh, en: r.en };
      };

      const leakageOf = new Map<string | null, LeakageCount[]>();
      for (const l of leakage) {
        const list = leakageOf.get(l.key) ?? [];
        list.push({ kind: l.kind, reason: l.reason, count: l.count });
        leakageOf.set(l.key, list);
      }
      const present = (r: FunnelCountRow, drops: readonly LeakageCount[]): FunnelRow => ({
        key: r.total ? null : r.key,
        label: r.total ? null : (r.label ?? labelOf(r.key)),
        leads: r.leads,
        validLeads: r.validLeads,
        mqls: r.mqls,
        sqls: r.sqls,
        opportunities: r.opportunities,
        won: r.won,
        wonAmount: cents(r.wonAmount),
        wonAmountOtherCurrencies: Object.fromEntries(
          Object.entries(r.wonAmountOtherCurrencies).map(([currency, amount]) => [currency, cents(amount)]),
        ),
        conversion: stageConversion(r),
        medianHoursInStage: {
          lead: roundHours(r.hoursLead),
          mql: roundHours(r.hoursMql),
          sql: roundHours(r.hoursSql),
          opportunity: roundHours(r.hoursOpportunity),
        },
        leakage: describeLeakage(drops, reasonLabel),
      });

      const sliceRows = counts.filter((r) => !r.total);
      // Slices with drops only (event cohort: a rejection in the period of a lead counted nowhere else).
      for (const key of leakageOf.keys()) {
        if (!sliceRows.some((r) => r.key === key)) sliceRows.push(emptyFunnelCounts(key, false));
      }
      const rows = sliceRows
        .map((r) => present(r, leakageOf.get(r.key) ?? []))
        .sort((a, b) => b.leads - a.leads || b.mqls - a.mqls || compareKeys(a.key, b.key));
      const totalCounts = counts.find((r) => r.total) ?? emptyFunnelCounts(null, true);
      const total = present({ ...totalCounts, total: true }, sumLeakage([...leakageOf.values()]));

      const stagesUntil = cohort === 'capture' ? now : period.to;
      return {
        period,
        by,
        cohort,
        scope: team ? ('team' as const) : ('all' as const),
        currency: rules.currency,
        definitions: [
          ...definitionsCountedWith(history, ['valid_lead'], period.from, period.to),
          ...definitionsCountedWith(history, stageKinds, period.from, stagesUntil),
        ],
        rules: {
          version,
          channelOfRecord: 'first_touch' as const,
          sdrAttribution: 'handoff_sdr' as const,
          largeCustomerEmployees: rules.largeCustomerEmployees,
        },
        rows,
        total,
      };
    });
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

const compareKeys = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

/** A display name per slice key: the channel's name, the person's name, the size band. */
async function sliceLabels(
  db: Parameters<typeof channelNames>[0],
  by: FunnelDimension,
  counts: readonly FunnelCountRow[],
  largeFrom: number,
): Promise<(key: string | null) => string | null> {
  if (by === 'channel') {
    const names = await channelNames(db);
    return (key) => (key === null ? null : (names.get(key)?.name ?? key));
  }
  if (by === 'sdr' || by === 'rep') {
    const ids = counts.map((r) => r.key).filter((k): k is string => k !== null);
    const names = await userNames(db, ids);
    return (key) => (key === null ? null : (names.get(key) ?? key));
  }
  if (by === 'size') {
    const sizes: Record<string, string> = {
      large: `${largeFrom}+ employees`,
      small: `1–${largeFrom - 1} employees`,
      unknown: 'employees unknown',
    };
    return (key) => (key === null ? null : (sizes[key] ?? key));
  }
  return (key) => key;
}
