/**
 * One Database for both engines: PGlite (embedded, a data directory, the default) and a
 * PostgreSQL server (DATABASE_URL). Same migrations, same queries, one type-parser policy:
 * int8 and numeric come back as JS numbers on both (pg would give strings).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { migrateToLatest } from './migrate.js';
import { pgliteTemplate } from './pglite-template.js';
import { pgliteUpkeep } from './pglite-upkeep.js';
import { preparedName, renamePrepared } from './prepared.js';
import type { Database } from './schema.js';

export type DB = Kysely<Database>;
/** The database or a transaction on it: what a repository function reads through. */
export type Queryable = DB | Transaction<Database>;

export interface Store {
  db: DB;
  engine: 'pglite' | 'postgres';
  /**
   * LISTEN on a channel: `onPayload` gets every NOTIFY on it, from this process or any other on
   * the same database, once the notifying transaction commits. Answers a function to stop.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type StoreLocation = { databaseUrl: string } | { dataDir: string } | { memory: true };

const INT8 = 20;
const NUMERIC = 1700;
const toNumber = (value: string) => Number(value);

export async function openStore(location: StoreLocation, options: { migrate?: boolean } = {}): Promise<Store> {
  const store = 'databaseUrl' in location ? openPostgres(location.databaseUrl) : await openPglite(location);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store.db);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

function openPostgres(databaseUrl: string): Store {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    Client: PreparingClient,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC
          ? toNumber
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (restart, admin) must not crash the process.
  pool.on('error', (error) => console.error(`leadloop: a PostgreSQL connection failed: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    listen: (channel, onPayload) => listenOnPostgres(databaseUrl, channel, onPayload),
    close: () => db.destroy(),
  };
}

/** pg's client, sending the statements prepared.ts marks as named statements. */
class PreparingClient extends pg.Client {}
(PreparingClient.prototype as { query: unknown }).query = function query(
  this: pg.Client,
  text: unknown,
  values?: unknown,
  callback?: unknown,
) {
  // Looked up on each call: whatever wraps pg's query (the benchmarks' statement counter) stays in the path.
  const plain = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  const name = typeof text === 'string' && callback === undefined ? preparedName(text) : undefined;
  if (name === undefined) return plain.call(this, text, values, callback);
  return (plain.call(this, { name, text, values }) as Promise<unknown>).catch((error: { code?: string }) => {
    if (error.code === CACHED_PLAN_RESULT_CHANGED) renamePrepared(text as string);
    throw error;
  });
};
const CACHED_PLAN_RESULT_CHANGED = '0A000';

const RELISTEN_AFTER_MS = 1_000;

/** A connection of its own that LISTENs, connecting again (and LISTENing again) when it drops. */
async function listenOnPostgres(
  databaseUrl: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = () => {
    clearTimeout(retry);
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), RELISTEN_AFTER_MS);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    next.on('error', (error) => {
      console.error(`leadloop: the LISTEN connection failed: ${error.message}`);
      void next.end().catch(() => {});
      reconnectLater();
    });
    client = next;
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

async function openPglite(location: { dataDir: string } | { memory: true }): Promise<Store> {
  let lock: DataDirLock | undefined;
  let dataDir = 'memory://';
  if ('dataDir' in location) {
    mkdirSync(location.dataDir, { recursive: true });
    lock = acquireDataDirLock(location.dataDir);
    dataDir = join(location.dataDir, 'pgdata');
  }
  try {
    const loadDataDir = await pgliteTemplate(dataDir);
    const pglite = new PGlite(dataDir, {
      loadDataDir,
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber },
    });
    await pglite.waitReady;
    const upkeep = pgliteUpkeep((error) =>
      console.error(`leadloop: analyzing the embedded database failed: ${(error as Error).message}`),
    );
    // Every statement's written rows are counted for the upkeep (the dialect calls only query() and close()).
    const counting = {
      query: async (statement: string, params?: unknown[]) => {
        const result = await pglite.query(statement, params);
        upkeep.counted(statement, result.affectedRows);
        return result;
      },
      close: () => pglite.close(),
    };
    const db = new Kysely<Database>({ dialect: new PGliteDialect(counting as unknown as PGlite) });
    upkeep.start(db);
    return {
      db,
      engine: 'pglite',
      listen: async (channel, onPayload) => {
        const unlisten = await pglite.listen(channel, onPayload);
        return async () => {
          if (!pglite.closed) await unlisten();
        };
      },
      close: async () => {
        await upkeep.stop();
        await db.destroy();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
