/**
 * bench/web — the web console as a person meets it (issue 8, tests and measurements).
 *
 * A LeadLoop server (in this process, on a fresh embedded PGlite directory, or on PostgreSQL with
 * --engine postgres) is loaded through the public API with N leads (default 100,000): an SDR's
 * own outbound leads (Q of them, default 10,000, so the queue is long), pending hand-offs to a
 * rep, and the rest from every channel. Then, in Debian's Chromium:
 *  (a) JS shipped per route: every script a fresh browser fetches to show the route, gzip-sized
 *      (level 9, as a server or CDN would send it). Targets: /login ≤ 300 KB; ECharts only on
 *      chart pages.
 *  (b) Time to interactive per route: from navigation start until the page's heading is shown
 *      and nothing on it is loading any more (no spinner, no skeleton), median of R loads with a
 *      warm HTTP cache (the user's second visit) and the first, cold load. Baseline in the same
 *      run: /login, the smallest page. Target: every page ≤ 1.5 s.
 *
 *   npx tsx bench/web.ts [--leads 100000] [--queue 10000] [--runs 5] [--engine pglite|postgres] [--data DIR]
 * --data DIR (PGlite): keep the loaded data directory there; a later run with the same DIR times
 * the pages again without loading (loading 100,000 leads takes minutes).
 * PostgreSQL: $LEADLOOP_BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (a
 * database is created for the run and dropped after it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import type { LeadInput } from '../src/domain/capture/lead-input.js';
import { startServer } from '../src/server.js';
import { freshPostgresDatabase } from '../test/support/postgres.js';
import { freshLead } from './ingest/leads.js';
import { type JsonClient, jsonClient } from './support/json-client.js';

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '100000' },
    queue: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    engine: { type: 'string', default: 'pglite' },
    data: { type: 'string' },
  },
});

const LEADS = Number(args.leads);
const QUEUE = Math.min(Number(args.queue), LEADS);
const RUNS = Number(args.runs);
const HANDOFFS = Math.min(300, Math.max(0, LEADS - QUEUE));
const BATCH = 10_000;
const TARGET_MS = 1_500;
const ADMIN_TOKEN = 'bench-web-admin-token-0123456789';
const PASSWORD = 'Bench-Passw0rd';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type Client = JsonClient;

async function makeUser(base: string, role: string, email: string, name: string) {
  const admin = jsonClient(base, ADMIN_TOKEN);
  const user = await admin<{ id: string }>('POST', '/users', { name, email, role, password: PASSWORD });
  const token = await admin<{ token: string }>('POST', `/users/${user.id}/tokens`, {});
  return { id: user.id, email, call: jsonClient(base, token.token) };
}

async function capture(call: Client, leads: LeadInput[]): Promise<void> {
  for (let i = 0; i < leads.length; i += BATCH) await call('POST', '/leads/bulk', { leads: leads.slice(i, i + BATCH) });
}

async function load(base: string) {
  const admin = jsonClient(base, ADMIN_TOKEN);
  const users = await admin<{ items: { email: string }[] }>('GET', '/users');
  if (users.items.some((u) => u.email === 'sdr.bench@example.cn')) {
    console.log('(the data directory holds a loaded workspace: not loading again)');
    return pagesToTime(base);
  }
  const sdr = await makeUser(base, 'sdr', 'sdr.bench@example.cn', '压测SDR');
  const rep = await makeUser(base, 'sales', 'rep.bench@example.cn', '压测销售');
  await makeUser(base, 'sales_ops', 'ops.bench@example.cn', '压测销管');
  await makeUser(base, 'marketing', 'mkt.bench@example.cn', '压测市场');
  await admin('PUT', `/reps/${rep.id}`, { regions: ['上海'], capacity: 100_000, weight: 1, department: '华东一部' });
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  await admin('PUT', `/eligibility/${month}`, { repIds: [rep.id] });

  const started = performance.now();
  const queueLeads = Array.from({ length: QUEUE }, (_, i) => ({ ...freshLead(i), channel: 'outbound' }));
  await capture(sdr.call, queueLeads);
  const inquiries = Array.from({ length: HANDOFFS }, (_, i) => ({
    ...freshLead(QUEUE + i),
    channel: 'inbound_inquiry',
    region: '上海',
  }));
  await capture(admin, inquiries);
  const rest = Array.from({ length: LEADS - QUEUE - HANDOFFS }, (_, i) => freshLead(QUEUE + HANDOFFS + i));
  await capture(admin, rest);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `loaded ${LEADS.toLocaleString('en-US')} leads in ${seconds.toFixed(0)} s (${Math.round(LEADS / seconds)} rows/s)`,
  );

  return pagesToTime(base);
}

/** A lead of the SDR's and a pending hand-off, to time their pages. */
async function pagesToTime(base: string) {
  const admin = jsonClient(base, ADMIN_TOKEN);
  const mine = await admin<{ items: { id: string }[] }>('GET', '/leads?limit=1&status=working');
  const pending = await admin<{ items: { id: string }[] }>('GET', `/leads?limit=1&status=mql`);
  const handoffs = pending.items[0]
    ? await admin<{ items: { id: string }[] }>('GET', `/leads/${pending.items[0].id}/handoffs`)
    : { items: [] };
  return { leadId: mine.items[0]?.id, handoffId: handoffs.items[0]?.id };
}

