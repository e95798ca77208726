/**
 * bench/ingest — how fast LeadLoop takes in leads, against what the same database can do raw.
 *
 * For each engine (PGlite in a data directory on disk; a fresh PostgreSQL database) a real
 * LeadLoop server starts in this process, and one run measures:
 *   (a) the ceiling: single-row INSERTs of an equivalent lead row into `bench_raw`, a table
 *       shaped like `leads` (LIKE leads INCLUDING ALL: same columns, defaults, checks and
 *       indexes; no foreign keys), one transaction each. PostgreSQL: sequentially on one
 *       connection, and with the HTTP concurrency on a separate pool as big as the server's
 *       (10). PGlite (one connection): sequentially through the server's own Kysely.
 *   (b) POST /leads over HTTP (keep-alive, closed loop, a worker thread as the client) with
 *       distinct Chinese leads and 10% repeats that must merge: req/s, p50/p99, (b)/(a); and,
 *       to show what the HTTP layer costs, the same captureLead() use-case called in-process.
 *   (c) POST /leads/bulk in batches of 1,000–10,000, and POST /imports of a generated CSV.
 * Beside each figure: statements sent per lead (both drivers' query() is counted and timed),
 * CPU per lead of node (and of its server thread) and of the database's PostgreSQL backends, and
 * how busy the whole machine was. On PostgreSQL, (a) also runs the same INSERT behind the barest
 * HTTP route (what any endpoint writing one row reaches here).
 * Targets (issue): on PostgreSQL (b) ≥ 50% of (a), bulk ≥ 5,000 leads/s. A missed target is
 * reported, not an error; the exit code is non-zero only when something failed. Beside each
 * target, its CPU budget: the CPU per unit of work that the target rate leaves on the machine's
 * CPUs, against what a unit took.
 *
 *   npx tsx bench/ingest.ts [--engines pglite,postgres] [--n 5000] [--concurrency 50]
 *     [--bulk-sizes 1000,5000,10000] [--bulk-rows 10000] [--bulk-concurrency 1] [--import-rows 20000]
 *     [--warmup 300] [--enrichment on|off] [--profile]
 * Enrichment runs in the background after each capture commits (as in production) and competes
 * for the CPUs and the pool; after each phase the bench waits for its queue to drain, reports how
 * long that took, and starts the next phase clean. --enrichment off stops the queue, to measure
 * capture alone.
 * --profile writes a CPU profile of the server thread per phase (under the temp directory) and
 * prints where the time went by package / source folder.
 * PostgreSQL: $LEADLOOP_BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (a
 * database on that server is created for the run and dropped after it).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { initialState } from '../src/domain/capture/initial-state.js';
import type { LeadInput, NormalisedLead } from '../src/domain/capture/lead-input.js';
import { normaliseLead } from '../src/domain/capture/normalise-lead.js';
import { tuneGarbageCollector } from '../src/gc-tuning.js';
import { type RunningServer, startServer } from '../src/server.js';
import { captureLead } from '../src/services/capture-lead.js';
import { leadInputSchema } from '../src/services/lead-input-schema.js';
import { authenticateToken } from '../src/services/users.js';
import type { StoreLocation } from '../src/store/db.js';
import { leadInsertRow } from '../src/store/repositories/leads.js';
import { freshPostgresDatabase } from '../test/support/postgres.js';
import { type LoadResult, runHttpLoad } from './ingest/http-load.js';
import { arrivalsFrom, freshLead, leadsCsv } from './ingest/leads.js';
import { countStatements, type ProfileSummary, profileServerThread, type Usage, watchUsage } from './ingest/probes.js';

type Engine = 'pglite' | 'postgres';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const adminToken = `bench-admin-${randomBytes(12).toString('hex')}`;
const targets = { ratio: 0.5, bulkRowsPerSecond: 5000 };

// ---------------------------------------------------------------------------------------------
// options

// The server runs in this process, with the garbage collector set as `leadloop start` sets it.
tuneGarbageCollector();

const { values: flags } = parseArgs({
  options: {
    engines: { type: 'string' },
    n: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '50' },
    'bulk-sizes': { type: 'string', default: '1000,5000,10000' },
    'bulk-rows': { type: 'string', default: '10000' },
    'bulk-concurrency': { type: 'string', default: '1' },
    'import-rows': { type: 'string', default: '20000' },
    warmup: { type: 'string', default: '300' },
    enrichment: { type: 'string', default: 'on' },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('*/')[0]
      .replace(/^\/\*\*|^ \* ?/gm, ''),
  );
  process.exit(0);
}

const positive = (name: string, text: string | undefined): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return n;
};

function onOff(name: string, text: string | undefined): boolean {
  if (text !== 'on' && text !== 'off') throw new Error(`--${name} must be on or off, not "${text}"`);
  return text === 'on';
}

