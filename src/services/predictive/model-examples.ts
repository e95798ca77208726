/**
 * The examples a model learns from, and the feature values of leads to score, from LeadLoop's
 * own data (history imports and live leads alike) as they stood before the outcome.
 */
import type { FeatureValues } from '../../domain/lead-features/lead-feature-values.js';
import { fillAbsentCounts, isCountFeature, leadFeatureValues } from '../../domain/lead-features/lead-feature-values.js';
import { modelLabel } from '../../domain/lead-features/model-label.js';
import type { ModelTarget } from '../../domain/lead-features/model-target.js';
import { loadLeadFeatureSources } from '../../store/repositories/lead-feature-sources.js';
import type { ServiceContext } from '../context.js';

export interface LabelledExample {
  id: string;
  capturedAt: Date;
  values: FeatureValues;
  label: 0 | 1;
}

export async function loadExamples(
  ctx: ServiceContext,
  target: ModelTarget,
): Promise<{ examples: LabelledExample[]; countFeatures: string[] }> {
  const now = ctx.clock.now();
  const sources = await loadLeadFeatureSources(ctx.db, { target, now });
  const examples: (LabelledExample & { history: boolean })[] = [];
  const counts = new Set<string>();
  for (const source of sources) {
    const label = modelLabel(source, target, now);
    if (label === null) continue;
    const values = leadFeatureValues(source);
    for (const name of Object.keys(values)) if (isCountFeature(name)) counts.add(name);
    examples.push({ id: source.id, capturedAt: source.createdAt, values, label, history: source.history });
  }
  const countFeatures = [...counts].sort();
  for (const e of examples) fillAbsentCounts(e.values, countFeatures, e.history);
  return { examples: examples.map(({ history: _, ...e }) => e), countFeatures };
}

/**
 * These leads' features now (or as they stood at `asOf`, see loadLeadFeatureSources), counts the
 * model knows filled in with zero.
 */
export async function loadCurrentValues(
  ctx: ServiceContext,
  leadIds: readonly string[],
  model: { target: ModelTarget; countFeatures: readonly string[] },
  asOf?: Date,
): Promise<Map<string, FeatureValues>> {
  const sources = await loadLeadFeatureSources(ctx.db, { target: model.target, now: ctx.clock.now(), leadIds, asOf });
  const byLead = new Map<string, FeatureValues>();
  for (const source of sources) {
    const values = leadFeatureValues(source);
    fillAbsentCounts(values, model.countFeatures, source.history);
    byLead.set(source.id, values);
  }
  return byLead;
}
