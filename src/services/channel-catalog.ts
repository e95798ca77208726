import type { Kysely } from 'kysely';
import type { UtmInferenceRule } from '../domain/capture/source.js';
import { loadActiveChannels, loadInferenceRules } from '../store/repositories/channels.js';
import type { Database } from '../store/schema.js';

/**
 * Channels and "UTM default" rules change rarely and are read on every capture: cached, and
 * reloaded when a capture names a channel the cache does not know (added by another process)
 * or after a minute. The cache's age is real elapsed time (performance.now), not the injected
 * business clock: a manual clock jumping days ahead says nothing about the cache.
 */
export class ChannelCatalog {
  #loadedAt = 0;
  #channels = new Set<string>();
  #byName = new Map<string, string>();
  #inference: UtmInferenceRule[] = [];

  /** `db` is the caller's transaction when it has one: PGlite has a single connection. */
  async rules(
    db: Kysely<Database>,
    wanted: Iterable<string | null | undefined>,
  ): Promise<{ channels: ReadonlySet<string>; inference: readonly UtmInferenceRule[] }> {
    const stale =
      performance.now() - this.#loadedAt > 60_000 || [...wanted].some((id) => id && !this.#channels.has(id));
    if (stale || this.#loadedAt === 0) await this.reload(db);
    return { channels: this.#channels, inference: this.#inference };
  }

  /**
   * The channel id a person meant: spreadsheets say "SEM" or "线下活动" where the API says
   * `sem` or `event_offline`. Unknown text comes back as it was, to be reported as unknown.
   */
  channelIdFor(text: string): string {
    return this.#byName.get(text.trim().toLowerCase()) ?? text;
  }

  async reload(db: Kysely<Database>): Promise<void> {
    const channels = await loadActiveChannels(db);
    const inference = await loadInferenceRules(db);
    this.#channels = new Set(channels.map((c) => c.id));
    this.#byName = new Map(
      channels.flatMap((c) => [c.id, c.name, c.name_zh].map((n) => [n.trim().toLowerCase(), c.id] as const)),
    );
    this.#inference = inference;
    this.#loadedAt = performance.now();
  }
}
