import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { DB } from '../store/db.js';
import { ChannelCatalog } from './channel-catalog.js';

/** What every use-case needs: the database, the injected clock, ids, and cached settings. */
export interface ServiceContext {
  db: DB;
  clock: Clock;
  newId(): string;
  channels: ChannelCatalog;
}

export function createServiceContext(db: DB, clock: Clock): ServiceContext {
  return { db, clock, newId: randomUUID, channels: new ChannelCatalog() };
}