const options = {
  n: positive('n', flags.n),
  concurrency: positive('concurrency', flags.concurrency),
  warmup: positive('warmup', flags.warmup),
  bulkSizes: (flags['bulk-sizes'] as string).split(',').map((s) => positive('bulk-sizes', s.trim())),
  bulkRows: positive('bulk-rows', flags['bulk-rows']),
  bulkConcurrency: positive('bulk-concurrency', flags['bulk-concurrency']),
  importRows: positive('import-rows', flags['import-rows']),
  profile: flags.profile as boolean,
  enrichment: onOff('enrichment', flags.enrichment),
  databaseUrl: process.env.LEADLOOP_BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
};
/** The sequential raw baseline on PostgreSQL is fsync-bound (~1k rows/s): a smaller sample. */
const sequentialRawRows = Math.min(options.n, 2000);
/** The server's pool size (src/store/db.ts): the raw concurrent baseline gets as many connections. */
const serverPoolSize = 10;

// ---------------------------------------------------------------------------------------------
// formatting

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());
const pct = (n: number) => `${Math.round(n * 100)}%`;
const pad = (s: string, w: number) => s.padEnd(w);
const lpad = (s: string, w: number) => s.padStart(w);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** CPU time per unit of work: what the machine's cores have to share between node and postgres. */
function cpuPer(u: Usage, count: number, unit: string): string {
  const us = (cores: number) => int((cores * u.wallMs * 1000) / count);
  const server = Number.isNaN(u.serverThreadCores) ? '' : ` (server thread ${us(u.serverThreadCores)} µs)`;
  return u.postgresCores > 0
    ? `CPU per ${unit}: node ${us(u.nodeCores)} µs${server} + postgres backends ${us(u.postgresCores)} µs`
    : `CPU per ${unit}: node ${us(u.nodeCores)} µs${server}, PGlite included`;
}

function usageLine(u: Usage, per: number, unit: string): string {
  return `${(u.statements / per).toFixed(1)} statements/${unit} · server thread busy ${pct(u.serverThreadBusy)} · CPU: node ${u.nodeCores.toFixed(2)} cores, postgres ${u.postgresCores.toFixed(2)} cores · machine ${pct(u.machineBusy)} busy, ${pct(u.machineSteal)} stolen`;
}

/**
 * The CPU time per unit of work that a target rate leaves when all the machine's CPUs do
 * nothing else (node, its load worker and PostgreSQL share them), against what a unit took.
 */
function budgetLine(target: string, perSecond: number, took: { label: string; usage: Usage; count: number }[]): string {
  const budget = (cpus().length * 1e6) / perSecond;
  const spent = took.map(({ label, usage, count }) => {
    const us = ((usage.nodeCores + usage.postgresCores) * usage.wallMs * 1000) / count;
    return `${label} ${int(us)} µs (${(us / budget).toFixed(1)}×)`;
  });
  return `CPU budget: ${target} leaves ${int(budget)} µs of CPU per unit on ${cpus().length} CPUs, all busy; ${spent.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// databases and servers

async function postgresAnswers(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string; fsync: string; sc: string }>(
      "SELECT current_setting('server_version') AS v, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc",
    );
    return `PostgreSQL ${rows[0].v} (fsync ${rows[0].fsync}, synchronous_commit ${rows[0].sc})`;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Undo steps, run last-in first-out at the end or on Ctrl-C. */
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    const step = cleanups.pop() as () => Promise<void> | void;
    try {
      await step();
    } catch (error) {
      console.error(`cleanup: ${(error as Error).message}`);
    }
  }
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void cleanUp().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// (a) raw INSERT of an equivalent row

const everyChannel = new Set([
  'sem',
  'organic_search',
  'content_download',
  'event_online',
  'hotline',
  'online_chat',
  'inbound_inquiry',
  'event_offline',
  'referral',
  'partner',
  'outbound',
  'import',
  'direct',
  'brand_zone',
]);

function normalised(input: LeadInput): NormalisedLead {
  const result = normaliseLead(input, { channels: everyChannel, inference: [], now: new Date() });
  if (!result.ok) throw new Error(`generated lead is invalid: ${JSON.stringify(result.errors)}`);
  return result.lead;
}

/** The row capture would insert for `lead`, as column → value (see store/repositories/leads.ts). */
function rawRow(lead: NormalisedLead, createdBy: string): Record<string, unknown> {
  const state = initialState(lead.channel, { id: createdBy, role: 'admin' } as never);
  return leadInsertRow({ ...lead, ...state, id: randomUUID(), createdBy, at: new Date() });
}

function rawInsertOf(row: Record<string, unknown>): string {
  const columns = Object.keys(row);
  return `INSERT INTO bench_raw (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
}

/** `rows` INSERTs, `concurrency` at a time (each its own transaction); rows/s. */
async function insertRate(
  insert: (params: unknown[]) => Promise<unknown>,
  rows: unknown[][],
  concurrency: number,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < rows.length; i = next++) await insert(rows[i]);
    }),
  );
  return rows.length / ((performance.now() - started) / 1000);
}

