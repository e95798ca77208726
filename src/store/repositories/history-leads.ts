/**
 * History leads (SPEC §10.1 "History import"): past leads stored to learn from, apart from live
 * ones (leads.history = true). A chunk of an import is written in one statement — new leads,
 * re-imported ones (matched by external id) and the audit entries — so a row costs no round trip.
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { NormalisedLead } from '../../domain/capture/lead-input.js';
import { allInOne, type RecordsetColumn, recordset } from '../recordset.js';
import type { Database } from '../schema.js';
import { type AuditEntry, auditInsert } from './audit.js';
import { leadProfileColumns, leadProfileRecord } from './leads.js';

/** A history lead as a row of the file made it. */
export interface HistoryLeadRow {
  id: string;
  lead: NormalisedLead;
  status: string;
  outcome: string | null;
  /** When the lead was captured (the file's date; else the import time, or on re-import the earlier date). */
  createdAt: Date;
}

/** Leads (live or history) that already hold one of these external ids. */
export async function findByExternalIds(
  trx: Transaction<Database>,
  externalIds: readonly string[],
): Promise<
  { id: string; externalId: string; history: boolean; status: string; outcome: string | null; createdAt: Date }[]
> {
  if (externalIds.length === 0) return [];
  const rows = await trx
    .selectFrom('leads')
    .select(['id', 'external_id', 'history', 'status', 'outcome', 'created_at'])
    .where('external_id', '=', sql<string>`any(${[...externalIds]}::text[])`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id as string,
    history: r.history,
    status: r.status,
    outcome: r.outcome,
    createdAt: new Date(r.created_at),
  }));
}

const profileColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['external_id', 'text'],
  ['status', 'text'],
  ['outcome', 'text'],
  ...leadProfileColumns,
  ['original_source', 'jsonb'],
  ['created_at', 'timestamptz'],
];

function profile(row: HistoryLeadRow) {
  const l = row.lead;
  return {
    id: row.id,
    external_id: l.externalId,
    status: row.status,
    outcome: row.outcome,
    ...leadProfileRecord(l),
    // a past lead may have no name (its company alone is known)
    name: l.name || null,
    name_key: l.nameKey || null,
    original_source: { ...l.source, at: row.createdAt.toISOString() },
    created_at: row.createdAt,
  };
}

/**
 * One chunk of a history import in one statement. `updated` rows replace what an earlier import
 * stored for their lead (a corrected file wins).
 */
export async function writeHistoryLeads(
  trx: Transaction<Database>,
  rows: {
    created: readonly HistoryLeadRow[];
    updated: readonly HistoryLeadRow[];
    audit: readonly AuditEntry[];
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  const statements: RawBuilder<unknown>[] = [];
  if (rows.created.length) {
    const columns: RecordsetColumn[] = [
      ...profileColumns,
      ['history', 'boolean'],
      ['created_by', 'text'],
      ['updated_at', 'timestamptz'],
    ];
    const created = rows.created.map((r) => ({
      ...profile(r),
      history: true,
      created_by: rows.createdBy,
      updated_at: rows.at,
    }));
    // A history lead's latest source is its original one: sent once.
    const names = columns.map(([name]) => name).join(', ');
    statements.push(
      sql`INSERT INTO leads (${sql.raw(names)}, latest_source)
        SELECT ${sql.raw(names)}, original_source FROM ${recordset(created, columns)}`,
    );
  }
  if (rows.updated.length) {
    const set = profileColumns
      .filter(([name]) => name !== 'id')
      .map(([name]) => sql`${sql.ref(name)} = v.${sql.ref(name)}`);
    statements.push(sql`UPDATE leads SET ${sql.join(set)}, latest_source = v.original_source, updated_at = ${rows.at}
      FROM ${recordset(rows.updated.map(profile), profileColumns, 'v')}
      WHERE leads.id = v.id AND leads.history`);
  }
  if (rows.audit.length) statements.push(auditInsert(rows.audit));
  await allInOne(statements)?.execute(trx);
}
