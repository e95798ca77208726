/**
 * Real LeadLoop server processes for tests that need more than one server on one database
 * (rotation exact across processes, SPEC §5.2): `node bin/leadloop.mjs start --port 0`, the
 * way an operator runs it, on loopback. The listening address is read from the line `leadloop
 * start` prints ("LeadLoop is listening on http://…"), then /api/v1/health is polled until it
 * answers. Output is kept so a failure can show what the process said.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LISTENING = /LeadLoop is listening on (http:\/\/\S+)/;

/** Children still running; killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface LeadLoopProcess {
  pid: number;
  /** http://127.0.0.1:port */
  url: string;
  /** url + /api/v1 */
  base: string;
  /** What the process printed on stdout and stderr so far. */
  output(): string;
  /** SIGTERM (a clean shutdown), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** kill -9: no shutdown at all, as a crash or an OOM kill would; resolves once it is gone. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Environment on top of PATH/HOME (DATABASE_URL, LEADLOOP_ADMIN_TOKEN, …). */
  env: Record<string, string>;
  /** How long to wait for the listening line and a healthy /health. */
  timeoutMs?: number;
}

/** Starts `leadloop start --port 0` on 127.0.0.1 and resolves once /api/v1/health answers 200. */
export async function startLeadLoopProcess(options: StartOptions): Promise<LeadLoopProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'leadloop.mjs'), 'start', '--port', '0'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const stop = (graceMs = 10_000) => stopChild(child, exited, graceMs);
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };

  try {
    const url = await waitFor(timeoutMs, async () => {
      if (child.exitCode !== null) throw new Error(`leadloop exited with ${child.exitCode} before listening`);
      return LISTENING.exec(output)?.[1];
    });
    const base = `${url}/api/v1`;
    await waitFor(timeoutMs, async () => {
      const res = await fetch(`${base}/health`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    });
    return { pid: child.pid as number, url, base, output: () => output, stop, kill };
  } catch (error) {
    await stop(2_000);
    throw new Error(`${(error as Error).message}\n--- leadloop output ---\n${output}`);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
}

async function waitFor<T>(timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `task` over `items` with at most `limit` in flight; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
