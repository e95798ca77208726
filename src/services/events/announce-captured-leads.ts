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
  const cards = await leadCards(trx, created);
  const live = await trx
    .selectFrom('leads')
    .select('id')
    .where('id', 'in', [...created])
    .where('history', '=', false)
    .execute();
  const liveIds = new Set(live.map((r) => r.id));
  await emitEvents(
    trx,
    ctx,
    created
      .filter((id) => liveIds.has(id))
      .map((id) => ({ type: 'lead.created' as const, leadId: id, data: { lead: cards.get(id) ?? null }, notify: [] })),
  );
  const { policy } = await slaInForce(trx);
  const waiting = [...cards.values()].filter(
    (c) =>
      liveIds.has(c.id) &&
      c.status === 'new' &&
      c.ownerId === null &&
      !(c.channel && policy.speedToLead.exemptChannels.includes(c.channel)),
  );
  await startFirstTouchClocks(
    trx,
    ctx,
    waiting.map((c) => c.id),
  );
  await startRecallClocks(
    trx,
    ctx,
    [...cards.values()].flatMap((c) =>
      liveIds.has(c.id) && c.status === 'working' && c.ownerId ? [{ leadId: c.id, ownerId: c.ownerId }] : [],
    ),
  );
}
