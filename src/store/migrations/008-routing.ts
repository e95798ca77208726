/**
 * Routing storage (SPEC §5.2): the rotation state a pick reads and writes under a lock, and
 * the indexes account matching needs.
 * - rotation_pools: one row per pool of reps, locked FOR UPDATE while a rep is chosen from it,
 *   so several processes picking from one pool take turns; `seq` numbers the picks and
 *   `last_department` is the department of the latest one (departments interleave).
 * - rotation_counters.last_pick: the pool's `seq` at the rep's latest pick.
 * - accounts: one account per credit code (a CRM sync upserts on it), alias keys searchable.
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    CREATE TABLE rotation_pools (
      pool_key text PRIMARY KEY,
      last_department text,
      seq bigint NOT NULL DEFAULT 0,
      updated_at timestamptz
    );
    ALTER TABLE rotation_counters ADD COLUMN last_pick bigint;

    DROP INDEX accounts_credit_code;
    CREATE UNIQUE INDEX accounts_credit_code ON accounts (credit_code) WHERE credit_code IS NOT NULL;
    CREATE INDEX accounts_alias_keys ON accounts USING GIN (alias_keys);
    CREATE INDEX accounts_owner ON accounts (owner_id);
    CREATE INDEX accounts_list ON accounts (created_at DESC, id DESC);
    -- Contacts keep the order the CRM sent them in.
    ALTER TABLE account_contacts ADD COLUMN position integer NOT NULL DEFAULT 0;
    CREATE INDEX account_contacts_account ON account_contacts (account_id, position);
    CREATE INDEX eligibility_rep ON eligibility (rep_id, month);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('the routing schema is not reversible');
}
