/**
 * What an opportunity change announces (SPEC §9, §6.1): `opportunity.created|withdrawn|won|lost`
 * with the opportunity and a card of its lead, to the SDR who made the hand-off (their credit
 * depends on it, §8.3) and the rep; not to the person who made the change.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { emitEvents } from '../events/emit-events.js';
import { leadCards } from '../events/lead-card.js';
import type { OpportunityView } from './opportunity-view.js';

const eventOf = {
  open: 'opportunity.created',
  withdrawn: 'opportunity.withdrawn',
  won: 'opportunity.won',
  lost: 'opportunity.lost',
} as const;

export async function announceOpportunity(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  opportunity: OpportunityView,
  actorId: string,
  leadOwnerId: string | null,
): Promise<void> {
  const cards = await leadCards(trx, [opportunity.leadId]);
  const notify = [...new Set([opportunity.sdrId, opportunity.repId, leadOwnerId])].filter(
    (id): id is string => id !== null && id !== actorId,
  );
  await emitEvents(trx, ctx, [
    {
      type: eventOf[opportunity.stage],
      leadId: opportunity.leadId,
      data: { opportunity, lead: cards.get(opportunity.leadId) ?? null },
      notify,
    },
  ]);
}
