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
import { type RawBuilder, sql, type Transaction } from 'kysely';
import { DefinitionNotMet } from '../../domain/definitions/definition-not-met.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../domain/errors.js';
import { historyLeadNotWorked } from '../../domain/history/not-worked.js';
import { authorize, describeScope, leadScope } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { RoutingDecision } from '../../domain/routing/routing-types.js';
import { preparedStatement } from '../../store/prepared.js';
import { type AuditEntry, auditInsert } from '../../store/repositories/audit.js';
import { fanOutEvents } from '../../store/repositories/event-fan-out.js';
import { factsOf } from '../../store/repositories/mql-package.js';
import { type RosterRowJson, repCandidatesOf } from '../../store/repositories/roster.js';
import type { rotationPickWrite } from '../../store/repositories/rotation.js';
import {
  type LockedLead,
  lockLeadInScope,
  readTransferFacts,
  storedScoreOf,
  type TransferFacts,
} from '../../store/repositories/transfer-reads.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { evaluateFactsDefinition } from '../definitions/evaluate-lead.js';
import { leadFactsOf } from '../definitions/lead-facts.js';
import { eventWrites } from '../events/emit-events.js';
import { leadCardOf } from '../events/lead-card.js';
import { leadStatusChangeRecords } from '../events/lead-status-changes.js';
import { frameworksOf } from '../frameworks.js';
import { eligibilityMonth } from '../roster/eligibility-month.js';
import type { HeldRoster } from '../roster/roster-cache.js';
import { routingSettingsInForce } from '../routing/routing-settings.js';
import { computeScores } from '../scoring/rescore.js';
import { calendarsOf } from '../sla/business-calendars.js';
import { slaClockOf } from '../sla/sla-clock.js';
import { slaSettingsInForce } from '../sla/sla-settings.js';
import { type HandoffView, prepareHandoffs } from './create-handoff.js';
import { dispatchersOf, handoffEvents } from './handoff-events.js';
import { type MqlPackage, mqlPackageOf } from './mql-package.js';
import { accountKeysOf, routeReadLead } from './route-lead.js';

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
  authorize(actor, 'leads.read');
  const scope = leadScope(actor);

  // The lead is read once, locked, and everything else the transfer reads comes in one more
  // statement (transfer-reads.ts); the writes go in one statement at the end.
  return ctx.db.transaction().execute(async (trx) => {
    const found = await lockLeadInScope(trx, leadId, scope);
    if (!found) throw new NotFound(`lead ${leadId}`);
    if (!found.visible) {
      throw new Forbidden(`this lead is outside what the role ${actor.role} may see (${describeScope(scope)})`);
    }
    const current = found.lead;
    if (current.history) throw new Conflict(historyLeadNotWorked);
    if (notTransferable.has(current.status)) {
      throw new Conflict(`the lead is ${current.status}; only a lead the SDR team still works can be transferred`);
    }
    const routedAt = ctx.clock.now();
    const month = eligibilityMonth(routedAt);
    const held = ctx.rosters.held(month);
    const facts = await readTransferFacts(trx, leadId, month, accountKeysOf(current), held?.version ?? null);
    if (facts.openHandoffId) {
      throw new Conflict(`the lead already has an open hand-off (${facts.openHandoffId}); wait for its decision`);
    }
    if (actor.role === 'sdr' && current.owner_id && current.owner_id !== actor.id) {
      throw new Forbidden('this lead is owned by someone else; only its owner (or an SDR lead) may transfer it');
    }

    const at = ctx.clock.now();
    const audit: AuditEntry[] = [];
    const gate = await evaluateFactsDefinition(trx, ctx, leadFactsOf(current, facts.qualifications, facts), 'mql');
    if (!gate.passed) {
      if (!overrideReason) throw new DefinitionNotMet('mql', gate.version, gate.unmet);
      audit.push({
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
      });
    }

    // The package first: routing locks the lead's rotation pool until commit, and whatever runs
    // after it keeps every other transfer into that pool waiting.
    const mqlPackage = await packageOf(trx, ctx, current, facts);
    let decision: RoutingDecision;
    let pickWrite: ReturnType<typeof rotationPickWrite> | null = null;
    if (input.mode === 'manual') decision = manualDispatch(reason as string);
    else {
      const { policy } = await routingSettingsInForce(trx);
      const candidates = repCandidatesOf(rosterOf(ctx, month, held, facts), routedAt, facts.loads);
      const round = { now: routedAt, policy, candidates };
      ({ decision, pickWrite } = await routeReadLead(trx, round, current, facts.accounts.get(leadId) ?? null));
    }

    const handoffAt = ctx.clock.now();
    const sla = decision.repId
      ? slaClockOf((await slaSettingsInForce(trx)).policy, calendarsOf(facts.calendars))
      : null;
    const sdrId = current.owner_id ?? (actor.role === 'sdr' || actor.role === 'sdr_lead' ? actor.id : null);
    const prepared = prepareHandoffs(
      ctx,
      [{ leadId, sdrId, mode: input.mode, decision, requestReason: reason, actorId: actor.id, mqlPackage }],
      { packages: new Map(), sla, at: handoffAt },
    );
    const [handoff] = prepared.made;
    audit.push(...prepared.audit);
    // The card the events carry shows the lead as the hand-off leaves it, before its new status.
    const card = leadCardOf({ ...current, owner_id: handoff.repId ?? current.owner_id });
    const dispatchers = handoff.kind === 'dispatch' ? await dispatchersOf(trx) : [];
    const events = handoffEvents(prepared.made, new Map([[leadId, card]]), dispatchers);
    const statusChanges = current.status === 'mql' ? [] : [handoff];
    const changed = leadStatusChangeRecords(
      ctx,
      statusChanges.map((h) => ({
        leadId,
        from: { status: current.status, ownerId: current.owner_id },
        to: { status: 'mql', ownerId: h.repId, handoffId: h.id },
        actorId: actor.id,
        reason: `transferred to sales (${input.mode})`,
      })),
    );
    audit.push(...changed.audit);
    events.push(...changed.events);
    const announced = eventWrites(ctx, events, facts.listened);

    const leadSets = [
      ...(handoff.repId ? [sql`owner_id = ${handoff.repId}`, sql`owned_since = ${handoffAt}`] : []),
      ...(statusChanges.length ? [sql`status = 'mql'`] : []),
    ];
    const writes = [
      ...(pickWrite ? [pickWrite.counter] : []),
      ...prepared.inserts,
      ...(leadSets.length
        ? [
            sql`UPDATE leads SET ${sql.join([...leadSets, sql`updated_at = ${statusChanges.length ? at : handoffAt}`])}
              WHERE id = ${leadId}`,
          ]
        : []),
      auditInsert(audit),
      ...announced.writes,
    ];
    // The rotation pick, the hand-off, its timers, the lead's owner and status, the audit, the
    // events and notifications, and the live signal: one statement.
    const last = announced.live ?? (writes.pop() as RawBuilder<unknown>);
    const named = [...(pickWrite?.ctes ?? []), ...writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`)];
    await preparedStatement(named.length ? sql`WITH ${sql.join(named)} ${last}` : last).execute(trx);
    if (announced.outgoing.length > 0) await fanOutEvents(trx, announced.outgoing, []);
    return handoff;
  });
}

/** The MQL package (mql-package.ts) from the row and facts the transfer read, scored now. */
async function packageOf(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  lead: LockedLead,
  facts: TransferFacts,
): Promise<MqlPackage> {
  const date = (d: string) => new Date(d);
  const qualifications = facts.qualifications.map((q) => ({
    framework: q.framework,
    answers: q.answers,
    updatedAt: date(q.updated_at),
  }));
  const [computed] = await computeScores(trx, ctx, [lead.id], {
    inputs: {
      leads: [storedScoreOf(lead)],
      behaviours: new Map([[lead.id, facts.behaviours.map((b) => ({ type: b.type, at: date(b.occurred_at) }))]]),
      qualifications: new Map(qualifications.length ? [[lead.id, qualifications]] : []),
    },
    frameworks: frameworksOf(facts.frameworks),
  });
  return mqlPackageOf(
    factsOf(lead, facts.touches, facts.behaviours, facts.activities, facts.qualifications),
    computed?.score,
  );
}

/** The roster rows the transfer routes over (their loads are the ones just read): read now, or held at the version just read. */
function rosterOf(ctx: ServiceContext, month: string, held: HeldRoster | null, facts: TransferFacts): RosterRowJson[] {
  if (!facts.roster) return (held as HeldRoster).rows as RosterRowJson[];
  ctx.rosters.keep({ month, version: facts.rosterVersion, rows: facts.roster });
  return facts.roster;
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
