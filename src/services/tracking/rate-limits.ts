/**
 * Rate limits of POST /track (SPEC §2, §10.1), in memory per process: a token bucket per site
 * key, a tighter one per visitor of a site (one busy browser tab cannot use up its site's
 * allowance), and one per bearer token. Time comes from the injected clock, so a test refills
 * a bucket by advancing the manual clock. Several processes each keep their own buckets: the
 * limit is per process, which is what protects each process.
 */
import type { Clock } from '../../clock.js';
import { type Take, TokenBuckets } from '../../domain/tracking/token-bucket.js';

export interface TrackingRates {
  /** Requests per minute per site key, unless the site sets its own. */
  sitePerMinute: number;
  /** Requests per minute per visitor of a site, unless the site sets its own. */
  visitorPerMinute: number;
  /** Requests per minute per bearer token (servers report in bulk, backfills included). */
  tokenPerMinute: number;
}

export const defaultTrackingRates: TrackingRates = { sitePerMinute: 120, visitorPerMinute: 30, tokenPerMinute: 3000 };

export class TrackingRateLimits {
  readonly #buckets = new TokenBuckets();

  constructor(
    private readonly clock: Clock,
    readonly rates: TrackingRates = defaultTrackingRates,
  ) {}

  site(siteId: string, perMinute: number | null): Take {
    return this.#take(`site:${siteId}`, perMinute ?? this.rates.sitePerMinute);
  }

  visitor(siteId: string, visitorId: string, perMinute: number | null): Take {
    return this.#take(`visitor:${siteId}:${visitorId}`, perMinute ?? this.rates.visitorPerMinute);
  }

  /** `tokenKey`: a hash of the token, never the token itself. */
  token(tokenKey: string): Take {
    return this.#take(`token:${tokenKey}`, this.rates.tokenPerMinute);
  }

  #take(key: string, perMinute: number): Take {
    return this.#buckets.take(key, perMinute, this.clock.now().getTime());
  }
}
