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
}
