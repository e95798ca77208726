/**
 * Enrichment as a lead's page shows it: POST /leads/{id}/enrich runs the chain now and answers
 * what it filled; GET /leads/{id}/enrichment lists which provider filled what, and every attempt.
 *
 * Who may run it: admins, sales ops and SDR leads on any lead they can see; an SDR on their own
 * leads and unowned ones in their queue; a sales rep on leads they hold. It only fills empty
 * fields, but it calls paid APIs, so it follows the one-owner rule of SPEC §6.1.
 */
import { Forbidden } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { type AttemptRow, listAttempts, listFills } from '../../store/repositories/enrichment.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';
import { type EnrichmentRun, runEnrichment } from './run-enrichment.js';

export async function enrichLeadNow(ctx: ServiceContext, actor: Actor, leadId: string): Promise<EnrichmentRun> {
  authorize(actor, 'leads.enrich');
  const lead = await readLead(ctx, actor, leadId);
  if (actor.role === 'sdr' && lead.owner_id && lead.owner_id !== actor.id) {
    throw new Forbidden('this lead is owned by another person; only its owner (or an SDR lead) may enrich it');
  }
  if (actor.role === 'sales' && lead.owner_id !== actor.id) {
    throw new Forbidden('a sales rep may enrich only the leads they hold');
  }
  const [run] = await runEnrichment(ctx, [leadId], { actorId: actor.id });
  return run;
}

export interface LeadEnrichment {
  items: { provider: string; field: string; value: string | number; at: string }[];
  attempts: { provider: string; status: AttemptRow['status']; error?: string; durationMs: number | null; at: string }[];
}

export async function readLeadEnrichment(ctx: ServiceContext, actor: Actor, leadId: string): Promise<LeadEnrichment> {
  await readLead(ctx, actor, leadId);
  const [fills, attempts] = await Promise.all([listFills(ctx.db, leadId), listAttempts(ctx.db, leadId)]);
  return {
    items: fills.map((f) => ({
      provider: f.provider_id,
      field: f.field,
      value: f.value,
      at: new Date(f.at).toISOString(),
    })),
    attempts: attempts.map((a) => ({
      provider: a.provider_id,
      status: a.status,
      ...(a.error ? { error: a.error } : {}),
      durationMs: a.duration_ms,
      at: new Date(a.at).toISOString(),
    })),
  };
}
