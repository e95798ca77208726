/**
 * SLA engine and event log (SPEC §6.2, §9): every announced event, the business calendars
 * (one editable file per year), and what the sweeper records on hand-offs.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE events (
      id text PRIMARY KEY,
      seq bigserial UNIQUE,
      type text NOT NULL,
      lead_id text,
      data jsonb NOT NULL,
      notify text[] NOT NULL DEFAULT '{}',
      occurred_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX events_lead ON events (lead_id, occurred_at)`.execute(db);
  // A timer whose handler failed is retried later, with the error kept for the operator.
  await sql`ALTER TABLE timers ADD COLUMN attempts integer NOT NULL DEFAULT 0, ADD COLUMN last_error text`.execute(db);
  await sql`CREATE INDEX timers_kind_subject ON timers (kind, subject_id) WHERE fired_at IS NULL AND cancelled_at IS NULL`.execute(
    db,
  );
  await sql`ALTER TABLE handoffs ADD COLUMN reminded_at timestamptz, ADD COLUMN first_contact_breached_at timestamptz, ADD COLUMN recalled_at timestamptz`.execute(
    db,
  );
  await sql`
    CREATE TABLE business_calendars (
      year integer PRIMARY KEY,
      body jsonb NOT NULL,
      updated_by text REFERENCES users(id),
      updated_at timestamptz NOT NULL
    )`.execute(db);
}
