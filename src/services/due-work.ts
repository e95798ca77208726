/**
 * Work that falls due as time passes: the durable timers of the SLAs (SPEC §6.2), the "took
 * effect" record of approved definition versions whose date came (§4.2) and the decay sweep of
 * scores (§4.3). With the manual clock it runs before POST /admin/clock answers, so tests and
 * demos see its effects at once; on the system clock every half minute.
 */
import type { ServiceContext } from './context.js';
import { recordVersionsTakingEffect } from './definitions/stored-version.js';
import { refreshStaleScores } from './scoring/refresh-stale-scores.js';
import { sweepDueTimers } from './timers/sweep-timers.js';
import { timerHandlers } from './timers/timer-handlers.js';

export async function runDueWork(
  ctx: ServiceContext,
  onTimerError?: (error: unknown, timerId: string) => void,
): Promise<void> {
  await sweepDueTimers(ctx, timerHandlers, onTimerError);
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
    running = runDueWork(ctx, (error, timerId) => log({ error, timerId }))
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
