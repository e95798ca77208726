/**
 * The sweeper of durable timers (SPEC §6.2: timers survive restarts and fire exactly once, also
 * with several server processes). Each due timer is claimed with FOR UPDATE SKIP LOCKED and
 * fired in one transaction with its effects: a crash before the commit leaves it unfired (it
 * fires after the restart), a commit marks it fired (it never fires again), and another process
 * sweeping at the same moment skips it. A handler that fails is retried later and never stops
 * the sweep. Timers fire in due order; a handler may add timers that are already due (a recall
 * after a grace period the clock skipped), and the sweep fires those too before it ends.
 */
import { claimDueTimer, markTimerFired, postponeTimer } from '../../store/repositories/timers.js';
import type { ServiceContext } from '../context.js';
import type { TimerHandler } from './timer-handler.js';

const RETRY_AFTER_MS = 5 * 60_000;

export interface SweepResult {
  fired: number;
  failed: number;
}

export async function sweepDueTimers(
  ctx: ServiceContext,
  handlers: Readonly<Record<string, TimerHandler>>,
  onError: (error: unknown, timerId: string) => void = () => {},
): Promise<SweepResult> {
  const result: SweepResult = { fired: 0, failed: 0 };
  for (;;) {
    const now = ctx.clock.now();
    let failedTimer: { id: string; error: unknown } | null = null;
    const claimed = await ctx.db
      .transaction()
      .execute(async (trx) => {
        const timer = await claimDueTimer(trx, now);
        if (!timer) return false;
        try {
          await handlers[timer.kind]?.(trx, ctx, timer);
        } catch (error) {
          failedTimer = { id: timer.id, error };
          throw error;
        }
        await markTimerFired(trx, timer.id, now);
        return true;
      })
      .catch((error) => {
        if (!failedTimer) throw error;
        return true;
      });
    if (!claimed) return result;
    if (failedTimer) {
      const { id, error } = failedTimer as { id: string; error: unknown };
      result.failed += 1;
      onError(error, id);
      await postponeTimer(ctx.db, id, new Date(now.getTime() + RETRY_AFTER_MS), String(error));
    } else {
      result.fired += 1;
    }
  }
}
