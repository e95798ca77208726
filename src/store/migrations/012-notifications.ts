/**
 * Notifications and integrations (SPEC §9): the in-app inbox, webhook subscriptions, team-chat
 * robots, the SMTP settings, and what the outbox needs to deliver each event once: the event it
 * carries, the kind of channel and subscription it goes to, a lease while a process sends it,
 * a log of every attempt, and each robot's recent sends for its rate limit.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id text PRIMARY KEY,
      seq bigserial UNIQUE,
      user_id text NOT NULL,
      event_id text NOT NULL,
      type text NOT NULL,
      lead_id text,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      read_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX notifications_user ON notifications (user_id, seq DESC)`.execute(db);
  await sql`CREATE INDEX notifications_unread ON notifications (user_id, seq DESC) WHERE read_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE webhooks (
      id text PRIMARY KEY,
      url text NOT NULL,
      events text[] NOT NULL,
      secret text NOT NULL,
      created_by text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      deleted_at timestamptz
    )`.execute(db);
  await sql`
    CREATE TABLE chat_robots (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('wecom','dingtalk','feishu','slack')),
      name text,
      url text NOT NULL,
      events text[] NOT NULL,
      secret text,
      created_by text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      deleted_at timestamptz
    )`.execute(db);
  await sql`
    CREATE TABLE smtp_settings (
      id text PRIMARY KEY CHECK (id = 'smtp'),
      host text NOT NULL,
      port integer NOT NULL,
      secure boolean NOT NULL,
      username text,
      password text,
      from_address text NOT NULL,
      events text[] NOT NULL,
      updated_by text REFERENCES users(id),
      updated_at timestamptz NOT NULL
    )`.execute(db);

  await sql`
    ALTER TABLE outbox
      ADD COLUMN seq bigserial,
      ADD COLUMN event_id text,
      ADD COLUMN kind text NOT NULL DEFAULT 'webhook' CHECK (kind IN ('webhook','robot','email')),
      ADD COLUMN target_id text,
      ADD COLUMN lease_until timestamptz,
      ADD COLUMN lease_token text`.execute(db);
  await sql`CREATE INDEX outbox_target ON outbox (kind, target_id, seq DESC)`.execute(db);
  await sql`
    CREATE TABLE outbox_attempts (
      id text PRIMARY KEY,
      outbox_id text NOT NULL REFERENCES outbox(id),
      attempt integer NOT NULL,
      ok boolean NOT NULL,
      status_code integer,
      error text,
      duration_ms integer NOT NULL,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX outbox_attempts_outbox ON outbox_attempts (outbox_id, attempt)`.execute(db);
  await sql`
    CREATE TABLE robot_sends (
      id text PRIMARY KEY,
      robot_id text NOT NULL,
      messages integer NOT NULL,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX robot_sends_recent ON robot_sends (robot_id, at)`.execute(db);
}
