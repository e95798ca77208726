import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Transaction-scoped advisory locks on text keys, taken in one sorted statement (no deadlock
 * between two batches that share keys). Released at commit or rollback.
 */
export async function lockKeys(trx: Transaction<Database>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const unique = [...new Set(keys)];
  await sql`SELECT pg_advisory_xact_lock(k) FROM (
      SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest(${unique}::text[]) AS key ORDER BY 1
    ) AS locks`.execute(trx);
}
