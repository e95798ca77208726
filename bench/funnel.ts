/**
 * bench/funnel — GET /reports/funnel (SPEC §8.1) on a year of data: 1,000,000 leads and ~10
 * events each (bench/funnel/generate.ts writes them straight into the store with set-based SQL;
 * through the API that would take hours), on PostgreSQL (a fresh database) and on PGlite (a data
 * directory; 250,000 leads by default there: generating a million takes PGlite long). Then, over
 * HTTP on a real LeadLoop server, p50/p95 of R reads of the report: a full year and one month,
 * sliced by channel, by SDR and by region, cohort by capture and by event date; against a
 * baseline measured in the same run on the same rows (a plain count by channel of the year's
 * leads, straight in the database). Targets: PostgreSQL < 500 ms, PGlite < 3 s.
 *
 *   npm run bench:funnel -- [--engine postgres|pglite|both] [--leads 1000000] [--pglite-leads 250000] [--runs 9] [--rounds 2]
 *
 * The report reads facts per lead that the database keeps current (migration 022): the first report
 * after generating builds them for every lead (timed apart, "catch-up"), and one case times the
 * report after 1,000 leads changed since the last one, as on a live system between two reads.
 *
 * (--leads: the PostgreSQL data set; --pglite-leads: PGlite's; --keep: keep the generated PostgreSQL
 * database; --reuse postgres://…: time a database an earlier run generated and kept.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { refreshFunnelFacts } from '../src/services/reports/funnel-facts.js';
import { freshPostgresDatabase } from '../test/support/postgres.js';
import { generateFunnelData } from './funnel/generate.js';
import { jsonClient } from './support/json-client.js';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    leads: { type: 'string', default: '1000000' },
    'pglite-leads': { type: 'string', default: '250000' },
    runs: { type: 'string', default: '9' },
    rounds: { type: 'string', default: '2' },
    /** An existing database this bench generated before (kept, not regenerated): time only. */
    reuse: { type: 'string' },
    /** Keep the generated PostgreSQL database (its URL is printed) for --reuse. */
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const ROUNDS = Number(args.rounds);
const ADMIN_TOKEN = 'bench-funnel-admin-token-0123456789';
const NOW = new Date('2026-03-02T02:00:00.000Z');
const TARGET_MS = { postgres: 500, pglite: 3000 } as const;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

