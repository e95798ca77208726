/**
 * SQL of predictive models (migration 019). Starting a training takes the one "training" slot
 * (a partial unique index), so two trainings never run at once, across processes too; a training
 * a crash interrupted gives the slot back once it is stale.
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';
import type { PredictiveModelsTable } from '../schema-models.js';

export type ModelRecord = Selectable<PredictiveModelsTable>;

export interface NewModelRow {
  id: string;
  target: string;
  trigger: 'manual' | 'monthly';
  createdBy: string | null;
  at: Date;
}

/** Takes the training slot for a new model; false when another training holds it. */
export async function startTraining(db: Queryable, row: NewModelRow): Promise<boolean> {
  const inserted = await sql<{ id: string }>`
    INSERT INTO predictive_models (id, target, status, trigger, created_by, created_at, started_at)
    VALUES (${row.id}, ${row.target}, 'training', ${row.trigger}, ${row.createdBy}, ${row.at}, ${row.at})
    ON CONFLICT DO NOTHING RETURNING id`.execute(db);
  return inserted.rows.length === 1;
}

/** A model the monthly timer asks for; trained by the next due-work run (trainQueuedModels). */
export async function queueModel(trx: Transaction<Database>, row: NewModelRow): Promise<void> {
  await trx
    .insertInto('predictive_models')
    .values({
      id: row.id,
      target: row.target,
      status: 'queued',
      trigger: row.trigger,
      created_by: row.createdBy,
      created_at: row.at,
    })
    .execute();
}

/** The oldest queued model, moved into the training slot; undefined when none or the slot is taken. */
export async function claimQueuedModel(db: Queryable, at: Date): Promise<ModelRecord | undefined> {
  const claimed = await sql<ModelRecord>`
    UPDATE predictive_models SET status = 'training', started_at = ${at}
    WHERE id = (SELECT id FROM predictive_models WHERE status = 'queued'
                ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      AND NOT EXISTS (SELECT 1 FROM predictive_models WHERE status = 'training')
    RETURNING *`
    .execute(db)
    .catch((error: { code?: string }) => {
      if (error.code === '23505') return { rows: [] }; // another process took the slot meanwhile
      throw error;
    });
  return claimed.rows[0];
}

export async function finishTraining(
  db: Queryable,
  id: string,
  end: { model: Record<string, unknown> } | { failure: Record<string, unknown> },
  at: Date,
): Promise<void> {
  await db
    .updateTable('predictive_models')
    .set(
      'model' in end
        ? { status: 'trained', model: JSON.stringify(end.model), trained_at: at }
        : { status: 'failed', failure: JSON.stringify(end.failure), trained_at: at },
    )
    .where('id', '=', id)
    .execute();
}

/** Trainings started before `startedBefore` that never finished (the process died): failed. */
export async function failStaleTrainings(db: Queryable, startedBefore: Date, at: Date): Promise<number> {
  const result = await db
    .updateTable('predictive_models')
    .set({ status: 'failed', failure: JSON.stringify({ reason: 'interrupted' }), trained_at: at })
    .where('status', '=', 'training')
    .where('started_at', '<', startedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listModels(db: Queryable, limit: number): Promise<ModelRecord[]> {
  return db
    .selectFrom('predictive_models')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findModel(db: Queryable, id: string): Promise<ModelRecord | undefined> {
  return db.selectFrom('predictive_models').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActiveModel(db: Queryable): Promise<ModelRecord | undefined> {
  return db.selectFrom('predictive_models').selectAll().where('active', '=', true).executeTakeFirst();
}

/** Makes this model the active one (the one before it steps down in the same transaction). */
export async function setActiveModel(trx: Transaction<Database>, id: string, by: string, at: Date): Promise<void> {
  await trx.updateTable('predictive_models').set({ active: false }).where('active', '=', true).execute();
  await trx
    .updateTable('predictive_models')
    .set({ active: true, activated_at: at, activated_by: by })
    .where('id', '=', id)
    .execute();
}
