#!/usr/bin/env node
/**
 * `npm start` runs this first: builds the web console (vite build, ~2 s) when web/dist is
 * missing or older than any source file of the console, so a fresh clone or an edit to web/
 * never serves a stale or missing console. `npm install` / `npm ci` build it too (prepare).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = dirname(fileURLToPath(import.meta.url));
const built = join(web, 'dist', 'index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name === '.build-lock') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function webBuildIsStale() {
  return !existsSync(built) || statSync(built).mtimeMs < newestSource(web);
}

/** One build at a time (two test files may ask at once): a lock directory, given up after 2 min. */
function withBuildLock(run) {
  const lock = join(web, '.build-lock');
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > until) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const status = withBuildLock(() => {
    if (!webBuildIsStale()) return 0;
    const run = spawnSync(process.execPath, [join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', web], {
      stdio: 'inherit',
      // A production build even when called from a test run (vitest sets NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production' },
    });
    return run.status ?? 1;
  });
  process.exit(status);
}
