/**
 * The outbox delivery loop of one server process: every second, whatever is due goes out
 * (SPEC §9), so a message leaves about a second after its transaction committed. Retry times
 * come from the service clock (with the manual clock, POST /admin/clock makes them due).
 */
import type { ServiceContext } from '../context.js';
import { deliverOutbox } from './deliver-outbox.js';

export interface DeliveryLoop {
  stop(): Promise<void>;
}

export function startDeliveryLoop(ctx: ServiceContext, everyMs: number, log: (error: unknown) => void): DeliveryLoop {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = deliverOutbox(ctx)
      .catch(log)
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
