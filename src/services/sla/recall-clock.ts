/**
 * The clocks that start when a lead gets an SDR owner or lands unowned in the SDR queue (SPEC
 * §6.2, §7). A clock is a pair of durable timers; whether it still applies is decided when it
 * fires (the lead may have changed hands or been touched since), so a touch costs nothing here.
 */
import type { Transaction } from 'kysely';
import { slaDurations } from '../../domain/sla/sla-policy.js';
import { cancelOpenTimers, insertTimers, type NewTimer } from '../../store/repositories/timers.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { type SlaInForce, slaInForce } from './sla-clock.js';

export const RECALL_WARNING = 'lead.recall_warning';
export const RECALL_DUE = 'lead.recall_due';
export const FIRST_TOUCH_DUE = 'lead.first_touch_due';

/**
 * How a caller starts clocks: `fresh` — the leads were created in this transaction, so there is
 * no running clock to cancel; `sla` — the SLA in force, when the caller has read it already.
 */
export interface ClockStart {
  fresh?: boolean;
  sla?: SlaInForce;
}

/** Every way a lead gets an SDR owner (claim, assign, transfer back) starts its recall clock. */
export async function startRecallClocks(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  owned: readonly { leadId: string; ownerId: string }[],
  options: ClockStart = {},
): Promise<void> {
  if (owned.length === 0) return;
  const at = ctx.clock.now();
  const sla = options.sla ?? (await slaInForce(trx));
  if (!options.fresh) {
    await cancelOpenTimers(
      trx,
      owned.map((o) => o.leadId),
      [RECALL_WARNING, RECALL_DUE],
      at,
    );
  }
  await insertTimers(
    trx,
    owned.flatMap((o) => recallTimers(sla, ctx.newId, o.leadId, o.ownerId, at, at)),
  );
}

/** The recall and its warning for an owner whose last touch (or claim) was at `since`. */
export function recallTimers(
  sla: SlaInForce,
  newId: () => string,
  leadId: string,
  ownerId: string,
  since: Date,
  at: Date,
): NewTimer[] {
  const { policy } = sla;
  const dueAt = sla.after(since, slaDurations.recall(policy), policy.recall.clock);
  const timers: NewTimer[] = [{ id: newId(), kind: RECALL_DUE, subjectId: leadId, dueAt, payload: { ownerId }, at }];
  const warning = slaDurations.recallWarning(policy);
  const warnAt = new Date(dueAt.getTime() - warning);
  if (warning > 0 && warnAt.getTime() > at.getTime()) {
    timers.push({ id: newId(), kind: RECALL_WARNING, subjectId: leadId, dueAt: warnAt, payload: { ownerId }, at });
  }
  return timers;
}

/** A new inbound lead entering the SDR queue unowned (capture, re-surfacing) starts its speed-to-lead clock. */
export async function startFirstTouchClocks(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadIds: readonly string[],
  options: ClockStart = {},
): Promise<void> {
  if (leadIds.length === 0) return;
  const sla = options.sla ?? (await slaInForce(trx));
  const minutes = slaDurations.speedToLead(sla.policy);
  if (minutes === null) return;
  const at = ctx.clock.now();
  const dueAt = sla.after(at, minutes, sla.policy.speedToLead.clock);
  if (!options.fresh) await cancelOpenTimers(trx, leadIds, [FIRST_TOUCH_DUE], at);
  await insertTimers(
    trx,
    leadIds.map((leadId) => ({ id: ctx.newId(), kind: FIRST_TOUCH_DUE, subjectId: leadId, dueAt, at })),
  );
}
