/**
 * After capture (SPEC §9, §6.2, §7): `lead.created` for each new lead; for each new inbound lead
 * waiting in the SDR queue the speed-to-lead clock (first touch within the policy's time); for a
 * lead its SDR captured and holds (outbound prospecting) the recall clock, as for any owner.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { startFirstTouchClocks, startRecallClocks } from '../sla/recall-clock.js';
import { slaInForce } from '../sla/sla-clock.js';
import { emitEvents } from './emit-events.js';
import { leadCards } from './lead-card.js';

export async function announceCapturedLeads(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  created: readonly string[],
): Promise<void> {
  if (created.length === 0) return;
  // Leads capture created are live (history leads come in through the history import only).
  const cards = await leadCards(trx, created);
  await emitEvents(
    trx,
    ctx,
    created.map((id) => ({
      type: 'lead.created' as const,
      leadId: id,
      data: { lead: cards.get(id) ?? null },
      notify: [],
    })),
  );
  const sla = await slaInForce(trx);
  const { policy } = sla;
  const waiting = [...cards.values()].filter(
    (c) =>
      c.status === 'new' && c.ownerId === null && !(c.channel && policy.speedToLead.exemptChannels.includes(c.channel)),
  );
  await startFirstTouchClocks(
    trx,
    ctx,
    waiting.map((c) => c.id),
    { fresh: true, sla },
  );
  await startRecallClocks(
    trx,
    ctx,
    [...cards.values()].flatMap((c) =>
      c.status === 'working' && c.ownerId ? [{ leadId: c.id, ownerId: c.ownerId }] : [],
    ),
    { fresh: true, sla },
  );
}
