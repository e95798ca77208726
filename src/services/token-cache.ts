/**
 * Bearer tokens are looked up by hash on every request; a short-lived cache saves that query
 * under load. Entries live 10 seconds at most, so a token revoked or a user deactivated (when
 * that exists, it must also clear this cache) stops working within that time.
 */
import type { Actor } from '../domain/roles.js';

const ttlMs = 10_000;
const maxEntries = 10_000;

export class TokenCache {
  #entries = new Map<string, { actor: Actor; until: number }>();

  get(tokenHash: string): Actor | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until < performance.now()) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry.actor;
  }

  set(tokenHash: string, actor: Actor): void {
    if (this.#entries.size >= maxEntries) this.#entries.clear();
    this.#entries.set(tokenHash, { actor, until: performance.now() + ttlMs });
  }
}
