/**
 * Bearer tokens are looked up by hash on every request; a short-lived cache saves that query
 * under load. Entries live 10 seconds at most, so a token revoked or a user deactivated (when
 * that exists, it must also clear this cache) stops working within that time. Requests that
 * miss while a token's lookup runs share that lookup: when an entry ends under load, the
 * requests arriving meanwhile (hundreds a second, waiting for a connection while the lookup
 * does) would each send the same query.
 */
import type { Actor } from '../domain/roles.js';

const ttlMs = 10_000;
const maxEntries = 10_000;

export class TokenCache {
  #entries = new Map<string, { actor: Actor; until: number }>();
  #lookups = new Map<string, Promise<Actor | undefined>>();

  /** The cached actor of `tokenHash`, else `lookup`'s (one at a time per token), kept when found. */
  resolve(tokenHash: string, lookup: () => Promise<Actor | undefined>): Actor | Promise<Actor | undefined> {
    const cached = this.#get(tokenHash);
    if (cached) return cached;
    let running = this.#lookups.get(tokenHash);
    if (!running) {
      running = lookup()
        .then((actor) => {
          if (actor) this.#set(tokenHash, actor);
          return actor;
        })
        .finally(() => this.#lookups.delete(tokenHash));
      this.#lookups.set(tokenHash, running);
    }
    return running;
  }

  #get(tokenHash: string): Actor | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until < performance.now()) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry.actor;
  }

  #set(tokenHash: string, actor: Actor): void {
    if (this.#entries.size >= maxEntries) this.#entries.clear();
    this.#entries.set(tokenHash, { actor, until: performance.now() + ttlMs });
  }
}
