/** GET /models and GET /models/{id} (SPEC §10.1): every training with its report, newest first. */
import { NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { findModel, listModels, type ModelRecord } from '../../store/repositories/models.js';
import type { ServiceContext } from '../context.js';

export async function readModels(ctx: ServiceContext, actor: Actor, limit: number): Promise<ModelRecord[]> {
  authorize(actor, 'models.read');
  return listModels(ctx.db, limit);
}

export async function readModel(ctx: ServiceContext, actor: Actor, id: string): Promise<ModelRecord> {
  authorize(actor, 'models.read');
  const model = await findModel(ctx.db, id);
  if (!model) throw new NotFound(`model ${id}`);
  return model;
}
