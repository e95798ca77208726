import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ImportsTable } from '../schema.js';

export type ImportRecord = Selectable<ImportsTable>;

export async function insertImport(
  trx: Transaction<Database>,
  row: {
    id: string;
    mode: 'live' | 'history';
    fileName: string | null;
    format: string;
    encoding: string | null;
    totalRows: number;
    /** History imports: the inferred type of each custom column. */
    fieldTypes?: Record<string, string> | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('imports')
    .values({
      id: row.id,
      status: 'running',
      mode: row.mode,
      file_name: row.fileName,
      format: row.format,
      encoding: row.encoding,
      total_rows: row.totalRows,
      errors: '[]',
      field_types: row.fieldTypes ? JSON.stringify(row.fieldTypes) : null,
      created_by: row.createdBy,
      created_at: row.at,
    })
    .execute();
}

export async function recordImportProgress(
  trx: Transaction<Database>,
  id: string,
  counts: { created: number; merged: number; failed: number },
): Promise<void> {
  await trx
    .updateTable('imports')
    .set({ created: counts.created, merged: counts.merged, failed: counts.failed })
    .where('id', '=', id)
    .execute();
}

export async function finishImport(
  trx: Transaction<Database>,
  id: string,
  end: {
    status: 'completed' | 'failed';
    errors: readonly { rowNumber: number; field: string; message: string; messageZh?: string }[];
    at: Date;
  },
): Promise<void> {
  await trx
    .updateTable('imports')
    .set({ status: end.status, errors: JSON.stringify(end.errors), finished_at: end.at })
    .where('id', '=', id)
    .execute();
}

export async function findImport(db: Kysely<Database>, id: string): Promise<ImportRecord | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markRunningImportsFailed(
  trx: Transaction<Database>,
  detail: string,
  at: Date,
): Promise<string[]> {
  const rows = await trx
    .updateTable('imports')
    .set({ status: 'failed', detail, finished_at: at })
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
