/**
 * The active model's advice on live leads (SPEC §4.3 `predicted` on GET /leads/{id}/score, the
 * queue's sort, the simulations' expected SQLs and wins): probabilities from the leads' features
 * now, and for a single lead the factors that moved it most. Nothing when no model is active.
 */

import type { ModelTarget } from '../../domain/lead-features/model-target.js';
import { explainPrediction, predictProbability } from '../../domain/predictive/predict.js';
import { findActiveModel } from '../../store/repositories/models.js';
import type { ServiceContext } from '../context.js';
import { loadCurrentValues } from './model-examples.js';
import { loadTermNames, type StoredModel, type TermInWords, termInWords } from './stored-model.js';

export interface LeadPrediction {
  probability: number;
  modelId: string;
  factors: TermInWords[];
}

/** Parsed models by id: a model never changes once trained, so its id is a safe key. */
const parsed = new Map<string, StoredModel>();

async function activeModel(ctx: ServiceContext): Promise<{ id: string; model: StoredModel } | null> {
  const record = await findActiveModel(ctx.db);
  if (!record?.model) return null;
  let model = parsed.get(record.id);
  if (!model) {
    model = (typeof record.model === 'string' ? JSON.parse(record.model) : record.model) as StoredModel;
    if (parsed.size > 8) parsed.clear();
    parsed.set(record.id, model);
  }
  return { id: record.id, model };
}

/**
 * Probability per lead, or null when no model is active (or, with `targets`, when the active one
 * predicts none of them). `asOf`: from the leads' features as they stood then.
 */
export async function predictProbabilities(
  ctx: ServiceContext,
  leadIds: readonly string[],
  options: { asOf?: Date; targets?: readonly ModelTarget[] } = {},
): Promise<{ modelId: string; target: ModelTarget; probabilities: Map<string, number> } | null> {
  const active = await activeModel(ctx);
  if (!active) return null;
  if (options.targets && !options.targets.includes(active.model.target)) return null;
  const values = await loadCurrentValues(ctx, leadIds, active.model, options.asOf);
  const probabilities = new Map<string, number>();
  for (const [id, v] of values) probabilities.set(id, predictProbability(active.model.learned, v));
  return { modelId: active.id, target: active.model.target, probabilities };
}

/** One lead's prediction with its top factors in words, or null when no model is active. */
export async function predictLead(ctx: ServiceContext, leadId: string, top = 5): Promise<LeadPrediction | null> {
  const active = await activeModel(ctx);
  if (!active) return null;
  const values = (await loadCurrentValues(ctx, [leadId], active.model)).get(leadId);
  if (!values) return null;
  const explained = explainPrediction(active.model.learned, values, top);
  const names = await loadTermNames(ctx.db);
  return {
    probability: Math.round(explained.probability * 10_000) / 10_000,
    modelId: active.id,
    factors: explained.factors.map((f) => termInWords(f.term, f.effect, names)),
  };
}
