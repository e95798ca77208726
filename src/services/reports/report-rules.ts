/**
 * GET/PUT /reports/rules: the attribution and credit rules of the reports (SPEC §8.3, §8.4) as
 * versioned data. LeadLoop's defaults are version 0 until sales ops or an admin saves their own;
 * the reports apply the version in force when they run and say which.
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { checkReportRules, defaultReportRules, type ReportRules } from '../../domain/reports/report-rules.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';
import { channelNames } from '../../store/repositories/reports.js';
import { latestSettings } from '../../store/repositories/settings-versions.js';
import type { ServiceContext } from '../context.js';
import { saveSettingsVersion } from '../settings/save-settings-version.js';

export interface ReportRulesSettings {
  version: number;
  rules: ReportRules;
  savedAt: Date | null;
  savedBy: string | null;
}

export async function reportRulesInForce(db: Queryable): Promise<ReportRulesSettings> {
  const stored = await latestSettings(db, 'report_rules');
  if (!stored) return { version: 0, rules: defaultReportRules(), savedAt: null, savedBy: null };
  const saved = (stored.body as { rules?: Partial<ReportRules> }).rules ?? {};
  const defaults = defaultReportRules();
  return {
    version: stored.version,
    // A rule added after this version was saved takes its default.
    rules: { ...defaults, ...saved, weights: { ...defaults.weights, ...saved.weights } },
    savedAt: stored.createdAt,
    savedBy: stored.createdBy,
  };
}

/** Whoever reads a report may read the rules it applied; an SDR too (they are paid by them). */
export async function readReportRules(ctx: ServiceContext, actor: Actor): Promise<ReportRulesSettings> {
  if (actor.role !== 'sdr') authorize(actor, 'reports.read');
  return reportRulesInForce(ctx.db);
}

/** `rules` has passed the HTTP schema (types and ranges). */
export async function saveReportRules(
  ctx: ServiceContext,
  actor: Actor,
  rules: ReportRules,
): Promise<ReportRulesSettings> {
  authorize(actor, 'reports.manage');
  const errors = checkReportRules(rules);
  if (errors.length > 0) throw new InvalidInput(errors);
  const channels = await channelNames(ctx.db);
  const unknown = rules.outboundChannels.filter((c) => !channels.has(c));
  if (unknown.length > 0) {
    throw new InvalidInput(
      unknown.map((c) => ({
        field: `rules.outboundChannels[${rules.outboundChannels.indexOf(c)}]`,
        message: `${c} is not a channel`,
        messageZh: `${c} 不是已有的渠道`,
      })),
    );
  }
  await saveSettingsVersion(ctx, actor, {
    kind: 'report_rules',
    body: { rules },
    currentVersion: async (db) => (await reportRulesInForce(db)).version,
    audit: { action: 'report_rules.changed', entityType: 'report_rules' },
  });
  return reportRulesInForce(ctx.db);
}
