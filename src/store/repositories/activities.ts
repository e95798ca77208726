/** SDR and rep touches on a lead (SPEC §6.1 "every SDR call"): calls, e-mails, WeChat, meetings, notes. */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import type { ActivitiesTable, Database } from '../schema.js';

export type ActivityRow = Selectable<ActivitiesTable>;

export async function insertActivity(trx: Transaction<Database>, row: ActivityRow): Promise<void> {
  await trx.insertInto('activities').values(row).execute();
}

/** Moves the lead's last touch forward (never back: a late-logged old call does not rewind it). */
export async function touchLead(trx: Transaction<Database>, leadId: string, at: Date): Promise<void> {
  await trx
    .updateTable('leads')
    .set({ last_touch_at: sql<Date>`GREATEST(COALESCE(last_touch_at, ${at}), ${at})` })
    .where('id', '=', leadId)
    .execute();
}

export async function listLeadActivities(db: Queryable, leadId: string): Promise<ActivityRow[]> {
  return db
    .selectFrom('activities')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
