/**
 * Admins edit the scoring rules (SPEC §4.3). Each save is a new version — earlier scores keep
 * the version they were computed with in their history — and scores catch up at once for the
 * first leads and through the sweep for the rest; a score read in between is computed with the
 * new rules anyway (lead-score.ts).
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { validateScoringRules } from '../../domain/scoring/validate-rules.js';
import type { ServiceContext } from '../context.js';
import { saveSettingsVersion } from '../settings/save-settings-version.js';
import { refreshStaleScores } from './refresh-stale-scores.js';
import { type RulesInForce, scoringRulesInForce } from './rules-in-force.js';

/** Scores refreshed before the answer; the sweep does the rest. */
const RESCORE_IN_REQUEST = 5000;

export async function readScoringRules(ctx: ServiceContext, actor: Actor): Promise<RulesInForce> {
  authorize(actor, 'scoring.read');
  return scoringRulesInForce(ctx.db);
}

export async function saveScoringRules(ctx: ServiceContext, actor: Actor, input: unknown) {
  authorize(actor, 'scoring.manage');
  const checked = validateScoringRules(input);
  if (!checked.ok) throw new InvalidInput(checked.errors.map((e) => ({ ...e, field: `rules.${e.field}` })));
  await saveSettingsVersion(ctx, actor, {
    kind: 'scoring',
    body: checked.rules,
    currentVersion: async (db) => (await scoringRulesInForce(db)).version,
    audit: { action: 'scoring.rules_changed', entityType: 'scoring_rules' },
  });
  const refresh = await refreshStaleScores(ctx, { maxLeads: RESCORE_IN_REQUEST });
  return { rules: await scoringRulesInForce(ctx.db), rescored: refresh.rescored, pending: refresh.more };
}
