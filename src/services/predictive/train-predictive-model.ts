/**
 * Training a predictive model (SPEC §4.3, §10.1 `POST /models/train`, `leadloop train`, the
 * monthly retraining): examples from LeadLoop's own data, the domain's learner and its honest
 * evaluation, the result kept as a new model that advises nobody until someone activates it.
 * One training at a time (409 for a second); too little history answers 422 with what it needs.
 * The learner runs in a worker thread (train-in-worker.ts); loading and storing stay here.
 */
import { Conflict, DomainError } from '../../domain/errors.js';
import type { ModelTarget } from '../../domain/lead-features/model-target.js';
import { authorize } from '../../domain/policy.js';
import type { TrainingResult } from '../../domain/predictive/model.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  claimQueuedModel,
  failStaleTrainings,
  finishTraining,
  type ModelRecord,
  startTraining,
} from '../../store/repositories/models.js';
import type { ServiceContext } from '../context.js';
import { loadExamples } from './model-examples.js';
import type { StoredModel } from './stored-model.js';
import { trainInWorker } from './train-in-worker.js';

/** A training that has not finished in this long died with its process. */
const STALE_TRAINING_MS = 30 * 60_000;

export const MIN_LABELLED = 200;
export const MIN_POSITIVES = 30;

/** Why a training could not give a model: what the history holds and how much more it needs. */
export interface TrainingShortfall {
  reason: 'not_enough_history';
  labelled: number;
  positives: number;
  needLabelled: number;
  needPositives: number;
  needNegatives: number;
}

export function shortfallMessage(target: ModelTarget, s: TrainingShortfall): string {
  const needs = [
    s.needLabelled > 0 ? `${s.needLabelled} more leads with a known outcome` : null,
    s.needPositives > 0 ? `${s.needPositives} more that reached ${target}` : null,
    s.needNegatives > 0 ? `${s.needNegatives} more that did not` : null,
  ].filter(Boolean);
  return (
    `not enough history to train a model for ${target}: ${s.labelled} leads with a known outcome, ` +
    `${s.positives} of them reached ${target}; training needs at least ${MIN_LABELLED}, with ${MIN_POSITIVES} that ` +
    `reached it and ${MIN_POSITIVES} that did not — ` +
    `import ${needs.join(', ')} (history import: POST /imports with mode=history)`
  );
}

/** The same in Chinese, for the console's Chinese pages. */
export function shortfallMessageZh(target: ModelTarget, s: TrainingShortfall): string {
  const needs = [
    s.needLabelled > 0 ? `再 ${s.needLabelled} 条已知结果的线索` : null,
    s.needPositives > 0 ? `再 ${s.needPositives} 条到达 ${target} 的线索` : null,
    s.needNegatives > 0 ? `再 ${s.needNegatives} 条未到达的线索` : null,
  ].filter(Boolean);
  return (
    `历史数据不足，无法训练 ${target} 模型：已知结果的线索 ${s.labelled} 条，其中 ${s.positives} 条到达 ${target}；` +
    `训练至少需要 ${MIN_LABELLED} 条，其中到达与未到达的各至少 ${MIN_POSITIVES} 条——` +
    `请导入${needs.join('、')}（历史导入：POST /imports，mode=history）`
  );
}

export async function trainPredictiveModel(
  ctx: ServiceContext,
  actor: Actor,
  target: ModelTarget,
): Promise<ModelRecord> {
  authorize(actor, 'models.train');
  const id = ctx.newId();
  const at = ctx.clock.now();
  await failStaleTrainings(ctx.db, new Date(at.getTime() - STALE_TRAINING_MS), at);
  if (!(await startTraining(ctx.db, { id, target, trigger: 'manual', createdBy: actor.id, at }))) {
    throw new Conflict('another model is being trained; try again when it has finished (GET /models)');
  }
  const outcome = await train(ctx, id, target, actor.id);
  if (outcome.shortfall) {
    throw new DomainError('unprocessable', shortfallMessage(target, outcome.shortfall), [
      {
        field: 'target',
        message: shortfallMessage(target, outcome.shortfall),
        messageZh: shortfallMessageZh(target, outcome.shortfall),
      },
    ]);
  }
  return outcome.record;
}

/** On start of a single-process (PGlite) server: a training still marked running died with the last process. */
export async function failInterruptedTrainings(ctx: ServiceContext): Promise<void> {
  const at = ctx.clock.now();
  await failStaleTrainings(ctx.db, new Date(at.getTime() + 1), at);
}

/** Trains the models the monthly timer queued (run with the other due work). */
export async function trainQueuedModels(ctx: ServiceContext): Promise<number> {
  let trained = 0;
  for (;;) {
    const queued = await claimQueuedModel(ctx.db, ctx.clock.now());
    if (!queued) return trained;
    await train(ctx, queued.id, queued.target as ModelTarget, null);
    trained += 1;
  }
}

/** Trains the model of this row (which holds the training slot) and records the result. */
async function train(
  ctx: ServiceContext,
  id: string,
  target: ModelTarget,
  actorId: string | null,
): Promise<{ record: ModelRecord; shortfall?: TrainingShortfall }> {
  let result: TrainingResult;
  let countFeatures: string[];
  try {
    const loaded = await loadExamples(ctx, target);
    countFeatures = loaded.countFeatures;
    // on a thread of its own: the server keeps answering while the model trains
    result = await trainInWorker(loaded.examples, { minLabelled: MIN_LABELLED, minPositives: MIN_POSITIVES });
  } catch (error) {
    await finishTraining(ctx.db, id, { failure: { reason: 'error', message: String(error) } }, ctx.clock.now());
    throw error;
  }
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    let shortfall: TrainingShortfall | undefined;
    if (result.kind === 'trained') {
      const stored: StoredModel = { target, countFeatures, learned: result.model };
      await finishTraining(trx, id, { model: stored as unknown as Record<string, unknown> }, at);
    } else {
      shortfall = {
        reason: 'not_enough_history',
        labelled: result.labelled,
        positives: result.positives,
        needLabelled: result.needLabelled,
        needPositives: result.needPositives,
        needNegatives: result.needNegatives,
      };
      await finishTraining(trx, id, { failure: { ...shortfall } }, at);
    }
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId,
        action: shortfall ? 'model.training_failed' : 'model.trained',
        entityType: 'model',
        entityId: id,
        from: { status: 'training' },
        to: shortfall
          ? { status: 'failed', ...shortfall }
          : result.kind === 'trained'
            ? { status: 'trained', target, auc: result.model.metrics.auc, n: result.model.metrics.n }
            : null,
        at,
      },
    ]);
    const record = await trx.selectFrom('predictive_models').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { record, shortfall };
  });
}
