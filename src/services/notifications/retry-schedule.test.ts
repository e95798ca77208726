import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule.js';

describe('retry schedule', () => {
  it('retries after 1 min, 5 min, 30 min, 2 h and 12 h, then gives up', () => {
    const at = new Date('2026-03-02T00:00:00.000Z');
    const delays = [1, 2, 3, 4, 5].map((n) => ((nextAttemptAt(n, at) as Date).getTime() - at.getTime()) / 60_000);
    expect(delays).toEqual([1, 5, 30, 120, 720]);
    expect(nextAttemptAt(6, at)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(6);
  });
});
