/**
 * Versioned stage definitions (SPEC §4.2) and custom qualification frameworks (SPEC §4.1).
 *
 * Definitions live in the generic policy_versions / policy_approvals tables under the kinds
 * `definition:valid_lead`, `definition:mql`, `definition:sql` and `definition:opportunity`.
 * The columns added here are what a versioned setting needs beyond its body: the proposer's
 * role at the time, the date they asked for, when both sides agreed, a note, a rejection, and when "took effect" was
 * written to the audit log. Version 1 of each kind is seeded here, in force from the epoch, so
 * every lead ever captured resolves to a definition and no later version rewrites it.
 *
 * qualification_frameworks holds custom frameworks and edited copies of the built-in ones
 * (a row whose id is BANT, CHAMP or MEDDIC replaces the shipped template).
 */
import { type Kysely, sql } from 'kysely';
import { defaultDefinitionBodies } from '../../domain/definitions/default-definitions.js';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    ALTER TABLE policy_versions ADD COLUMN proposer_role text;
    ALTER TABLE policy_versions ADD COLUMN requested_effective_from timestamptz;
    ALTER TABLE policy_versions ADD COLUMN approved_at timestamptz;
    ALTER TABLE policy_versions ADD COLUMN note text;
    ALTER TABLE policy_versions ADD COLUMN rejected_by text REFERENCES users(id);
    ALTER TABLE policy_versions ADD COLUMN rejected_at timestamptz;
    ALTER TABLE policy_versions ADD COLUMN rejection_reason text;
    ALTER TABLE policy_versions ADD COLUMN took_effect_recorded_at timestamptz;
    CREATE INDEX policy_versions_taking_effect ON policy_versions (effective_from)
      WHERE status = 'approved' AND took_effect_recorded_at IS NULL;

    CREATE TABLE qualification_frameworks (
      id text PRIMARY KEY,
      definition jsonb NOT NULL,
      built_in boolean NOT NULL,
      created_by text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_by text REFERENCES users(id),
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX qualification_frameworks_id ON qualification_frameworks (lower(id));
  `,
  );
  const epoch = new Date(0).toISOString();
  for (const [kind, body] of Object.entries(defaultDefinitionBodies)) {
    await sql`INSERT INTO policy_versions (id, kind, version, body, status, effective_from, proposed_by, created_at,
        requested_effective_from, approved_at, note, took_effect_recorded_at)
      VALUES (${`definition:${kind}:1`}, ${`definition:${kind}`}, 1, ${JSON.stringify(body)}::jsonb, 'approved',
        ${epoch}, NULL, ${epoch}, ${epoch}, ${epoch}, 'LeadLoop default', ${epoch})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
