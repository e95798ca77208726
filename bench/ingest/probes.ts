/**
 * What the benchmark watches besides throughput, to say where the time goes: statements sent
 * to the database (both drivers' `query` wrapped once), the server thread's event-loop use,
 * CPU of this process and of the PostgreSQL backends, and optionally a CPU profile of the
 * server thread summarised by package / source folder.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Statements sent by either driver since the process started (BEGIN and COMMIT included). */
export const statements = { count: 0, kinds: new Map<string, { count: number; ms: number }>() };

/** "insert leads", "select api_tokens", "advisory lock", "commit": what a statement is. */
function kindOf(text: unknown): string {
  const sqlText = typeof text === 'string' ? text : ((text as { text?: string } | null)?.text ?? '');
  const head = sqlText.slice(0, 200).toLowerCase();
  if (head.includes('pg_advisory_xact_lock')) return 'advisory lock';
  const verb = /^\s*(select|insert into|update|delete from|begin|commit|rollback|start transaction)\b\s*"?(\w*)/.exec(
    head,
  );
  if (!verb) return head.split(/\s/)[0] || '?';
  if (verb[1] === 'select') return `select ${/\bfrom\s+"?(\w+)/.exec(sqlText.toLowerCase())?.[1] ?? ''}`.trim();
  if (verb[1] === 'start transaction') return 'begin';
  return `${verb[1].split(' ')[0]} ${verb[2]}`.trim();
}

function record(kind: string, started: number): void {
  const entry = statements.kinds.get(kind);
  if (entry) {
    entry.count++;
    entry.ms += performance.now() - started;
  } else statements.kinds.set(kind, { count: 1, ms: performance.now() - started });
}

/**
 * Counts the statement and times it from send to answer (on its connection: no pool wait).
 * No named closures per call: tsx (esbuild keepNames) wraps each in a __name() call.
 */
function counted<F extends (...a: never[]) => unknown>(original: F): F {
  return function (this: unknown, ...args: unknown[]) {
    statements.count++;
    const kind = kindOf(args[0]);
    const started = performance.now();
    const result = (original as unknown as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => record(kind, started),
        () => record(kind, started),
      );
    }
    return result;
  } as unknown as F;
}

let wrapped = false;
/** Wrap both drivers' `query` before any store opens. */
export function countStatements(): void {
  if (wrapped) return;
  wrapped = true;
  pg.Client.prototype.query = counted(pg.Client.prototype.query);
  PGlite.prototype.query = counted(PGlite.prototype.query);
}

const ticksPerSecond = 100; // USER_HZ on Linux

/**
 * CPU ticks so far of each PostgreSQL backend serving `database` (its process title names the
 * database), so other work on the same server is not counted. Linux /proc; empty elsewhere.
 */
function backendTicks(database: string | undefined): Map<string, number> {
  const ticks = new Map<string, number>();
  if (!database) return ticks;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return ticks;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime + stime
    } catch {
      // the process ended between readdir and read
    }
  }
  return ticks;
}

/** CPU seconds of this process's main thread (the server's event loop; its TID is the PID). */
function mainThreadSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/**
 * Ticks of all the machine's CPUs so far (the first line of /proc/stat): busy (all but idle and
 * I/O wait), stolen by the hypervisor, and in all; null where /proc is missing.
 */
function machineTicks(): { busy: number; steal: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { busy: total - idle - iowait, steal, total };
  } catch {
    return null;
  }
}

/** CPU seconds the backends used between two snapshots (a backend that ended meanwhile is lost). */
function backendSeconds(before: Map<string, number>, after: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / ticksPerSecond;
}

export interface Usage {
  wallMs: number;
  statements: number;
  /** Per kind of statement: how many, and the summed time from send to answer. */
  kinds: { kind: string; count: number; ms: number }[];
  /** Fraction of wall time the server's (main) thread was busy. */
  serverThreadBusy: number;
  /** Cores' worth of CPU: this process (server + load client), the database's PostgreSQL backends. */
  nodeCores: number;
  /** Cores' worth of CPU of the server's thread alone (NaN where /proc is missing). */
  serverThreadCores: number;
  postgresCores: number;
  /**
   * The whole machine over the phase (Linux /proc/stat; NaN elsewhere), as fractions of all its
   * CPUs' time: busy (anything but idle), and stolen by the hypervisor for other guests.
   */
  machineBusy: number;
  machineSteal: number;
}

/** Starts watching; call the returned function at the end of the phase. `database`: a PostgreSQL database name. */
export function watchUsage(database?: string): () => Usage {
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const pgTicks = backendTicks(database);
  const mainCpu = mainThreadSeconds();
  const machine = machineTicks();
  const stmts = statements.count;
  const kinds = new Map([...statements.kinds].map(([k, v]) => [k, { ...v }]));
  return () => {
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const machineNow = machineTicks();
    const machineShare = (part: 'busy' | 'steal') =>
      machine && machineNow ? (machineNow[part] - machine[part]) / (machineNow.total - machine.total) : Number.NaN;
    return {
      wallMs,
      statements: statements.count - stmts,
      kinds: [...statements.kinds]
        .map(([kind, v]) => ({
          kind,
          count: v.count - (kinds.get(kind)?.count ?? 0),
          ms: v.ms - (kinds.get(kind)?.ms ?? 0),
        }))
        .filter((k) => k.count > 0)
        .sort((x, y) => y.ms - x.ms),
      serverThreadBusy: performance.eventLoopUtilization(elu).utilization,
      nodeCores: (used.user + used.system) / 1000 / wallMs,
      serverThreadCores: ((mainThreadSeconds() - mainCpu) * 1000) / wallMs,
      postgresCores: (backendSeconds(pgTicks, backendTicks(database)) * 1000) / wallMs,
      machineBusy: machineShare('busy'),
      machineSteal: machineShare('steal'),
    };
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  buckets: { name: string; ms: number }[];
  functions: { name: string; ms: number }[];
}

/** Where a sampled frame's code lives: a package, a source folder of ours, or a VM state. */
function bucketOf(url: string, functionName: string, root: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const path = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + 14).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const rel = relative(root, path);
  if (rel.startsWith('src/'))
    return rel
      .split('/')
      .slice(0, rel.startsWith('src/domain/') ? 3 : 2)
      .join('/');
  return rel;
}

/** CPU profile of this (the server's) thread while `run` runs; written to `file`. */
export async function profileServerThread<T>(
  file: string,
  root: string,
  run: () => Promise<T>,
): Promise<{ value: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let value: T;
  try {
    value = await run();
  } catch (error) {
    await session.post('Profiler.stop');
    session.disconnect();
    throw error;
  }
  const { profile } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  };
  session.disconnect();
  writeFileSync(file, JSON.stringify(profile));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  // Frames under the inspector's own calls (stopping the profiler) are not the server's work.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const underInspector = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)?.callFrame.url === 'node:inspector') return true;
    return false;
  };
  let totalMs = 0;
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    if (ms === 0 || node.callFrame.functionName === '(idle)' || underInspector(node.id)) continue;
    totalMs += ms;
    const bucket = bucketOf(node.callFrame.url, node.callFrame.functionName, root);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${bucket}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms }));
  return { value, summary: { file, totalMs, buckets: top(buckets, 14), functions: top(functions, 14) } };
}
