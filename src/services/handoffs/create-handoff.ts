/**
 * Making a hand-off (SPEC §6.1) from a routing decision, in the caller's transaction: the MQL
 * package frozen in, the acceptance deadline (48 h, SPEC §10.1 default) and the first-contact
 * deadline of an idle account owner as durable timers, the rotation pick recorded, and an audit
 * entry. A dispatch has no rep and no deadline until someone resolves it.
 */
import type { Transaction } from 'kysely';
import type { RoutingDecision, RoutingStep } from '../../domain/routing/routing-types.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { type HandoffRow, insertHandoff, insertTimers } from '../../store/repositories/handoffs.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { buildMqlPackage } from './mql-package.js';

export const ACCEPTANCE_SLA_MS = 48 * 3_600_000;

export interface HandoffView {
  id: string;
  leadId: string;
  sdrId: string | null;
  repId: string | null;
  kind: 'assign' | 'sync' | 'dispatch';
  mode: 'auto' | 'manual' | 'direct';
  status: string;
  credit: number;
  dueAt: string | null;
  firstContactDueAt: string | null;
  requestReason: string | null;
  explanation: RoutingStep[];
  package: Record<string, unknown>;
  createdAt: string;
}

export async function createHandoff(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  input: {
    leadId: string;
    sdrId: string | null;
    mode: 'auto' | 'manual' | 'direct';
    decision: RoutingDecision;
    requestReason: string | null;
    actorId: string | null;
  },
): Promise<HandoffView> {
  const at = ctx.clock.now();
  const { decision } = input;
  const id = ctx.newId();
  const dueAt = decision.repId ? new Date(at.getTime() + ACCEPTANCE_SLA_MS) : null;
  const mqlPackage = await buildMqlPackage(trx, ctx, input.leadId);
  await insertHandoff(trx, {
    id,
    leadId: input.leadId,
    sdrId: input.sdrId,
    repId: decision.repId,
    kind: decision.kind,
    mode: input.mode,
    credit: decision.credit,
    dueAt,
    firstContactDueAt: decision.firstContactDueAt,
    explanation: decision.explanation,
    mqlPackage,
    requestReason: input.requestReason,
    at,
  });
  await insertTimers(trx, [
    ...(dueAt ? [{ id: ctx.newId(), kind: 'handoff.acceptance_due', subjectId: id, dueAt, at }] : []),
    ...(decision.firstContactDueAt
      ? [{ id: ctx.newId(), kind: 'handoff.first_contact_due', subjectId: id, dueAt: decision.firstContactDueAt, at }]
      : []),
  ]);
  await appendAudit(trx, [
    {
      id: ctx.newId(),
      actorId: input.actorId,
      action: 'handoff.created',
      entityType: 'handoff',
      entityId: id,
      leadId: input.leadId,
      from: null,
      to: { kind: decision.kind, repId: decision.repId, credit: decision.credit, mode: input.mode },
      reason: input.requestReason ?? decision.explanation.at(-1)?.message ?? null,
      at,
    },
  ]);
  return {
    id,
    leadId: input.leadId,
    sdrId: input.sdrId,
    repId: decision.repId,
    kind: decision.kind,
    mode: input.mode,
    status: 'pending',
    credit: decision.credit,
    dueAt: dueAt?.toISOString() ?? null,
    firstContactDueAt: decision.firstContactDueAt?.toISOString() ?? null,
    requestReason: input.requestReason,
    explanation: [...decision.explanation],
    package: mqlPackage,
    createdAt: at.toISOString(),
  };
}

export function presentHandoff(row: HandoffRow): HandoffView {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: row.id,
    leadId: row.lead_id,
    sdrId: row.sdr_id,
    repId: row.rep_id,
    kind: row.kind,
    mode: row.mode,
    status: row.status,
    credit: Number(row.credit),
    dueAt: iso(row.due_at),
    firstContactDueAt: iso(row.first_contact_due_at),
    requestReason: row.request_reason,
    explanation: row.explanation as RoutingStep[],
    package: row.package,
    createdAt: iso(row.created_at) as string,
  };
}
