/**
 * GET /leads/{id}/opportunities and GET /opportunities/{id}: whoever may see the lead (SPEC §1
 * scope: the rep it was handed to, the SDR who handed it off, managers, sales ops …) sees its
 * opportunities.
 */
import { NotFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';
import { findOpportunity, listLeadOpportunities } from '../../store/repositories/opportunities.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';
import { type OpportunityView, presentOpportunity } from './opportunity-view.js';

export async function readLeadOpportunities(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
): Promise<OpportunityView[]> {
  await readLead(ctx, actor, leadId);
  return (await listLeadOpportunities(ctx.db, leadId)).map(presentOpportunity);
}

export async function readOpportunity(ctx: ServiceContext, actor: Actor, id: string): Promise<OpportunityView> {
  const row = await findOpportunity(ctx.db, id);
  if (!row) throw new NotFound(`opportunity ${id}`);
  await readLead(ctx, actor, row.lead_id);
  return presentOpportunity(row);
}
