/**
 * The scoring rules in force (SPEC §4.3): the newest version an admin saved, or LeadLoop's
 * defaults (version 0) until one is. Compiled scorers are kept by version id, so scoring a
 * batch costs one small query for the version, not a recompile.
 */
import { defaultScoringRules } from '../../domain/scoring/default-rules.js';
import { compileScoringRules, type LeadScorer } from '../../domain/scoring/score-lead.js';
import type { ScoringRules } from '../../domain/scoring/scoring-rules.js';
import type { Queryable } from '../../store/db.js';
import { latestSettings } from '../../store/repositories/settings-versions.js';

export interface RulesInForce {
  version: number;
  rules: ScoringRules;
  scorer: LeadScorer;
  savedAt: Date | null;
  savedBy: string | null;
}

const compiled = new Map<string, RulesInForce>();

export async function scoringRulesInForce(db: Queryable): Promise<RulesInForce> {
  const stored = await latestSettings(db, 'scoring');
  const key = stored?.id ?? 'defaults';
  let found = compiled.get(key);
  if (!found) {
    const rules = stored ? (stored.body as ScoringRules) : defaultScoringRules();
    found = {
      version: stored?.version ?? 0,
      rules,
      scorer: compileScoringRules(rules),
      savedAt: stored?.createdAt ?? null,
      savedBy: stored?.createdBy ?? null,
    };
    // Versions are few; a long-running server sees a handful of edits.
    if (compiled.size > 100) compiled.clear();
    compiled.set(key, found);
  }
  return found;
}
