/**
 * Activating a model (SPEC §4.3, §10.1 `POST /models/{id}/activate`): like a definition, a new
 * model advises nobody until an SDR lead or admin activates it; the one before steps down. The
 * first activation starts the monthly retraining clock.
 */
import { Conflict, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { findActiveModel, findModel, type ModelRecord, setActiveModel } from '../../store/repositories/models.js';
import type { ServiceContext } from '../context.js';
import { scheduleRetraining } from './retraining-timer.js';

export async function activateModel(ctx: ServiceContext, actor: Actor, id: string): Promise<ModelRecord> {
  authorize(actor, 'models.activate');
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const model = await findModel(trx, id);
    if (!model) throw new NotFound(`model ${id}`);
    if (model.status !== 'trained') {
      throw new Conflict(`model ${id} is ${model.status}: only a trained model can be activated`);
    }
    const before = await findActiveModel(trx);
    if (before?.id === id) return model;
    await setActiveModel(trx, id, actor.id, at);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'model.activated',
        entityType: 'model',
        entityId: id,
        from: { activeModelId: before?.id ?? null },
        to: { activeModelId: id },
        at,
      },
    ]);
    await scheduleRetraining(trx, ctx);
    return (await findModel(trx, id)) as ModelRecord;
  });
}
