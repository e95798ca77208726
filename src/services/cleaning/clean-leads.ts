/**
 * Automatic cleaning inside the caller's transaction (SPEC §3): junk detection and ICP rules on
 * newly captured leads, and ICP rules again whenever a lead's profile may have changed (a merged
 * repeat, enrichment filling employees). Whole batches: one statement reads the leads and the
 * rules (at capture, together with stitching's read), and the updates and audit entries go in a
 * few statements — no per-lead round trips.
 * Cleaning never fails a capture: findings only ever change status and flags.
 */
import { sql, type Transaction } from 'kysely';
import type { CleaningLead } from '../../domain/cleaning/cleaning-lead.js';
import {
  autoDisqualifiableStatuses,
  decideCleaning,
  mergeCleaningFlags,
} from '../../domain/cleaning/decide-cleaning.js';
import type { LeadStatus } from '../../domain/lead-status.js';
import { type AuditEntry, appendAudit } from '../../store/repositories/audit.js';
import { loadCleaningBatch } from '../../store/repositories/capture-follow-up.js';
import {
  applyCleaningUpdates,
  type CleaningLeadRow,
  type CleaningUpdate,
  markReasonsUsed,
} from '../../store/repositories/cleaning.js';
import type { Database } from '../../store/schema.js';
import type { CapturedLeads } from '../after-capture.js';
import type { ServiceContext } from '../context.js';

/** What cleaning reads about a batch (loadCleaningBatch). */
export type CleaningBatch = Pick<Awaited<ReturnType<typeof loadCleaningBatch>>, 'rows' | 'rules' | 'requalified'>;

/**
 * The after-capture step: new leads get junk detection and ICP rules; merged ones ICP rules
 * again. `batch` is what capture read about these leads (loadCleaningBatch, with the leads a
 * person requalified among the merged ones). Whatever goes wrong in cleaning rolls back only
 * cleaning: the capture commits, and the failure is in the audit log for an admin to see. (The
 * writes, when there are any, run inside a savepoint, so most batches — nothing to flag — pay
 * no savepoint round trips.)
 */
export async function cleanCapturedLeads(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  captured: CapturedLeads,
  batch: CleaningBatch,
) {
  const created = new Set(captured.created);
  const failed = async (error: unknown) => {
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: null,
        action: 'cleaning.failed',
        entityType: 'capture',
        entityId: captured.created[0] ?? captured.merged[0],
        reason: `cleaning skipped for ${created.size + captured.merged.length} leads: ${String((error as Error)?.message ?? error).slice(0, 500)}`,
        at: ctx.clock.now(),
      },
    ]);
  };
  let plan: CleaningPlan;
  try {
    plan = planCleaning(ctx, batch, { cause: 'capture', junk: (id) => created.has(id) });
  } catch (error) {
    await failed(error);
    return;
  }
  if (plan.updates.length === 0 && plan.audit.length === 0) return;
  await sql`SAVEPOINT cleaning`.execute(trx);
  try {
    await writeCleaning(trx, plan);
    await sql`RELEASE SAVEPOINT cleaning`.execute(trx);
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT cleaning`.execute(trx);
    await failed(error);
  }
}

/** Leads cleaning only re-checks may have been requalified by a person: their status stays. */
export function recheckedLeads(captured: CapturedLeads): string[] {
  const created = new Set(captured.created);
  return captured.merged.filter((id) => !created.has(id));
}

/**
 * Re-checks ICP rules on these leads as they are now (enrichment filled employees, rules
 * changed …). `cause` goes into the audit entries ("enrichment", "merge", "rules").
 */
export async function reapplyIcpRules(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadIds: readonly string[],
  cause: string,
): Promise<void> {
  if (leadIds.length === 0) return;
  const batch = await loadCleaningBatch(trx, leadIds, leadIds);
  await writeCleaning(trx, planCleaning(ctx, batch, { cause, junk: () => false }));
}

export interface CleaningPlan {
  updates: CleaningUpdate[];
  audit: AuditEntry[];
  reasonsUsed: string[];
  at: Date;
}

/** Decides on the batch read; writes nothing. */
export function planCleaning(
  ctx: ServiceContext,
  { rows, rules, requalified }: CleaningBatch,
  options: { cause: string; junk: (id: string) => boolean },
): CleaningPlan {
  const at = ctx.clock.now();
  const updates: CleaningUpdate[] = [];
  const audit: AuditEntry[] = [];
  const reasonsUsed = new Set<string>();
  for (const row of rows) {
    // History leads (issue 9) are past outcomes to learn from, not prospects to clean.
    if (row.history) continue;
    const junk = options.junk(row.id);
    const decision = decideCleaning(cleaningLead(row), rules, {
      junk,
      mayDisqualify: autoDisqualifiableStatuses.includes(row.status as LeadStatus) && !requalified.has(row.id),
    });
    const flags = mergeCleaningFlags(row.flags, decision.flags, !junk);
    const flagsChanged = flags.length !== row.flags.length || flags.some((f, i) => f !== row.flags[i]);
    if (!decision.disqualify && !flagsChanged) continue;
    updates.push({
      id: row.id,
      status: decision.disqualify ? 'disqualified' : null,
      statusReason: decision.disqualify?.reason ?? null,
      flags,
    });
    if (decision.disqualify) {
      const d = decision.disqualify;
      reasonsUsed.add(d.reason);
      audit.push({
        id: ctx.newId(),
        actorId: null,
        action: 'lead.disqualified',
        entityType: 'lead',
        entityId: row.id,
        leadId: row.id,
        from: { status: row.status, statusReason: row.status_reason },
        to: {
          status: 'disqualified',
          reason: d.reason,
          by: d.by,
          ...(d.ruleId ? { rule: d.ruleId } : {}),
          ...(d.findings.length ? { findings: d.findings.map((f) => ({ check: f.check, field: f.field })) } : {}),
          cause: options.cause,
        },
        reason: `${d.message.zh} (${d.message.en})`,
        at,
      });
    }
    if (flagsChanged) {
      const added = flags.filter((f) => !row.flags.includes(f));
      const removed = row.flags.filter((f) => !flags.includes(f));
      audit.push({
        id: ctx.newId(),
        actorId: null,
        action: 'lead.flagged',
        entityType: 'lead',
        entityId: row.id,
        leadId: row.id,
        from: { flags: row.flags },
        to: { flags, cause: options.cause },
        reason: [...added.map((f) => `+${f}`), ...removed.map((f) => `-${f}`)].join(' '),
        at,
      });
    }
  }
  return { updates, audit, reasonsUsed: [...reasonsUsed], at };
}

async function writeCleaning(trx: Transaction<Database>, plan: CleaningPlan): Promise<void> {
  await applyCleaningUpdates(trx, plan.updates, plan.at);
  await markReasonsUsed(trx, 'disqualify', plan.reasonsUsed);
  await appendAudit(trx, plan.audit);
}

function cleaningLead(row: CleaningLeadRow): CleaningLead {
  return {
    name: row.name,
    phone: row.phone,
    email: row.email,
    company: row.company,
    title: row.title,
    region: row.region,
    regionCode: row.region_code,
    industry: row.industry,
    employees: row.employees,
    channel: row.channel_id,
    fields: row.fields ?? {},
  };
}