interface RawResult {
  sequential: number;
  concurrent?: number;
  /** CPU while the raw rows went in at the HTTP concurrency (PGlite: sequentially). */
  usage: Usage;
  rows: number;
  /** PostgreSQL: the same INSERT behind the barest HTTP route (insertOverHttp). */
  overHttp?: { perSecond: number; usage: Usage; requests: number };
}

async function rawBaseline(
  engine: Engine,
  server: RunningServer,
  databaseUrl: string | undefined,
  createdBy: string,
): Promise<RawResult> {
  await sql.raw('CREATE TABLE bench_raw (LIKE leads INCLUDING ALL)').execute(server.store.db);
  const httpRows = engine === 'postgres' ? options.warmup + options.n : 0;
  const records = Array.from({ length: options.warmup + sequentialRawRows + options.n + httpRows }, (_, i) =>
    rawRow(normalised(freshLead(i)), createdBy),
  );
  const rawInsert = rawInsertOf(records[0]);
  const rows = records.map((r) => Object.values(r));
  const warm = rows.slice(0, options.warmup);
  const sequentialRows = rows.slice(options.warmup, options.warmup + sequentialRawRows);
  const concurrentRows = rows.slice(options.warmup + sequentialRawRows, options.warmup + sequentialRawRows + options.n);
  const overHttpRows = rows.slice(options.warmup + sequentialRawRows + options.n);
  if (engine === 'pglite') {
    // one connection: sequential, through the server's serialising Kysely
    const db = server.store.db;
    const insert = (params: unknown[]) => db.executeQuery(CompiledQuery.raw(rawInsert, params));
    await insertRate(insert, warm, 1);
    const stop = watch();
    const sequential = await insertRate(insert, concurrentRows, 1);
    return { sequential, usage: stop(), rows: concurrentRows.length };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: serverPoolSize });
  try {
    const insert = (params: unknown[]) => pool.query(rawInsert, params);
    await insertRate(insert, warm, serverPoolSize);
    const client = await pool.connect();
    let sequential: number;
    try {
      sequential = await insertRate((params) => client.query(rawInsert, params), sequentialRows, 1);
    } finally {
      client.release();
    }
    const stop = watch();
    const concurrent = await insertRate(insert, concurrentRows, options.concurrency);
    const usage = stop();
    const overHttp = await insertOverHttp(insert, overHttpRows);
    return { sequential, concurrent, usage, rows: concurrentRows.length, overHttp };
  } finally {
    await pool.end();
  }
}

/**
 * The raw INSERT behind the barest HTTP route — Fastify, the row's values as a JSON array, 201
 * and no body, no auth — driven by the same load worker at the same concurrency as (b): how
 * much of (a) any endpoint that writes one lead row per request reaches on this machine.
 */
