/**
 * Partner-introduced opportunities (SPEC §8.3, seed 004 scenario 3): the partner who brought an
 * opportunity on a lead an SDR was nurturing, named when the rep registers it. The annual
 * revenue share splits such a deal's commission between the partner and the SDR.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE opportunities ADD COLUMN partner_name text`.execute(db);
  // The annual revenue share reads the deals won in a year.
  await sql`CREATE INDEX opportunities_won_closed ON opportunities (closed_at) WHERE stage = 'won'`.execute(db);
}
