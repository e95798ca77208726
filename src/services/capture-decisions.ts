/**
 * What capture decides about new leads before it inserts them, so that each is written once,
 * in its final state: cleaning (junk and ICP rules: status, reason, flags) and its routing path
 * by source when that needs no hand-off (the pool: status `nurturing`). The decisions, audit
 * entries and events are the ones after-capture.ts makes after the insert (same functions, same
 * order); only leads nothing later in the transaction can change are decided here — new leads no
 * repeat of their batch merged into, and for routing also only those whose e-mail no pending
 * visitor or anonymous event carries (stitching would give them behaviour, so another score).
 * The other leads go the after-insert way, as before.
 */
import { Buffer } from 'node:buffer';
import { routeLead } from '../domain/routing/route-lead.js';
import type { AuditEntry } from '../store/repositories/audit.js';
import type { CleaningLeadRow } from '../store/repositories/cleaning.js';
import type { CaptureContext, NewLeadRow } from '../store/repositories/leads.js';
import { type CleaningPlan, planCleaning } from './cleaning/clean-leads.js';
import type { ServiceContext } from './context.js';
import type { RoutingSettings } from './routing/routing-settings.js';

/** A route decided before the insert: null when there is nothing to do (the SDR queue, or no longer new). */
export type PreRoute = { path: 'direct_to_sales' | 'pool'; reason: string } | null;

export interface PreDecided {
  /** New leads cleaned before the insert: after-capture does not clean them again. */
  cleaned: ReadonlySet<string>;
  /** New leads routed before the insert (pooled ones were inserted `nurturing`). */
  routes: ReadonlyMap<string, PreRoute>;
}

/**
 * Decides cleaning and routing for `fresh` (new leads no repeat of the batch merged into, scored
 * already) and sets the outcome on their rows. Answers the audit entries to insert with them
 * and the disqualification reasons used.
 */
export function decideBeforeInsert(
  ctx: ServiceContext,
  fresh: readonly NewLeadRow[],
  context: CaptureContext,
  routing: RoutingSettings,
): { decided: PreDecided; audit: AuditEntry[]; reasonsUsed: string[] } {
  const audit: AuditEntry[] = [];
  const cleaned = new Set<string>();
  const routes = new Map<string, PreRoute>();
  if (fresh.length === 0) return { decided: { cleaned, routes }, audit, reasonsUsed: [] };

  // cleaning, as cleanCapturedLeads would on the inserted rows
  const rows = fresh.map(cleaningRowOf);
  let plan: CleaningPlan | undefined;
  try {
    plan = planCleaning(
      ctx,
      { rows, rules: context.icpRules, requalified: new Set() },
      { cause: 'capture', junk: () => true },
    );
  } catch (error) {
    // Cleaning never fails a capture: these leads go in uncleaned, and an admin sees why.
    audit.push({
      id: ctx.newId(),
      actorId: null,
      action: 'cleaning.failed',
      entityType: 'capture',
      entityId: fresh[0].id,
      reason: `cleaning skipped for ${fresh.length} leads: ${String((error as Error)?.message ?? error).slice(0, 500)}`,
      at: ctx.clock.now(),
    });
  }
  if (plan) {
    const byId = new Map(fresh.map((l) => [l.id, l]));
    for (const update of plan.updates) {
      const lead = byId.get(update.id) as NewLeadRow;
      if (update.status) {
        lead.status = update.status;
        lead.statusReason = update.statusReason;
      }
      lead.flags = update.flags;
    }
    audit.push(...plan.audit);
  }
  for (const lead of fresh) cleaned.add(lead.id);

  // routing by source, as routeCapturedLeads would after scoring
  for (const lead of fresh) {
    if (lead.email && context.pendingEmails.has(lead.email)) continue;
    if (lead.status !== 'new' || !lead.score) {
      if (lead.score) routes.set(lead.id, null);
      continue;
    }
    const route = routeLead(routing.rules, {
      channel: lead.channel,
      channelPath: context.channelPaths.get(lead.channel) ?? null,
      status: lead.status,
      score: lead.score.total,
      grade: lead.score.grade,
      flags: lead.flags ?? [],
      fields: jsonbOrder(lead.fields),
    });
    if (route.path === 'pool') {
      lead.status = 'nurturing';
      routes.set(lead.id, { path: 'pool', reason: route.reason });
    } else if (route.path === 'direct_to_sales') routes.set(lead.id, { path: 'direct_to_sales', reason: route.reason });
    else routes.set(lead.id, null);
  }
  return { decided: { cleaned, routes }, audit, reasonsUsed: plan?.reasonsUsed ?? [] };
}

/** The row cleaning would read back for a new lead. */
function cleaningRowOf(lead: NewLeadRow): CleaningLeadRow {
  return {
    id: lead.id,
    status: lead.status,
    status_reason: null,
    owner_id: lead.ownerId,
    name: lead.name,
    phone: lead.phone,
    email: lead.email,
    company: lead.company,
    title: lead.title,
    region: lead.region,
    region_code: lead.regionCode,
    industry: lead.industry,
    employees: lead.employees,
    channel_id: lead.channel,
    fields: jsonbOrder(lead.fields),
    flags: [],
    history: false,
  } as CleaningLeadRow;
}

/**
 * An object's keys in the order jsonb keeps them (shorter keys first, then by their UTF-8
 * bytes), as the row read back from the database would list them: junk detection reports the
 * first custom field at fault.
 */
function jsonbOrder(fields: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(fields);
  if (keys.length < 2) return fields;
  const bytes = new Map(keys.map((k) => [k, Buffer.from(k, 'utf8')]));
  keys.sort((a, b) => {
    const x = bytes.get(a) as Buffer;
    const y = bytes.get(b) as Buffer;
    return x.length - y.length || Buffer.compare(x, y);
  });
  return Object.fromEntries(keys.map((k) => [k, fields[k]]));
}
