/**
 * POST /leads/{id}/disqualify and /requalify (SPEC §3, §6.1 "new → disqualified (reason
 * required)"). The lead is kept, never deleted; its status becomes `disqualified` with the
 * reason code, and the timeline shows who, why and the note. Requalify undoes a mistake: the
 * lead goes back to the status it had, and automatic cleaning leaves it alone from then on.
 */
import { disqualifiableStatuses } from '../../domain/cleaning/decide-cleaning.js';
import { Conflict, Forbidden, InvalidInput } from '../../domain/errors.js';
import { historyLeadNotWorked } from '../../domain/history/not-worked.js';
import type { LeadStatus } from '../../domain/lead-status.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import {
  listReasons,
  lockLeadStatus,
  markReasonsUsed,
  setLeadStatus,
  statusBeforeDisqualification,
} from '../../store/repositories/cleaning.js';
import { findLeadsByIds, type LeadRow } from '../../store/repositories/leads.js';
import type { ServiceContext } from '../context.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { readLead } from '../read-leads.js';

export async function disqualifyLead(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: { reason: string; note?: string | null },
): Promise<LeadRow> {
  authorize(actor, 'leads.disqualify');
  const reasons = await listReasons(ctx.db, 'disqualify');
  const reason = reasons.find((r) => r.code === input.reason && r.active);
  if (!reason) {
    const valid = reasons.filter((r) => r.active).map((r) => r.code);
    throw new InvalidInput([
      {
        field: 'reason',
        message: `"${input.reason}" is not an active disqualify reason (${valid.join(', ')})`,
        messageZh: `“${input.reason}”不是有效的无效原因（${valid.join('、')}）`,
      },
    ]);
  }
  const lead = await readLead(ctx, actor, leadId);
  mayActOn(actor, lead.owner_id, 'disqualify');
  const note = input.note?.trim() || null;
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const now = await lockLeadStatus(trx, leadId);
    const status = now?.status as LeadStatus;
    if (now?.history) throw new Conflict(historyLeadNotWorked);
    if (status === 'disqualified') {
      throw new Conflict(`this lead is already disqualified (${now?.status_reason ?? 'no reason'})`);
    }
    if (!disqualifiableStatuses.includes(status)) {
      throw new Conflict(
        `a lead in status ${status} has been handed to sales and cannot be disqualified; the rep rejects or returns it (disqualify from ${disqualifiableStatuses.join(', ')})`,
      );
    }
    await setLeadStatus(trx, leadId, 'disqualified', reason.code, at);
    await markReasonsUsed(trx, 'disqualify', [reason.code]);
    await recordLeadStatusChanges(trx, ctx, [
      {
        leadId,
        action: 'lead.disqualified',
        from: { status, statusReason: now?.status_reason ?? null },
        to: { status: 'disqualified', reason: reason.code, note },
        actorId: actor.id,
        reason: `${reason.labelZh} / ${reason.labelEn}${note ? `: ${note}` : ''}`,
      },
    ]);
    const [row] = await findLeadsByIds(trx, [leadId]);
    return row;
  });
}

export async function requalifyLead(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: { note: string },
): Promise<LeadRow> {
  authorize(actor, 'leads.requalify');
  const note = input.note.trim();
  if (!note)
    throw new InvalidInput([
      {
        field: 'note',
        message: 'say why the disqualification was a mistake',
        messageZh: '请说明为什么判为无效是个错误',
      },
    ]);
  await readLead(ctx, actor, leadId);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const now = await lockLeadStatus(trx, leadId);
    if (now?.status !== 'disqualified') throw new Conflict(`this lead is not disqualified (it is ${now?.status})`);
    // Back to where it was; a lead disqualified by some other path goes to the queue as new.
    const previous = (await statusBeforeDisqualification(trx, leadId)) ?? (now.owner_id ? 'working' : 'new');
    await setLeadStatus(trx, leadId, previous, null, at);
    await recordLeadStatusChanges(trx, ctx, [
      {
        leadId,
        action: 'lead.requalified',
        from: { status: 'disqualified', statusReason: now.status_reason },
        to: { status: previous, note },
        actorId: actor.id,
        reason: note,
      },
    ]);
    const [row] = await findLeadsByIds(trx, [leadId]);
    return row;
  });
}

/** One owner at a time (SPEC §6.1): an SDR acts on their own and unowned leads, not a colleague's. */
function mayActOn(actor: Actor, ownerId: string | null, verb: string): void {
  if (actor.role === 'sdr' && ownerId && ownerId !== actor.id) {
    throw new Forbidden(
      `this lead is owned by another person; only its owner, an SDR lead, sales ops or an admin may ${verb} it`,
    );
  }
}
