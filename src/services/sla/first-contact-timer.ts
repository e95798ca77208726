/**
 * The first-contact deadline of the CRM-conflict rule (SPEC §5.2, §6.2): an idle account owner
 * who gets a lead must contact it within M days. Missed — no call, e-mail, WeChat or meeting by
 * the rep since the hand-off — it is recorded once and told to the rep, their manager and the SDR.
 */
import { appendAudit } from '../../store/repositories/audit.js';
import { findHandoff } from '../../store/repositories/handoffs.js';
import { emitEvents } from '../events/emit-events.js';
import { leadCards } from '../events/lead-card.js';
import { managersOf } from '../events/recipients.js';
import { presentHandoff } from '../handoffs/create-handoff.js';
import { handoffEventData } from '../handoffs/handoff-events.js';
import type { TimerHandler } from '../timers/timer-handler.js';

const CONTACTS = ['call', 'email', 'wechat', 'meeting'];

export const breachFirstContact: TimerHandler = async (trx, ctx, timer) => {
  const h = await findHandoff(trx, timer.subject_id, { lock: true });
  if (!h?.rep_id || h.first_contact_breached_at !== null) return;
  if (h.status === 'rejected' || h.status === 'recalled') return;
  const contacted = await trx
    .selectFrom('activities')
    .select('id')
    .where('lead_id', '=', h.lead_id)
    .where('user_id', '=', h.rep_id)
    .where('type', 'in', CONTACTS)
    .where('occurred_at', '>=', h.created_at)
    .limit(1)
    .executeTakeFirst();
  if (contacted) return;
  const at = new Date(timer.due_at);
  await trx.updateTable('handoffs').set({ first_contact_breached_at: at }).where('id', '=', h.id).execute();
  const managers = (await managersOf(trx, [h.rep_id])).get(h.rep_id) ?? [];
  await appendAudit(trx, [
    {
      id: ctx.newId(),
      actorId: null,
      action: 'handoff.first_contact_breached',
      entityType: 'handoff',
      entityId: h.id,
      leadId: h.lead_id,
      from: { firstContactDueAt: at.toISOString() },
      to: { breachedAt: at.toISOString(), repId: h.rep_id },
      reason: 'the account owner made no contact by the first-contact deadline',
      at,
    },
  ]);
  await emitEvents(trx, ctx, [
    {
      type: 'sla.breached',
      leadId: h.lead_id,
      data: {
        kind: 'first_contact',
        handoff: handoffEventData(presentHandoff(h)),
        lead: (await leadCards(trx, [h.lead_id])).get(h.lead_id) ?? null,
        repId: h.rep_id,
      },
      notify: [...new Set([h.rep_id, ...managers, ...(h.sdr_id ? [h.sdr_id] : [])])],
    },
  ]);
};