interface Route {
  path: string;
  as: string | null;
}

/** Signs in through the API (the cookie lands in the page's context), as the page itself does. */
async function signIn(page: Page, email: string | null) {
  if (!email) return;
  const res = await page.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in ${email}: ${res.status()}`);
}

/** The page is interactive: its heading shows and nothing on it is loading. */
async function interactive(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('h2, h1') !== null &&
      document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-table-placeholder .ant-spin') === null &&
      document.readyState === 'complete',
    undefined,
    { polling: 16, timeout: 30_000 },
  );
}

async function shippedJs(browser: Browser, origin: string, route: Route) {
  const context = await browser.newContext({ baseURL: origin, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, route.as);
  const scripts = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(
      response.url(),
      response.body().then((body) => gzipSync(body, { level: 9 }).length),
    );
  });
  await page.goto(route.path);
  await interactive(page);
  const sizes = await Promise.all(scripts.values());
  const names = [...scripts.keys()].map((u) => u.split('/').pop() as string);
  await context.close();
  return { gzip: sizes.reduce((a, b) => a + b, 0), files: names };
}

async function timings(browser: Browser, origin: string, route: Route) {
  const context = await browser.newContext({ baseURL: origin, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, route.as);
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    await page.goto(route.path);
    await interactive(page);
    times.push(performance.now() - start);
  }
  await context.close();
  const cold = times[0] as number;
  const warm = times.slice(1).sort((a, b) => a - b);
  return { cold, warm: warm[Math.floor(warm.length / 2)] as number };
}

async function main() {
  const build = spawnSync(process.execPath, ['web/build-if-stale.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the console failed');

  const pg =
    args.engine === 'postgres'
      ? await freshPostgresDatabase(
          process.env.LEADLOOP_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        )
      : undefined;
  const dataDir = pg ? undefined : (args.data ?? mkdtempSync(join(tmpdir(), 'leadloop-bench-web-')));
  const config = {
    ...loadConfig({
      LEADLOOP_ADMIN_TOKEN: ADMIN_TOKEN,
      LEADLOOP_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'error',
    }),
    port: 0,
    host: '127.0.0.1',
  };
  const server = await startServer(config, { location: pg ? { databaseUrl: pg.url } : { dataDir: dataDir as string } });
  const browser = await chromium.launch({
    executablePath: process.env.LEADLOOP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    console.log(
      `bench/web — ${args.engine}, ${LEADS.toLocaleString('en-US')} leads, ${QUEUE.toLocaleString('en-US')} in one SDR's queue`,
    );
    const { leadId, handoffId } = await load(`${server.url}/api/v1`);
    // The pages are timed once the background enrichment of the loaded leads is done: on PGlite
    // (one connection) a backlog of it would sit in front of every page's queries.
    const drainStart = performance.now();
    await server.ctx.enrichment.idle();
    console.log(
      `enrichment of the loaded leads drained ${Math.round((performance.now() - drainStart) / 1000)} s later`,
    );
    const routes: Route[] = [
      { path: '/login', as: null },
      { path: '/queue', as: 'sdr.bench@example.cn' },
      ...(leadId ? [{ path: `/leads/${leadId}`, as: 'sdr.bench@example.cn' }] : []),
      { path: '/pool', as: 'sdr.bench@example.cn' },
      { path: '/inbox', as: 'rep.bench@example.cn' },
      ...(handoffId ? [{ path: `/handoffs/${handoffId}`, as: 'rep.bench@example.cn' }] : []),
      { path: '/dispatch', as: 'ops.bench@example.cn' },
      { path: '/dashboard', as: 'mkt.bench@example.cn' },
      { path: '/plan', as: 'mkt.bench@example.cn' },
      { path: '/settings/roster', as: 'ops.bench@example.cn' },
    ];
    const rows: string[][] = [];
    let baseline = 0;
    for (const route of routes) {
      const js = await shippedJs(browser, server.url, route);
      const t = await timings(browser, server.url, route);
      if (route.path === '/login') baseline = t.warm;
      const charts = js.files.some((f) => /echarts|Chart/i.test(f)) ? 'yes' : 'no';
      // Each route as it is timed, so a long run shows where it is.
      console.log(`  ${route.path}: cold ${Math.round(t.cold)} ms, warm ${Math.round(t.warm)} ms`);
      rows.push([
        route.path.replace(/[0-9a-f-]{36}/, ':id'),
        kb(js.gzip),
        charts,
        `${Math.round(t.cold)} ms`,
        `${Math.round(t.warm)} ms`,
        `${(t.warm / baseline).toFixed(1)}×`,
        t.warm <= TARGET_MS && t.cold <= TARGET_MS ? 'yes' : 'NO',
      ]);
    }
    const header = ['route', 'JS gzip', 'charts', 'cold', `warm (median of ${RUNS})`, 'vs /login', '≤ 1.5 s'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of rows) console.log(line(r));
    console.log(`\n/login JS target ≤ 300 KB gzip; every page interactive ≤ ${TARGET_MS} ms.`);
  } finally {
    await browser.close();
    await server.close();
    await pg?.drop();
    if (dataDir && !args.data) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
