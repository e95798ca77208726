/**
 * A lead's status change, recorded once for both audiences: the audit log (the lead's timeline)
 * and a `lead.status_changed` event, which webhooks carry back to the lead's origin and the CRM
 * (SPEC §6.1: marketing automation and the CRM stay in step).
 */
import type { Transaction } from 'kysely';
import { type AuditEntry, appendAudit } from '../../store/repositories/audit.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { emitEvents } from './emit-events.js';
import type { LeadLoopEvent } from './event-types.js';

export interface LeadStatusChange {
  leadId: string;
  from: { status: string; ownerId?: string | null } & Record<string, unknown>;
  to: { status: string; ownerId?: string | null } & Record<string, unknown>;
  actorId: string | null;
  reason: string | null;
  /** The audit action; 'lead.status_changed' unless the change has a more precise name. */
  action?: string;
}

export async function recordLeadStatusChanges(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  changes: readonly LeadStatusChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const { audit, events } = leadStatusChangeRecords(ctx, changes);
  await appendAudit(trx, audit);
  await emitEvents(trx, ctx, events);
}

/** What recordLeadStatusChanges writes: the audit entries and the events (for a caller that writes them with more). */
export function leadStatusChangeRecords(
  ctx: ServiceContext,
  changes: readonly LeadStatusChange[],
): { audit: AuditEntry[]; events: LeadLoopEvent[] } {
  const at = ctx.clock.now();
  return {
    audit: changes.map((c) => ({
      id: ctx.newId(),
      actorId: c.actorId,
      action: c.action ?? 'lead.status_changed',
      entityType: 'lead',
      entityId: c.leadId,
      leadId: c.leadId,
      from: c.from,
      to: c.to,
      reason: c.reason,
      at,
    })),
    events: changes
      .filter((c) => c.from.status !== c.to.status)
      .map((c) => ({
        type: 'lead.status_changed' as const,
        leadId: c.leadId,
        data: {
          leadId: c.leadId,
          from: c.from.status,
          to: c.to.status,
          ownerId: c.to.ownerId ?? null,
          reason: c.reason,
        },
        notify: [],
      })),
  };
}
