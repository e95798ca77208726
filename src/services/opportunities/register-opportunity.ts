/**
 * POST /leads/{id}/opportunities (SPEC §6.1): the rep registers an opportunity on a lead they
 * hold after accepting its hand-off. Linked to that hand-off so the SDR who made it is credited
 * (§8.3: created within 45 days of acceptance, dated by the clock, never back-dated). The lead
 * becomes `opportunity`; the change is audited on the lead's timeline and announced.
 */
import { Conflict, InvalidInput, NotFound } from '../../domain/errors.js';
import { checkOpportunity, type OpportunityInput } from '../../domain/opportunities/opportunity-input.js';
import { leadStatusAfter, registrationConflict } from '../../domain/opportunities/opportunity-rules.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  findAcceptedHandoff,
  findOpenOpportunityId,
  findOpportunity,
  insertOpportunity,
  type OpportunityWithHandoff,
} from '../../store/repositories/opportunities.js';
import type { ServiceContext } from '../context.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { mayManageOpportunities } from './may-manage.js';
import { announceOpportunity } from './opportunity-events.js';
import { type OpportunityView, presentOpportunity } from './opportunity-view.js';

export async function registerOpportunity(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: OpportunityInput,
): Promise<OpportunityView> {
  authorize(actor, 'opportunities.manage');
  const at = ctx.clock.now();
  const { errors, value } = checkOpportunity(input, at);
  if (errors.length > 0) throw new InvalidInput(errors);

  return ctx.db.transaction().execute(async (trx) => {
    // The lead row is the lock every opportunity change of a lead takes first.
    const lead = await trx
      .selectFrom('leads')
      .select(['status', 'owner_id', 'history'])
      .where('id', '=', leadId)
      .forUpdate()
      .executeTakeFirst();
    if (!lead) throw new NotFound(`lead ${leadId}`);
    await mayManageOpportunities(trx, actor, lead.owner_id);
    const conflict = registrationConflict({
      status: lead.status,
      history: lead.history,
      openOpportunityId: await findOpenOpportunityId(trx, leadId),
    });
    if (conflict) throw new Conflict(conflict);
    const handoff = await findAcceptedHandoff(trx, leadId);
    if (!handoff) {
      throw new Conflict('this lead has no accepted hand-off; an opportunity follows a hand-off the rep accepted');
    }

    const id = ctx.newId();
    await insertOpportunity(trx, {
      id,
      leadId,
      handoffId: handoff.id,
      amount: value.amount,
      currency: value.currency,
      name: value.name,
      partnerName: value.partnerName,
      expectedCloseAt: value.expectedCloseAt,
      createdBy: actor.id,
      at,
    });
    const next = leadStatusAfter('register', lead.status) ?? lead.status;
    await trx
      .updateTable('leads')
      .set({ status: next, status_reason: null, updated_at: at })
      .where('id', '=', leadId)
      .execute();
    const view = presentOpportunity((await findOpportunity(trx, id)) as OpportunityWithHandoff);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'opportunity.created',
        entityType: 'opportunity',
        entityId: id,
        leadId,
        from: null,
        to: {
          stage: 'open',
          amount: view.amount,
          currency: view.currency,
          name: view.name,
          partnerName: view.partnerName,
          expectedCloseAt: view.expectedCloseAt,
          handoffId: view.handoffId,
          sdrId: view.sdrId,
        },
        reason: null,
        at,
      },
    ]);
    await recordLeadStatusChanges(trx, ctx, [
      {
        leadId,
        from: { status: lead.status, ownerId: lead.owner_id },
        to: { status: next, ownerId: lead.owner_id, opportunityId: id },
        actorId: actor.id,
        reason: `opportunity registered (${view.amount} ${view.currency})`,
      },
    ]);
    await announceOpportunity(trx, ctx, view, actor.id, lead.owner_id);
    return view;
  });
}
