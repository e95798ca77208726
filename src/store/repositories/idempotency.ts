import type { Transaction } from 'kysely';
import type { Database } from '../schema.js';

export async function findIdempotentResponse(trx: Transaction<Database>, userId: string, key: string) {
  return trx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function saveIdempotentResponse(
  trx: Transaction<Database>,
  row: { userId: string; key: string; requestHash: string; statusCode: number; response: unknown; at: Date },
): Promise<void> {
  await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: row.userId,
      key: row.key,
      request_hash: row.requestHash,
      status_code: row.statusCode,
      response: JSON.stringify(row.response),
      created_at: row.at,
    })
    .execute();
}
