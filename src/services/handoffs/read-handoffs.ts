/** Reading hand-offs: visible to whoever may see their lead (SPEC §1 scoping). */
import { NotFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';
import { findHandoff, listLeadHandoffs } from '../../store/repositories/handoffs.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';
import { type HandoffView, presentHandoff } from './create-handoff.js';

export async function readHandoff(ctx: ServiceContext, actor: Actor, id: string): Promise<HandoffView> {
  const row = await findHandoff(ctx.db, id);
  if (!row) throw new NotFound(`hand-off ${id}`);
  await readLead(ctx, actor, row.lead_id);
  return presentHandoff(row);
}

export async function readLeadHandoffs(ctx: ServiceContext, actor: Actor, leadId: string): Promise<HandoffView[]> {
  await readLead(ctx, actor, leadId);
  return (await listLeadHandoffs(ctx.db, leadId)).map(presentHandoff);
}
