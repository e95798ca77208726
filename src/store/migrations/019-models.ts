/**
 * Predictive models (SPEC §4.3, §10.1 `/models`): each training is one row — queued by the
 * monthly retraining timer, training, trained (the model and its evaluation as JSON) or failed
 * (too little history, with what it needs). At most one is training at a time and at most one is
 * active; a model becomes active only when someone activates it.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE predictive_models (
      id text PRIMARY KEY,
      target text NOT NULL CHECK (target IN ('sql','opportunity','won')),
      status text NOT NULL CHECK (status IN ('queued','training','trained','failed')),
      trigger text NOT NULL CHECK (trigger IN ('manual','monthly')),
      model jsonb,
      failure jsonb,
      active boolean NOT NULL DEFAULT false,
      created_by text REFERENCES users (id),
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      trained_at timestamptz,
      activated_at timestamptz,
      activated_by text REFERENCES users (id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX predictive_models_one_active ON predictive_models ((true)) WHERE active`.execute(db);
  await sql`CREATE UNIQUE INDEX predictive_models_one_training ON predictive_models ((true))
      WHERE status = 'training'`.execute(db);
  await sql`CREATE INDEX predictive_models_created ON predictive_models (created_at DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE predictive_models`.execute(db);
}
