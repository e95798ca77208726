/**
 * bench/score — rule scoring (SPEC §4.3) in process, and the cost of recomputing scores
 * through the API.
 *
 * (a) In process: N generated Chinese B2B leads with 0–40 behaviours each over 90 days and
 *     BANT answers on a third of them, scored with the default rules compiled once. Baselines
 *     measured in the same run: the same work with the rules compiled per lead (`scoreLead`),
 *     and a bare loop that only sums behaviour points by type (the floor any scorer pays to
 *     read its input). Target: ≥ 100,000 leads/s.
 * (b) Through the API, per engine (PGlite on disk; a fresh PostgreSQL database): M leads
 *     captured in bulk and M × 8 behaviours sent to POST /track (bearer token). Then
 *       - GET /leads/{id}/score (computed at read time) against GET /leads/{id} (a plain read);
 *       - PUT /scoring/rules: every score recomputed, stored and ledgered (leads/s);
 *       - POST /admin/clock {advance: "2h"}: the decay sweep rescoring every lead with engagement.
 *
 *   npx tsx bench/score.ts [--n 200000] [--m 2000] [--engines pglite,postgres]
 * PostgreSQL: $LEADLOOP_BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (a
 * database is created for the run and dropped after it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { normaliseRegion } from '../src/domain/normalise/region.js';
import { SeededRandom } from '../src/domain/predictive/seeded-random.js';
import { BANT } from '../src/domain/qualification/built-in-frameworks.js';
import { qualificationPoints } from '../src/domain/qualification/qualification-points.js';
import { defaultScoringRules } from '../src/domain/scoring/default-rules.js';
import type { Behaviour } from '../src/domain/scoring/engagement.js';
import { compileScoringRules, type ScoringInput, scoreLead } from '../src/domain/scoring/score-lead.js';
import { startServer } from '../src/server.js';
import type { StoreLocation } from '../src/store/db.js';
import { freshPostgresDatabase } from '../test/support/postgres.js';
import { freshLead } from './ingest/leads.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '200000' },
    m: { type: 'string', default: '2000' },
    engines: { type: 'string', default: 'pglite,postgres' },
  },
});
const N = Number(args.n);
const M = Number(args.m);
const engines = (args.engines as string).split(',').filter((e) => e === 'pglite' || e === 'postgres');
const databaseUrl = process.env.LEADLOOP_BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const adminToken = 'bench-admin-token-0123456789abcdef';
const DAY_MS = 86_400_000;
const NOW = new Date('2026-03-02T01:00:00Z');
const behaviourTypes = Object.keys(defaultScoringRules().engagement.behaviours);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function scoringInputs(count: number): ScoringInput[] {
  const next = new SeededRandom(20261201).next;
  const regionCodes = new Map<string, string | null>();
  const inputs: ScoringInput[] = [];
  for (let i = 0; i < count; i++) {
    const lead = freshLead(i);
    const region = lead.region ?? null;
    if (region !== null && !regionCodes.has(region)) regionCodes.set(region, normaliseRegion(region)?.code ?? null);
    const behaviours: Behaviour[] = [];
    const events = Math.floor(next() * next() * 41);
    for (let e = 0; e < events; e++) {
      behaviours.push({
        type: behaviourTypes[Math.floor(next() * next() * behaviourTypes.length)],
        at: new Date(NOW.getTime() - Math.floor(next() * 90 * DAY_MS)),
      });
    }
    const answers =
      i % 3 === 0 ? { budget: 'yes', authority: next() < 0.5 ? 'yes' : 'no', need: 'yes', timing: 'unknown' } : null;
    inputs.push({
      lead: {
        title: lead.title ?? null,
        employees: lead.employees ?? null,
        industry: lead.industry ?? null,
        regionCode: region === null ? null : (regionCodes.get(region) ?? null),
      },
      behaviours,
      qualificationLines: answers ? qualificationPoints(BANT, answers).lines : [],
    });
  }
  return inputs;
}

function timeIt(run: () => number): { ms: number; check: number } {
  const start = performance.now();
  const check = run();
  return { ms: performance.now() - start, check };
}

function inProcess(): void {
  const inputs = scoringInputs(N);
  const events = inputs.reduce((s, i) => s + i.behaviours.length, 0);
  const rules = defaultScoringRules();
  const scorer = compileScoringRules(rules);
  const points = new Map(Object.entries(rules.engagement.behaviours).map(([t, r]) => [t, r.points]));

  // Warm up every path once so the JIT measures steady state.
  for (let i = 0; i < Math.min(N, 20_000); i++) scorer.score(inputs[i], NOW);

  const compiled = timeIt(() => {
    let sum = 0;
    for (const input of inputs) sum += scorer.score(input, NOW).total;
    return sum;
  });
  const floor = timeIt(() => {
    let sum = 0;
    for (const input of inputs) for (const b of input.behaviours) sum += points.get(b.type) ?? 0;
    return sum;
  });
  const uncompiledN = Math.min(N, 20_000);
  const uncompiled = timeIt(() => {
    let sum = 0;
    for (let i = 0; i < uncompiledN; i++) sum += scoreLead(inputs[i], rules, NOW).total;
    return sum;
  });
  const perSec = (n: number, ms: number) => (n / ms) * 1000;
  const rate = perSec(N, compiled.ms);
  console.log(`\n(a) in process: ${int(N)} leads, ${int(events)} behaviours (${(events / N).toFixed(1)} per lead)`);
  console.log(
    `    compiled rules        ${int(rate).padStart(12)} leads/s  (${((compiled.ms / N) * 1000).toFixed(2)} µs/lead)  target ≥ 100,000: ${rate >= 100_000 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `    compiled per lead     ${int(perSec(uncompiledN, uncompiled.ms)).padStart(12)} leads/s  → compiling once is ×${(rate / perSec(uncompiledN, uncompiled.ms)).toFixed(1)}`,
  );
  console.log(
    `    floor (sum by type)   ${int(perSec(N, floor.ms)).padStart(12)} leads/s  → scoring costs ×${(compiled.ms / floor.ms).toFixed(1)} the floor`,
  );
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function timedRequests(count: number, run: (i: number) => Promise<unknown>) {
  const start = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return performance.now() - start;
}

async function throughApi(engine: string): Promise<void> {
  let location: StoreLocation;
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const database = await freshPostgresDatabase(databaseUrl, 'leadloop_bench');
    location = { databaseUrl: database.url };
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'leadloop-bench-score-'));
    location = { dataDir: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = {
    ...loadConfig({ LEADLOOP_ADMIN_TOKEN: adminToken, LEADLOOP_CLOCK: 'manual', LOG_LEVEL: 'error' }),
    port: 0,
    host: '127.0.0.1',
  };
  const server = await startServer(config, { location, clock: new ManualClock(NOW) });
  const base = `${server.url}/api/v1`;
  try {
    const ids: string[] = [];
    for (let i = 0; i < M; i += 1000) {
      const leads = Array.from({ length: Math.min(1000, M - i) }, (_, k) => ({
        ...freshLead(1_000_000 + i + k),
        channel: 'sem',
      }));
      const answer = await call(base, 'POST', '/leads/bulk', { leads });
      if (answer.failed.length) throw new Error(`bulk capture failed: ${JSON.stringify(answer.failed[0])}`);
    }
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await call(
        base,
        'GET',
        `/leads?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    const next = new SeededRandom(7).next;
    // A token may send 3,000 events a minute: the manual clock moves a minute every 2,500.
    const trackMs = await timedRequests(ids.length * 8, async (i) => {
      if (i > 0 && i % 2500 === 0) await call(base, 'POST', '/admin/clock', { advance: '1m' });
      await call(base, 'POST', '/track', {
        leadId: ids[i % ids.length],
        type: behaviourTypes[Math.floor(next() * behaviourTypes.length)],
        url: 'https://www.example.cn/pricing',
      });
    });
    const plainMs = await timedRequests(ids.length, (i) => call(base, 'GET', `/leads/${ids[i]}`));
    const scoreMs = await timedRequests(ids.length, (i) => call(base, 'GET', `/leads/${ids[i]}/score`));

    const { rules } = await call(base, 'GET', '/scoring/rules');
    rules.fit.seniority.c_level += 1;
    const rulesStart = performance.now();
    const saved = await call(base, 'PUT', '/scoring/rules', { rules });
    const rulesMs = performance.now() - rulesStart;

    const sweepStart = performance.now();
    await call(base, 'POST', '/admin/clock', { advance: '2h' });
    const sweepMs = performance.now() - sweepStart;

    const per = (ms: number, n: number) => `${(ms / n).toFixed(2)} ms/request`;
    console.log(`\n(b) ${engine}: ${int(ids.length)} leads, ${int(ids.length * 8)} behaviours`);
    console.log(`    POST /track (rescore inside)     ${per(trackMs, ids.length * 8)}`);
    console.log(`    GET /leads/{id} (baseline)       ${per(plainMs, ids.length)}`);
    console.log(
      `    GET /leads/{id}/score            ${per(scoreMs, ids.length)}  → ×${(scoreMs / plainMs).toFixed(2)} the plain read`,
    );
    console.log(
      `    PUT /scoring/rules (rescore all) ${int(saved.rescored)} leads in ${int(rulesMs)} ms → ${int((saved.rescored / rulesMs) * 1000)} leads/s${saved.pending ? ' (more pending)' : ''}`,
    );
    console.log(
      `    decay sweep (advance 2h)         ${int(sweepMs)} ms for ${int(ids.length)} leads → ${int((ids.length / sweepMs) * 1000)} leads/s`,
    );
  } finally {
    await server.close();
    await cleanup();
  }
}

console.log(`bench/score — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
inProcess();
for (const engine of engines) await throughApi(engine);
