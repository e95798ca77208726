/** Hand-offs (SPEC §6.1), the dispatch board's comments, and the timers a hand-off starts. */
import { type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import type { RoutingStep } from '../../domain/routing/routing-types.js';
import type { Queryable } from '../db.js';
import { insertRecordset, type RecordsetColumn, recordset } from '../recordset.js';
import type { Database, HandoffsTable } from '../schema.js';

export type HandoffRow = Selectable<HandoffsTable>;

export interface NewHandoff {
  id: string;
  leadId: string;
  sdrId: string | null;
  repId: string | null;
  kind: 'assign' | 'sync' | 'dispatch';
  mode: 'auto' | 'manual' | 'direct';
  credit: number;
  dueAt: Date | null;
  firstContactDueAt: Date | null;
  explanation: readonly RoutingStep[];
  mqlPackage: Record<string, unknown>;
  requestReason: string | null;
  at: Date;
}

/** The INSERT of these hand-offs (pending), to run alone or beside other writes (recordset.ts allInOne). */
export function handoffsInsert(handoffs: readonly NewHandoff[]): RawBuilder<unknown> {
  return insertRecordset(
    'handoffs',
    handoffs.map((h) => ({
      id: h.id,
      lead_id: h.leadId,
      sdr_id: h.sdrId,
      rep_id: h.repId,
      kind: h.kind,
      mode: h.mode,
      credit: h.credit,
      status: 'pending',
      due_at: h.dueAt,
      first_contact_due_at: h.firstContactDueAt,
      explanation: h.explanation,
      package: h.mqlPackage,
      request_reason: h.requestReason,
      created_at: h.at,
    })),
    handoffColumns,
  );
}

const handoffColumns: readonly RecordsetColumn[] = [
  ['id', 'text'],
  ['lead_id', 'text'],
  ['sdr_id', 'text'],
  ['rep_id', 'text'],
  ['kind', 'text'],
  ['mode', 'text'],
  ['credit', 'numeric'],
  ['status', 'text'],
  ['due_at', 'timestamptz'],
  ['first_contact_due_at', 'timestamptz'],
  ['explanation', 'jsonb'],
  ['package', 'jsonb'],
  ['request_reason', 'text'],
  ['created_at', 'timestamptz'],
];

export async function findHandoff(db: Queryable, id: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('handoffs').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findOpenHandoff(db: Queryable, leadId: string) {
  return db
    .selectFrom('handoffs')
    .selectAll()
    .where('lead_id', '=', leadId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function listLeadHandoffs(db: Queryable, leadId: string) {
  return db.selectFrom('handoffs').selectAll().where('lead_id', '=', leadId).orderBy('created_at', 'desc').execute();
}

/** Open manual dispatches, oldest first: the board works them in arrival order. */
export async function listOpenDispatches(db: Queryable, limit: number) {
  return db
    .selectFrom('handoffs')
    .selectAll()
    .where('kind', '=', 'dispatch')
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function resolveDispatchRow(
  trx: Transaction<Database>,
  id: string,
  change: {
    repId: string;
    kind: 'assign' | 'sync';
    credit: number;
    dueAt: Date;
    explanation: readonly RoutingStep[];
    resolvedBy: string;
    at: Date;
  },
): Promise<void> {
  await trx
    .updateTable('handoffs')
    .set({
      rep_id: change.repId,
      kind: change.kind,
      credit: change.credit,
      due_at: change.dueAt,
      explanation: JSON.stringify(change.explanation),
      resolved_by: change.resolvedBy,
      resolved_at: change.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertDispatchComment(
  trx: Transaction<Database>,
  comment: { id: string; handoffId: string; userId: string; body: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('dispatch_comments')
    .values({
      id: comment.id,
      handoff_id: comment.handoffId,
      user_id: comment.userId,
      body: comment.body,
      created_at: comment.at,
    })
    .execute();
}

export async function listDispatchComments(db: Queryable, handoffIds: readonly string[]) {
  if (handoffIds.length === 0) return [];
  return db
    .selectFrom('dispatch_comments')
    .selectAll()
    .where('handoff_id', 'in', handoffIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function setLeadStatus(
  trx: Transaction<Database>,
  leadIds: string | readonly string[],
  status: 'mql' | 'nurturing',
  at: Date,
): Promise<void> {
  const ids = typeof leadIds === 'string' ? [leadIds] : [...leadIds];
  if (ids.length === 0) return;
  await leadStatusUpdate(ids, status, at).execute(trx);
}

/** setLeadStatus as a statement, to run beside other writes (recordset.ts allInOne); `leadIds` not empty. */
export function leadStatusUpdate(
  leadIds: readonly string[],
  status: 'mql' | 'nurturing',
  at: Date,
): RawBuilder<unknown> {
  return sql`UPDATE leads SET status = ${status}, updated_at = ${at} WHERE id = any(${[...leadIds]}::text[])`;
}

/**
 * The lead is held by the rep from the moment of hand-off (SPEC §6.1: `ownerId` is the rep,
 * acceptance pending included); the hand-off keeps the SDR for credit.
 */
export async function giveLeadsToReps(
  trx: Transaction<Database>,
  owners: readonly { leadId: string; repId: string }[],
  at: Date,
): Promise<void> {
  if (owners.length === 0) return;
  await leadOwnersUpdate(owners, at).execute(trx);
}

/** giveLeadsToReps as a statement, to run beside other writes (recordset.ts allInOne); `owners` not empty. */
export function leadOwnersUpdate(owners: readonly { leadId: string; repId: string }[], at: Date): RawBuilder<unknown> {
  return sql`UPDATE leads SET owner_id = o.rep_id, owned_since = ${at}, updated_at = ${at}
    FROM ${recordset(
      owners.map((o) => ({ lead_id: o.leadId, rep_id: o.repId })),
      [
        ['lead_id', 'text'],
        ['rep_id', 'text'],
      ],
      'o',
    )}
    WHERE leads.id = o.lead_id`;
}
