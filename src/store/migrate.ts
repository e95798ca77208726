import { createHash } from 'node:crypto';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as lifecycle from './migrations/001-lifecycle.js';
import * as seedChannels from './migrations/002-built-in-channels.js';
import * as scoring from './migrations/003-scoring.js';
import * as definitions from './migrations/004-definitions.js';
import * as tracking from './migrations/005-tracking.js';
import * as enrichment from './migrations/006-enrichment.js';
import * as cleaning from './migrations/007-cleaning.js';
import * as routing from './migrations/008-routing.js';
import * as handoffs from './migrations/009-handoffs.js';
import * as decisions from './migrations/010-decisions.js';
import * as sla from './migrations/011-sla.js';
import * as notifications from './migrations/012-notifications.js';
import * as pool from './migrations/013-pool.js';
import * as opportunities from './migrations/014-opportunities.js';
import * as reports from './migrations/015-reports.js';
import * as sessions from './migrations/016-sessions.js';
import * as spend from './migrations/017-spend.js';
import * as historyImport from './migrations/018-history-import.js';
import * as models from './migrations/019-models.js';
import * as incentivesPartner from './migrations/020-incentives-partner.js';
import * as inboxOrder from './migrations/021-inbox-order.js';
import * as funnelFacts from './migrations/022-funnel-facts.js';
import * as repLoad from './migrations/023-rep-load.js';
import * as routingHolds from './migrations/024-routing-holds.js';
import type { Database } from './schema.js';

/** Migrations in code (not read from disk) so they ship inside any bundle; applied in key order. */
const migrations: Record<string, Migration> = {
  '001-lifecycle': lifecycle,
  '002-built-in-channels': seedChannels,
  '003-scoring': scoring,
  '004-definitions': definitions,
  '005-tracking': tracking,
  '006-enrichment': enrichment,
  '007-cleaning': cleaning,
  '008-routing': routing,
  '009-handoffs': handoffs,
  '010-decisions': decisions,
  '011-sla': sla,
  '012-notifications': notifications,
  '013-pool': pool,
  '014-opportunities': opportunities,
  '015-reports': reports,
  '016-sessions': sessions,
  '017-spend': spend,
  '018-history-import': historyImport,
  '019-models': models,
  '020-incentives-partner': incentivesPartner,
  '021-inbox-order': inboxOrder,
  '022-funnel-facts': funnelFacts,
  '023-rep-load': repLoad,
  '024-routing-holds': routingHolds,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'leadloop_migrations',
    migrationLockTableName: 'leadloop_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** What the migrations are (names and code): a database migrated by other ones is another database. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(migrations)) {
    hash.update(`${name}\n${String(migration.up)}\n${String(migration.down ?? '')}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}
