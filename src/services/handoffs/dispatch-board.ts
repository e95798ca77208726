/**
 * The dispatch board (SPEC §5.2 steps 5–6): hand-offs nobody was picked for — an SDR asked for
 * manual dispatch, or every candidate was ineligible, suspended or at capacity. Leaders read
 * the reasons and add what they know ("I know this person, I'll help"); sales ops or the sales
 * assistant resolve it with a rep, as a new assignment or as a sync to the account's existing
 * owner with partial credit.
 */
import { Conflict, InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { RoutingStep } from '../../domain/routing/routing-types.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  findHandoff,
  giveLeadsToReps,
  insertDispatchComment,
  listDispatchComments,
  listOpenDispatches,
  resolveDispatchRow,
} from '../../store/repositories/handoffs.js';
import { findLeadsByIds } from '../../store/repositories/leads.js';
import { insertTimers } from '../../store/repositories/timers.js';
import { findUser } from '../../store/repositories/users.js';
import type { ServiceContext } from '../context.js';
import { routingSettingsInForce } from '../routing/routing-settings.js';
import { acceptanceClock } from '../sla/handoff-clocks.js';
import { slaInForce } from '../sla/sla-clock.js';
import { presentHandoff } from './create-handoff.js';
import { announceHandoffs } from './handoff-events.js';

export const COMMENT_MAX_LENGTH = 2000;

export async function readDispatchBoard(ctx: ServiceContext, actor: Actor, limit: number) {
  authorize(actor, 'dispatch.read');
  const rows = await listOpenDispatches(ctx.db, limit);
  const [leads, comments] = await Promise.all([
    findLeadsByIds(
      ctx.db,
      rows.map((r) => r.lead_id),
    ),
    listDispatchComments(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const leadById = new Map(leads.map((l) => [l.id, l]));
  return rows.map((row) => {
    const lead = leadById.get(row.lead_id);
    return {
      handoff: presentHandoff(row),
      lead: lead
        ? {
            id: lead.id,
            name: lead.name,
            company: lead.company,
            title: lead.title,
            region: lead.region,
            industry: lead.industry,
            score: lead.score,
            grade: lead.grade,
          }
        : null,
      comments: comments
        .filter((c) => c.handoff_id === row.id)
        .map((c) => ({ id: c.id, userId: c.user_id, body: c.body, at: new Date(c.created_at).toISOString() })),
    };
  });
}

export async function commentOnDispatch(ctx: ServiceContext, actor: Actor, handoffId: string, body: string) {
  authorize(actor, 'dispatch.comment');
  const text = body.trim();
  if (!text) throw new InvalidInput([{ field: 'body', message: 'must not be empty', messageZh: '不能为空' }]);
  const at = ctx.clock.now();
  const id = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    const handoff = await findHandoff(trx, handoffId);
    if (handoff?.kind !== 'dispatch') throw new NotFound(`dispatch ${handoffId}`);
    await insertDispatchComment(trx, { id, handoffId, userId: actor.id, body: text, at });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'dispatch.commented',
        entityType: 'handoff',
        entityId: handoffId,
        leadId: handoff.lead_id,
        from: null,
        to: { commentId: id },
        reason: text.slice(0, 200),
        at,
      },
    ]);
  });
  return { id, userId: actor.id, body: text, at: at.toISOString() };
}

export async function resolveDispatch(
  ctx: ServiceContext,
  actor: Actor,
  handoffId: string,
  input: { repId: string; as?: 'assign' | 'sync' },
) {
  authorize(actor, 'dispatch.resolve');
  const as = input.as ?? 'assign';
  return ctx.db.transaction().execute(async (trx) => {
    const handoff = await findHandoff(trx, handoffId, { lock: true });
    // A resolved dispatch is an assign or sync now; it still answers, with a 409 below.
    const wasDispatch = handoff?.kind === 'dispatch' || (handoff && handoff.resolved_at !== null);
    if (!handoff || !wasDispatch) throw new NotFound(`dispatch ${handoffId}`);
    if (handoff.status !== 'pending' || handoff.rep_id !== null) {
      throw new Conflict(
        `this dispatch is already resolved (${handoff.status}${handoff.rep_id ? `, rep ${handoff.rep_id}` : ''})`,
      );
    }
    const rep = await findUser(trx, input.repId);
    if (!rep?.active || rep.role !== 'sales') {
      throw new InvalidInput([
        {
          field: 'repId',
          message: 'must be an active user with the role sales',
          messageZh: '须为在职且角色为销售（sales）的用户',
        },
      ]);
    }
    const at = ctx.clock.now();
    const credit = as === 'sync' ? (await routingSettingsInForce(trx)).policy.partialCredit : 1;
    const { dueAt, timers } = acceptanceClock(await slaInForce(trx), ctx.newId, handoffId, at);
    const line: RoutingStep = {
      step: 'dispatch',
      repId: rep.id,
      outcome: 'picked',
      message:
        as === 'sync'
          ? `人工分配: 同步给现有负责人 ${rep.name} (sync to the existing owner, partial credit)`
          : `人工分配: 指派给 ${rep.name} (assigned by dispatch)`,
      code: as === 'sync' ? 'dispatch_synced' : 'dispatch_assigned',
      params: { rep: rep.name },
    };
    const explanation = [...(handoff.explanation as RoutingStep[]), line];
    await resolveDispatchRow(trx, handoffId, {
      repId: rep.id,
      kind: as,
      credit,
      dueAt,
      explanation,
      resolvedBy: actor.id,
      at,
    });
    await giveLeadsToReps(trx, [{ leadId: handoff.lead_id, repId: rep.id }], at);
    await insertTimers(trx, timers);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'dispatch.resolved',
        entityType: 'handoff',
        entityId: handoffId,
        leadId: handoff.lead_id,
        from: { repId: null, kind: 'dispatch' },
        to: { repId: rep.id, kind: as, credit },
        reason: line.message,
        at,
      },
    ]);
    const resolved = presentHandoff(
      (await findHandoff(trx, handoffId)) ?? {
        ...handoff,
        rep_id: rep.id,
        kind: as,
        credit,
        due_at: dueAt,
        explanation,
      },
    );
    await announceHandoffs(trx, ctx, [resolved]);
    return resolved;
  });
}
