/** The in-app inbox (SPEC §9): the caller's own notifications, newest first; read one or all. */
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from '../../store/repositories/notifications.js';
import type { ServiceContext } from '../context.js';
import { eventTitle } from './event-message.js';

export interface NotificationView {
  id: string;
  eventId: string;
  type: string;
  title: string;
  leadId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

const present = (n: NotificationRow): NotificationView => ({
  id: n.id,
  eventId: n.event_id,
  type: n.type,
  title: eventTitle(n.type),
  leadId: n.lead_id,
  data: n.data,
  createdAt: new Date(n.created_at).toISOString(),
  readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
});

export async function readInbox(
  ctx: ServiceContext,
  actor: Actor,
  page: { unread: boolean; cursor?: string; limit: number },
): Promise<{ items: NotificationView[]; unreadCount: number; nextCursor: string | null }> {
  authorize(actor, 'notifications.read');
  const beforeSeq = page.cursor === undefined ? undefined : Number(page.cursor);
  if (beforeSeq !== undefined && !(Number.isSafeInteger(beforeSeq) && beforeSeq > 0 && /^\d+$/.test(page.cursor ?? '')))
    throw new InvalidInput([
      { field: 'query.cursor', message: 'is not a cursor this API returned', messageZh: '不是本接口返回的游标' },
    ]);
  const rows = await listNotifications(ctx.db, actor.id, {
    beforeSeq,
    unreadOnly: page.unread,
    limit: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return {
    items: shown.map(present),
    unreadCount: await countUnread(ctx.db, actor.id),
    nextCursor: more ? String(shown[shown.length - 1].seq) : null,
  };
}

export async function readNotification(ctx: ServiceContext, actor: Actor, id: string): Promise<NotificationView> {
  authorize(actor, 'notifications.read');
  const at = ctx.clock.now();
  const row = await ctx.db.transaction().execute((trx) => markRead(trx, actor.id, id, at));
  if (!row) throw new NotFound(`notification ${id}`);
  return present(row);
}

export async function readAllNotifications(ctx: ServiceContext, actor: Actor): Promise<{ updated: number }> {
  authorize(actor, 'notifications.read');
  const at = ctx.clock.now();
  return { updated: await ctx.db.transaction().execute((trx) => markAllRead(trx, actor.id, at)) };
}
