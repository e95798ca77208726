/**
 * Scores kept on the lead (SPEC §4.3): the sub-totals, when and with which rules version the
 * score was last computed — so a sweep finds the scores that decay or a rules change made stale
 * without reading every lead.
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    ALTER TABLE leads ADD COLUMN score_fit integer NOT NULL DEFAULT 0;
    ALTER TABLE leads ADD COLUMN score_engagement integer NOT NULL DEFAULT 0;
    ALTER TABLE leads ADD COLUMN score_qualification integer NOT NULL DEFAULT 0;
    ALTER TABLE leads ADD COLUMN scored_at timestamptz;
    ALTER TABLE leads ADD COLUMN score_rules_version integer NOT NULL DEFAULT 0;
    -- Decay sweep: live leads whose engagement is still fading.
    CREATE INDEX leads_score_decay ON leads (scored_at) WHERE score_engagement <> 0 AND NOT history;
    -- The ledger's own order: several changes can share one instant (a manual clock that stands still).
    ALTER TABLE score_ledger ADD COLUMN seq bigserial;
    CREATE INDEX leads_score_rules ON leads (score_rules_version) WHERE NOT history;
    `,
  );
}
