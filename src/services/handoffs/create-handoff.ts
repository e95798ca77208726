/**
 * Making a hand-off (SPEC §6.1) from a routing decision, in the caller's transaction: the lead
 * held by the rep from now on (the hand-off keeps the SDR for credit), the MQL package frozen in, the acceptance deadline and its reminder (SLA policy, 48 h by default) and the first-contact
 * deadline of an idle account owner as durable timers, the rotation pick recorded, and an audit
 * entry. A dispatch has no rep and no deadline until someone resolves it.
 */
import type { RawBuilder, Transaction } from 'kysely';
import type { RoutingDecision, RoutingStep } from '../../domain/routing/routing-types.js';
import { allInOne } from '../../store/recordset.js';
import { type AuditEntry, auditInsert } from '../../store/repositories/audit.js';
import { type HandoffRow, handoffsInsert, leadOwnersUpdate } from '../../store/repositories/handoffs.js';
import { type NewTimer, timersInsert } from '../../store/repositories/timers.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { acceptanceClock, FIRST_CONTACT_DUE } from '../sla/handoff-clocks.js';
import { type SlaInForce, slaInForce } from '../sla/sla-clock.js';
import { announceHandoffs } from './handoff-events.js';
import { buildMqlPackages, type MqlPackage } from './mql-package.js';

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
  /** SLA facts (SPEC §6.2): reminder sent, acceptance deadline missed, first-contact deadline missed. */
  remindedAt: string | null;
  breachedAt: string | null;
  firstContactBreachedAt: string | null;
  /** The rep's decision (SPEC §6.1); null while pending. */
  decision: { reason: string | null; note: string | null; by: string | null; at: string } | null;
}

export interface HandoffRequest {
  leadId: string;
  sdrId: string | null;
  mode: 'auto' | 'manual' | 'direct';
  decision: RoutingDecision;
  requestReason: string | null;
  actorId: string | null;
  /** The MQL package when the caller built it already (before taking the rotation pool's lock). */
  mqlPackage?: MqlPackage;
}

export async function createHandoff(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  request: HandoffRequest,
): Promise<HandoffView> {
  const [made] = await createHandoffs(trx, ctx, [request]);
  return made;
}

/** Several hand-offs in one go (direct-to-sales leads of a bulk capture): a few statements in all. */
export async function createHandoffs(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  requests: readonly HandoffRequest[],
): Promise<HandoffView[]> {
  const made = await writeHandoffs(trx, ctx, requests);
  await announceHandoffs(trx, ctx, made);
  return made;
}

/** createHandoffs but their announcement, for a caller that writes the events with more (handoffAnnouncements). */
export async function writeHandoffs(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  requests: readonly HandoffRequest[],
): Promise<HandoffView[]> {
  if (requests.length === 0) return [];
  const at = ctx.clock.now();
  const unpackaged = requests.filter((r) => !r.mqlPackage).map((r) => r.leadId);
  const packages = unpackaged.length ? await buildMqlPackages(trx, ctx, unpackaged) : new Map<string, MqlPackage>();
  const sla = requests.some((r) => r.decision.repId) ? await slaInForce(trx) : null;
  const prepared = prepareHandoffs(ctx, requests, { packages, sla, at });
  // The hand-offs, the leads' new owner, the deadlines' timers and the audit: one statement.
  await allInOne([
    ...prepared.inserts,
    ...(prepared.owners.length ? [leadOwnersUpdate(prepared.owners, at)] : []),
    auditInsert(prepared.audit),
  ])?.execute(trx);
  return prepared.made;
}

/** Hand-offs made but not yet written: what createHandoffs writes, for a caller that writes it with more. */
export interface PreparedHandoffs {
  made: HandoffView[];
  /** The INSERTs of the hand-offs and their deadlines' timers. */
  inserts: RawBuilder<unknown>[];
  /** The leads' new owner (the rep), to write with `at` as owned_since and updated_at. */
  owners: { leadId: string; repId: string }[];
  /** The `handoff.created` entries. */
  audit: AuditEntry[];
}

/** `packages`: by lead id, for requests without their own; `sla`: needed when any decision has a rep. */
export function prepareHandoffs(
  ctx: ServiceContext,
  requests: readonly HandoffRequest[],
  read: { packages: ReadonlyMap<string, MqlPackage>; sla: SlaInForce | null; at: Date },
): PreparedHandoffs {
  const { sla, at } = read;
  const packageOf = (r: HandoffRequest) => r.mqlPackage ?? read.packages.get(r.leadId) ?? {};
  const clockTimers: NewTimer[] = [];
  const made = requests.map((request): HandoffView => {
    const { leadId, sdrId, mode, decision, requestReason } = request;
    const id = ctx.newId();
    let dueAt: Date | null = null;
    if (decision.repId && sla) {
      const clock = acceptanceClock(sla, ctx.newId, id, at);
      dueAt = clock.dueAt;
      clockTimers.push(...clock.timers);
    }
    return {
      id,
      leadId,
      sdrId,
      repId: decision.repId,
      kind: decision.kind,
      mode,
      status: 'pending',
      credit: decision.credit,
      dueAt: dueAt?.toISOString() ?? null,
      firstContactDueAt: decision.firstContactDueAt?.toISOString() ?? null,
      requestReason,
      explanation: [...decision.explanation],
      package: packageOf(request),
      createdAt: at.toISOString(),
      remindedAt: null,
      breachedAt: null,
      firstContactBreachedAt: null,
      decision: null,
    };
  });
  const owners = made.flatMap((h) => (h.repId ? [{ leadId: h.leadId, repId: h.repId }] : []));
  const timers: NewTimer[] = [
    ...clockTimers,
    ...made.flatMap((h) =>
      h.firstContactDueAt
        ? [{ id: ctx.newId(), kind: FIRST_CONTACT_DUE, subjectId: h.id, dueAt: new Date(h.firstContactDueAt), at }]
        : [],
    ),
  ];
  const handoffs = handoffsInsert(
    made.map((h) => ({
      id: h.id,
      leadId: h.leadId,
      sdrId: h.sdrId,
      repId: h.repId,
      kind: h.kind,
      mode: h.mode,
      credit: h.credit,
      dueAt: h.dueAt === null ? null : new Date(h.dueAt),
      firstContactDueAt: h.firstContactDueAt === null ? null : new Date(h.firstContactDueAt),
      explanation: h.explanation,
      mqlPackage: h.package,
      requestReason: h.requestReason,
      at,
    })),
  );
  const audit = made.map(
    (h, i): AuditEntry => ({
      id: ctx.newId(),
      actorId: requests[i].actorId,
      action: 'handoff.created',
      entityType: 'handoff',
      entityId: h.id,
      leadId: h.leadId,
      from: null,
      to: { kind: h.kind, repId: h.repId, credit: h.credit, mode: h.mode },
      reason: h.requestReason ?? h.explanation.at(-1)?.message ?? null,
      at,
    }),
  );
  return { made, inserts: [handoffs, ...(timers.length ? [timersInsert(timers)] : [])], owners, audit };
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
    remindedAt: iso(row.reminded_at),
    breachedAt: iso(row.breached_at),
    firstContactBreachedAt: iso(row.first_contact_breached_at),
    decision:
      row.decided_at === null
        ? null
        : {
            reason: row.decision_reason,
            note: row.decision_note,
            by: row.decided_by,
            at: iso(row.decided_at) as string,
          },
  };
}
