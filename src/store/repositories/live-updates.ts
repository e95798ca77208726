/**
 * The live-update signal (issue 8 item 9): a NOTIFY on one channel, sent in the caller's
 * transaction so listeners hear it only when the change committed — in every server process on
 * the database (PostgreSQL LISTEN/NOTIFY; PGlite has the same within its one process).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

export const liveChannel = 'leadloop_live';

export async function notifyLive(trx: Transaction<Database>, payload: string): Promise<void> {
  await liveNotify(payload).execute(trx);
}

/** The NOTIFY as a statement, to run last in a statement of several writes (recordset.ts allInOne). */
export function liveNotify(payload: string) {
  return sql`SELECT pg_notify(${liveChannel}, ${payload})`;
}