async function insertOverHttp(
  insert: (params: unknown[]) => Promise<unknown>,
  rows: unknown[][],
): Promise<{ perSecond: number; usage: Usage; requests: number }> {
  const app = Fastify();
  app.post('/raw', async (request, reply) => {
    await insert(request.body as unknown[]);
    return reply.code(201).send();
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { result, usage } = await loadWithUsage({
      origin,
      headers: {},
      requests: rows.map((row) => ({ path: '/raw', body: JSON.stringify(row) })),
      warmup: options.warmup,
      concurrency: options.concurrency,
    });
    checkAnswers('POST /raw (the raw INSERT over HTTP)', result);
    const requests = result.latenciesMs.length;
    return { perSecond: requests / (result.elapsedMs / 1000), usage, requests };
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (b) POST /leads, (c) bulk and import

/** The PostgreSQL database of the engine being measured: its backends' CPU is watched. */
let currentDatabase: string | undefined;
const watch = () => watchUsage(currentDatabase);

interface SingleResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  created: number;
  merged: number;
  usage: Usage;
}

class BenchFailure extends Error {}

function checkAnswers(what: string, result: LoadResult) {
  const bad = Object.entries(result.statuses).filter(([status]) => Number(status) < 200 || Number(status) >= 300);
  if (bad.length)
    throw new BenchFailure(
      `${what}: ${bad.map(([s, n]) => `${n}× ${s === '0' ? 'network error' : `HTTP ${s}`}`).join(', ')}; first: ${result.errors[0]}`,
    );
}

async function loadWithUsage(spec: Parameters<typeof runHttpLoad>[0]): Promise<{ result: LoadResult; usage: Usage }> {
  let stop: (() => Usage) | undefined;
  const result = await runHttpLoad(spec, () => {
    stop = watch();
  });
  const usage = (stop ?? watch())();
  return { result, usage };
}

async function singleCaptures(server: RunningServer): Promise<SingleResult> {
  const { inputs, isRepeat } = arrivalsFrom(0, options.warmup + options.n);
  // Repeats in the timed part: each must answer 200 (merged), every other lead 201.
  const timedRepeats = isRepeat.slice(options.warmup).filter(Boolean).length;
  const { result, usage } = await loadWithUsage({
    origin: server.url,
    headers: { authorization: `Bearer ${adminToken}` },
    requests: inputs.map((l) => ({ path: '/api/v1/leads', body: JSON.stringify(l) })),
    warmup: options.warmup,
    concurrency: options.concurrency,
  });
  checkAnswers('POST /leads', result);
  const created = result.statuses[201] ?? 0;
  const merged = result.statuses[200] ?? 0;
  if (merged !== timedRepeats)
    throw new BenchFailure(`POST /leads: ${merged} merged, expected ${timedRepeats} (the repeats sent)`);
  const sorted = result.latenciesMs.slice().sort();
  return {
    requests: result.latenciesMs.length,
    perSecond: result.latenciesMs.length / (result.elapsedMs / 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    created,
    merged,
    usage,
  };
}

interface ServiceResult {
  count: number;
  perSecond: number;
  usage: Usage;
}

/**
 * The capture use-case without the HTTP layer: what POST /leads costs beyond it (Fastify, zod,
 * the token lookup, reading the lead back to present it) is the difference to (b).
 */
async function serviceCaptures(server: RunningServer, firstIndex: number): Promise<ServiceResult> {
  const actor = await authenticateToken(server.ctx, adminToken);
  if (!actor) throw new BenchFailure('the admin token does not authenticate');
  const count = Math.max(500, Math.round(options.n / 2));
  const { inputs, repeats } = arrivalsFrom(firstIndex, count + options.warmup);
  let merged = 0;
  const run = async (slice: LeadInput[]) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        for (let i = next++; i < slice.length; i = next++) {
          const answer = await captureLead(server.ctx, actor, slice[i]);
          if (answer.merged) merged++;
        }
      }),
    );
  };
  await run(inputs.slice(0, options.warmup));
  const stop = watch();
  const started = performance.now();
  await run(inputs.slice(options.warmup));
  const seconds = (performance.now() - started) / 1000;
  const usage = stop();
  if (merged !== repeats) throw new BenchFailure(`captureLead(): ${merged} merged, expected ${repeats}`);
  return { count, perSecond: count / seconds, usage };
}

interface BatchResult {
  label: string;
  rows: number;
  perSecond: number;
  detail: string;
  usage?: Usage;
}

async function bulkCaptures(
  server: RunningServer,
  firstIndex: number,
  size: number,
): Promise<{ result: BatchResult; nextIndex: number }> {
  const batches = Math.max(1, Math.round(options.bulkRows / size));
  const warm = arrivalsFrom(firstIndex, 500);
  const stream = arrivalsFrom(warm.nextIndex, batches * size);
  const bodies = [JSON.stringify({ leads: warm.inputs })];
  for (let b = 0; b < batches; b++)
    bodies.push(JSON.stringify({ leads: stream.inputs.slice(b * size, (b + 1) * size) }));
  const { result, usage } = await loadWithUsage({
    origin: server.url,
    headers: { authorization: `Bearer ${adminToken}` },
    requests: bodies.map((body) => ({ path: '/api/v1/leads/bulk', body })),
    warmup: 1,
    concurrency: options.bulkConcurrency,
    keepBodies: true,
  });
  checkAnswers(`POST /leads/bulk (${int(size)} per batch)`, result);
  let created = 0;
  let merged = 0;
  let failed = 0;
  for (const text of result.bodies ?? []) {
    const body = JSON.parse(text) as { created: number; merged: number; failed: unknown[] };
    created += body.created;
    merged += body.merged;
    failed += body.failed.length;
  }
  const rows = batches * size;
  if (failed || created + merged !== rows || merged !== stream.repeats) {
    throw new BenchFailure(
      `POST /leads/bulk: ${created} created, ${merged} merged, ${failed} failed of ${rows} (expected ${stream.repeats} merged, none failed)`,
    );
  }
  const sorted = result.latenciesMs.slice().sort();
  return {
    result: {
      label: `POST /leads/bulk, ${int(size)} per batch${options.bulkConcurrency > 1 ? ` × ${options.bulkConcurrency} at once` : ''}`,
      rows,
      perSecond: rows / (result.elapsedMs / 1000),
      detail: `${batches} batch${batches > 1 ? 'es' : ''}, ${ms(percentile(sorted, 0.5))} ms per batch (median); ${int(created)} created, ${int(merged)} merged`,
      usage,
    },
    nextIndex: stream.nextIndex,
  };
}

