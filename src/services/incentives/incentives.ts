/**
 * The SDR incentive plan (GET/PUT /incentives/plan, versioned settings; LeadLoop's defaults are
 * version 0) and the incentive report (GET /reports/incentives): per SDR, the award lines of a
 * month or a quarter with their basis, computed from the SDR report's figures for that period
 * (services/reports/sdr-report.ts) — nothing is counted again here; for a year, the revenue
 * share of the deals won in it, credited under the SDR report's rules, with the partner
 * commission split (domain/incentives/annual-share.ts). An SDR reads their own.
 */
import { Forbidden, InvalidInput } from '../../domain/errors.js';
import {
  type AnnualShareResult,
  annualLine,
  annualRevenueShare,
  emptyShare,
  type PartnerCommission,
  type SdrAnnualShare,
} from '../../domain/incentives/annual-share.js';
import { type IncentivePeriod, parseIncentivePeriod } from '../../domain/incentives/incentive-period.js';
import {
  type AwardLine,
  checkIncentivePlan,
  defaultIncentivePlan,
  type IncentivePlan,
  monthlyAwards,
  quarterlyBonus,
} from '../../domain/incentives/incentive-plan.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';
import { wonDealsOfSdrs } from '../../store/repositories/incentive-deals.js';
import { latestSettings } from '../../store/repositories/settings-versions.js';
import type { ServiceContext } from '../context.js';
import { readSdrReport, type SdrReport } from '../reports/sdr-report.js';
import { saveSettingsVersion } from '../settings/save-settings-version.js';

export interface IncentivePlanSettings {
  version: number;
  plan: IncentivePlan;
  savedAt: Date | null;
  savedBy: string | null;
}

export async function incentivePlanInForce(db: Queryable): Promise<IncentivePlanSettings> {
  const stored = await latestSettings(db, 'incentive_plan');
  if (!stored) return { version: 0, plan: defaultIncentivePlan(), savedAt: null, savedBy: null };
  const saved = (stored.body as { plan?: Partial<IncentivePlan> }).plan ?? {};
  const defaults = defaultIncentivePlan();
  return {
    version: stored.version,
    plan: {
      currency: saved.currency ?? defaults.currency,
      monthly: saved.monthly ?? defaults.monthly,
      quarterly: { ...defaults.quarterly, ...saved.quarterly },
      annual: { ...defaults.annual, ...saved.annual },
    },
    savedAt: stored.createdAt,
    savedBy: stored.createdBy,
  };
}

/** Whoever reads the incentive report may read the plan; an SDR too (it is how they are paid). */
export async function readIncentivePlan(ctx: ServiceContext, actor: Actor): Promise<IncentivePlanSettings> {
  if (actor.role !== 'sdr') authorize(actor, 'reports.read');
  return incentivePlanInForce(ctx.db);
}

/** `plan` has passed the HTTP schema (types and ranges). */
export async function saveIncentivePlan(
  ctx: ServiceContext,
  actor: Actor,
  plan: IncentivePlan,
): Promise<IncentivePlanSettings> {
  authorize(actor, 'reports.manage');
  const errors = checkIncentivePlan(plan);
  if (errors.length > 0) throw new InvalidInput(errors);
  await saveSettingsVersion(ctx, actor, {
    kind: 'incentive_plan',
    body: { plan },
    currentVersion: async (db) => (await incentivePlanInForce(db)).version,
    audit: { action: 'incentive_plan.changed', entityType: 'incentive_plan' },
  });
  return incentivePlanInForce(ctx.db);
}

export interface IncentiveRow {
  sdrId: string;
  name: string;
  figures: {
    calls: number;
    talkTimeSec: number;
    leadsContacted: number;
    creditedSqls: number;
    provisionalCredit: number;
  };
  lines: AwardLine[];
  totalFen: number;
  /** A year only: the deals counted (and not) and both parts of the split ones. */
  annual?: Omit<SdrAnnualShare, 'sdrId'>;
}

export interface IncentiveReport {
  period: IncentivePeriod;
  /** ISO 4217 code of every amount (the plan's). */
  currency: string;
  scope: 'all' | 'own';
  planVersion: number;
  reportRulesVersion: number;
  rows: IncentiveRow[];
  /** A year only: each partner's part of the split deals. */
  partners?: PartnerCommission[];
}

/** The deals won in the year, credited to the SDRs under the report's rules. */
async function annualShares(
  ctx: ServiceContext,
  plan: IncentivePlan,
  sdr: SdrReport,
  onlySdr: string | undefined,
): Promise<AnnualShareResult> {
  const deals = await wonDealsOfSdrs(ctx.db, sdr.period, onlySdr);
  const outbound = new Set(sdr.rules.outboundChannels);
  return annualRevenueShare(
    plan,
    deals.map((d) => ({ ...d, outbound: d.channel !== null && outbound.has(d.channel) })),
    sdr.rules,
    ctx.clock.now(),
  );
}

export async function readIncentiveReport(
  ctx: ServiceContext,
  actor: Actor,
  query: { period: string; sdrId?: string | undefined },
): Promise<IncentiveReport> {
  if (actor.role === 'sdr') {
    if (query.sdrId !== undefined && query.sdrId !== actor.id) {
      throw new Forbidden('an SDR reads their own incentives only');
    }
  } else authorize(actor, 'reports.read');
  const parsed = parseIncentivePeriod(query.period);
  if ('error' in parsed) throw new InvalidInput([parsed.error]);
  const period = parsed.period;
  const { version, plan } = await incentivePlanInForce(ctx.db);
  const sdr = await readSdrReport(ctx, actor, { from: period.from, to: period.to });
  const onlySdr = actor.role === 'sdr' ? actor.id : query.sdrId;
  const annual = period.kind === 'year' ? await annualShares(ctx, plan, sdr, onlySdr) : undefined;
  // Every active SDR has a row (the SDR report's); users cannot be deactivated through the product yet.
  const rows = sdr.rows
    .filter((r) => query.sdrId === undefined || r.sdrId === query.sdrId)
    .map((r): IncentiveRow => {
      const figures = {
        calls: r.calls,
        talkTimeSec: r.talkTimeSec,
        leadsContacted: r.leadsContacted,
        creditedSqls: r.creditedSqls,
        provisionalCredit: r.provisionalCredit,
      };
      if (annual) {
        const share = annual.bySdr.get(r.sdrId) ?? emptyShare(r.sdrId);
        const line = annualLine(plan, share);
        const { sdrId: _sdrId, ...parts } = share;
        return { sdrId: r.sdrId, name: r.name, figures, lines: [line], totalFen: line.amountFen, annual: parts };
      }
      const lines = period.kind === 'month' ? monthlyAwards(plan, r) : quarterlyBonus(plan, r);
      return {
        sdrId: r.sdrId,
        name: r.name,
        figures,
        lines,
        totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
      };
    });
  return {
    period,
    currency: plan.currency,
    scope: sdr.scope,
    planVersion: version,
    reportRulesVersion: sdr.rules.version,
    rows,
    ...(annual ? { partners: annual.partners } : {}),
  };
}
