/**
 * bench/route — choosing the rep (SPEC §5.2).
 *
 * (a) In process: D routing decisions (per round; the median of 3 rounds after a warm-up) with `chooseRep` over a roster of 200 reps spread over 10
 *     provinces, 8 industries and 3 departments, with realistic availability (≈8% off this
 *     month's list, ≈4% suspended, ≈10% at capacity), skill levels 1–5 and weights 1–3; leads
 *     from those provinces' cities (some from regions nobody covers, some without a region or
 *     industry), one in ten matching a CRM account. Rotation state is kept per pool key in a
 *     Map and every pick applied, as storage would. Baselines in the same run: the eligibility
 *     filter alone, and the filter plus region/industry/skill narrowing (no rotation).
 *     Target: ≥ 20,000 decisions/s.
 * (b) Through HTTP on PostgreSQL (a fresh database; the server in this process, as bench/score
 *     does): the same 200 reps' shape put through PUT /reps over R provinces (one rotation pool
 *     each, R = --regions), this month's eligibility list, and qualified leads (BANT all yes)
 *     from those provinces' cities. Then POST /leads/{id}/transfer {mode: auto} at a fixed
 *     arrival rate from a load worker thread (its own event loop, as an outside client) — open
 *     loop: sends are scheduled on a timer and never wait for answers, and
 *     latency counts from the scheduled send, so a stall shows as latency rather than as a
 *     lower rate. Baseline in the same run at the same rate: GET /leads/{id}. Reports p50, p95,
 *     p99, max and the achieved rate. Target: transfer p99 < 20 ms at 200 requests/s.
 *
 *     Where the time goes (both transfer phases): statements per transfer by kind with their
 *     summed time, CPU per transfer of this process (server + load) and of the database's
 *     PostgreSQL backends (bench/ingest/probes.ts), how busy the whole machine was at each rate
 *     (and what the hypervisor took), and the CPU budget: the CPU time per transfer that the
 *     machine's CPUs give at the target rate, against what a transfer took. --profile also
 *     writes a CPU profile of the server thread during the one-at-a-time transfers, summarised by
 *     package / source folder.
 *
 *   npx tsx bench/route.ts [--decisions 60000] [--reps 200] [--parts inproc,http]
 *                          [--rate 200] [--seconds 10] [--regions 10] [--ladder 50,100,150]
 *                          [--profile] [--keep]
 * --ladder: after the run at --rate, transfers at each of these rates too (fresh leads each),
 * and the highest of all the rates at which p99 stays under 20 ms on this machine ("" for none).
 * --keep leaves the PostgreSQL database in place (its URL is printed) for EXPLAIN afterwards.
 * PostgreSQL: $LEADLOOP_BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (a
 * database is created for the run and dropped after it).
 */
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { SeededRandom } from '../src/domain/predictive/seeded-random.js';
import { chooseRep, narrowPool } from '../src/domain/routing/choose-rep.js';
import { filterAvailable } from '../src/domain/routing/eligibility.js';
import { applyPick, emptyRotationState } from '../src/domain/routing/rotation.js';
import { defaultRoutingPolicy } from '../src/domain/routing/routing-policy.js';
import type {
  AccountMatch,
  RepCandidate,
  RotationState,
  RoutingLead,
  RoutingPolicy,
} from '../src/domain/routing/routing-types.js';
import { tuneGarbageCollector } from '../src/gc-tuning.js';
import { startServer } from '../src/server.js';
import { eligibilityMonth } from '../src/services/roster/eligibility-month.js';
import { freshPostgresDatabase } from '../test/support/postgres.js';
import { type LoadRequest, runHttpLoad } from './ingest/http-load.js';
import { freshLead } from './ingest/leads.js';
import { countStatements, profileServerThread, type Usage, watchUsage } from './ingest/probes.js';

// The server runs in this process, with the garbage collector set as `leadloop start` sets it.
tuneGarbageCollector();