async function importCsv(server: RunningServer, firstIndex: number): Promise<BatchResult> {
  const stream = arrivalsFrom(firstIndex, options.importRows);
  const csv = leadsCsv(stream.inputs);
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), `bench-${options.importRows}.csv`);
  const stop = watch();
  const started = performance.now();
  const res = await fetch(`${server.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  const text = await res.text();
  const seconds = (performance.now() - started) / 1000;
  const usage = stop();
  if (res.status !== 201) throw new BenchFailure(`POST /imports: HTTP ${res.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { created: number; merged: number; failed: number; totalRows: number };
  if (body.failed || body.created + body.merged !== options.importRows || body.merged !== stream.repeats) {
    throw new BenchFailure(
      `POST /imports: ${body.created} created, ${body.merged} merged, ${body.failed} failed of ${options.importRows} (expected ${stream.repeats} merged)`,
    );
  }
  return {
    label: `POST /imports, CSV of ${int(options.importRows)} rows`,
    rows: options.importRows,
    perSecond: options.importRows / seconds,
    detail: `${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB, ${seconds.toFixed(1)} s; ${int(body.created)} created, ${int(body.merged)} merged`,
    usage,
  };
}

// ---------------------------------------------------------------------------------------------
// one engine

interface EngineReport {
  engine: Engine;
  title: string;
  startMs: number;
  raw?: RawResult;
  single?: SingleResult;
  service?: ServiceResult;
  batches: BatchResult[];
  profiles: { phase: string; summary: ProfileSummary }[];
  failures: string[];
  /** Per phase: how long the background enrichment queue took to drain after the phase ended. */
  enrichmentDrains: { phase: string; ms: number }[];
  /** What the server logged as errors (its 500s), kept instead of printed. */
  serverErrors: string[];
}

/**
 * The server logs unhandled errors with request.log.error; request loggers are pino children of
 * app.log (prototype chain), so replacing app.log.error keeps them for the report instead of
 * printing a JSON line with every bound parameter.
 */
function keepServerErrors(server: RunningServer, into: string[]): void {
  (server.app.log as unknown as { error: (obj: unknown, msg?: unknown) => void }).error = (obj, msg) => {
    const err = (obj as { err?: { message?: string; hint?: string } } | null)?.err;
    const text = err?.message ? `${err.message}${err.hint ? ` (hint: ${err.hint})` : ''}` : String(msg ?? obj);
    if (into.length < 50) into.push(text);
  };
}

async function maybeProfile<T>(report: EngineReport, phase: string, run: () => Promise<T>): Promise<T> {
  if (!options.profile) return run();
  const file = join(
    tmpdir(),
    `leadloop-bench-${report.engine}-${phase.replace(/\W+/g, '-')}-${process.pid}.cpuprofile`,
  );
  const { value, summary } = await profileServerThread(file, root, run);
  report.profiles.push({ phase, summary });
  return value;
}

async function step(
  report: EngineReport,
  what: string,
  run: () => Promise<void>,
  server?: RunningServer,
): Promise<void> {
  process.stderr.write(`  ${report.engine}: ${what}…\n`);
  try {
    await run();
  } catch (error) {
    report.failures.push(error instanceof BenchFailure ? error.message : `${what}: ${(error as Error).stack ?? error}`);
  }
  if (server && options.enrichment) {
    // The next phase starts without this one's enrichment still running beside it.
    const started = performance.now();
    await server.ctx.enrichment.idle();
    report.enrichmentDrains.push({ phase: what, ms: performance.now() - started });
  }
}

async function benchEngine(engine: Engine, pgTitle: string | undefined): Promise<EngineReport> {
  let location: StoreLocation;
  let title: string;
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const database = await freshPostgresDatabase(options.databaseUrl);
    cleanups.push(() => database.drop());
    location = { databaseUrl: database.url };
    databaseUrl = database.url;
    currentDatabase = database.name;
    title = `${pgTitle}, database ${database.name}`;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'leadloop-bench-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    location = { dataDir };
    currentDatabase = undefined;
    title = `PGlite ${pgliteVersion()} (disk, ${dataDir})`;
  }
  const config = {
    ...loadConfig({ LEADLOOP_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'error' }),
    port: 0,
    host: '127.0.0.1',
  };
  const started = performance.now();
  const server = await startServer(config, { location });
  const report: EngineReport = {
    engine,
    title,
    startMs: performance.now() - started,
    batches: [],
    profiles: [],
    failures: [],
    enrichmentDrains: [],
    serverErrors: [],
  };
  if (!options.enrichment) await server.ctx.enrichment.stop();
  cleanups.push(() => server.close());
  keepServerErrors(server, report.serverErrors);
  const admin = await sql<{ id: string }>`SELECT id FROM users ORDER BY created_at LIMIT 1`.execute(server.store.db);
  const adminId = admin.rows[0].id;

  await step(report, '(a) raw INSERT baseline', async () => {
    report.raw = await rawBaseline(engine, server, databaseUrl, adminId);
  });
  await step(
    report,
    `(b) POST /leads × ${int(options.n)}, concurrency ${options.concurrency}`,
    async () => {
      report.single = await maybeProfile(report, 'POST /leads', () => singleCaptures(server));
    },
    server,
  );
  // Fresh leads for what follows start after those (b) used.
  let next = arrivalsFrom(0, options.warmup + options.n).nextIndex;
  await step(
    report,
    '(b) the same use-case without HTTP',
    async () => {
      report.service = await serviceCaptures(server, next);
    },
    server,
  );
  next += options.warmup + options.n + 10_000;
  for (const size of options.bulkSizes) {
    await step(
      report,
      `(c) POST /leads/bulk, ${int(size)} per batch`,
      async () => {
        const { result, nextIndex } = await maybeProfile(report, `bulk ${size}`, () =>
          bulkCaptures(server, next, size),
        );
        next = nextIndex;
        report.batches.push(result);
      },
      server,
    );
    next += options.bulkRows + 10_000; // a failed step must not leave the next one reusing its leads
  }
  await step(
    report,
    `(c) POST /imports, ${int(options.importRows)} rows`,
    async () => {
      report.batches.push(await maybeProfile(report, 'import', () => importCsv(server, next)));
    },
    server,
  );

  await server.close();
  cleanups.pop();
  return report;
}

function pgliteVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// printing

function printEngine(r: EngineReport) {
  const w = 44;
  const isPg = r.engine === 'postgres';
  console.log(`\n== ${r.title}`);
  console.log(`   server start (migrations included): ${int(r.startMs)} ms`);
  if (r.raw) {
    console.log('(a) raw INSERT of an equivalent lead row, one transaction per row');
    console.log(
      `    ${pad(isPg ? 'sequential, one connection' : 'sequential (PGlite is one connection)', w)}${lpad(int(r.raw.sequential), 8)} rows/s`,
    );
    if (r.raw.concurrent !== undefined) {
      console.log(
        `    ${pad(`concurrency ${options.concurrency}, pool of ${serverPoolSize}`, w)}${lpad(int(r.raw.concurrent), 8)} rows/s`,
      );
    }
    console.log(`    ${cpuPer(r.raw.usage, r.raw.rows, 'row')}`);
    const http = r.raw.overHttp;
    if (http && r.raw.concurrent !== undefined) {
      console.log(
        `    ${pad(`the same INSERT behind a bare HTTP route, concurrency ${options.concurrency}`, w)}${lpad(int(http.perSecond), 8)} req/s   ${pct(http.perSecond / r.raw.concurrent)} of (a) at concurrency ${options.concurrency}`,
      );
      console.log(`    ${cpuPer(http.usage, http.requests, 'request')}`);
    }
  }
  if (r.single) {
    const s = r.single;
    console.log(`(b) POST /leads over HTTP, concurrency ${options.concurrency} (normalise + dedup + audit)`);
    console.log(
      `    ${pad(`${int(s.requests)} requests (${int(s.created)} created, ${int(s.merged)} merged)`, w)}${lpad(int(s.perSecond), 8)} req/s   p50 ${ms(s.p50)} ms   p99 ${ms(s.p99)} ms`,
    );
    console.log(`    ${usageLine(s.usage, s.requests, 'request')}`);
    console.log(`    ${cpuPer(s.usage, s.requests, 'request')}`);
    const held = s.usage.kinds.reduce((sum, k) => sum + k.ms, 0) / s.requests;
    const top = s.usage.kinds
      .slice(0, 8)
      .map(
        (k) =>
          `${k.kind} ${ms(k.ms / k.count)} ms${k.count === s.requests ? '' : ` ×${(k.count / s.requests).toFixed(1)}`}`,
      );
    console.log(
      `    statement time per request, send → answer (includes waiting for a CPU): ${ms(held)} ms (${top.join(', ')})`,
    );
    if (r.service) {
      const v = r.service;
      console.log(
        `    without HTTP: captureLead() called in-process, concurrency ${options.concurrency} (no auth lookup, no read-back):`,
      );
      console.log(
        `    ${pad(`${int(v.count)} captures`, w)}${lpad(int(v.perSecond), 8)} leads/s   ${(v.usage.statements / v.count).toFixed(1)} statements/lead · ${cpuPer(v.usage, v.count, 'lead')}`,
      );
    }
    if (r.raw) {
      const target = isPg ? `target ≥ ${pct(targets.ratio)}` : '(target applies to PostgreSQL)';
      const line = (label: string, base: number) => {
        const ratio = s.perSecond / base;
        console.log(
          `    ${pad(label, w)}${lpad(pct(ratio), 8)}   ${target}${isPg ? `   ${verdict(ratio >= targets.ratio)}` : ''}`,
        );
      };
      if (r.raw.concurrent !== undefined)
        line(`(b)/(a) against raw at concurrency ${options.concurrency}`, r.raw.concurrent);
      line('(b)/(a) against raw sequential', r.raw.sequential);
      const base = r.raw.concurrent ?? r.raw.sequential;
      if (isPg) {
        console.log(
          `    ${budgetLine(
            `(b) at ${pct(targets.ratio)} of (a), ${int(targets.ratio * base)} req/s,`,
            targets.ratio * base,
            [
              { label: 'a request over HTTP took', usage: s.usage, count: s.requests },
              ...(r.service
                ? [{ label: 'the use-case in process', usage: r.service.usage, count: r.service.count }]
                : []),
            ],
          )}`,
        );
      }
    }
  }
  if (r.batches.length) {
    console.log('(c) bulk capture and import');
    for (const b of r.batches) {
      const target = isPg
        ? `target ≥ ${int(targets.bulkRowsPerSecond)}   ${verdict(b.perSecond >= targets.bulkRowsPerSecond)}`
        : '';
      console.log(`    ${pad(b.label, w)}${lpad(int(b.perSecond), 8)} rows/s   ${target}`);
      console.log(`      ${b.detail}`);
      if (b.usage) {
        console.log(`      ${usageLine(b.usage, b.rows / 1000, '1,000 rows')}`);
        const per = b.rows / 1000;
        const held = b.usage.kinds.reduce((sum, k) => sum + k.ms, 0) / per;
        const top = b.usage.kinds.slice(0, 6).map((k) => `${k.kind} ${ms(k.ms / per)} ms`);
        console.log(
          `      statement time per 1,000 rows: ${ms(held)} ms of ${ms(b.usage.wallMs / per)} ms wall (${top.join(', ')})`,
        );
        if (isPg) {
          console.log(
            `      ${budgetLine(`${int(targets.bulkRowsPerSecond)} rows/s`, targets.bulkRowsPerSecond, [
              { label: 'a row took', usage: b.usage, count: b.rows },
            ])}`,
          );
        }
      }
    }
  }
  for (const p of r.profiles) {
    console.log(
      `   CPU profile of the server thread during ${p.phase}: ${int(p.summary.totalMs)} ms busy → ${p.summary.file}`,
    );
    console.log(
      `     by package/folder: ${p.summary.buckets.map((b) => `${b.name} ${pct(b.ms / p.summary.totalMs)}`).join(', ')}`,
    );
    for (const f of p.summary.functions.slice(0, 10))
      console.log(`       ${lpad(pct(f.ms / p.summary.totalMs), 4)}  ${f.name}`);
  }
  if (!options.enrichment) console.log('   enrichment: off (--enrichment off)');
  else if (r.enrichmentDrains.length) {
    console.log(
      `   background enrichment still running after each phase, drained in: ${r.enrichmentDrains.map((d) => `${d.phase} ${int(d.ms)} ms`).join(' · ')}`,
    );
  }
  for (const f of r.failures) console.log(`   ERROR ${f}`);
  const logged = new Map<string, number>();
  for (const e of r.serverErrors) logged.set(e, (logged.get(e) ?? 0) + 1);
  for (const [e, n] of logged) console.log(`   server logged${n > 1 ? ` ${n}×` : ''}: ${e}`);
}

