/**
 * Work that falls due as time passes: the durable timers of the SLAs (SPEC §6.2), the "took
 * effect" record of approved definition versions whose date came (§4.2), the decay sweep of
 * scores (§4.3), the models the monthly retraining queued (§4.3) and the funnel's facts of the leads
 * changed since (§8.1). With the manual clock it runs before POST /admin/clock answers, so tests
 * and demos see its effects at once. On the system clock the timers and the funnel facts are
 * swept every half minute and the rest every five minutes.
 */
import type { ServiceContext } from './context.js';
import { recordVersionsTakingEffect } from './definitions/stored-version.js';
import { deliverOutbox } from './notifications/deliver-outbox.js';
import { trainQueuedModels } from './predictive/train-predictive-model.js';
import { refreshFunnelFacts } from './reports/funnel-facts.js';
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
  await trainQueuedModels(ctx); // the monthly retraining the timers queued
  await refreshFunnelFacts(ctx); // the leads changed since the last report, so the next one waits less
  // what the timers announced goes out before the clock call answers (retries that came due too)
  await deliverOutbox(ctx);
}

/** Between the full runs: the timers, and the funnel facts of the leads changed since (an import's, say). */
async function sweepTimersAndFacts(ctx: ServiceContext, onTimerError: (error: unknown, timerId: string) => void) {
  await sweepDueTimers(ctx, timerHandlers, onTimerError);
  await refreshFunnelFacts(ctx);
}

export interface DueWorkLoop {
  stop(): Promise<void>;
}

/**
 * On the system clock: sweeps the timers (and brings the funnel facts up to date) every `timersEveryMs` and runs all due work every
 * `allEveryMs`, one run at a time; a failed run is logged and retried next time.
 */
export function startDueWorkLoop(
  ctx: ServiceContext,
  every: { timersEveryMs: number; allEveryMs: number },
  log: (error: unknown) => void,
): DueWorkLoop {
  const onTimerError = (error: unknown, timerId: string) => log({ error, timerId });
  const allEvery = Math.max(1, Math.round(every.allEveryMs / every.timersEveryMs));
  let ticks = 0;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    ticks += 1;
    const work = ticks % allEvery === 0 ? runDueWork(ctx, onTimerError) : sweepTimersAndFacts(ctx, onTimerError);
    running = work.catch(log).finally(() => {
      running = null;
    });
  }, every.timersEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
