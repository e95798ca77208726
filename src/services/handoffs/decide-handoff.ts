/**
 * POST /handoffs/{id}/accept, /reject and /return (SPEC §6.1): the receiving rep's decision on
 * an MQL. Accept → the lead is an SQL held by the rep. Reject (reason from the reject list) →
 * back to the SDR who handed it off (`working`), or to the pool (`nurturing`, no owner) when no
 * SDR did. Return (reason from the return list), later, of an accepted lead the rep followed up
 * → back to that SDR, `working`, flagged `MRL` (educated by sales: the SDR's top priority); with
 * no SDR it goes to the queue as `new`, still flagged. Only the rep, the rep's sales manager,
 * sales ops or an admin decide; every decision records who, when, why, stops the hand-off's
 * acceptance timers (the acceptance SLA is met; a first-contact deadline runs on) and writes audit entries for the lead's timeline.
 */
import { sql, type Transaction } from 'kysely';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { listReasons, markReasonsUsed } from '../../store/repositories/cleaning.js';
import { findHandoff, type HandoffRow } from '../../store/repositories/handoffs.js';
import { cancelOpenTimers } from '../../store/repositories/timers.js';
import { findUser } from '../../store/repositories/users.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { emitEvents } from '../events/emit-events.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { ACCEPTANCE_TIMERS } from '../sla/handoff-clocks.js';
import { startRecallClocks } from '../sla/recall-clock.js';
import { type HandoffView, presentHandoff } from './create-handoff.js';
import { handoffEventData } from './handoff-events.js';

export type Decision = 'accept' | 'reject' | 'return';

export const MRL_FLAG = 'MRL';

const decided = { accept: 'accepted', reject: 'rejected', return: 'returned' } as const;

export async function decideHandoff(
  ctx: ServiceContext,
  actor: Actor,
  handoffId: string,
  decision: Decision,
  input: { reason?: string | null; note?: string | null } = {},
): Promise<HandoffView> {
  authorize(actor, 'handoffs.decide');
  const handoff = await findHandoff(ctx.db, handoffId);
  if (!handoff) throw new NotFound(`hand-off ${handoffId}`);
  await mayDecide(ctx, actor, handoff);
  const reason = decision === 'accept' ? null : await checkReason(ctx, decision, input.reason);
  const note = input.note?.trim() || null;
  const at = ctx.clock.now();

  return ctx.db.transaction().execute(async (trx) => {
    const current = await findHandoff(trx, handoffId, { lock: true });
    if (!current) throw new NotFound(`hand-off ${handoffId}`);
    const expected = decision === 'return' ? 'accepted' : 'pending';
    if (current.status !== expected) {
      throw new Conflict(
        decision === 'return'
          ? `only an accepted hand-off can be returned; this one is ${current.status}`
          : `this hand-off is already ${current.status}; only a pending hand-off can be accepted or rejected`,
      );
    }
    if (!current.rep_id)
      throw new Conflict('this hand-off waits for a rep on the dispatch board; nobody can decide it yet');

    const lead = await trx
      .selectFrom('leads')
      .select(['status', 'owner_id', 'flags'])
      .where('id', '=', current.lead_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (decision === 'return' && lead.status !== 'sql') {
      throw new Conflict(
        `the lead is ${lead.status}; only an accepted lead without an open or closed opportunity can be returned (withdraw the opportunity first)`,
      );
    }
    const next = nextLeadState(decision, current);
    const flags = decision === 'return' && !lead.flags.includes(MRL_FLAG) ? [...lead.flags, MRL_FLAG] : lead.flags;

    await trx
      .updateTable('handoffs')
      .set({
        status: decided[decision],
        decision_reason: reason,
        decision_note: note,
        decided_by: actor.id,
        decided_at: at,
      })
      .where('id', '=', handoffId)
      .execute();
    await trx
      .updateTable('leads')
      .set({
        status: next.status,
        owner_id: next.ownerId,
        ...(next.ownerId !== lead.owner_id ? { owned_since: next.ownerId ? at : null } : {}),
        ...(decision === 'return'
          ? {
              flags: sql<
                string[]
              >`CASE WHEN ${MRL_FLAG} = ANY(flags) THEN flags ELSE array_append(flags, ${MRL_FLAG}::text) END`,
            }
          : {}),
        updated_at: at,
      })
      .where('id', '=', current.lead_id)
      .execute();
    await cancelOpenTimers(trx, [handoffId], ACCEPTANCE_TIMERS, at);
    if (reason) await markReasonsUsed(trx, decision, [reason]);
    if (decision !== 'return') await resetBreachesWhenOnTime(trx, current, at);
    if (next.ownerId && next.status === 'working') {
      await startRecallClocks(trx, ctx, [{ leadId: current.lead_id, ownerId: next.ownerId }]);
    }

    const why = [reason, note].filter(Boolean).join(': ') || null;
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: `handoff.${decided[decision]}`,
        entityType: 'handoff',
        entityId: handoffId,
        leadId: current.lead_id,
        from: { status: current.status },
        to: { status: decided[decision], reason, note, repId: current.rep_id },
        reason: why,
        at,
      },
    ]);
    await recordLeadStatusChanges(trx, ctx, [
      {
        leadId: current.lead_id,
        from: { status: lead.status, ownerId: lead.owner_id, flags: lead.flags },
        to: { status: next.status, ownerId: next.ownerId, flags },
        actorId: actor.id,
        reason: `hand-off ${decided[decision]}${why ? ` (${why})` : ''}`,
      },
    ]);
    const view = presentHandoff((await findHandoff(trx, handoffId)) as HandoffRow);
    await emitEvents(trx, ctx, [
      {
        type: `handoff.${decided[decision]}`,
        leadId: current.lead_id,
        data: { handoff: handoffEventData(view) },
        notify: [current.sdr_id, decision === 'accept' ? null : current.rep_id].filter((u): u is string => !!u),
      },
    ]);
    return view;
  });
}

