/**
 * Cleaning (SPEC §3): reason taxonomies by kind (disqualify now; reject, return and release
 * join the same table in issue 5) and ICP rules as data, seeded with the defaults of
 * domain/cleaning. They are data from then on: a database keeps what it was seeded with and
 * what its admins made of it; a later change of the defaults only reaches new databases.
 */
import { type Kysely, sql } from 'kysely';
import { defaultIcpRules } from '../../domain/cleaning/icp-rules.js';
import { defaultDisqualifyReasons } from '../../domain/cleaning/reasons.js';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    CREATE TABLE reasons (
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,29}$'),
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      label_zh text NOT NULL,
      label_en text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      position integer NOT NULL,
      -- Once given to anything a reason is only ever deactivated, so history keeps its label.
      used boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (kind, code)
    );
    CREATE TABLE icp_rules (
      id text PRIMARY KEY,
      position integer NOT NULL,
      description text NOT NULL,
      condition jsonb NOT NULL,
      action text NOT NULL CHECK (action IN ('disqualify','flag')),
      reason text NOT NULL,
      flag text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL
    );
  `,
  );
  let position = 0;
  for (const r of defaultDisqualifyReasons) {
    position += 1;
    await sql`INSERT INTO reasons (kind, code, label_zh, label_en, active, position, updated_at)
      VALUES ('disqualify', ${r.code}, ${r.labelZh}, ${r.labelEn}, true, ${position}, now())`.execute(db);
  }
  position = 0;
  for (const r of defaultIcpRules) {
    position += 1;
    await sql`INSERT INTO icp_rules (id, position, description, condition, action, reason, flag, enabled, updated_at)
      VALUES (${r.id}, ${position}, ${r.description}, ${JSON.stringify(r.condition)}::jsonb, ${r.action}, ${r.reason}, ${r.flag}, ${r.enabled}, now())`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
