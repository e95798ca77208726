/**
 * PGlite has no cross-process lock: two processes on one data directory lose rows. We take an
 * exclusive lock file and refuse a second process with a message a person can act on.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirBusy extends Error {}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'leadloop.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DataDirBusy(
          `the data directory ${dataDir} is in use by another LeadLoop process (pid ${holder}). ` +
            'Stop it first, or use a PostgreSQL server (DATABASE_URL) to run several processes.',
        );
      }
      rmSync(path, { force: true }); // left by a process that died: take it over
    }
  }
  throw new DataDirBusy(`could not lock the data directory ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
