/** What hand-off events carry (SPEC §9): the hand-off's routing facts and a card of its lead. */
import type { Transaction } from 'kysely';
import type { Queryable } from '../../store/db.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { emitEvents } from '../events/emit-events.js';
import type { LeadLoopEvent } from '../events/event-types.js';
import { type LeadCard, leadCards } from '../events/lead-card.js';
import { usersWithRoles } from '../events/recipients.js';
import type { HandoffView } from './create-handoff.js';

/** Who resolves manual dispatches (SPEC §1, §5.2). */
const DISPATCHERS = ['sales_ops', 'sales_assistant'] as const;

export function handoffEventData(h: HandoffView): Record<string, unknown> {
  return {
    id: h.id,
    leadId: h.leadId,
    sdrId: h.sdrId,
    repId: h.repId,
    kind: h.kind,
    mode: h.mode,
    status: h.status,
    credit: h.credit,
    dueAt: h.dueAt,
    firstContactDueAt: h.firstContactDueAt,
    decision: h.decision,
  };
}

/** `handoff.created` to the rep and the SDR, or `dispatch.requested` to the dispatchers with the reasons. */
export async function announceHandoffs(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  handoffs: readonly HandoffView[],
): Promise<void> {
  if (handoffs.length === 0) return;
  await emitEvents(trx, ctx, await handoffAnnouncements(trx, handoffs));
}

/** The events announcing these hand-offs, with their leads' cards as they are now (given their rep). */
export async function handoffAnnouncements(db: Queryable, handoffs: readonly HandoffView[]): Promise<LeadLoopEvent[]> {
  if (handoffs.length === 0) return [];
  const cards = await leadCards(
    db,
    handoffs.map((h) => h.leadId),
  );
  const dispatchers = handoffs.some((h) => h.kind === 'dispatch') ? await dispatchersOf(db) : [];
  return handoffEvents(handoffs, cards, dispatchers);
}

/** The users told of a dispatch request. */
export function dispatchersOf(db: Queryable): Promise<string[]> {
  return usersWithRoles(db, DISPATCHERS);
}

/** The events announcing these hand-offs, given their leads' cards (read after the hand-off gave the lead its rep). */
export function handoffEvents(
  handoffs: readonly HandoffView[],
  cards: ReadonlyMap<string, LeadCard>,
  dispatchers: readonly string[],
): LeadLoopEvent[] {
  return handoffs.map((h) =>
    h.repId === null
      ? {
          type: 'dispatch.requested',
          leadId: h.leadId,
          data: {
            handoff: handoffEventData(h),
            lead: cards.get(h.leadId) ?? null,
            reasons: h.explanation.filter((s) => s.outcome !== 'picked').map((s) => s.message),
          },
          notify: [...dispatchers],
        }
      : {
          type: 'handoff.created',
          leadId: h.leadId,
          data: { handoff: handoffEventData(h), lead: cards.get(h.leadId) ?? null },
          notify: [h.repId, ...(h.sdrId ? [h.sdrId] : [])],
        },
  );
}
