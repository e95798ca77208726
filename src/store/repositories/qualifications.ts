import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

export async function findQualifications(db: Kysely<Database>, leadId: string) {
  return db.selectFrom('qualifications').selectAll().where('lead_id', '=', leadId).orderBy('framework').execute();
}

/** The answers a lead has for one framework, locked for the change about to be made. */
export async function findQualificationForUpdate(trx: Transaction<Database>, leadId: string, framework: string) {
  return trx
    .selectFrom('qualifications')
    .selectAll()
    .where('lead_id', '=', leadId)
    .where('framework', '=', framework)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveQualification(
  trx: Transaction<Database>,
  row: { leadId: string; framework: string; answers: Record<string, unknown>; by: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('qualifications')
    .values({
      lead_id: row.leadId,
      framework: row.framework,
      answers: JSON.stringify(row.answers),
      updated_by: row.by,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['lead_id', 'framework'])
        .doUpdateSet({ answers: JSON.stringify(row.answers), updated_by: row.by, updated_at: row.at }),
    )
    .execute();
}
