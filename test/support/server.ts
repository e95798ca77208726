/**
 * API tests run a real LeadLoop on a random loopback port, over each database engine: PGlite
 * always, PostgreSQL when LEADLOOP_TEST_DATABASE_URL is set (CI sets it). Each server gets a
 * database of its own (PGlite in memory; a fresh PostgreSQL database, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import type { StoreLocation } from '../../src/store/db.js';
import { freshPostgresDatabase } from './postgres.js';

export type Engine = 'pglite' | 'postgres';

export const adminToken = 'test-admin-token-0123456789abcdef';
/** The bootstrap admin's sign-in (SPEC §10.2) on every test server. */
export const adminEmail = 'admin@localhost';
export const adminPassword = 'test-admin-password';

export function engines(): Engine[] {
  return process.env.LEADLOOP_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestServer {
  engine: Engine;
  base: string;
  clock: ManualClock;
  server: RunningServer;
  admin: Client;
  as(token: string | null): Client;
  stop(): Promise<void>;
}

export async function startTestServer(engine: Engine, options: { clockStart?: string } = {}): Promise<TestServer> {
  const pgDb =
    engine === 'postgres' ? await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string) : undefined;
  const location: StoreLocation = pgDb ? { databaseUrl: pgDb.url } : { memory: true };
  const config = {
    ...loadConfig({
      LEADLOOP_ADMIN_TOKEN: adminToken,
      LEADLOOP_ADMIN_PASSWORD: adminPassword,
      LEADLOOP_CLOCK: 'manual',
      LOG_LEVEL: 'error',
    }),
    port: 0,
    host: '127.0.0.1',
  };
  const clock = new ManualClock(new Date(options.clockStart ?? '2026-03-02T01:00:00.000Z'));
  const server = await startServer(config, { location, clock });
  const base = `${server.url}/api/v1`;
  return {
    engine,
    base,
    clock,
    server,
    admin: client(base, adminToken),
    as: (token) => client(base, token),
    stop: async () => {
      await server.close();
      await pgDb?.drop();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export type Client = <T = any>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply<T>>;

export function client(base: string, token: string | null): Client {
  return async (method, path, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string') payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    if (typeof body === 'string') h['content-type'] ??= 'application/json';
    const res = await fetch(base + path, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as never, text, headers: res.headers };
  };
}

/** A user of a role with a token, through the public API (`t`: a test server, or an admin client of a process). */
export async function makeUser(
  t: Pick<TestServer, 'admin' | 'as'>,
  role: string,
  extra: { name?: string; email?: string; team?: string } = {},
) {
  const email = extra.email ?? `${role}.${randomBytes(4).toString('hex')}@example.cn`;
  const user = await t.admin('POST', '/users', { name: extra.name ?? `${role} user`, email, role, team: extra.team });
  if (user.status !== 201) throw new Error(`POST /users: ${user.status} ${user.text}`);
  const token = await t.admin('POST', `/users/${user.body.id}/tokens`, {});
  if (token.status !== 201) throw new Error(`POST /users/{id}/tokens: ${token.status} ${token.text}`);
  return { id: user.body.id as string, email, token: token.body.token as string, call: t.as(token.body.token) };
}

export const isProblem = (r: Reply) =>
  (r.headers.get('content-type') ?? '').includes('application/problem+json') && r.body?.status === r.status;

/** A problem+json answer of this status with type, title, status and a detail. */
export function expectProblem(r: Reply, status: number) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(isProblem(r)).toBe(true);
}
