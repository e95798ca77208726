/**
 * Monthly retraining (issue 9): a durable timer on the first day of each month queues a new
 * model for the active model's target; the due work trains it. It never activates on its own:
 * the new model waits in GET /models for someone to read its report and activate it.
 */
import type { Transaction } from 'kysely';
import { findActiveModel, queueModel } from '../../store/repositories/models.js';
import { insertTimers } from '../../store/repositories/timers.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import type { TimerHandler } from '../timers/timer-handler.js';

export const MODEL_RETRAIN = 'model.retrain';
/** The one subject of the retraining clock: there is one clock for the workspace. */
const SUBJECT = 'predictive-models';

/** 02:00 China time (18:00 UTC the day before) on the first day of the month after `at`. */
export function nextRetrainingAt(at: Date): Date {
  const china = new Date(at.getTime() + 8 * 3_600_000);
  const firstOfNextMonth = Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + 1, 1, 2);
  return new Date(firstOfNextMonth - 8 * 3_600_000);
}

/** Starts the clock unless it is already running. */
export async function scheduleRetraining(trx: Transaction<Database>, ctx: ServiceContext): Promise<void> {
  const open = await trx
    .selectFrom('timers')
    .select('id')
    .where('kind', '=', MODEL_RETRAIN)
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  if (open) return;
  const at = ctx.clock.now();
  await insertTimers(trx, [
    { id: ctx.newId(), kind: MODEL_RETRAIN, subjectId: SUBJECT, dueAt: nextRetrainingAt(at), at },
  ]);
}

export const retrainModel: TimerHandler = async (trx, ctx, timer) => {
  const active = await findActiveModel(trx);
  const at = new Date(timer.due_at);
  if (active) {
    await queueModel(trx, { id: ctx.newId(), target: active.target, trigger: 'monthly', createdBy: null, at });
  }
  await insertTimers(trx, [
    { id: ctx.newId(), kind: MODEL_RETRAIN, subjectId: SUBJECT, dueAt: nextRetrainingAt(at), at: ctx.clock.now() },
  ]);
};
