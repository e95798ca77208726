/**
 * GET /reports/responsiveness (SPEC §8.3, §6.2): per rep or per sales team, how the MQLs that
 * reached them in the period were answered — accepted, rejected, returned, recalled, pending;
 * acceptance rate, SLA compliance, breaches, median and p90 hours to a decision, reject and
 * return reasons — and a totals row. The outcome of each hand-off is followed to now. A sales
 * manager sees the reps of their own team only; the other roles of `reports.read` see every rep.
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { parseReportPeriod, type ReportPeriod } from '../../domain/reports/report-period.js';
import {
  noResponsivenessCounts,
  type ResponsivenessDimension,
  type ResponsivenessFigures,
  type ResponsivenessReasonKind,
  responsivenessFigures,
  responsivenessRules,
} from '../../domain/reports/responsiveness.js';
import type { Actor } from '../../domain/roles.js';
import {
  type ResponsivenessReasonRow,
  responsivenessCounts,
  responsivenessReasons,
} from '../../store/repositories/responsiveness.js';
import type { ServiceContext } from '../context.js';

export interface ResponsivenessReason {
  kind: ResponsivenessReasonKind;
  code: string | null;
  labelZh: string | null;
  labelEn: string | null;
  count: number;
}

export interface ResponsivenessRow extends ResponsivenessFigures {
  /** rep id (by=rep) or team id (by=team; null: reps in no team). */
  key: string | null;
  label: string | null;
  reasons: ResponsivenessReason[];
}

export interface ResponsivenessReport {
  period: ReportPeriod;
  by: ResponsivenessDimension;
  /** all: every rep; team: a sales manager's own team. */
  scope: 'all' | 'team';
  rules: typeof responsivenessRules & { clock: 'wall' };
  rows: ResponsivenessRow[];
  total: ResponsivenessRow;
}

const reasonsOf = (rows: readonly ResponsivenessReasonRow[]): ResponsivenessReason[] =>
  rows
    .map(({ kind, code, labelZh, labelEn, count }) => ({ kind, code, labelZh, labelEn, count }))
    .sort((a, b) =>
      a.kind !== b.kind
        ? a.kind < b.kind
          ? -1
          : 1
        : b.count - a.count || (a.code ?? '').localeCompare(b.code ?? '', 'en'),
    );

export async function readResponsivenessReport(
  ctx: ServiceContext,
  actor: Actor,
  query: { from?: string; to?: string; by?: ResponsivenessDimension },
): Promise<ResponsivenessReport> {
  authorize(actor, 'reports.read');
  const now = ctx.clock.now();
  const parsed = parseReportPeriod(query, now);
  if (!parsed.period) throw new InvalidInput(parsed.errors);
  const period = parsed.period;
  const by = query.by ?? 'rep';
  const team = actor.role === 'sales_manager';
  const q = { by, from: period.from, until: period.until, now, ...(team ? { teamId: actor.teamId } : {}) };

  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const counts = await responsivenessCounts(trx, q);
      const reasons = await responsivenessReasons(trx, q);
      const reasonsFor = (key: string | null, total: boolean) =>
        reasonsOf(reasons.filter((r) => r.total === total && (total || r.key === key)));
      const rows: ResponsivenessRow[] = counts
        .filter((c) => !c.total)
        .map((c) => ({
          key: c.key,
          label: c.label,
          ...responsivenessFigures(c),
          reasons: reasonsFor(c.key, false),
        }))
        .sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'en') || (a.key ?? '').localeCompare(b.key ?? ''));
      const totalCounts = counts.find((c) => c.total) ?? noResponsivenessCounts();
      return {
        period,
        by,
        scope: team ? ('team' as const) : ('all' as const),
        rules: { ...responsivenessRules, clock: 'wall' as const },
        rows,
        total: { key: null, label: null, ...responsivenessFigures(totalCounts), reasons: reasonsFor(null, true) },
      };
    });
}
