/**
 * The acceptance SLA when its timers fall due (SPEC §6.2): the reminder to the rep; the breach,
 * recorded once and told to the SDR and the rep's manager, counted against the rep (the
 * policy's run of consecutive breaches suspends them from MQLs for calendar months); and, when
 * the policy says so, the recall of the lead after a grace period and a new routing.
 */
import { sql } from 'kysely';
import type { RoutingDecision } from '../../domain/routing/routing-types.js';
import { addCalendarMonths, slaDurations } from '../../domain/sla/sla-policy.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { findHandoff, type HandoffRow } from '../../store/repositories/handoffs.js';
import { lockRepLoads } from '../../store/repositories/roster.js';
import { cancelOpenTimers, insertTimers } from '../../store/repositories/timers.js';
import { emitEvents } from '../events/emit-events.js';
import { leadCards } from '../events/lead-card.js';
import { managersOf, usersWithRoles } from '../events/recipients.js';
import { createHandoff, presentHandoff } from '../handoffs/create-handoff.js';
import { handoffEventData } from '../handoffs/handoff-events.js';
import { routeToRep } from '../handoffs/route-lead.js';
import type { TimerHandler } from '../timers/timer-handler.js';
import { RECALL_AFTER_BREACH } from './handoff-clocks.js';
import { slaInForce } from './sla-clock.js';

const stillPending = (h: HandoffRow | undefined): h is HandoffRow & { rep_id: string } =>
  !!h && h.status === 'pending' && h.rep_id !== null;

export const remindAcceptance: TimerHandler = async (trx, ctx, timer) => {
  const h = await findHandoff(trx, timer.subject_id, { lock: true });
  if (!stillPending(h) || h.reminded_at !== null) return;
  const at = new Date(timer.due_at);
  await trx.updateTable('handoffs').set({ reminded_at: at }).where('id', '=', h.id).execute();
  const lead = (await leadCards(trx, [h.lead_id])).get(h.lead_id) ?? null;
  await emitEvents(trx, ctx, [
    {
      type: 'sla.reminder',
      leadId: h.lead_id,
      data: { kind: 'acceptance', handoff: handoffEventData(presentHandoff(h)), lead },
      notify: [h.rep_id],
    },
  ]);
};

export const breachAcceptance: TimerHandler = async (trx, ctx, timer) => {
  const h = await findHandoff(trx, timer.subject_id, { lock: true });
  if (!stillPending(h) || h.breached_at !== null) return;
  const at = new Date(timer.due_at);
  const sla = await slaInForce(trx);
  await trx.updateTable('handoffs').set({ breached_at: at }).where('id', '=', h.id).execute();

  const profile = await trx
    .selectFrom('rep_profiles')
    .select(['consecutive_breaches', 'suspended_until'])
    .where('user_id', '=', h.rep_id)
    .forUpdate()
    .executeTakeFirst();
  const breaches = (profile?.consecutive_breaches ?? 0) + 1;
  const suspend = breaches >= sla.policy.penalty.consecutiveBreaches;
  const suspendedUntil = suspend ? addCalendarMonths(at, sla.policy.penalty.suspensionMonths) : null;
  // A suspension serves the run: the count starts again from zero.
  const counted = suspend ? 0 : breaches;
  if (profile) {
    await trx
      .updateTable('rep_profiles')
      .set({ consecutive_breaches: counted, ...(suspendedUntil ? { suspended_until: suspendedUntil } : {}) })
      .where('user_id', '=', h.rep_id)
      .execute();
  } else {
    // A rep with no routing profile (an account owner outside the roster) still answers for the SLA.
    await sql`INSERT INTO rep_profiles (user_id, consecutive_breaches, suspended_until, updated_at)
      VALUES (${h.rep_id}, ${counted}, ${suspendedUntil}, ${at})`.execute(trx);
  }

  const managers = (await managersOf(trx, [h.rep_id])).get(h.rep_id) ?? [];
  const lead = (await leadCards(trx, [h.lead_id])).get(h.lead_id) ?? null;
  const handoff = handoffEventData(presentHandoff({ ...h, breached_at: at }));
  await appendAudit(trx, [
    {
      id: ctx.newId(),
      actorId: null,
      action: 'handoff.sla_breached',
      entityType: 'handoff',
      entityId: h.id,
      leadId: h.lead_id,
      from: { status: 'pending', dueAt: handoff.dueAt },
      to: { breachedAt: at.toISOString(), repId: h.rep_id, consecutiveBreaches: breaches },
      reason: `not accepted or rejected within the acceptance SLA (${sla.policy.acceptance.hours} h)`,
      at,
    },
    ...(suspendedUntil
      ? [
          {
            id: ctx.newId(),
            actorId: null,
            action: 'rep.suspended',
            entityType: 'user',
            entityId: h.rep_id,
            leadId: null,
            from: { suspendedUntil: profile?.suspended_until ?? null },
            to: { suspendedUntil: suspendedUntil.toISOString() },
            reason: `${breaches} consecutive acceptance SLA breaches`,
            at,
          },
        ]
      : []),
  ]);
  const salesOps = suspendedUntil ? await usersWithRoles(trx, ['sales_ops']) : [];
  await emitEvents(trx, ctx, [
    {
      type: 'sla.breached',
      leadId: h.lead_id,
      data: { kind: 'acceptance', handoff, lead, repId: h.rep_id, consecutiveBreaches: breaches },
      notify: unique([...(h.sdr_id ? [h.sdr_id] : []), ...managers, h.rep_id]),
    },
    ...(suspendedUntil
      ? [
          {
            type: 'rep.suspended' as const,
            leadId: null,
            data: { repId: h.rep_id, suspendedUntil: suspendedUntil.toISOString(), consecutiveBreaches: breaches },
            notify: unique([h.rep_id, ...managers, ...salesOps]),
          },
        ]
      : []),
  ]);

  const grace = slaDurations.recallAfterBreach(sla.policy);
  if (grace !== null) {
    await insertTimers(trx, [
      {
        id: ctx.newId(),
        kind: RECALL_AFTER_BREACH,
        subjectId: h.id,
        dueAt: sla.after(at, grace, sla.policy.acceptance.clock),
        at: ctx.clock.now(),
      },
    ]);
  }
};

