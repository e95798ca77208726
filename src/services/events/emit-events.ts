/**
 * Announcing events (SPEC §9) in the transaction of the state change they describe: the event
 * log row, and from it everything that goes out (in-app notifications, webhook, robot and
 * e-mail outbox rows), commit or roll back together with the change. A few statements per call
 * whatever the number of events: the event rows, a look at which types anyone listens to, and
 * — only when someone is told — the notifications and outbox rows. Delivery happens later,
 * outside (notifications/deliver-outbox.ts), so a failing channel never blocks the change. Consoles
 * of the users told hear of it at commit (live/live-signal.ts).
 */
import type { RawBuilder, Transaction } from 'kysely';
import {
  type FannedEvent,
  fanOutEvents,
  inboxInsert,
  type ListenedTypes,
  listenedTypes,
} from '../../store/repositories/event-fan-out.js';
import { eventsInsert, insertEvents } from '../../store/repositories/events.js';
import { liveNotify, notifyLive } from '../../store/repositories/live-updates.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { encodeLiveSignal } from '../live/live-signal.js';
import type { LeadLoopEvent } from './event-types.js';

export async function emitEvents(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  events: readonly LeadLoopEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const at = ctx.clock.now();
  const rows = events.map((e) => ({ id: ctx.newId(), ...e, notify: [...new Set(e.notify)], occurredAt: at }));
  await insertEvents(trx, rows);
  const listened = await listenedTypes(trx);
  const outgoing = rows.filter(
    (e) => listened.outbound.has(e.type) || (e.notify.length > 0 && listened.email.has(e.type)),
  );
  const notifications = rows.flatMap((event) => event.notify.map((userId) => ({ id: ctx.newId(), userId, event })));
  await fanOutEvents(trx, outgoing, notifications);
  if (notifications.length > 0) {
    await notifyLive(
      trx,
      encodeLiveSignal(
        notifications.map((n) => n.userId),
        notifications.map((n) => n.event.type),
      ),
    );
  }
}

/**
 * emitEvents for a caller that runs its writes as one statement (recordset.ts allInOne) and read
 * the listened types already (in the same transaction): the event rows' and notifications'
 * INSERTs to put beside its own, the live signal to run last in that statement (a NOTIFY is a
 * SELECT: it runs only as the statement's main part), and the events some webhook, robot or
 * e-mail listens to — pass them to `fanOutEvents(trx, outgoing, [])` after that statement.
 */
export function eventWrites(
  ctx: ServiceContext,
  events: readonly LeadLoopEvent[],
  listened: ListenedTypes,
): { writes: RawBuilder<unknown>[]; live: RawBuilder<unknown> | null; outgoing: FannedEvent[] } {
  if (events.length === 0) return { writes: [], live: null, outgoing: [] };
  const at = ctx.clock.now();
  const rows = events.map((e) => ({ id: ctx.newId(), ...e, notify: [...new Set(e.notify)], occurredAt: at }));
  const outgoing = rows.filter(
    (e) => listened.outbound.has(e.type) || (e.notify.length > 0 && listened.email.has(e.type)),
  );
  const notifications = rows.flatMap((event) => event.notify.map((userId) => ({ id: ctx.newId(), userId, event })));
  return {
    writes: [eventsInsert(rows), ...(notifications.length > 0 ? [inboxInsert(notifications)] : [])],
    live:
      notifications.length > 0
        ? liveNotify(
            encodeLiveSignal(
              notifications.map((n) => n.userId),
              notifications.map((n) => n.event.type),
            ),
          )
        : null,
    outgoing,
  };
}
