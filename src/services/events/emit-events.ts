/**
 * Announcing events (SPEC §9) in the transaction of the state change they describe: the event
 * log row, and from it everything that goes out, commit or roll back together with the change.
 */
import type { Transaction } from 'kysely';
import { insertEvents } from '../../store/repositories/events.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import type { LeadLoopEvent } from './event-types.js';

export async function emitEvents(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  events: readonly LeadLoopEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const at = ctx.clock.now();
  await insertEvents(
    trx,
    events.map((e) => ({ id: ctx.newId(), ...e, occurredAt: at })),
  );
}
