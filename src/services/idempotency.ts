/**
 * Idempotency-Key (SPEC §2): a retried request returns the first answer and never creates a
 * second lead. The key is locked and the answer stored in the same transaction as the write,
 * so two concurrent retries cannot both run.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { DomainError } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { lockKeys } from '../store/advisory-locks.js';
import { findIdempotentResponse, saveIdempotentResponse } from '../store/repositories/idempotency.js';
import type { Database } from '../store/schema.js';
import type { ServiceContext } from './context.js';

export interface Answer<T> {
  status: number;
  body: T;
}

export async function runIdempotent<T>(
  ctx: ServiceContext,
  actor: Actor,
  idempotency: { key: string; request: unknown } | undefined,
  run: (trx: Transaction<Database>) => Promise<Answer<T>>,
): Promise<Answer<T>> {
  if (!idempotency) return ctx.db.transaction().execute(run);
  const { key } = idempotency;
  const requestHash = createHash('sha256').update(JSON.stringify(idempotency.request)).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`idempotency:${actor.id}:${key}`]);
    const earlier = await findIdempotentResponse(trx, actor.id, key);
    if (earlier) {
      if (earlier.request_hash !== requestHash) {
        throw new DomainError('unprocessable', 'this Idempotency-Key was used before with a different request body', [
          {
            field: 'Idempotency-Key',
            message: 'reused with a different request',
            messageZh: '已被用于另一个不同的请求',
          },
        ]);
      }
      return { status: earlier.status_code, body: earlier.response as T };
    }
    const answer = await run(trx);
    await saveIdempotentResponse(trx, {
      userId: actor.id,
      key,
      requestHash,
      statusCode: answer.status,
      response: answer.body,
      at: ctx.clock.now(),
    });
    return answer;
  });
}
