/**
 * SQL of marketing spend (SPEC §8.2; migration 017). Amounts cross the wire as integer fen
 * (amount × 100 as bigint): exact, whatever the driver does with numeric.
 */
import { sql, type Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';

export interface SpendEntry {
  month: string;
  channel: string;
  /** null: spend on the channel not booked to a campaign. */
  campaign: string | null;
  fen: number;
}

interface Row {
  month: string;
  channel_id: string;
  campaign: string;
  fen: number | string;
}

const toEntry = (r: Row): SpendEntry => ({
  month: r.month,
  channel: r.channel_id,
  campaign: r.campaign === '' ? null : r.campaign,
  fen: Number(r.fen),
});

/** Entries of the months first…last (yyyy-mm, both included), by month, channel, campaign. */
export async function listSpend(db: Queryable, first: string, last: string): Promise<SpendEntry[]> {
  const result = await sql<Row>`SELECT month, channel_id, campaign, (amount * 100)::bigint AS fen
    FROM spend_entries WHERE month >= ${first} AND month <= ${last}
    ORDER BY month, channel_id, campaign`.execute(db);
  return result.rows.map(toEntry);
}

/** Spend of the months first…last per channel or per campaign (null: no campaign), summed in SQL. */
export async function spendBy(
  db: Queryable,
  by: 'channel' | 'campaign',
  first: string,
  last: string,
): Promise<{ key: string | null; fen: number }[]> {
  const key = by === 'channel' ? sql`channel_id` : sql`nullif(campaign, '')`;
  const result = await sql<{ key: string | null; fen: number | string }>`
    SELECT ${key} AS key, (sum(amount) * 100)::bigint AS fen
    FROM spend_entries WHERE month >= ${first} AND month <= ${last}
    GROUP BY 1`.execute(db);
  return result.rows.map((r) => ({ key: r.key, fen: Number(r.fen) }));
}

/** The ids of the channels among these (any channel, active or not: spend may be historic). */
export async function knownChannels(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('channels')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Replaces every entry of a month by these (locks the month's rows first). */
export async function replaceMonth(
  trx: Transaction<Database>,
  month: string,
  entries: readonly SpendEntry[],
  at: Date,
  by: string | null,
): Promise<void> {
  await sql`DELETE FROM spend_entries WHERE month = ${month}`.execute(trx);
  for (const e of entries) await upsertEntry(trx, e, at, by);
}

/** fen as decimal text: 100010 → "1000.10" (sent as text, cast to numeric: no float on the way). */
const fenText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Sets the amount of one (month, channel, campaign). */
export async function upsertEntry(
  trx: Transaction<Database>,
  e: SpendEntry,
  at: Date,
  by: string | null,
): Promise<void> {
  await sql`INSERT INTO spend_entries (month, channel_id, campaign, amount, updated_at, updated_by)
    VALUES (${e.month}, ${e.channel}, ${e.campaign ?? ''}, ${fenText(e.fen)}::numeric, ${at}, ${by})
    ON CONFLICT (month, channel_id, campaign)
    DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(
    trx,
  );
}
