/**
 * Opportunities (SPEC §6.1, §8.3) and the SDR work queue (§10). The opportunities table of
 * 001 gets what the lifecycle records: a name and currency, the withdrawal date (the 14-day
 * withdrawal window of the credit rule reads it), the won/lost date and who closed it, the
 * reason of a withdrawal or loss. One open opportunity per lead at a time (a unique index, so
 * two reps registering at once cannot both succeed). Indexes for GET /queue: unowned `new`
 * leads by score, MRL leads, re-surfaced leads.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE opportunities ADD COLUMN name text`.execute(db);
  await sql`ALTER TABLE opportunities ADD COLUMN currency text NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$')`.execute(
    db,
  );
  await sql`ALTER TABLE opportunities ADD COLUMN reason text`.execute(db);
  await sql`ALTER TABLE opportunities ADD COLUMN withdrawn_at timestamptz`.execute(db);
  await sql`ALTER TABLE opportunities ADD COLUMN closed_by text REFERENCES users(id)`.execute(db);
  await sql`ALTER TABLE opportunities ADD COLUMN updated_at timestamptz`.execute(db);
  await sql`UPDATE opportunities SET updated_at = coalesce(closed_at, created_at) WHERE updated_at IS NULL`.execute(db);
  await sql`ALTER TABLE opportunities ALTER COLUMN updated_at SET NOT NULL`.execute(db);
  // A withdrawn opportunity has its withdrawal date and no close date; won and lost have a close date.
  await sql`ALTER TABLE opportunities ADD CONSTRAINT opportunities_stage_dates CHECK (
      (stage = 'open' AND withdrawn_at IS NULL AND closed_at IS NULL)
      OR (stage = 'withdrawn' AND withdrawn_at IS NOT NULL AND closed_at IS NULL)
      OR (stage IN ('won', 'lost') AND withdrawn_at IS NULL AND closed_at IS NOT NULL)
    ) NOT VALID`.execute(db);
  await sql`CREATE UNIQUE INDEX opportunities_one_open ON opportunities (lead_id) WHERE stage = 'open'`.execute(db);
  // SDR credit (§8.3) and funnel reports go from a hand-off or a creation date to opportunities.
  await sql`CREATE INDEX opportunities_handoff ON opportunities (handoff_id) WHERE handoff_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX opportunities_created ON opportunities (created_at)`.execute(db);

  // GET /queue: the shared SDR queue (unowned, new) read best score first, older first on ties.
  await sql`CREATE INDEX leads_queue_unowned ON leads (score DESC, created_at, id)
      WHERE owner_id IS NULL AND status = 'new' AND history = false`.execute(db);
  // MRL leads (returned by sales) are few and read first; the literal predicate lets the planner use it.
  await sql`CREATE INDEX leads_mrl ON leads (owner_id, status) WHERE 'MRL' = ANY(flags)`.execute(db);
  // Re-surfaced leads (resurfaced_at: migration 013), latest first.
  await sql`CREATE INDEX leads_resurfaced ON leads (resurfaced_at DESC)
      WHERE resurfaced_at IS NOT NULL AND history = false`.execute(db);
}
