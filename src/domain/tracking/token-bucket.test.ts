import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.js';

describe('token buckets (rate limits per key)', () => {
  it('allows a burst of perMinute, then refuses with the seconds until a token is back', () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 3; i++) expect(buckets.take('k', 3, 0)).toEqual({ ok: true });
    expect(buckets.take('k', 3, 0)).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(buckets.take('k', 3, 19_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('k', 3, 20_000)).toEqual({ ok: true });
  });

  it('keeps keys apart and refills to the burst size only', () => {
    const buckets = new TokenBuckets();
    buckets.take('a', 2, 0);
    buckets.take('a', 2, 0);
    expect(buckets.take('a', 2, 0).ok).toBe(false);
    expect(buckets.take('b', 2, 0).ok).toBe(true);
    const later = 10 * 60_000;
    expect([1, 2, 3].map(() => buckets.take('a', 2, later).ok)).toEqual([true, true, false]);
  });

  it('does not drain when the clock goes backwards', () => {
    const buckets = new TokenBuckets();
    expect(buckets.take('k', 1, 60_000).ok).toBe(true);
    expect(buckets.take('k', 1, 0).ok).toBe(false);
    expect(buckets.take('k', 1, 120_000).ok).toBe(true);
  });

  it('stays bounded: full buckets are dropped first when the map is full', () => {
    const buckets = new TokenBuckets(100);
    for (let i = 0; i < 100; i++) buckets.take(`idle-${i}`, 10, 0);
    buckets.take('busy', 1, 600_000);
    expect(buckets.size).toBeLessThanOrEqual(100);
    expect(buckets.take('busy', 1, 600_000).ok).toBe(false);
  });
});
