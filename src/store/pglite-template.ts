/**
 * initdb of a new PGlite directory takes 5–6 s in WASM, and applying every migration to it 1–3 s
 * more; loading a dump of a cluster so made takes ~1 s. The first new database on a machine makes
 * the dump (initialised and migrated) and caches it under node_modules/.cache, one file per set of
 * migrations; every later new database (first start, each test) starts from it, and its own
 * migration run then finds nothing to do.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest, migrationsFingerprint } from './migrate.js';
import type { Database } from './schema.js';

const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/leadloop');

/** The template to load into `dataDir`, or undefined when the directory already holds a cluster. */
export async function pgliteTemplate(dataDir: string): Promise<Blob | undefined> {
  if (dataDir !== 'memory://' && existsSync(join(dataDir, 'PG_VERSION'))) return undefined;
  const cacheFile = join(cacheDir, `pglite-0.5.16-migrated-${migrationsFingerprint()}.tar.gz`);
  if (existsSync(cacheFile)) return new Blob([readFileSync(cacheFile)]);
  const fresh = new PGlite('memory://');
  const db = new Kysely<Database>({ dialect: new PGliteDialect(fresh) });
  await migrateToLatest(db);
  const dump = await fresh.dumpDataDir('gzip');
  await db.destroy();
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, cacheFile);
  } catch {
    // a read-only install still works, only slower on the next first start
  }
  return dump;
}
