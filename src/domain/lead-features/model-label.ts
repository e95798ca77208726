/**
 * Whether a lead is a positive, a negative or not yet known for a model's target (SPEC §4.3
 * label: reached SQL / opportunity / won). History leads say it in their outcome column; a live
 * lead is positive once it reached the stage, negative when it was closed without reaching it
 * or has been around long enough that it would have ("matured"), and unknown while still young.
 */
import type { LeadFeatureSource } from './lead-feature-source.js';
import type { ModelTarget } from './model-target.js';

/** A live lead that has not reached the stage in this many days counts as one that did not. */
export const MATURITY_DAYS = 90;

/** How far each history outcome got: `lost` is an opportunity lost, `not_converted` never became a customer. */
const outcomeStage: Record<string, number> = { not_converted: 0, sql: 1, opportunity: 2, lost: 2, won: 3 };
const targetStage: Record<ModelTarget, number> = { sql: 1, opportunity: 2, won: 3 };
const closedStatuses = new Set(['disqualified', 'lost']);

export function modelLabel(lead: LeadFeatureSource, target: ModelTarget, now: Date): 0 | 1 | null {
  if (lead.history) {
    const stage = lead.outcome === null ? undefined : outcomeStage[lead.outcome];
    if (stage === undefined) return null;
    return stage >= targetStage[target] ? 1 : 0;
  }
  if (lead.reachedAt) return 1;
  if (closedStatuses.has(lead.status)) return 0;
  const ageDays = (now.getTime() - lead.createdAt.getTime()) / 86_400_000;
  return ageDays >= MATURITY_DAYS ? 0 : null;
}
