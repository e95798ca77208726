/**
 * The sales inbox (GET /handoffs, SPEC §6.1) of a rep with thousands of pending hand-offs: a page
 * read in its order off an index (soonest deadline first, or newest first) instead of joining and
 * sorting every one of them (18,240 pending to one rep: 380 ms on PGlite, a page of 100 needs 101).
 * The deadline key is handoff-list.ts's: undecided dispatches (no deadline) last.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX handoffs_rep_due ON handoffs
    (rep_id, status, (COALESCE(due_at, '9999-12-31T00:00:00.000Z'::timestamptz)), id)`.execute(db);
  await sql`CREATE INDEX handoffs_rep_newest ON handoffs (rep_id, status, created_at DESC, id DESC)`.execute(db);
}