const { values: args } = parseArgs({
  options: {
    decisions: { type: 'string', default: '60000' },
    reps: { type: 'string', default: '200' },
    parts: { type: 'string', default: 'inproc,http' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    regions: { type: 'string', default: '10' },
    ladder: { type: 'string', default: '50,100,150' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const NOW = new Date('2026-03-02T01:00:00Z');
const DAY_MS = 86_400_000;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

const PROVINCES = ['31', '11', '44', '33', '32', '51', '42', '37', '35', '61'];
const CITIES: Record<string, string[]> = {
  '31': ['31'],
  '11': ['11'],
  '44': ['4401', '4403', '4406'],
  '33': ['3301', '3302', '3303'],
  '32': ['3201', '3205', '3202'],
  '51': ['5101', '5107'],
  '42': ['4201', '4205'],
  '37': ['3701', '3702'],
  '35': ['3501', '3502'],
  '61': ['6101'],
};
const INDUSTRIES = ['制造', '金融', '互联网', '教育', '医疗', '零售', '物流', '企业服务'];
const LEAD_INDUSTRIES = [
  '汽车制造',
  '智能制造',
  '银行',
  '互联网金融',
  '在线教育',
  '医疗器械',
  '零售',
  '冷链物流',
  'SaaS',
  '企业服务',
];
const DEPARTMENTS = ['华东一部', '华南部', '华北部'];
const GRADES = ['A1', 'A2', 'B1', 'B2', 'B3', 'C2', 'C3', 'D4'];

function roster(count: number): RepCandidate[] {
  const next = new SeededRandom(2026_03).next;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const home = PROVINCES[i % PROVINCES.length];
    const regions = next() < 0.2 ? [pick(CITIES[home])] : next() < 0.3 ? [home, pick(PROVINCES)] : [home];
    const industries = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(INDUSTRIES)))];
    const capacity = 5 + Math.floor(next() * 11);
    const roll = next();
    return {
      id: `rep-${String(i).padStart(4, '0')}`,
      name: `销售${i}`,
      regions,
      industries,
      level: 1 + Math.floor(next() * 5),
      weight: 1 + Math.floor(next() * 3),
      capacity,
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      eligible: roll >= 0.08,
      suspendedUntil: roll >= 0.08 && roll < 0.12 ? new Date(NOW.getTime() + 7 * DAY_MS) : null,
      openMqls: next() < 0.1 ? capacity : Math.floor(next() * capacity),
    };
  });
}

interface Case {
  lead: RoutingLead;
  account: AccountMatch | null;
}

function cases(count: number, reps: readonly RepCandidate[]): Case[] {
  const next = new SeededRandom(7).next;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const r = next();
    const regionCode = r < 0.1 ? null : r < 0.15 ? '46' : pick(CITIES[pick(PROVINCES)]);
    const lead: RoutingLead = {
      id: `lead-${i}`,
      regionCode,
      industry: next() < 0.15 ? null : pick(LEAD_INDUSTRIES),
      title: pick(['IT经理', '技术总监', 'CTO', '采购专员', null]),
      score: Math.floor(next() * 100),
      grade: pick(GRADES),
    };
    const account: AccountMatch | null =
      next() < 0.1
        ? {
            accountId: `acc-${i}`,
            accountName: `客户${i}`,
            matchedOn: 'name',
            ownerId: next() < 0.8 ? pick(reps).id : null,
            lastActivityAt: next() < 0.5 ? new Date(NOW.getTime() - Math.floor(next() * 60) * DAY_MS) : null,
            contacts: [{ name: '联系人', title: pick(['IT经理', '总监', '专员']) }],
          }
        : null;
    return { lead, account };
  });
}

interface Timing {
  wall: number;
  cpu: number;
}

const ROUNDS = 3;

/** The round with the median CPU time. */
const median = (timings: Timing[]): Timing =>
  [...timings].sort((a, b) => a.cpu - b.cpu)[Math.floor(timings.length / 2)];

