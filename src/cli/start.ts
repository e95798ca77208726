import type { Config } from '../config.js';
import { startServer } from '../server.js';

export async function runStart(config: Config): Promise<void> {
  const server = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`LeadLoop is listening on ${server.url} — database: ${where}`);
  if (server.bootstrap.created) {
    const b = server.bootstrap;
    console.log(`Created the admin user ${b.email}.`);
    if (b.tokenGenerated) console.log(`  Admin API token (shown once): ${b.token}`);
    if (b.passwordGenerated) console.log(`  Admin password (shown once): ${b.password}`);
  }
  if (config.clock === 'manual') console.log('The clock is manual (LEADLOOP_CLOCK=manual): POST /api/v1/admin/clock moves it.');
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
