/**
 * Delivering the outbox (SPEC §9): claim due rows in a short transaction, send them with no
 * transaction open (PGlite's one connection stays free, a slow destination holds nothing), and
 * record every attempt in another — delivered, retried later with backoff by the service clock,
 * or failed for good. Several processes share the work (FOR UPDATE SKIP LOCKED and a lease);
 * within one process calls run one after another, so a caller that awaits it (the manual
 * clock's POST /admin/clock) sees everything due delivered or retried when it returns.
 */
import { randomUUID } from 'node:crypto';
import { anyDue, type DeliveryOutcome, recordOutcomes, releaseRows } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';
import { claimDue } from './claim-due.js';
import type { SendResult } from './delivery-attempt.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule.js';
import { sendEmailRows } from './send-emails.js';
import { sendRobotBatch } from './send-robot-batch.js';
import { sendWebhookRows } from './send-webhooks.js';

/** Rounds per call: enough to drain a burst, bounded so one call cannot run forever. */
const MAX_ROUNDS = 20;
const ERROR_KEPT = 1_000;

const running = new WeakMap<ServiceContext, Promise<unknown>>();

/** Sends what is due now; resolves to the number of rows delivered. */
export function deliverOutbox(ctx: ServiceContext): Promise<number> {
  const run = (running.get(ctx) ?? Promise.resolve()).catch(() => undefined).then(() => deliverDue(ctx));
  running.set(ctx, run);
  return run;
}

async function deliverDue(ctx: ServiceContext): Promise<number> {
  if (!(await anyDue(ctx.db, ctx.clock.now()))) return 0;
  const token = randomUUID();
  let delivered = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claim = await claimDue(ctx, ctx.clock.now(), token);
    if (claim.singles.length === 0 && claim.robots.length === 0) break;

    const [webhooks, emails, robots] = await Promise.all([
      sendWebhookRows(
        ctx,
        claim.singles.filter((r) => r.kind === 'webhook'),
      ),
      sendEmailRows(
        ctx,
        claim.singles.filter((r) => r.kind === 'email'),
      ),
      Promise.all(claim.robots.map((c) => sendRobotBatch(ctx, c))),
    ]);
    const results = [...webhooks, ...emails, ...robots.flatMap((r) => r.results)];
    const released = robots.flatMap((r) => r.released.map((row) => row.id));

    const at = ctx.clock.now();
    const outcomes = results.map((r) => outcomeOf(r, at));
    await ctx.db.transaction().execute(async (trx) => {
      await recordOutcomes(
        trx,
        outcomes,
        token,
        outcomes.map(() => ctx.newId()),
        at,
      );
      await releaseRows(trx, released, token);
    });
    delivered += outcomes.filter((o) => o.ok).length;
  }
  return delivered;
}

function outcomeOf(r: SendResult, at: Date): DeliveryOutcome {
  const attempt = r.row.attempts + 1;
  const retryAt = r.ok || r.permanent || attempt >= MAX_ATTEMPTS ? null : nextAttemptAt(attempt, at);
  return {
    id: r.row.id,
    attempt,
    ok: r.ok,
    statusCode: r.statusCode,
    error: r.error?.slice(0, ERROR_KEPT) ?? null,
    durationMs: r.durationMs,
    status: r.ok ? 'delivered' : retryAt ? 'pending' : 'failed',
    nextAttemptAt: retryAt,
  };
}
