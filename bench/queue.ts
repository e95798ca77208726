/**
 * bench/queue — GET /queue's paging on a long queue (issue 8: the queue stays smooth with 10,000
 * rows). bench/web loads its leads through the public API (minutes for 100,000 on PGlite); this
 * writes them straight into a fresh embedded PGlite (or PostgreSQL with --engine postgres) so the
 * API's read side can be timed alone: an SDR's own working leads (--own, default 10,000) and the
 * shared queue of unowned new leads (--shared, default 90,000), of which --due have an open
 * first-touch deadline within 48 h (SLA-due) and --mrl are returned by sales, --resurfaced back
 * from the pool. Then, over HTTP as the SDR: the median of R reads of page 1 (50 rows), the walk
 * to row 10,000 (200 rows a page), and the median of R reads of the 50 rows after it; for both
 * sort=score and sort=predicted (no model active: the same order).
 *
 *   npx tsx bench/queue.ts [--own 10000] [--shared 90000] [--due 2000] [--mrl 50] [--resurfaced 500] [--runs 11]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { freshPostgresDatabase } from '../test/support/postgres.js';
import { jsonClient } from './support/json-client.js';

const { values: args } = parseArgs({
  options: {
    own: { type: 'string', default: '10000' },
    shared: { type: 'string', default: '90000' },
    due: { type: 'string', default: '2000' },
    mrl: { type: 'string', default: '50' },
    resurfaced: { type: 'string', default: '500' },
    runs: { type: 'string', default: '11' },
    depth: { type: 'string', default: '10000' },
    engine: { type: 'string', default: 'pglite' },
  },
});
const OWN = Number(args.own);
const SHARED = Number(args.shared);
const DUE = Math.min(Number(args.due), SHARED);
const MRL = Math.min(Number(args.mrl), OWN);
const RESURFACED = Math.min(Number(args.resurfaced), SHARED - DUE);
const RUNS = Number(args.runs);
const DEPTH = Number(args.depth);
const ADMIN_TOKEN = 'bench-queue-admin-token-0123456789';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const pg =
    args.engine === 'postgres'
      ? await freshPostgresDatabase(
          process.env.LEADLOOP_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        )
      : undefined;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00.000Z'));
  const config = {
    ...loadConfig({ LEADLOOP_ADMIN_TOKEN: ADMIN_TOKEN, LEADLOOP_CLOCK: 'manual', LOG_LEVEL: 'error' }),
    port: 0,
    host: '127.0.0.1',
  };
  const server = await startServer(config, { location: pg ? { databaseUrl: pg.url } : { memory: true }, clock });
  const base = `${server.url}/api/v1`;
  const admin = jsonClient(base, ADMIN_TOKEN);
  try {
    const sdr = await admin<{ id: string }>('POST', '/users', {
      name: '压测SDR',
      email: 'sdr.queue@example.cn',
      role: 'sdr',
    });
    const asSdr = jsonClient(base, (await admin<{ token: string }>('POST', `/users/${sdr.id}/tokens`, {})).token);

    const started = performance.now();
    const db = server.ctx.db;
    const now = clock.now();
    const utm = { source: null, medium: null, campaign: null, term: null, content: null };
    const source = JSON.stringify({ channel: 'sem', utm, referrer: null, landingPage: null, at: now.toISOString() });
    // Scores 0–99 and creation times spread over a month, so ties and keys are like a real queue's.
    await sql`INSERT INTO leads (id, status, owner_id, name, original_source, latest_source, flags, score, created_at, updated_at)
      SELECT 'own-' || lpad(g::text, 6, '0'), 'working', ${sdr.id}, '自有' || g, ${source}::jsonb, ${source}::jsonb,
        CASE WHEN g <= ${MRL} THEN ARRAY['MRL'] ELSE '{}'::text[] END,
        ((g::bigint * 7919) % 100)::int, ${now}::timestamptz - ((g::bigint * 104729) % 2592000) * interval '1 second', ${now}::timestamptz
      FROM generate_series(1, ${OWN}) g`.execute(db);
    await sql`INSERT INTO leads (id, status, owner_id, name, original_source, latest_source, score, resurfaced_at, created_at, updated_at)
      SELECT 'shared-' || lpad(g::text, 6, '0'), 'new', NULL, '共享' || g, ${source}::jsonb, ${source}::jsonb,
        ((g::bigint * 6151) % 100)::int,
        CASE WHEN g > ${DUE} AND g <= ${DUE + RESURFACED} THEN ${now}::timestamptz - (g % 600) * interval '1 minute' END,
        ${now}::timestamptz - ((g::bigint * 104729) % 2592000) * interval '1 second' - interval '1 day', ${now}::timestamptz
      FROM generate_series(1, ${SHARED}) g`.execute(db);
    // Open first-touch deadlines over the next 48 h for the first DUE shared leads.
    await sql`INSERT INTO timers (id, kind, subject_id, due_at, created_at)
      SELECT 'timer-' || g, 'lead.first_touch_due', 'shared-' || lpad(g::text, 6, '0'),
        ${now}::timestamptz + (g % 2880) * interval '1 minute', ${now}::timestamptz - interval '1 hour'
      FROM generate_series(1, ${DUE}) g`.execute(db);
    await sql`ANALYZE`.execute(db);
    console.log(
      `bench/queue — ${args.engine}: ${OWN.toLocaleString('en-US')} own + ${SHARED.toLocaleString('en-US')} shared leads ` +
        `(${DUE} SLA-due, ${MRL} MRL, ${RESURFACED} re-surfaced), written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    type Page = { items: { priority: string }[]; nextCursor: string | null };
    const timed = async (path: string) => {
      const start = performance.now();
      const page = await asSdr<Page>('GET', path);
      return { page, ms: performance.now() - start };
    };
    for (const sort of ['score', 'predicted']) {
      // Warm-up reads (plans, JIT) before timing, as a server that has been up a while.
      for (let i = 0; i < 3; i++) await timed(`/queue?sort=${sort}&limit=50`);
      const first: number[] = [];
      for (let i = 0; i < RUNS; i++) first.push((await timed(`/queue?sort=${sort}&limit=50`)).ms);
      const walk: number[] = [];
      const tiers = new Map<string, number>();
      let rows = 0;
      let cursor: string | null = null;
      do {
        const from = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const { page, ms: took } = await timed(`/queue?sort=${sort}&limit=200${from}`);
        walk.push(took);
        rows += page.items.length;
        for (const item of page.items) tiers.set(item.priority, (tiers.get(item.priority) ?? 0) + 1);
        cursor = page.nextCursor;
      } while (cursor && rows < DEPTH);
      const deep: number[] = [];
      let deepTier = '';
      if (cursor) {
        const path = `/queue?sort=${sort}&limit=50&cursor=${encodeURIComponent(cursor)}`;
        for (let i = 0; i < RUNS; i++) {
          const r = await timed(path);
          deep.push(r.ms);
          deepTier = r.page.items[0]?.priority ?? '';
        }
      }
      console.log(
        `sort=${sort}: page 1 (50 rows) p50 ${ms(median(first))}; ` +
          (deep.length
            ? `the 50 rows after row ${rows.toLocaleString('en-US')} (${deepTier}) p50 ${ms(median(deep))}`
            : 'no deeper page') +
          `; walk ${walk.length} pages of 200: p50 ${ms(median(walk))}, slowest ${ms(Math.max(...walk))}; ` +
          `tiers walked ${JSON.stringify(Object.fromEntries(tiers))}`,
      );
    }
  } finally {
    await server.close();
    await pg?.drop();
  }
}

await main();