/** Wall-clock and CPU seconds of `run` (the machine may be shared: CPU time is the fairer rate). */
function time(run: () => void): Timing {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

/** Part (a): decisions per second in process, against the filter-only and narrowing baselines. */
function inProcess(decisionsPerRound: number, repCount: number): void {
  let decisions = decisionsPerRound;
  const reps = roster(repCount);
  const work = cases(Math.min(decisions, 20_000), reps);
  const policy: RoutingPolicy = { ...defaultRoutingPolicy(), skill: { mustWinGrades: ['A1', 'A2'], topLevel: 4 } };
  const states = new Map<string, RotationState>();
  const rotation = (key: string) => states.get(key) ?? emptyRotationState();
  const kinds = { assign: 0, sync: 0, dispatch: 0 };
  let poolSizes = 0;
  let rotated = 0;
  let sink = 0;

  const filterOnly = () => {
    for (let i = 0; i < decisions; i++) sink += filterAvailable(reps, NOW).available.length;
  };
  const narrowing = () => {
    for (let i = 0; i < decisions; i++) {
      const c = work[i % work.length];
      sink += narrowPool({ lead: c.lead, candidates: reps, policy, now: NOW }).pool.length;
    }
  };
  const full = (count: boolean) => () => {
    for (let i = 0; i < decisions; i++) {
      const c = work[i % work.length];
      const outcome = chooseRep({ lead: c.lead, account: c.account, candidates: reps, rotation, policy, now: NOW });
      if (outcome.rotation && outcome.poolKey) {
        states.set(outcome.poolKey, applyPick(rotation(outcome.poolKey), outcome.rotation));
        if (count) {
          poolSizes += Object.keys(outcome.rotation.received).length;
          rotated++;
        }
      }
      if (count) kinds[outcome.kind]++;
      sink += outcome.explanation.length;
    }
  };

  // Warm up every path (JIT, region/industry memos), then measure each part ROUNDS times in
  // turn and keep the median round: the machine may be shared, and one busy moment should not
  // decide the number.
  const warmDecisions = decisions;
  decisions = Math.min(decisions, 20_000);
  filterOnly();
  narrowing();
  full(false)();
  decisions = warmDecisions;
  states.clear();

  const rounds: { filter: Timing[]; narrow: Timing[]; full: Timing[] } = { filter: [], narrow: [], full: [] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.filter.push(time(filterOnly));
    rounds.narrow.push(time(narrowing));
    rounds.full.push(time(full(round === 0)));
  }
  const tFilter = median(rounds.filter);
  const tNarrow = median(rounds.narrow);
  const tFull = median(rounds.full);
  const rate = (t: Timing) => decisions / t.wall;
  const cpuRate = (t: Timing) => decisions / t.cpu;
  const line = (label: string, t: Timing, note: string) =>
    console.log(
      `  ${label.padEnd(32)} ${int(rate(t)).padStart(10)} /s wall  ${int(cpuRate(t)).padStart(10)} /s per CPU-second  ${note}`,
    );

  const available = filterAvailable(reps, NOW).available.length;
  console.log(
    `bench/route (a) in process — ${reps.length} reps (${available} available), ${int(decisions)} decisions per round, median of ${ROUNDS} rounds`,
  );
  line('eligibility filter only', tFilter, '(baseline)');
  line('filter + region/industry/skill', tNarrow, `(${(tNarrow.cpu / tFilter.cpu).toFixed(2)}× the filter's CPU time)`);
  line(
    'chooseRep + applyPick',
    tFull,
    `(${(tFull.cpu / tFilter.cpu).toFixed(2)}× the filter's, ${(tFull.cpu / tNarrow.cpu).toFixed(2)}× narrowing's)  ${
      cpuRate(tFull) >= 20_000 ? 'target ≥ 20,000/s met' : 'BELOW target 20,000/s'
    }`,
  );
  console.log(
    `  outcomes: ${int(kinds.assign)} assign, ${int(kinds.sync)} sync, ${int(kinds.dispatch)} dispatch; ${states.size} pools, mean pool ${(poolSizes / Math.max(rotated, 1)).toFixed(1)} reps; ${(1e6 / cpuRate(tFull)).toFixed(1)} µs CPU/decision`,
  );
  if (sink === -1) console.log(sink);
}

// ---------------------------------------------------------------------------------------------
// Part (b): transfer latency through HTTP on PostgreSQL.

const HTTP_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const HTTP_PROVINCES: [province: string, cities: string[]][] = [
  ['上海', ['上海']],
  ['北京', ['北京']],
  ['广东', ['广州', '深圳', '佛山']],
  ['浙江', ['杭州', '宁波', '温州']],
  ['江苏', ['南京', '苏州', '无锡']],
  ['四川', ['成都', '绵阳']],
  ['湖北', ['武汉', '宜昌']],
  ['山东', ['济南', '青岛']],
  ['福建', ['福州', '厦门']],
  ['陕西', ['西安']],
];

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

function httpClient(base: string, token: string): Call {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** Setup calls must succeed; the answer's body. */
async function must(call: Call, method: string, path: string, body?: unknown) {
  const r = await call(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

/** Runs `task` over 0..count-1 with at most `limit` in flight. */
async function inParallel(count: number, limit: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

interface LoadRun {
  /** ms to each answer, sorted: from the scheduled send (open loop) or the send (one at a time). */
  latencies: number[];
  /** Open loop: ms each send was late behind its schedule (the load worker was busy), sorted. */
  lags: number[];
  statuses: Map<number, number>;
  /** The first request that failed without an answer (a socket error, a timeout), if any. */
  firstError?: string;
  /** requests per second actually sent, and answered, over the run. */
  sentRate: number;
  answeredRate: number;
  /** CPU milliseconds this process spent per request (server and load worker together). */
  cpuMs: number;
}

/**
 * The requests through the load worker (ingest/http-load.ts: its own event loop, so the
 * client's work does not queue behind the server's): at `rate` per second in an open loop, or
 * one at a time (the service time without queueing, and its CPU cost). `onStarted`: the worker
 * is up and about to send the first request.
 */
async function load(
  origin: string,
  token: string,
  requests: LoadRequest[],
  rate?: number,
  onStarted?: () => void,
): Promise<LoadRun> {
  let cpu = process.cpuUsage();
  const result = await runHttpLoad(
    { origin, headers: { authorization: `Bearer ${token}` }, requests, warmup: 0, concurrency: 1, rate },
    () => {
      cpu = process.cpuUsage(); // the worker has started: its start-up is not the requests' cost
      onStarted?.();
    },
  );
  const used = process.cpuUsage(cpu);
  const sorted = (xs: Float64Array | undefined) => [...(xs ?? [])].sort((x, y) => x - y);
  const networkError = result.errors.find((e) => e.startsWith('0 '));
  return {
    latencies: sorted(result.latenciesMs),
    lags: sorted(result.lagsMs),
    statuses: new Map(Object.entries(result.statuses).map(([status, n]) => [Number(status), n])),
    firstError: networkError?.slice(2),
    sentRate: result.sentRate ?? requests.length / (result.elapsedMs / 1000),
    answeredRate: requests.length / (result.elapsedMs / 1000),
    cpuMs: (used.user + used.system) / 1000 / requests.length,
  };
}

/** Statements and CPU per transfer in one phase, and the statement kinds that held the most time. */
function usageRow(label: string, usage: Usage, transfers: number): void {
  const per = (x: number) => x / transfers;
  const cpuMs = (cores: number) => per(cores * usage.wallMs).toFixed(2);
  const top = usage.kinds
    .slice(0, 8)
    .map((k) => `${k.kind} ${per(k.count).toFixed(1)}× ${per(k.ms).toFixed(2)} ms`)
    .join(', ');
  console.log(
    `  ${label}: ${per(usage.statements).toFixed(1)} statements/transfer; CPU/transfer ${cpuMs(usage.nodeCores)} ms node (server + load), ${cpuMs(usage.serverThreadCores)} ms server thread, ${cpuMs(usage.postgresCores)} ms PostgreSQL\n    statement kinds per transfer (count, summed send→answer): ${top}`,
  );
}

const percent = (fraction: number) => `${(100 * fraction).toFixed(0)}%`;

/** CPU per transfer over a phase: this process (server and load worker) and the database's PostgreSQL backends, in ms. */
function cpuPerTransfer(usage: Usage, transfers: number): { node: number; postgres: number } {
  const per = (cores: number) => (cores * usage.wallMs) / transfers;
  return { node: per(usage.nodeCores), postgres: per(usage.postgresCores) };
}

/** How busy the whole machine was over a phase (and how much the hypervisor took), and what each transfer cost. */
function busyText(usage: Usage, transfers: number): string {
  const { node, postgres } = cpuPerTransfer(usage, transfers);
  return `machine ${percent(usage.machineBusy)} busy, ${percent(usage.machineSteal)} stolen; ${(node + postgres).toFixed(1)} ms CPU/transfer (node ${node.toFixed(1)} + PostgreSQL ${postgres.toFixed(1)})`;
}

/** The CPU time per transfer the machine's CPUs give at `rate`, against what a transfer took. */
function budgetText(rate: number, usage: Usage, transfers: number): string {
  const budget = (cpus().length * 1000) / rate;
  const { node, postgres } = cpuPerTransfer(usage, transfers);
  return `at ${rate}/s the machine's ${cpus().length} CPUs give ${budget.toFixed(1)} ms of CPU per transfer; a transfer took ${(node + postgres).toFixed(1)} ms (${percent((node + postgres) / budget)} of it): node ${node.toFixed(1)} ms (server thread and load worker) + PostgreSQL ${postgres.toFixed(1)} ms`;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** Part (b): transfers at a fixed arrival rate through the API, against plain reads at that rate. */
async function throughHttp(options: {
  reps: number;
  rate: number;
  seconds: number;
  regions: number;
  ladder: number[];
}): Promise<void> {
  const { rate, seconds, ladder } = options;
  const provinces = HTTP_PROVINCES.slice(0, Math.max(1, Math.min(options.regions, HTTP_PROVINCES.length)));
  const warmup = Math.min(200, Math.round(rate)); // not measured
  const sequential = 100;
  const perRate = (r: number) => Math.round(r * seconds);
  const leadCount = warmup + sequential + perRate(rate) + ladder.reduce((sum, r) => sum + perRate(r), 0);
  const databaseUrl = process.env.LEADLOOP_BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const database = await freshPostgresDatabase(databaseUrl, 'leadloop_bench');
  const config = {
    ...loadConfig({ LEADLOOP_ADMIN_TOKEN: HTTP_ADMIN_TOKEN, LEADLOOP_CLOCK: 'manual', LOG_LEVEL: 'error' }),
    port: 0,
    host: '127.0.0.1',
  };
  countStatements();
  const server = await startServer(config, { location: { databaseUrl: database.url }, clock: new ManualClock(NOW) });
  const base = `${server.url}/api/v1`;
  try {
    const setupStart = performance.now();
    const admin = httpClient(base, HTTP_ADMIN_TOKEN);
    const sdrUser = await must(admin, 'POST', '/users', {
      name: '压测SDR',
      email: 'sdr.bench@example.cn',
      role: 'sdr',
    });
    const sdrToken: string = (await must(admin, 'POST', `/users/${sdrUser.id}/tokens`, {})).token;
    const sdr = httpClient(base, sdrToken);

    // The roster: reps spread evenly over the provinces, weights 1–3, three departments.
    const next = new SeededRandom(2026_04).next;
    const repIds: string[] = [];
    await inParallel(options.reps, 8, async (i) => {
      const rep = await must(admin, 'POST', '/users', {
        name: `销售${i}`,
        email: `rep${i}.bench@example.cn`,
        role: 'sales',
      });
      await must(admin, 'PUT', `/reps/${rep.id}`, {
        regions: [provinces[i % provinces.length][0]],
        industries: [],
        level: 1 + (i % 5),
        weight: 1 + Math.floor(next() * 3),
        capacity: 10_000,
        department: DEPARTMENTS[i % DEPARTMENTS.length],
      });
      repIds.push(rep.id);
    });
    await must(admin, 'PUT', `/eligibility/${eligibilityMonth(NOW)}`, { repIds });

    // Qualified leads from the provinces' cities, spread evenly over the pools.
    const leadIds: string[] = [];
    for (let i = 0; i < leadCount; i += 1000) {
      const leads = Array.from({ length: Math.min(1000, leadCount - i) }, (_, k) => {
        const n = i + k;
        const cities = provinces[n % provinces.length][1];
        return { ...freshLead(2_000_000 + n), channel: 'sem', region: cities[n % cities.length] };
      });
      const answer = await must(admin, 'POST', '/leads/bulk', { leads });
      if (answer.failed.length) throw new Error(`bulk capture failed: ${JSON.stringify(answer.failed[0])}`);
      leadIds.push(...answer.results.map((r: { id: string }) => r.id));
    }
    await inParallel(leadIds.length, 8, (i) =>
      must(sdr, 'PUT', `/leads/${leadIds[i]}/qualification`, {
        framework: 'BANT',
        answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
      }),
    );
    const setupMs = performance.now() - setupStart;

    // Warm up both paths (JIT, connection pool, plan caches); then one request at a time (the
    // service time), then the open loop at the rate: reads first, then transfers.
    await inParallel(warmup, 4, (i) => must(sdr, 'GET', `/leads/${leadIds[i]}`));
    await inParallel(warmup, 4, (i) => must(sdr, 'POST', `/leads/${leadIds[i]}/transfer`, { mode: 'auto' }));
    const alone = leadIds.slice(warmup, warmup + sequential);
    const reading = (ids: string[]) => ids.map((id) => ({ path: `/api/v1/leads/${id}` }));
    const transferring = (ids: string[]) =>
      ids.map((id) => ({ path: `/api/v1/leads/${id}/transfer`, body: JSON.stringify({ mode: 'auto' }) }));
    const readAlone = await load(server.url, sdrToken, reading(alone));
    // Usage is watched from when the load worker has started and sends its first request.
    let aloneUsage!: () => Usage;
    const transferAloneRun = () =>
      load(server.url, sdrToken, transferring(alone), undefined, () => {
        aloneUsage = watchUsage(database.name);
      });
    const profiled = args.profile
      ? await profileServerThread(
          join(tmpdir(), `leadloop-bench-route-transfer-${process.pid}.cpuprofile`),
          fileURLToPath(new URL('..', import.meta.url)),
          transferAloneRun,
        )
      : null;
    const transferAlone = profiled ? profiled.value : await transferAloneRun();
    const transferAloneUsage = aloneUsage();
    const measured = leadIds.slice(warmup + sequential, warmup + sequential + perRate(rate));
    const reads = await load(server.url, sdrToken, reading(measured), rate);
    let loadUsage!: () => Usage;
    const transfers = await load(server.url, sdrToken, transferring(measured), rate, () => {
      loadUsage = watchUsage(database.name);
    });
    const transferLoadUsage = loadUsage();
    const steps: { rate: number; run: LoadRun; usage: Usage }[] = [];
    let firstUnused = warmup + sequential + perRate(rate);
    for (const r of ladder) {
      const ids = leadIds.slice(firstUnused, firstUnused + perRate(r));
      firstUnused += ids.length;
      let stepUsage!: () => Usage;
      const run = await load(server.url, sdrToken, transferring(ids), r, () => {
        stepUsage = watchUsage(database.name);
      });
      steps.push({ rate: r, run, usage: stepUsage() });
    }

    // Where the transfers went: every measured lead should hold one hand-off to a rep.
    const kinds = new Map<string, number>();
    await inParallel(Math.min(measured.length, 200), 8, async (i) => {
      const items = (await must(sdr, 'GET', `/leads/${measured[i]}/handoffs`)).items as { kind: string }[];
      const key = items.map((h) => h.kind).join('+') || 'none';
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    });

    const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
    const statuses = (r: { statuses: Map<number, number> }) =>
      [...r.statuses].map(([status, n]) => `${int(n)}×${status === 0 ? 'network error' : status}`).join(', ');
    const spread = (r: { latencies: number[] }) =>
      `p50 ${ms(quantile(r.latencies, 0.5))}  p95 ${ms(quantile(r.latencies, 0.95))}  p99 ${ms(quantile(r.latencies, 0.99))}  max ${ms(r.latencies.at(-1) ?? Number.NaN)}`;
    const row = (label: string, r: LoadRun) =>
      console.log(
        `  ${label.padEnd(34)} ${spread(r)}  sent ${r.sentRate.toFixed(0)}/s answered ${r.answeredRate.toFixed(0)}/s  ${r.cpuMs.toFixed(1)} ms CPU/request  [${statuses(r)}]${r.firstError ? `\n    first network error: ${r.firstError}` : ''}`,
      );
    const aloneRow = (label: string, r: LoadRun) =>
      console.log(`  ${label.padEnd(34)} ${spread(r)}  ${r.cpuMs.toFixed(1)} ms CPU/request  [${statuses(r)}]`);
    console.log(
      `bench/route (b) through HTTP on PostgreSQL — node ${process.version}, ${cpus().length} CPUs; ${repIds.length} reps over ${provinces.length} provinces (${provinces.length} rotation pools), ${int(leadIds.length)} qualified leads (setup ${(setupMs / 1000).toFixed(1)} s); ${rate} requests/s open loop for ${seconds} s each, server in this process, load from a worker thread`,
    );
    aloneRow('GET /leads/{id}, one at a time', readAlone);
    aloneRow('transfer, one at a time', transferAlone);
    row(`GET /leads/{id} at ${rate}/s (baseline)`, reads);
    row(`transfer at ${rate}/s`, transfers);
    const p99 = quantile(transfers.latencies, 0.99);
    console.log(
      `  transfer / read: alone p50 ×${(quantile(transferAlone.latencies, 0.5) / quantile(readAlone.latencies, 0.5)).toFixed(2)}, CPU ×${(transferAlone.cpuMs / readAlone.cpuMs).toFixed(2)}; at the rate p50 ×${(quantile(transfers.latencies, 0.5) / quantile(reads.latencies, 0.5)).toFixed(2)}, p99 ×${(p99 / quantile(reads.latencies, 0.99)).toFixed(2)}; send lag p99 ${quantile(transfers.lags, 0.99).toFixed(1)} ms (reads ${quantile(reads.lags, 0.99).toFixed(1)} ms)  ${
        p99 < 20 ? 'target p99 < 20 ms met' : 'ABOVE target p99 < 20 ms'
      }`,
    );
    usageRow('transfers one at a time', transferAloneUsage, sequential);
    usageRow(`transfers at ${rate}/s`, transferLoadUsage, measured.length);
    if (profiled) {
      const { summary } = profiled;
      const pct = (x: number) => `${((100 * x) / summary.totalMs).toFixed(0)}%`;
      console.log(
        `  CPU profile of the server thread, transfers one at a time: ${int(summary.totalMs)} ms busy → ${summary.file}`,
      );
      console.log(`    by package/folder: ${summary.buckets.map((b) => `${b.name} ${pct(b.ms)}`).join(', ')}`);
      for (const f of summary.functions.slice(0, 10)) console.log(`      ${pct(f.ms).padStart(4)}  ${f.name}`);
    }
    console.log(`  CPU budget: ${budgetText(rate, transferLoadUsage, measured.length)}`);
    if (steps.length) {
      const all = [...steps, { rate, run: transfers, usage: transferLoadUsage }].sort((a, b) => a.rate - b.rate);
      console.log('  transfers by arrival rate (open loop, fresh leads each):');
      for (const { rate: r, run, usage } of all) {
        row(`    at ${r}/s`, run);
        console.log(`      ${busyText(usage, run.latencies.length)}`);
      }
      // the highest rate at which p99 held, and held at every lower rate too
      const firstMiss = all.findIndex((s) => !(quantile(s.run.latencies, 0.99) < 20));
      const held = firstMiss === -1 ? all.at(-1) : all[firstMiss - 1];
      console.log(
        `  p99 < 20 ms ${held ? `held up to ${held.rate}/s (machine ${percent(held.usage.machineBusy)} busy)` : `not held even at ${all[0].rate}/s`} on this machine (target: at ${rate}/s)`,
      );
    }
    console.log(
      `  hand-offs of ${Math.min(measured.length, 200)} sampled leads: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`,
    );
  } finally {
    await server.close();
    if (args.keep) console.log(`  database kept: ${database.url}`);
    else await database.drop();
  }
}

const parts: Record<string, () => void | Promise<void>> = {
  inproc: () => inProcess(Number(args.decisions), Number(args.reps)),
  http: () =>
    throughHttp({
      reps: Number(args.reps),
      rate: Number(args.rate),
      seconds: Number(args.seconds),
      regions: Number(args.regions),
      ladder: (args.ladder as string)
        .split(',')
        .filter((r) => r.trim())
        .map((r) => {
          const perSecond = Number(r);
          if (!(perSecond > 0)) throw new Error(`--ladder takes rates per second, like 50,100,150; not "${r}"`);
          return perSecond;
        }),
    }),
};

for (const name of (args.parts as string).split(',')) {
  const part = parts[name];
  if (!part) throw new Error(`unknown part "${name}" (known: ${Object.keys(parts).join(', ')})`);
  await part();
}
