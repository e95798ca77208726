/**
 * Hand-off details routing adds (SPEC §5.2): the first-contact deadline of an idle account
 * owner, and who resolved a manual dispatch and when.
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    ALTER TABLE handoffs ADD COLUMN first_contact_due_at timestamptz;
    ALTER TABLE handoffs ADD COLUMN resolved_by text REFERENCES users(id);
    ALTER TABLE handoffs ADD COLUMN resolved_at timestamptz;
    CREATE INDEX handoffs_open_dispatches ON handoffs (created_at) WHERE kind = 'dispatch' AND status = 'pending';
    `,
  );
}
