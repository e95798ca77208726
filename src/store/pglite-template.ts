/**
 * initdb of a new PGlite directory takes 5–6 s in WASM; loading a dump of an initialised
 * cluster takes ~1 s. The first new database on a machine makes the dump and caches it under
 * node_modules/.cache; every later new database (first start, each test) starts from it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const cacheFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/.cache/leadloop/pglite-0.5.16-template.tar.gz',
);

/** The template to load into `dataDir`, or undefined when the directory already holds a cluster. */
export async function pgliteTemplate(dataDir: string): Promise<Blob | undefined> {
  if (dataDir !== 'memory://' && existsSync(join(dataDir, 'PG_VERSION'))) return undefined;
  if (existsSync(cacheFile)) return new Blob([readFileSync(cacheFile)]);
  const fresh = new PGlite('memory://');
  await fresh.waitReady;
  const dump = await fresh.dumpDataDir('gzip');
  await fresh.close();
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, cacheFile);
  } catch {
    // a read-only install still works, only slower on the next first start
  }
  return dump;
}
