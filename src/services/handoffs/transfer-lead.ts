/**
 * POST /leads/{id}/transfer (SPEC §5, §6.1): an SDR hands a qualified lead to sales.
 *
 * - The lead must pass the MQL definition in force (§4.2) — else 422 naming the unmet
 *   criteria — unless an `sdr_lead` overrides with a written reason, which is audited.
 * - One open hand-off per lead: a second transfer is a 409 (and the database's unique index
 *   keeps it so when two arrive at once).
 * - `auto` routes to a rep (route-lead.ts); `manual` sends the lead to the dispatch board with
 *   the SDR's reason (key account, asked for a rep, special case).
 * The hand-off carries the MQL package and the routing explanation; the lead becomes an `mql`.
 */
import type { Transaction } from 'kysely';
import { DefinitionNotMet } from '../../domain/definitions/definition-not-met.js';
import { Conflict, Forbidden, InvalidInput } from '../../domain/errors.js';
import { historyLeadNotWorked } from '../../domain/history/not-worked.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { RoutingDecision } from '../../domain/routing/routing-types.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { findOpenHandoff, setLeadStatus } from '../../store/repositories/handoffs.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { evaluateLeadDefinition } from '../definitions/evaluate-lead.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { readLead } from '../read-leads.js';
import { createHandoff, type HandoffView } from './create-handoff.js';
import { buildMqlPackages } from './mql-package.js';
import { routeToRep } from './route-lead.js';

export interface TransferInput {
  mode: 'auto' | 'manual';
  /** Required for manual dispatch: why this lead needs a person to pick the rep. */
  reason?: string;
  /** An sdr_lead's written reason to transfer a lead that fails the MQL definition. */
  overrideReason?: string;
}

/** A lead in one of these states has gone past the SDR's hands (or out of the funnel). */
const notTransferable = new Set(['sql', 'opportunity', 'won', 'lost', 'disqualified']);

export async function transferLead(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: TransferInput,
): Promise<HandoffView> {
  authorize(actor, 'leads.transfer');
  const reason = input.reason?.trim() || null;
  const overrideReason = input.overrideReason?.trim() || null;
  if (input.mode === 'manual' && !reason) {
    throw new InvalidInput([
      {
        field: 'reason',
        message: 'a manual dispatch needs a reason the dispatcher can act on',
        messageZh: '人工分派须写明理由，方便分派人据此处理',
      },
    ]);
  }
  if (input.overrideReason !== undefined && !overrideReason) {
    throw new InvalidInput([
      {
        field: 'overrideReason',
        message: 'must say why the definition is overridden',
        messageZh: '须说明为什么不按定义处理',
      },
    ]);
  }
  if (overrideReason && actor.role !== 'sdr_lead') {
    throw new Forbidden('only an SDR lead may override the MQL definition (SPEC §4.2)');
  }
  await readLead(ctx, actor, leadId);

  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockLead(trx, leadId);
    if (current.history) throw new Conflict(historyLeadNotWorked);
    if (notTransferable.has(current.status)) {
      throw new Conflict(`the lead is ${current.status}; only a lead the SDR team still works can be transferred`);
    }
    const open = await findOpenHandoff(trx, leadId);
    if (open) throw new Conflict(`the lead already has an open hand-off (${open.id}); wait for its decision`);
    if (actor.role === 'sdr' && current.owner_id && current.owner_id !== actor.id) {
      throw new Forbidden('this lead is owned by someone else; only its owner (or an SDR lead) may transfer it');
    }

    const at = ctx.clock.now();
    const gate = await evaluateLeadDefinition(trx, ctx, leadId, 'mql');
    if (!gate.passed) {
      if (!overrideReason) throw new DefinitionNotMet('mql', gate.version, gate.unmet);
      await appendAudit(trx, [
        {
          id: ctx.newId(),
          actorId: actor.id,
          action: 'lead.mql_gate_overridden',
          entityType: 'lead',
          entityId: leadId,
          leadId,
          from: { definitionVersion: gate.version, unmet: gate.unmet.map((u) => u.criterion) },
          to: null,
          reason: overrideReason,
          at,
        },
      ]);
    }

    // The package first: routing locks the lead's rotation pool until commit, and whatever runs
    // after it keeps every other transfer into that pool waiting.
    const [mqlPackage] = (await buildMqlPackages(trx, ctx, [leadId])).values();
    const decision: RoutingDecision =
      input.mode === 'manual' ? manualDispatch(reason as string) : await routeToRep(trx, ctx, leadId);
    const handoff = await createHandoff(trx, ctx, {
      leadId,
      sdrId: current.owner_id ?? (actor.role === 'sdr' || actor.role === 'sdr_lead' ? actor.id : null),
      mode: input.mode,
      decision,
      requestReason: reason,
      actorId: actor.id,
      mqlPackage,
    });
    if (current.status !== 'mql') {
      await setLeadStatus(trx, leadId, 'mql', at);
      await recordLeadStatusChanges(trx, ctx, [
        {
          leadId,
          from: { status: current.status, ownerId: current.owner_id },
          to: { status: 'mql', ownerId: handoff.repId, handoffId: handoff.id },
          actorId: actor.id,
          reason: `transferred to sales (${input.mode})`,
        },
      ]);
    }
    return handoff;
  });
}

function manualDispatch(reason: string): RoutingDecision {
  return {
    kind: 'dispatch',
    repId: null,
    credit: 1,
    firstContactDueAt: null,
    poolKey: null,
    explanation: [
      {
        step: 'dispatch',
        outcome: 'dispatch',
        message: `人工分配 manual dispatch: ${reason}`,
        code: 'dispatch_manual',
        params: { reason },
      },
    ],
  };
}

async function lockLead(trx: Transaction<Database>, leadId: string) {
  return trx
    .selectFrom('leads')
    .select(['status', 'owner_id', 'history'])
    .where('id', '=', leadId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
