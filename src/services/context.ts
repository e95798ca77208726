import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { DB } from '../store/db.js';
import { CaptureBatcher } from './capture-batcher.js';
import { ChannelCatalog } from './channel-catalog.js';
import { createEnrichmentQueue, type EnrichmentQueue } from './enrichment/enrichment-queue.js';
import { LiveHub } from './live/live-hub.js';
import { RosterCache } from './roster/roster-cache.js';
import { TokenCache } from './token-cache.js';
import { TrackingRateLimits } from './tracking/rate-limits.js';

/** What every use-case needs: the database, the injected clock, ids, and shared caches. */
export interface ServiceContext {
  db: DB;
  clock: Clock;
  newId(): string;
  channels: ChannelCatalog;
  captures: CaptureBatcher;
  tokens: TokenCache;
  /** Leads to enrich in the background once their capture committed (SPEC §3: never blocks capture). */
  enrichment: EnrichmentQueue;
  /** Per-process rate limits of POST /track (per site key, visitor and token). */
  trackingLimits: TrackingRateLimits;
  /** This process's consoles waiting for live updates (fed by the database's NOTIFY). */
  live: LiveHub;
  /** The roster routing read last, with its version (checked by every transfer). */
  rosters: RosterCache;
}

/** `concurrency`: transactions the database takes at once (1 for PGlite's single connection). */
export function createServiceContext(db: DB, clock: Clock, options: { concurrency?: number } = {}): ServiceContext {
  const ctx = {
    db,
    clock,
    newId: randomUUID,
    channels: new ChannelCatalog(),
    tokens: new TokenCache(),
    trackingLimits: new TrackingRateLimits(clock),
    live: new LiveHub(),
    rosters: new RosterCache(),
  } as ServiceContext;
  ctx.captures = new CaptureBatcher(ctx, options.concurrency ?? 1);
  ctx.enrichment = createEnrichmentQueue(ctx);
  return ctx;
}
