import type { Config } from '../config.js';
import { tuneGarbageCollector } from '../gc-tuning.js';
import { startServer } from '../server.js';
import { printBootstrap } from './bootstrap-message.js';

export async function runStart(config: Config): Promise<void> {
  tuneGarbageCollector();
  const server = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`LeadLoop is listening on ${server.url} — database: ${where}`);
  if (server.bootstrap.created) printBootstrap(server.bootstrap);
  if (config.clock === 'manual')
    console.log('The clock is manual (LEADLOOP_CLOCK=manual): POST /api/v1/admin/clock moves it.');
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
