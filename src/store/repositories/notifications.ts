/** The in-app inbox (SPEC §9): a user's notifications, newest first, read or unread. */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';
import type { NotificationsTable } from '../schema-notifications.js';

export type NotificationRow = Selectable<NotificationsTable>;

export async function listNotifications(
  db: Queryable,
  userId: string,
  page: { beforeSeq?: number; unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (page.unreadOnly) q = q.where('read_at', 'is', null);
  if (page.beforeSeq !== undefined) q = q.where('seq', '<', page.beforeSeq);
  return q.orderBy('seq', 'desc').limit(page.limit).execute();
}

export async function countUnread(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read (kept read when it was); undefined when not theirs. */
export async function markRead(
  trx: Transaction<Database>,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | undefined> {
  return trx
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, ${at}::timestamptz)` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(trx: Transaction<Database>, userId: string, at: Date): Promise<number> {
  const r = await trx
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
