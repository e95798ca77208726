/**
 * POST /opportunities/{id}/withdraw | win | lose (SPEC §6.1): an open opportunity ends, dated.
 * Withdraw {reason?} is dated now by the clock (the §8.3 credit rule reads it: not withdrawn
 * within 14 days of creation) and puts the lead back to `sql`; win {amount?, closedAt?} records
 * the final amount and the won date, the lead is `won`; lose {reason, closedAt?} the lead is
 * `lost`. Only an open opportunity changes (409 otherwise); audited and announced.
 */
import { Conflict, InvalidInput, NotFound } from '../../domain/errors.js';
import { type ClosingInput, checkClosing } from '../../domain/opportunities/opportunity-input.js';
import {
  type ClosingAction,
  closingConflict,
  leadStatusAfter,
  stageAfter,
} from '../../domain/opportunities/opportunity-rules.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  closeOpportunity,
  findOpportunity,
  lockOpportunity,
  type OpportunityWithHandoff,
} from '../../store/repositories/opportunities.js';
import type { ServiceContext } from '../context.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { mayManageOpportunities } from './may-manage.js';
import { announceOpportunity } from './opportunity-events.js';
import { type OpportunityView, presentOpportunity } from './opportunity-view.js';

export async function closeOpportunityAs(
  ctx: ServiceContext,
  actor: Actor,
  opportunityId: string,
  action: ClosingAction,
  input: ClosingInput,
): Promise<OpportunityView> {
  authorize(actor, 'opportunities.manage');
  const found = await findOpportunity(ctx.db, opportunityId);
  if (!found) throw new NotFound(`opportunity ${opportunityId}`);
  const at = ctx.clock.now();
  const { errors, value } = checkClosing(action, input, at, new Date(found.created_at));
  if (errors.length > 0) throw new InvalidInput(errors);

  return ctx.db.transaction().execute(async (trx) => {
    // Lead first, then the opportunity: the order registration takes too.
    const lead = await trx
      .selectFrom('leads')
      .select(['status', 'owner_id'])
      .where('id', '=', found.lead_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await mayManageOpportunities(trx, actor, lead.owner_id);
    const current = await lockOpportunity(trx, opportunityId);
    if (!current) throw new NotFound(`opportunity ${opportunityId}`);
    const conflict = closingConflict(current.stage, action);
    if (conflict) throw new Conflict(conflict);

    await closeOpportunity(trx, opportunityId, { ...value, action, by: actor.id, at });
    const next = leadStatusAfter(action, lead.status);
    if (next) {
      await trx
        .updateTable('leads')
        .set({ status: next, status_reason: action === 'lose' ? value.reason : null, updated_at: at })
        .where('id', '=', found.lead_id)
        .execute();
    }
    const view = presentOpportunity((await findOpportunity(trx, opportunityId)) as OpportunityWithHandoff);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: `opportunity.${stageAfter[action]}`,
        entityType: 'opportunity',
        entityId: opportunityId,
        leadId: found.lead_id,
        from: { stage: current.stage, amount: Number(current.amount) },
        to: {
          stage: view.stage,
          amount: view.amount,
          withdrawnAt: view.withdrawnAt,
          closedAt: view.closedAt,
          reason: view.reason,
        },
        reason: value.reason,
        at,
      },
    ]);
    if (next) {
      await recordLeadStatusChanges(trx, ctx, [
        {
          leadId: found.lead_id,
          from: { status: lead.status, ownerId: lead.owner_id },
          to: { status: next, ownerId: lead.owner_id, opportunityId },
          actorId: actor.id,
          reason: `opportunity ${stageAfter[action]}${value.reason ? ` (${value.reason})` : ''}`,
        },
      ]);
    }
    await announceOpportunity(trx, ctx, view, actor.id, lead.owner_id);
    return view;
  });
}
