/**
 * One enrichment run of one lead (SPEC §3): ask the chain about the lead's company (outside any
 * transaction), then, in one short transaction on the lead as it is by then, fill only the
 * fields still empty — a person's edit made meanwhile wins — and record every fill (provider,
 * field, value), every attempt, and an audit entry per fill for the lead's timeline. The score
 * is recomputed in the same transaction when something was filled.
 */
import type { CompanyQuery } from '../../domain/enrichment/company-facts.js';
import { hasSomethingToLookUp } from '../../domain/enrichment/company-facts.js';
import {
  creditCodeFieldKeys,
  fieldText,
  normaliseCreditCode,
  websiteFieldKeys,
} from '../../domain/enrichment/credit-code.js';
import { type EnrichableLead, type Fill, planFills } from '../../domain/enrichment/plan-fills.js';
import { type AuditEntry, appendAudit } from '../../store/repositories/audit.js';
import {
  type AttemptRow,
  type FillRow,
  findLeadsForEnrichment,
  insertAttempts,
  insertFills,
  updateEnrichedLead,
} from '../../store/repositories/enrichment.js';
import { findLeadsByIds, type LeadRow } from '../../store/repositories/leads.js';
import { reapplyIcpRules } from '../cleaning/clean-leads.js';
import type { ServiceContext } from '../context.js';
import { rescoreLeads } from '../scoring/rescore.js';
import { askProviders, type ProviderAnswer } from './ask-providers.js';
import { providerChain } from './providers.js';

export interface EnrichmentRun {
  leadId: string;
  filled: { provider: string; field: string; value: string | number }[];
  attempts: { provider: string; status: AttemptRow['status']; error: string | null; durationMs: number | null }[];
  at: string;
}

export function queryOfLead(lead: LeadRow): CompanyQuery {
  const code = fieldText(lead.fields, creditCodeFieldKeys);
  return {
    company: lead.company,
    companyKey: lead.company_key,
    website: fieldText(lead.fields, websiteFieldKeys),
    creditCode: code ? normaliseCreditCode(code) : null,
  };
}

const enrichable = (
  row: Pick<LeadRow, 'industry' | 'employees' | 'region' | 'region_code' | 'fields'>,
): EnrichableLead => ({
  industry: row.industry,
  employees: row.employees,
  region: row.region,
  regionCode: row.region_code,
  fields: row.fields ?? {},
});

function auditOfFill(
  ctx: ServiceContext,
  leadId: string,
  providerId: string,
  fill: Fill,
  lead: EnrichableLead,
  actorId: string | null,
  at: Date,
): AuditEntry {
  const to: Record<string, unknown> =
    fill.field === 'region' ? { region: lead.region, regionCode: lead.regionCode } : { [fill.field]: fill.value };
  return {
    id: ctx.newId(),
    actorId,
    action: 'lead.enriched',
    entityType: 'lead',
    entityId: leadId,
    leadId,
    from: Object.fromEntries(Object.keys(to).map((k) => [k, null])),
    to,
    reason: `filled by the enrichment provider "${providerId}"`,
    at,
  };
}

/** Runs `work` over the items with at most `limit` at once, keeping the items' order in the result. */
async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Leads of one batch asked about at once: a slow provider delays the batch by its timeout, not by the sum. */
const leadsAskedAtOnce = 8;

/**
 * Enriches a batch of leads: one read, the chain asked per lead (several leads at once), then
 * one transaction for the whole batch, so bulk capture pays one commit per batch, not per lead.
 * `actorId`: who asked (POST /leads/{id}/enrich), null for the background queue.
 */
export async function runEnrichment(
  ctx: ServiceContext,
  leadIds: readonly string[],
  options: { actorId: string | null; stop?: AbortSignal },
): Promise<EnrichmentRun[]> {
  const runs = new Map<string, EnrichmentRun>(
    leadIds.map((leadId) => [leadId, { leadId, filled: [], attempts: [], at: ctx.clock.now().toISOString() }]),
  );
  const leads = await findLeadsByIds(ctx.db, leadIds);
  const providers = leads.length ? await providerChain(ctx) : [];
  if (providers.length === 0) return [...runs.values()];
  const answered = await mapWithLimit(leads, leadsAskedAtOnce, async (lead) => {
    const query = queryOfLead(lead);
    const answers: ProviderAnswer[] = hasSomethingToLookUp(query)
      ? await askProviders(providers, query, enrichable(lead), options.stop)
      : providers.map((p) => ({
          providerId: p.id,
          durationMs: null,
          outcome: 'skipped',
          reason: 'the lead has no company name, credit code or website to look up',
        }));
    return { leadId: lead.id, answers };
  });

  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const rows = new Map(
      (
        await findLeadsForEnrichment(
          trx,
          leads.map((l) => l.id),
        )
      ).map((r) => [r.id, r]),
    );
    const fills: FillRow[] = [];
    const audit: AuditEntry[] = [];
    const attempts: AttemptRow[] = [];
    const filledLeads: string[] = [];
    for (const { leadId, answers } of answered) {
      const row = rows.get(leadId);
      if (!row) continue;
      let current = enrichable(row);
      const fillsBefore = fills.length;
      for (const answer of answers) {
        const attempt = { id: ctx.newId(), leadId, providerId: answer.providerId, durationMs: answer.durationMs, at };
        if (answer.outcome !== 'answered') {
          const error = answer.outcome === 'failed' ? answer.error : answer.reason;
          attempts.push({ ...attempt, status: answer.outcome, error });
          continue;
        }
        const planned = planFills(current, answer.facts);
        current = planned.lead;
        for (const fill of planned.fills) {
          fills.push({
            id: ctx.newId(),
            leadId,
            providerId: answer.providerId,
            field: fill.field,
            value: fill.value,
            at,
          });
          audit.push(auditOfFill(ctx, leadId, answer.providerId, fill, current, options.actorId, at));
        }
        attempts.push({ ...attempt, status: planned.fills.length ? 'filled' : 'matched', error: null });
      }
      if (fills.length > fillsBefore) {
        await updateEnrichedLead(trx, leadId, current, at);
        filledLeads.push(leadId);
      }
    }
    await insertFills(trx, fills);
    await appendAudit(trx, audit);
    await insertAttempts(trx, attempts);
    if (filledLeads.length) {
      // A filled employee count or industry can put a lead outside the ICP (SPEC §3).
      await reapplyIcpRules(trx, ctx, filledLeads, 'enrichment');
      await rescoreLeads(trx, ctx, filledLeads, 'enrichment');
    }
    for (const run of runs.values()) {
      run.at = at.toISOString();
      run.filled = fills
        .filter((f) => f.leadId === run.leadId)
        .map((f) => ({ provider: f.providerId, field: f.field, value: f.value }));
      run.attempts = attempts
        .filter((a) => a.leadId === run.leadId)
        .map((a) => ({ provider: a.providerId, status: a.status, error: a.error, durationMs: a.durationMs }));
    }
  });
  return [...runs.values()];
}