function printSummary(reports: EngineReport[]) {
  const cols = reports.map((r) => (r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite (disk)'));
  const w = 46;
  const cw = 16;
  const hasPg = reports.some((r) => r.engine === 'postgres');
  const pgReport = reports.find((r) => r.engine === 'postgres');
  console.log('\n== Summary');
  console.log(`${pad('', w)}${cols.map((c) => lpad(c, cw)).join('')}${hasPg ? '   target (PostgreSQL)' : ''}`);
  const row = (label: string, cell: (r: EngineReport) => string, target = '') =>
    console.log(`${pad(label, w)}${reports.map((r) => lpad(cell(r), cw)).join('')}${target ? `   ${target}` : ''}`);
  row('(a) raw INSERT sequential, rows/s', (r) => (r.raw ? int(r.raw.sequential) : '—'));
  row(`(a) raw INSERT concurrency ${options.concurrency}, rows/s`, (r) =>
    r.raw?.concurrent !== undefined ? int(r.raw.concurrent) : '—',
  );
  row('    the same behind a bare HTTP route, req/s', (r) => (r.raw?.overHttp ? int(r.raw.overHttp.perSecond) : '—'));
  row(`(b) POST /leads concurrency ${options.concurrency}, req/s`, (r) => (r.single ? int(r.single.perSecond) : '—'));
  row('    p50 / p99 latency, ms', (r) => (r.single ? `${ms(r.single.p50)} / ${ms(r.single.p99)}` : '—'));
  row('    statements per request', (r) =>
    r.single ? (r.single.usage.statements / r.single.requests).toFixed(1) : '—',
  );
  row('    same use-case in-process (no HTTP), leads/s', (r) => (r.service ? int(r.service.perSecond) : '—'));
  const ratio = (r: EngineReport | undefined, base: 'concurrent' | 'sequential') =>
    r?.single && r.raw?.[base] !== undefined ? r.single.perSecond / (r.raw[base] as number) : undefined;
  const pgRatio = (base: 'concurrent' | 'sequential') => {
    const v = ratio(pgReport, base);
    return v === undefined ? '' : `≥ ${pct(targets.ratio)}  ${verdict(v >= targets.ratio)}`;
  };
  row(
    '(b)/(a), raw at the same concurrency',
    (r) => {
      const v = ratio(r, 'concurrent');
      return v === undefined ? '—' : pct(v);
    },
    pgRatio('concurrent'),
  );
  row(
    '(b)/(a), raw sequential',
    (r) => {
      const v = ratio(r, 'sequential');
      return v === undefined ? '—' : pct(v);
    },
    pgRatio('sequential'),
  );
  const labels = [...new Set(reports.flatMap((r) => r.batches.map((b) => b.label)))];
  for (const label of labels) {
    const pgBatch = pgReport?.batches.find((b) => b.label === label);
    row(
      `(c) ${label.replace('POST ', '')}, rows/s`,
      (r) => {
        const b = r.batches.find((x) => x.label === label);
        return b ? int(b.perSecond) : '—';
      },
      pgBatch ? `≥ ${int(targets.bulkRowsPerSecond)}  ${verdict(pgBatch.perSecond >= targets.bulkRowsPerSecond)}` : '',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// main

/** Pure-JS cost per lead on this machine (no database, JIT warm): zod validation and normalisation. */
function cpuPerLead(): { zodUs: number; normaliseUs: number } {
  const { inputs } = arrivalsFrom(900_000, 20_000);
  let zodUs = 0;
  let normaliseUs = 0;
  for (let pass = 0; pass < 2; pass++) {
    let t = performance.now();
    for (const l of inputs) leadInputSchema.parse(l);
    zodUs = ((performance.now() - t) * 1000) / inputs.length;
    t = performance.now();
    for (const l of inputs) normalised(l);
    normaliseUs = ((performance.now() - t) * 1000) / inputs.length;
  }
  return { zodUs, normaliseUs };
}

async function main(): Promise<number> {
  countStatements();
  const pgTitle = await postgresAnswers(options.databaseUrl);
  let engines: Engine[];
  if (flags.engines) {
    engines = (flags.engines as string).split(',').map((e) => e.trim()) as Engine[];
    const unknown = engines.filter((e) => e !== 'pglite' && e !== 'postgres');
    if (unknown.length) throw new Error(`--engines: unknown ${unknown.join(', ')} (pglite, postgres)`);
    if (engines.includes('postgres') && !pgTitle)
      throw new Error(`PostgreSQL does not answer at ${options.databaseUrl} (set LEADLOOP_BENCH_DATABASE_URL)`);
  } else {
    engines = pgTitle ? ['pglite', 'postgres'] : ['pglite'];
    if (!pgTitle) console.log(`(PostgreSQL does not answer at ${options.databaseUrl}: PGlite only)`);
  }

  const cores = cpus();
  console.log('LeadLoop ingest benchmark');
  console.log(
    `machine: ${cores.length} × ${cores[0]?.model ?? 'cpu'}, ${int(totalmem() / 2 ** 30)} GiB; node ${process.version}; ${process.platform}`,
  );
  const load = loadavg()[0];
  console.log(
    `load average (1 min) before the run: ${load.toFixed(2)}${load > cores.length / 2 ? `  ← busy machine: other work competes for the ${cores.length} cores, figures may be low` : ''}`,
  );
  if (pgTitle) console.log(`postgres: ${pgTitle}`);
  console.log(
    `run: ${int(options.n)} POST /leads (+${options.warmup} warm-up, 10% repeats), concurrency ${options.concurrency}; bulk ${options.bulkSizes.map(int).join(' / ')} per batch, ~${int(options.bulkRows)} rows each${options.bulkConcurrency > 1 ? `, ${options.bulkConcurrency} batches at once` : ''}; import ${int(options.importRows)} rows`,
  );
  const cpu = cpuPerLead();
  console.log(
    `pure JS per lead (no database, one thread): zod validation ${cpu.zodUs.toFixed(0)} µs, normalisation ${cpu.normaliseUs.toFixed(0)} µs`,
  );

  const reports: EngineReport[] = [];
  for (const engine of engines) {
    if (interrupted) break;
    const report = await benchEngine(engine, pgTitle);
    reports.push(report);
    printEngine(report);
    await cleanUp();
  }
  printSummary(reports);
  console.log(`load average (1 min) after the run: ${loadavg()[0].toFixed(2)}`);
  const failures = reports.flatMap((r) => r.failures);
  if (failures.length) console.log(`\n${failures.length} step(s) failed (see ERROR lines above).`);
  return failures.length ? 1 : 0;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(1);
  });
