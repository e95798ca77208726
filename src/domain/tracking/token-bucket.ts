/**
 * Token buckets per key (rate limits of the public tracking endpoint, SPEC §2 and §10.1): a
 * key may burst up to `perMinute` requests and refills at perMinute per minute. Time is given
 * by the caller (the injected clock), so limits are testable. Memory stays bounded: buckets
 * that have refilled completely carry no information and are dropped when the map grows.
 */
export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
  perMinute: number;
}

const minute = 60_000;

export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 50_000) {}

  /** Takes one token from `key`'s bucket at time `nowMs`, or says how long until one is back. */
  take(key: string, perMinute: number, nowMs: number): Take {
    const bucket = this.#refilled(key, perMinute, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const msToOne = ((1 - bucket.tokens) * minute) / perMinute;
    // Rounded to whole milliseconds first: 0.95 tokens must say 1 s, not 1.0000001 s → 2 s.
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.round(msToOne) / 1000)) };
  }

  get size(): number {
    return this.#buckets.size;
  }

  #refilled(key: string, perMinute: number, nowMs: number): Bucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.maxKeys) this.#prune(nowMs);
      bucket = { tokens: perMinute, at: nowMs, perMinute };
      this.#buckets.set(key, bucket);
      return bucket;
    }
    // A clock set backwards (manual clock) refills nothing rather than draining.
    const elapsed = Math.max(0, nowMs - bucket.at);
    bucket.tokens = Math.min(perMinute, bucket.tokens + (elapsed * perMinute) / minute);
    bucket.perMinute = perMinute;
    bucket.at = Math.max(bucket.at, nowMs);
    return bucket;
  }

  /** Drops full buckets; if every bucket is busy, the oldest half (a restart would do the same). */
  #prune(nowMs: number): void {
    for (const [key, b] of this.#buckets) {
      if (b.tokens + ((nowMs - b.at) * b.perMinute) / minute >= b.perMinute) this.#buckets.delete(key);
    }
    if (this.#buckets.size < this.maxKeys) return;
    let drop = Math.ceil(this.#buckets.size / 2);
    for (const key of this.#buckets.keys()) {
      if (drop-- <= 0) break;
      this.#buckets.delete(key);
    }
  }
}
