/**
 * The nurture pool and the contact experience (SPEC §6.3, §7): claims (counted per SDR per
 * day), releases (for the cool-off), saved segments, and on the lead its tags, its
 * do-not-contact flag and the trigger that last sent it back from the pool to the SDR queue.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE leads ADD COLUMN tags text[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN do_not_contact boolean NOT NULL DEFAULT false`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN do_not_contact_reason text`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN do_not_contact_at timestamptz`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN resurfaced_trigger text`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN resurfaced_at timestamptz`.execute(db);
  // The pool, best first: nurturing, unowned, live.
  await sql`CREATE INDEX leads_pool ON leads (score DESC, id)
    WHERE status = 'nurturing' AND owner_id IS NULL AND history = false`.execute(db);
  // Partial: most leads carry no tags, and capture should not pay for indexing them.
  await sql`CREATE INDEX leads_tags ON leads USING gin (tags) WHERE tags <> '{}'`.execute(db);

  // Every time a lead gets an SDR owner from the queue or the pool: a claim (counted against
  // the SDR's daily limit) or an assignment by an SDR lead (not counted).
  await sql`
    CREATE TABLE pool_claims (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      user_id text NOT NULL REFERENCES users(id),
      kind text NOT NULL CHECK (kind IN ('claim','assign')),
      actor_id text REFERENCES users(id),
      from_status text NOT NULL,
      from_owner_id text,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX pool_claims_user_day ON pool_claims (user_id, at) WHERE kind = 'claim'`.execute(db);
  await sql`CREATE INDEX pool_claims_lead ON pool_claims (lead_id, at)`.execute(db);

  // A release back to the pool, by the holder or for them: the holder's cool-off runs from it.
  await sql`
    CREATE TABLE pool_releases (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      user_id text NOT NULL REFERENCES users(id),
      released_by text REFERENCES users(id),
      reason text NOT NULL,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX pool_releases_lead_user ON pool_releases (lead_id, user_id, at)`.execute(db);

  await sql`
    CREATE TABLE pool_segments (
      id text PRIMARY KEY,
      name text NOT NULL,
      filters jsonb NOT NULL,
      created_by text REFERENCES users(id),
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX pool_segments_name ON pool_segments (lower(name))`.execute(db);
}