/**
 * Still undecided after the grace period: the lead is taken back and routed again, never to the
 * same rep. The recall changes two reps' loads (rep_loads rows, locked by the trigger that
 * changes them): it routes first (which locks the pool and only tries the new rep's lock), then
 * locks both load rows in rep order before changing either, so two recalls swapping leads
 * between the same two reps wait for each other instead of deadlocking, and no row is held
 * while waiting for a rotation pool that a transfer holds as it waits for that row.
 */
export const recallAfterBreach: TimerHandler = async (trx, ctx, timer) => {
  const h = await findHandoff(trx, timer.subject_id, { lock: true });
  if (!stillPending(h)) return;
  const at = ctx.clock.now();
  const routed = await routeToRep(trx, ctx, h.lead_id, { excludeRepId: h.rep_id });
  await lockRepLoads(trx, routed.repId ? [h.rep_id, routed.repId] : [h.rep_id]);
  await trx.updateTable('handoffs').set({ status: 'recalled', recalled_at: at }).where('id', '=', h.id).execute();
  await cancelOpenTimers(trx, [h.id], null, at);
  const decision: RoutingDecision =
    routed.repId === h.rep_id
      ? {
          kind: 'dispatch',
          repId: null,
          credit: 1,
          firstContactDueAt: null,
          poolKey: null,
          explanation: [
            ...routed.explanation,
            {
              step: 'dispatch',
              outcome: 'dispatch',
              message: '超时收回: 只有原销售可选 (recalled; the only fit is the rep who breached)',
              code: 'dispatch_recalled',
              params: {},
            },
          ],
        }
      : routed;
  const reason = `超时收回 recalled after the acceptance SLA breach (rep ${h.rep_id})`;
  const next = await createHandoff(trx, ctx, {
    leadId: h.lead_id,
    sdrId: h.sdr_id,
    mode: 'auto',
    decision,
    requestReason: reason,
    actorId: null,
  });
  if (next.repId === null) {
    await trx.updateTable('leads').set({ owner_id: h.sdr_id, updated_at: at }).where('id', '=', h.lead_id).execute();
  }
  await appendAudit(trx, [
    {
      id: ctx.newId(),
      actorId: null,
      action: 'handoff.recalled',
      entityType: 'handoff',
      entityId: h.id,
      leadId: h.lead_id,
      from: { status: 'pending', repId: h.rep_id },
      to: { status: 'recalled', nextHandoffId: next.id, nextRepId: next.repId },
      reason,
      at,
    },
  ]);
  await emitEvents(trx, ctx, [
    {
      type: 'handoff.recalled',
      leadId: h.lead_id,
      data: {
        handoff: handoffEventData(presentHandoff({ ...h, status: 'recalled' })),
        nextHandoff: handoffEventData(next),
      },
      notify: [h.rep_id, ...(h.sdr_id ? [h.sdr_id] : [])],
    },
  ]);
};

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
