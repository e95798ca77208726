/** Stored qualification frameworks (SPEC §4.1): custom ones and edited built-in templates. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

export async function listStoredFrameworks(db: Kysely<Database>) {
  return db.selectFrom('qualification_frameworks').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** The stored framework with this id (ids are unique regardless of case), locked for a change. */
export async function findStoredFrameworkForUpdate(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('qualification_frameworks')
    .selectAll()
    .where(sql<string>`lower(id)`, '=', id.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

export async function saveFramework(
  trx: Transaction<Database>,
  row: { id: string; definition: object; builtIn: boolean; by: string; at: Date },
): Promise<void> {
  const definition = JSON.stringify(row.definition);
  await trx
    .insertInto('qualification_frameworks')
    .values({
      id: row.id,
      definition,
      built_in: row.builtIn,
      created_by: row.by,
      created_at: row.at,
      updated_by: row.by,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ definition, updated_by: row.by, updated_at: row.at }))
    .execute();
}

/** Leads with answers to this framework: their qualification points follow its edits. */
export async function leadIdsQualifiedWith(trx: Transaction<Database>, frameworkId: string): Promise<string[]> {
  const rows = await trx.selectFrom('qualifications').select('lead_id').where('framework', '=', frameworkId).execute();
  return rows.map((r) => r.lead_id);
}
