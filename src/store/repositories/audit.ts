import type { Kysely, Transaction } from 'kysely';
import { insertRecordset, type RecordsetColumn } from '../recordset.js';
import type { Database } from '../schema.js';

/** One state change: who, when, from → to, why (SPEC §11). */
export interface AuditEntry {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  leadId?: string | null;
  from?: Record<string, unknown> | null;
  to?: Record<string, unknown> | null;
  reason?: string | null;
  at: Date;
}

/** The columns of audit_log an entry fills (seq is the table's own). */
const auditColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['actor_id', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['lead_id', 'text'],
  ['from_state', 'jsonb'],
  ['to_state', 'jsonb'],
  ['reason', 'text'],
  ['at', 'timestamptz'],
];

/** The INSERT of these entries (in their order: seq follows it), to run alone or beside other writes. */
export function auditInsert(entries: readonly AuditEntry[]) {
  return insertRecordset(
    'audit_log',
    entries.map((e) => ({
      id: e.id,
      actor_id: e.actorId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      lead_id: e.leadId ?? null,
      from_state: e.from ? e.from : null,
      to_state: e.to ? e.to : null,
      reason: e.reason ?? null,
      at: e.at,
    })),
    auditColumns,
  );
}

export async function appendAudit(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000) await auditInsert(entries.slice(i, i + 5000)).execute(trx);
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { entityType?: string; entityId?: string; actorId?: string; afterSeq?: number; limit: number },
) {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.afterSeq !== undefined) q = q.where('seq', '>', filter.afterSeq);
  return q.orderBy('seq').limit(filter.limit).execute();
}
