import type { Config } from '../config.js';
import { storeLocation } from '../server.js';
import { openStore } from '../store/db.js';

export async function runMigrate(config: Config): Promise<void> {
  const store = await openStore(storeLocation(config));
  await store.close();
  console.log('Migrations are applied.');
}
