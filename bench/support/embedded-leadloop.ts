/**
 * LeadLoop as a user runs it, in this process: the server on PGlite in a temporary directory,
 * its clock fixed (ManualClock) so imported history is in the past, and an admin token for the
 * API. Shared by the benches that go through the HTTP API (bench/predict, bench/predict-vs-sklearn,
 * bench/simulate).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';

export interface EmbeddedLeadLoop {
  /** The PGlite data directory (removed by close). */
  dir: string;
  /** The server's services, for a bench that writes its data set straight into the store. */
  ctx: Awaited<ReturnType<typeof startServer>>['ctx'];
  /** A JSON call to /api/v1 as the admin; a FormData body goes as multipart. Throws on a non-2xx answer. */
  call(method: string, path: string, body?: unknown): Promise<any>;
  /** POST /imports mode=history with this CSV. */
  importHistory(csv: string, fileName?: string): Promise<any>;
  close(): Promise<void>;
}

export async function startEmbeddedLeadLoop(options: { name: string; now?: Date }): Promise<EmbeddedLeadLoop> {
  const dir = mkdtempSync(join(tmpdir(), `leadloop-bench-${options.name}-`));
  const token = 'bench-admin-token-0123456789abcdef';
  const config = { ...loadConfig({ LEADLOOP_ADMIN_TOKEN: token, LOG_LEVEL: 'error' }), port: 0, host: '127.0.0.1' };
  const server = await startServer(config, {
    location: { dataDir: dir },
    clock: new ManualClock(options.now ?? new Date('2026-03-02T01:00:00Z')),
  });
  const base = `${server.url}/api/v1`;
  const call = async (method: string, path: string, body?: unknown) => {
    const form = body instanceof FormData;
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && !form ? { 'content-type': 'application/json' } : {}) },
      body: form ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    dir,
    ctx: server.ctx,
    call,
    importHistory(csv, fileName = 'history.csv') {
      const form = new FormData();
      form.append('mode', 'history');
      form.append('file', new Blob([csv]), fileName);
      return call('POST', '/imports', form);
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