/** p50/p95 of `fn`'s time, or of the milliseconds it returns (a number: it timed its own part). */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const own = await fn();
    times.push(typeof own === 'number' ? own : performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchEngine(engine: 'postgres' | 'pglite', leads: number) {
  const pg = args.reuse
    ? { url: args.reuse, drop: async () => {} }
    : engine === 'postgres'
      ? await freshPostgresDatabase(
          process.env.LEADLOOP_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
          'leadloop_bench_funnel',
        )
      : undefined;
  const dir = pg ? undefined : mkdtempSync(join(tmpdir(), 'leadloop-bench-funnel-'));
  const config = {
    ...loadConfig({ LEADLOOP_ADMIN_TOKEN: ADMIN_TOKEN, LEADLOOP_CLOCK: 'manual', LOG_LEVEL: 'error' }),
    port: 0,
    host: '127.0.0.1',
  };
  const server = await startServer(config, {
    location: pg ? { databaseUrl: pg.url } : { dataDir: dir as string },
    clock: new ManualClock(NOW),
  });
  const admin = jsonClient(`${server.url}/api/v1`, ADMIN_TOKEN);
  try {
    if (!args.reuse) {
      console.log(`\n== ${engine}: generating ${leads.toLocaleString('en')} leads`);
      const t0 = performance.now();
      const counts = await generateFunnelData(server.ctx.db, { leads, now: NOW, log: console.log });
      const seconds = (performance.now() - t0) / 1000;
      console.log(
        `generated ${counts.leads.toLocaleString('en')} leads and ${counts.events.toLocaleString('en')} events in ${seconds.toFixed(0)} s`,
        counts.tables,
      );
    }

    // What the due-work sweep does within half a minute of a load (the first report would, else).
    const catchUp = performance.now();
    await refreshFunnelFacts(server.ctx);
    console.log(`catch-up: building the funnel facts of every lead: ${ms(performance.now() - catchUp)}`);

    const year = { from: '2025-03-02', to: '2026-03-01' };
    const month = { from: '2026-01-01', to: '2026-01-31' };
    const fromDate = new Date(`${year.from}T00:00:00Z`);
    const untilDate = new Date(`${year.to}T00:00:00Z`);
    untilDate.setUTCDate(untilDate.getUTCDate() + 1);
    // The same data set timed ROUNDS times over (the machine is shared: each round is one measurement).
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`-- ${engine}, round ${round} of ${ROUNDS}`);
      const baseline = await timed(RUNS, () =>
        sql`SELECT channel_id, count(*) FROM leads WHERE history = false AND created_at >= ${fromDate}
          AND created_at < ${untilDate} GROUP BY channel_id`.execute(server.ctx.db),
      );
      const countAll = await timed(RUNS, () => sql`SELECT count(*) FROM leads`.execute(server.ctx.db));
      console.log(
        `baseline: plain count by channel of the year's leads p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}`,
      );
      console.log(`baseline: SELECT count(*) FROM leads            p50 ${ms(countAll.p50)}  p95 ${ms(countAll.p95)}`);

      const cases: [string, Record<string, string>][] = [
        ['year, by channel, capture', { ...year, by: 'channel', cohort: 'capture' }],
        ['month, by channel, capture', { ...month, by: 'channel', cohort: 'capture' }],
        ['year, by SDR, capture', { ...year, by: 'sdr', cohort: 'capture' }],
        ['year, by region, capture', { ...year, by: 'region', cohort: 'capture' }],
        ['year, by channel, event', { ...year, by: 'channel', cohort: 'event' }],
        ['month, by channel, event', { ...month, by: 'channel', cohort: 'event' }],
        ['month, by SDR, event', { ...month, by: 'sdr', cohort: 'event' }],
      ];
      const results: { name: string; p50: number; p95: number }[] = [];
      for (const [name, query] of cases) {
        const path = `/reports/funnel?${new URLSearchParams(query)}`;
        const report = await admin<{
          total: { leads: number; mqls: number; sqls: number; opportunities: number; won: number };
        }>('GET', path);
        const r = await timed(RUNS, () => admin('GET', path));
        results.push({ name, ...r });
        const t = report.total;
        console.log(
          `${name.padEnd(28)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  ×${(r.p50 / baseline.p50).toFixed(1)} baseline` +
            `  [leads ${t.leads} → MQL ${t.mqls} → SQL ${t.sqls} → opp ${t.opportunities} → won ${t.won}]`,
        );
      }
      // A live system between two reads: 1,000 leads changed (their facts are recomputed by the report).
      const changedPath = `/reports/funnel?${new URLSearchParams({ ...year, by: 'channel', cohort: 'capture' })}`;
      const changed = await timed(RUNS, async () => {
        await sql`UPDATE leads SET score = score WHERE id IN (
            SELECT id FROM leads WHERE history = false ORDER BY random() LIMIT 1000)`.execute(server.ctx.db);
        const t = performance.now();
        await admin('GET', changedPath);
        return performance.now() - t;
      });
      results.push({ name: 'year, 1,000 leads changed', ...changed });
      console.log(
        `${'year, 1,000 leads changed'.padEnd(28)} p50 ${ms(changed.p50)}  p95 ${ms(changed.p95)}  ×${(changed.p50 / baseline.p50).toFixed(1)} baseline (the report alone, not the UPDATE)`,
      );
      const worst = Math.max(...results.map((r) => r.p95));
      console.log(
        `${engine}: worst p95 ${worst.toFixed(0)} ms — target < ${TARGET_MS[engine]} ms: ${worst < TARGET_MS[engine] ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await server.close();
    if (pg && args.keep && !args.reuse) console.log(`kept: --reuse ${pg.url}`);
    else if (pg) await pg.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const engines = args.engine === 'both' ? (['postgres', 'pglite'] as const) : [args.engine as 'postgres' | 'pglite'];
  for (const engine of engines) {
    await benchEngine(engine, Number(engine === 'pglite' ? args['pglite-leads'] : args.leads));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
