/**
 * The SDR side of the SLA when its timers fall due (SPEC §6.2, §7): speed to lead (a new inbound
 * lead still untouched when its first-touch time runs out is a breach, told to the SDR leads),
 * and the recall of an SDR-owned lead left without a touch — warned first, then back to the pool.
 * A recall timer whose lead was touched since moves itself to the new date instead of firing.
 */
import { slaDurations } from '../../domain/sla/sla-policy.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { insertTimers } from '../../store/repositories/timers.js';
import { emitEvents } from '../events/emit-events.js';
import { leadCards } from '../events/lead-card.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { usersWithRoles } from '../events/recipients.js';
import type { TimerHandler } from '../timers/timer-handler.js';
import { RECALL_DUE, recallTimers } from './recall-clock.js';
import { slaInForce } from './sla-clock.js';

async function lockLead(trx: Parameters<TimerHandler>[0], id: string) {
  return trx
    .selectFrom('leads')
    .select(['id', 'status', 'owner_id', 'owned_since', 'last_touch_at', 'created_at', 'flags'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export const breachFirstTouch: TimerHandler = async (trx, ctx, timer) => {
  const lead = await lockLead(trx, timer.subject_id);
  if (!lead || lead.last_touch_at !== null) return;
  if (lead.status !== 'new' && lead.status !== 'working') return;
  const at = new Date(timer.due_at);
  const sdrLeads = await usersWithRoles(trx, ['sdr_lead']);
  const card = (await leadCards(trx, [lead.id])).get(lead.id) ?? null;
  await appendAudit(trx, [
    {
      id: ctx.newId(),
      actorId: null,
      action: 'lead.speed_to_lead_breached',
      entityType: 'lead',
      entityId: lead.id,
      leadId: lead.id,
      from: { waitingSince: new Date(timer.created_at).toISOString() },
      to: { breachedAt: at.toISOString(), ownerId: lead.owner_id },
      reason: 'no first touch within the speed-to-lead time',
      at,
    },
  ]);
  await emitEvents(trx, ctx, [
    {
      type: 'sla.breached',
      leadId: lead.id,
      data: { kind: 'speed_to_lead', lead: card, waitingSince: new Date(timer.created_at).toISOString() },
      notify: [...new Set([...(lead.owner_id ? [lead.owner_id] : []), ...sdrLeads])],
    },
  ]);
};

/** The owner still holds the lead in `working`, and the last touch (or the claim) is this old. */
async function stillDue(
  trx: Parameters<TimerHandler>[0],
  ctx: Parameters<TimerHandler>[1],
  timer: Parameters<TimerHandler>[2],
) {
  const lead = await lockLead(trx, timer.subject_id);
  const ownerId = (timer.payload as { ownerId?: string }).ownerId;
  if (!lead || lead.status !== 'working' || !ownerId || lead.owner_id !== ownerId) return null;
  const sla = await slaInForce(trx);
  const since = new Date(Math.max(time(lead.last_touch_at), time(lead.owned_since)));
  const recallAt = sla.after(since, slaDurations.recall(sla.policy), sla.policy.recall.clock);
  if (
    recallAt.getTime() >
    new Date(timer.due_at).getTime() + (timer.kind === RECALL_DUE ? 0 : slaDurations.recallWarning(sla.policy))
  ) {
    // touched since the clock started: the clock moves to the new date (once, by the recall timer)
    if (timer.kind === RECALL_DUE) {
      await insertTimers(trx, recallTimers(sla, ctx.newId, lead.id, ownerId, since, ctx.clock.now()));
    }
    return null;
  }
  return { lead, ownerId, recallAt };
}

export const warnRecall: TimerHandler = async (trx, ctx, timer) => {
  const due = await stillDue(trx, ctx, timer);
  if (!due) return;
  const card = (await leadCards(trx, [due.lead.id])).get(due.lead.id) ?? null;
  await emitEvents(trx, ctx, [
    {
      type: 'lead.recall_warning',
      leadId: due.lead.id,
      data: { lead: card, ownerId: due.ownerId, recallAt: due.recallAt.toISOString() },
      notify: [due.ownerId],
    },
  ]);
};

export const recallLead: TimerHandler = async (trx, ctx, timer) => {
  const due = await stillDue(trx, ctx, timer);
  if (!due) return;
  const at = new Date(timer.due_at);
  await trx
    .updateTable('leads')
    .set({ status: 'nurturing', owner_id: null, owned_since: null, updated_at: at })
    .where('id', '=', due.lead.id)
    .execute();
  const sla = await slaInForce(trx);
  const reason = `no touch for ${sla.policy.recall.days} days: back to the pool`;
  await recordLeadStatusChanges(trx, ctx, [
    {
      leadId: due.lead.id,
      action: 'lead.recalled',
      from: { status: 'working', ownerId: due.ownerId },
      to: { status: 'nurturing', ownerId: null },
      actorId: null,
      reason,
    },
  ]);
  const card = (await leadCards(trx, [due.lead.id])).get(due.lead.id) ?? null;
  await emitEvents(trx, ctx, [
    {
      type: 'lead.recalled',
      leadId: due.lead.id,
      data: { lead: card, formerOwnerId: due.ownerId, reason },
      notify: [due.ownerId],
    },
  ]);
};

function time(d: Date | string | null): number {
  return d === null ? 0 : new Date(d).getTime();
}
