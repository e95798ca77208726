import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Transaction-scoped advisory locks on text keys, taken in one sorted statement (no deadlock
 * between two batches that share keys), released at commit or rollback. Keys hash into 1,024
 * buckets: one key always takes the same lock, and a batch of 10,000 leads takes at most
 * 1,024 locks — PostgreSQL's shared lock table (max_locks_per_transaction × connections,
 * ~6,400 by default) cannot hold one lock per key of a big batch. Two unrelated keys share a
 * bucket now and then: a short wait, never a wrong result.
 */
const buckets = 1024;

export async function lockKeys(trx: Transaction<Database>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const unique = [...new Set(keys)];
  await sql`SELECT pg_advisory_xact_lock(${lockSpace}, k) FROM (
      SELECT DISTINCT (hashtextextended(key, 0) & ${buckets - 1})::int AS k FROM unnest(${unique}::text[]) AS key ORDER BY 1
    ) AS locks`.execute(trx);
}

/**
 * The two ints of a text key's own transaction-scoped lock: the key hashes into the whole int
 * range apart from lockKeys' buckets, so a big batch (which takes most buckets) never holds it.
 * For a statement that only tries it (pg_try_advisory_xact_lock, never waiting), or lockOwnKey.
 */
export function ownLockArguments(key: string): RawBuilder<unknown> {
  return sql`${lockSpace}, ((hashtextextended(${key}, 0) & 2147483647) | ${buckets})::int`;
}

/**
 * Waits for a text key's own lock (ownLockArguments), for work that holds it long (a funnel refresh
 * of thousands of leads): in lockKeys' buckets it would stop every capture batch, and wait for them.
 */
export async function lockOwnKey(trx: Transaction<Database>, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${ownLockArguments(key)})`.execute(trx);
}

/** The first key of the two-int advisory lock: LeadLoop's space, apart from other applications. */
const lockSpace = 0x11ead;
