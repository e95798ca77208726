/** The outcome of sending one outbox row, before it is recorded (deliver-outbox.ts). */
import type { OutboxRow } from '../../store/repositories/outbox.js';

export interface SendResult {
  row: OutboxRow;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** No retry can help (the subscription is gone, SMTP is not set up). */
  permanent?: boolean;
}

export const failedFor = (row: OutboxRow, error: string): SendResult => ({
  row,
  ok: false,
  statusCode: null,
  error,
  durationMs: 0,
  permanent: true,
});

/** Runs `work` over the items, at most `limit` at a time. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
