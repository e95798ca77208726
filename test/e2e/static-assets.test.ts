/**
 * The console's files as a browser gets them (SPEC §10.2): compressed when the browser accepts
 * it (the build writes brotli and gzip copies, the server picks one), cached for good when
 * their name carries a content hash, the same bytes whatever the encoding.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildConsole } from './browser.js';

let t: TestServer;

/** A GET with exactly these headers (fetch would ask for and undo compression itself). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(`${t.server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
});

afterAll(async () => {
  await t?.stop();
});

describe('the console files', () => {
  it('come brotli- or gzip-compressed as accepted, plain otherwise, always the same script', async () => {
    const page = await get('/login');
    expect(page.status).toBe(200);
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(page.body.toString('utf8'))?.[1];
    expect(script).toBeDefined();

    const plain = await get(script as string);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.length).toBeGreaterThan(10_000);

    const br = await get(script as string, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gz = await get(script as string, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it('a stylesheet too', async () => {
    const page = await get('/login');
    const sheet = /<link[^>]+href="(\/assets\/[^"]+\.css)"/.exec(page.body.toString('utf8'))?.[1];
    expect(sheet).toBeDefined();
    const plain = await get(sheet as string);
    const br = await get(sheet as string, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  });
});
