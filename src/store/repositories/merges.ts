/** Recorded merges and what reverting one changes. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { FilledFields } from '../../domain/capture/dedup.js';
import type { Database } from '../schema.js';
import { filledFieldColumn } from './leads.js';

export async function listMerges(db: Kysely<Database>, leadId: string) {
  return db
    .selectFrom('lead_merges')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The merge with its touch, locked: two admins reverting at once revert once. */
export async function findMergeForUpdate(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('lead_merges')
    .innerJoin('lead_touches', 'lead_touches.id', 'lead_merges.touch_id')
    .select([
      'lead_merges.id',
      'lead_merges.lead_id',
      'lead_merges.touch_id',
      'lead_merges.matched_on',
      'lead_merges.filled',
      'lead_merges.reverted_at',
      'lead_touches.payload',
      'lead_touches.channel_id',
      'lead_touches.utm',
      'lead_touches.referrer',
      'lead_touches.landing_page',
      'lead_touches.occurred_at',
    ])
    .where('lead_merges.id', '=', id)
    .forUpdate('lead_merges')
    .executeTakeFirst();
}

export async function moveTouch(trx: Transaction<Database>, touchId: string, toLeadId: string): Promise<void> {
  await trx.updateTable('lead_touches').set({ lead_id: toLeadId }).where('id', '=', touchId).execute();
}

export async function clearLeadFields(
  trx: Transaction<Database>,
  leadId: string,
  fields: readonly (keyof FilledFields)[],
  at: Date,
): Promise<void> {
  const set: Record<string, unknown> = { updated_at: at };
  for (const field of fields) set[filledFieldColumn[field]] = null;
  await trx.updateTable('leads').set(set).where('id', '=', leadId).execute();
}

/** The latest source is the newest touch that is still the lead's. */
export async function resetLatestSource(trx: Transaction<Database>, leadId: string): Promise<void> {
  await sql`UPDATE leads SET latest_source = jsonb_build_object(
      'channel', t.channel_id, 'utm', t.utm, 'referrer', t.referrer, 'landingPage', t.landing_page,
      'at', to_char(t.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM (SELECT * FROM lead_touches WHERE lead_id = ${leadId} ORDER BY occurred_at DESC, id DESC LIMIT 1) AS t
    WHERE leads.id = ${leadId}`.execute(trx);
}

export async function markMergeReverted(
  trx: Transaction<Database>,
  id: string,
  by: string,
  splitLeadId: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('lead_merges')
    .set({ reverted_at: at, reverted_by: by, split_lead_id: splitLeadId })
    .where('id', '=', id)
    .execute();
}
