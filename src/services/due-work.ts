/**
 * Work that falls due as time passes: the decay sweep of scores (SPEC §4.3) and the "took
 * effect" record of approved definition versions whose date came (§4.2); durable timers join
 * it (issue 5). With the manual clock it runs before POST /admin/clock answers, so
 * tests and demos see its effects at once; on the system clock every few minutes.
 */
import type { ServiceContext } from './context.js';
import { recordVersionsTakingEffect } from './definitions/stored-version.js';
import { refreshStaleScores } from './scoring/refresh-stale-scores.js';

export async function runDueWork(ctx: ServiceContext): Promise<void> {
  await ctx.db.transaction().execute((trx) => recordVersionsTakingEffect(trx, ctx));
  await refreshStaleScores(ctx);
}

export interface DueWorkLoop {
  stop(): Promise<void>;
}

/** Runs `runDueWork` every `everyMs`, one run at a time; a failed run is logged and retried next time. */
export function startDueWorkLoop(ctx: ServiceContext, everyMs: number, log: (error: unknown) => void): DueWorkLoop {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runDueWork(ctx)
      .catch(log)
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
