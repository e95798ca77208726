/**
 * History imports (SPEC §10.1): the type inferred for each custom column of the file
 * ({column: 'number'|'category'|'yes_no'|'date'}), reported on the import; null for live imports.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE imports ADD COLUMN field_types jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE imports DROP COLUMN field_types`.execute(db);
}
