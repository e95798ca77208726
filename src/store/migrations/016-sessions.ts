/**
 * Web sign-in (SPEC §10.2): browser sessions (the table 001 created, reshaped), stored by the SHA-256 of their cookie value (a
 * stolen database does not sign anyone in), and failed sign-ins, counted per e-mail and per
 * address for throttling — in the database, so several server processes throttle together.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 001 created an unused sessions table (a plain CSRF token, a fixed expiry); nothing wrote to
  // it. Sessions now expire when idle and keep the CSRF token hashed.
  await sql`DELETE FROM sessions`.execute(db);
  await sql`ALTER TABLE sessions DROP COLUMN csrf_token`.execute(db);
  await sql`ALTER TABLE sessions DROP COLUMN expires_at`.execute(db);
  await sql`ALTER TABLE sessions ADD COLUMN csrf_hash text NOT NULL`.execute(db);
  await sql`ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);
  await sql`
    CREATE TABLE login_failures (
      id text PRIMARY KEY,
      key text NOT NULL,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX login_failures_key_at ON login_failures (key, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE login_failures`.execute(db);
  await sql`DROP INDEX sessions_user`.execute(db);
  await sql`DELETE FROM sessions`.execute(db);
  await sql`ALTER TABLE sessions DROP COLUMN csrf_hash`.execute(db);
  await sql`ALTER TABLE sessions DROP COLUMN last_seen_at`.execute(db);
  await sql`ALTER TABLE sessions ADD COLUMN csrf_token text NOT NULL`.execute(db);
  await sql`ALTER TABLE sessions ADD COLUMN expires_at timestamptz NOT NULL`.execute(db);
}
