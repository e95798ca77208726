/**
 * GET /reports/sdr (SPEC §8.3, §10.1): per SDR (and SDR lead) over a period — behaviour (calls,
 * talk time, leads contacted: activities they logged in the period) and outcomes of the hand-offs
 * they made in the period (MQLs, SQLs, opportunities, credited SQLs under the 45/14-day rule with
 * partial credits and inbound/outbound weights; domain/reports/credit-rule.ts). The outcome of a
 * hand-off is followed to now: an opportunity registered after the period still credits the
 * hand-off made in it. An SDR reads their own row only; the roles of `reports.read` read every row.
 */
import type { DefinitionKind } from '../../domain/definitions/definition-body.js';
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { type CountedDefinition, definitionsCountedWith } from '../../domain/reports/definition-segments.js';
import { parseReportPeriod, type ReportPeriod } from '../../domain/reports/report-period.js';
import type { ReportRules } from '../../domain/reports/report-rules.js';
import { noOutcomes, type SdrHandoffFacts, sdrOutcomes } from '../../domain/reports/sdr-outcomes.js';
import type { Actor } from '../../domain/roles.js';
import {
  listSdrUsers,
  sdrActivityTotals,
  sdrHandoffOpportunities,
  sdrHandoffs,
} from '../../store/repositories/reports.js';
import type { ServiceContext } from '../context.js';
import { loadDefinitionHistory } from '../definitions/stored-version.js';
import { reportRulesInForce } from './report-rules.js';

export interface SdrRow {
  sdrId: string;
  name: string;
  calls: number;
  talkTimeSec: number;
  leadsContacted: number;
  mqls: number;
  sqls: number;
  creditedSqls: number;
  provisionalCredit: number;
  opportunities: number;
}

export interface SdrReport {
  period: ReportPeriod;
  /** Whose rows: every SDR, or only the caller's own (an SDR). */
  scope: 'all' | 'own';
  definitions: CountedDefinition[];
  rules: ReportRules & {
    version: number;
    partialCredit: 'handoff';
    sdrAttribution: 'handoff_sdr';
    cohort: 'handoff_created';
    provisionalCounted: true;
  };
  rows: SdrRow[];
}

const stageKinds: readonly DefinitionKind[] = ['mql', 'sql', 'opportunity'];

export async function readSdrReport(
  ctx: ServiceContext,
  actor: Actor,
  query: { from?: string; to?: string },
): Promise<SdrReport> {
  // SPEC §1: an SDR sees their own numbers (their scorecard), not a colleague's.
  const own = actor.role === 'sdr';
  if (!own) authorize(actor, 'reports.read');
  const now = ctx.clock.now();
  const parsed = parseReportPeriod(query, now);
  if (!parsed.period) throw new InvalidInput(parsed.errors);
  const period = parsed.period;
  const only = own ? actor.id : undefined;

  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { version, rules } = await reportRulesInForce(trx);
      const history = (await loadDefinitionHistory(trx)).map((v) => v.domain);
      const sdrs = await listSdrUsers(trx, only);
      const activity = await sdrActivityTotals(
        trx,
        period,
        sdrs.map((s) => s.id),
      );
      const handoffs = await sdrHandoffs(trx, period, only);
      const opportunities = await sdrHandoffOpportunities(trx, period, only);

      const outbound = new Set(rules.outboundChannels);
      const oppsOf = new Map<string, typeof opportunities>();
      for (const o of opportunities) oppsOf.set(o.handoffId, [...(oppsOf.get(o.handoffId) ?? []), o]);
      const facts: SdrHandoffFacts[] = handoffs.map((h) => ({
        sdrId: h.sdrId,
        credit: h.credit,
        acceptedAt: h.acceptedAt,
        outbound: h.channel !== null && outbound.has(h.channel),
        opportunities: oppsOf.get(h.id) ?? [],
      }));
      const outcomes = sdrOutcomes(facts, rules, now);

      const activityOf = new Map(activity.map((a) => [a.userId, a]));
      // An inactive SDR appears only when the period holds something of theirs.
      const rows: SdrRow[] = sdrs.flatMap((s) => {
        const a = activityOf.get(s.id);
        const o = outcomes.get(s.id) ?? noOutcomes();
        if (!s.active && !a && !outcomes.has(s.id)) return [];
        return [
          {
            sdrId: s.id,
            name: s.name,
            calls: a?.calls ?? 0,
            talkTimeSec: a?.talkTimeSec ?? 0,
            leadsContacted: a?.leadsContacted ?? 0,
            ...o,
          },
        ];
      });
      return {
        period,
        scope: own ? ('own' as const) : ('all' as const),
        definitions: definitionsCountedWith(history, stageKinds, period.from, now),
        rules: {
          version,
          ...rules,
          partialCredit: 'handoff' as const,
          sdrAttribution: 'handoff_sdr' as const,
          cohort: 'handoff_created' as const,
          provisionalCounted: true as const,
        },
        rows,
      };
    });
}
