/**
 * Marketing spend per channel, campaign and month (SPEC §8.2). One row per (month, channel,
 * campaign); campaign '' is spend on the channel not booked to a campaign. Amounts are numeric
 * to the fen: sums are exact in the database.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE spend_entries (
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      channel_id text NOT NULL REFERENCES channels (id),
      campaign text NOT NULL DEFAULT '',
      amount numeric(16, 2) NOT NULL CHECK (amount >= 0),
      updated_at timestamptz NOT NULL,
      updated_by text,
      PRIMARY KEY (month, channel_id, campaign)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE spend_entries`.execute(db);
}
