/**
 * Hand-off decisions (SPEC §6.1): the reject and return reason lists, seeded with the defaults
 * of domain/handoffs/decision-reasons.ts into the reasons table (kinds 'reject' and 'return').
 * Data from then on: a later change of the defaults only reaches new databases.
 */
import { type Kysely, sql } from 'kysely';
import type { Reason } from '../../domain/cleaning/reasons.js';
import { defaultRejectReasons, defaultReturnReasons } from '../../domain/handoffs/decision-reasons.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const lists: [string, readonly Omit<Reason, 'active' | 'position'>[]][] = [
    ['reject', defaultRejectReasons],
    ['return', defaultReturnReasons],
  ];
  for (const [kind, reasons] of lists) {
    let position = 0;
    for (const r of reasons) {
      position += 1;
      await sql`INSERT INTO reasons (kind, code, label_zh, label_en, active, position, updated_at)
        VALUES (${kind}, ${r.code}, ${r.labelZh}, ${r.labelEn}, true, ${position}, now())
        ON CONFLICT (kind, code) DO NOTHING`.execute(db);
    }
  }
  await sql`CREATE INDEX IF NOT EXISTS timers_subject_open ON timers (subject_id) WHERE fired_at IS NULL AND cancelled_at IS NULL`.execute(
    db,
  );
}