/** Where the lead goes (SPEC §6.1). */
function nextLeadState(decision: Decision, h: HandoffRow): { status: string; ownerId: string | null } {
  switch (decision) {
    case 'accept':
      return { status: 'sql', ownerId: h.rep_id };
    case 'reject':
      return h.sdr_id ? { status: 'working', ownerId: h.sdr_id } : { status: 'nurturing', ownerId: null };
    case 'return':
      return h.sdr_id ? { status: 'working', ownerId: h.sdr_id } : { status: 'new', ownerId: null };
  }
}

/** The receiving rep decides; so may the rep's sales manager, sales ops and admins. */
async function mayDecide(ctx: ServiceContext, actor: Actor, h: HandoffRow): Promise<void> {
  if (actor.role === 'sales_ops' || actor.role === 'admin') return;
  if (actor.role === 'sales') {
    if (h.rep_id === actor.id) return;
    throw new Forbidden('this hand-off went to another rep; only its rep, their sales manager or sales ops decide it');
  }
  if (actor.role === 'sales_manager') {
    const rep = h.rep_id ? await findUser(ctx.db, h.rep_id) : undefined;
    if (rep && actor.teamId && rep.team_id === actor.teamId) return;
    throw new Forbidden(
      "this hand-off's rep is not on your team; only its rep, their sales manager or sales ops decide it",
    );
  }
  throw new Forbidden(`the role ${actor.role} may not decide hand-offs`);
}

async function checkReason(ctx: ServiceContext, kind: 'reject' | 'return', given: string | null | undefined) {
  const valid = (await listReasons(ctx.db, kind)).filter((r) => r.active).map((r) => r.code);
  const code = given?.trim();
  if (!code) {
    throw new InvalidInput([
      {
        field: 'reason',
        message: `is required: one of ${valid.join(', ')}`,
        messageZh: `必填：${valid.join('、')} 之一`,
      },
    ]);
  }
  if (!valid.includes(code)) {
    throw new InvalidInput([
      {
        field: 'reason',
        message: `"${code}" is not an active ${kind} reason (${valid.join(', ')})`,
        messageZh: `“${code}”不是有效的${kind === 'reject' ? '拒收' : '退回'}原因（${valid.join('、')}）`,
      },
    ]);
  }
  return code;
}

/** An on-time decision resets the rep's run of consecutive breaches (SPEC §6.2). */
async function resetBreachesWhenOnTime(trx: Transaction<Database>, h: HandoffRow, at: Date): Promise<void> {
  const onTime = h.breached_at === null && (h.due_at === null || at.getTime() <= new Date(h.due_at).getTime());
  if (!onTime || !h.rep_id) return;
  await trx
    .updateTable('rep_profiles')
    .set({ consecutive_breaches: 0 })
    .where('user_id', '=', h.rep_id)
    .where('consecutive_breaches', '>', 0)
    .execute();
}
