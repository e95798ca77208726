/**
 * When a failed delivery is tried again (SPEC §9: retried with backoff): 1 min, 5 min, 30 min,
 * 2 h, 12 h after each failure, by the service clock; after the sixth failed attempt it stays
 * failed (in the delivery log with every error).
 */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After failed attempt number `attempt` (1 = first): retry at that time, or give up (null). */
export function nextAttemptAt(attempt: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
