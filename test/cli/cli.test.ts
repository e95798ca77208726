/**
 * The `leadloop` command (SPEC §10 CLI, §10.1 start-up and operations), run as a person runs it:
 * `node bin/leadloop.mjs …` in a child process, over an embedded PGlite data directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyCsv, historyRows } from '../support/history.js';
import { freshPostgresDatabase } from '../support/postgres.js';

const root = resolve(import.meta.dirname, '../..');
const adminToken = 'cli-test-admin-token-0123456789abcdef';

interface Run {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<Run>();
const tempDirs: string[] = [];

/** The environment of a person's shell, minus anything that would point the CLI elsewhere. */
function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'DATABASE_URL',
    'LEADLOOP_DATA_DIR',
    'PORT',
    'LEADLOOP_ADMIN_TOKEN',
    'LEADLOOP_ADMIN_EMAIL',
    'LEADLOOP_ADMIN_PASSWORD',
    'LEADLOOP_CLOCK',
    'LEADLOOP_TEST_DATABASE_URL',
  ]) {
    delete env[key];
  }
  Object.assign(env, { HOST: '127.0.0.1', LOG_LEVEL: 'error', NO_COLOR: '1' });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function leadloop(args: string[], env: NodeJS.ProcessEnv = cliEnv({ LEADLOOP_ADMIN_TOKEN: adminToken })): Run {
  const proc = spawn(process.execPath, ['bin/leadloop.mjs', ...args], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    proc.on('exit', (code, signal) => {
      // Let the pipes drain before anyone reads the output.
      setTimeout(() => done({ code, signal }), 50);
    });
  });
  const run: Run = { proc, stdout: () => out, stderr: () => err, exited };
  running.add(run);
  void exited.then(() => running.delete(run));
  return run;
}

/** Waits for the command to exit on its own, or kills it after `ms`. */
async function finish(run: Run, ms = 90_000) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => {
      kill(run);
      fail(new Error(`leadloop did not exit within ${ms} ms\nstdout: ${run.stdout()}\nstderr: ${run.stderr()}`));
    }, ms);
  });
  try {
    return await Promise.race([run.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function kill(run: Run, signal: NodeJS.Signals = 'SIGKILL') {
  if (run.proc.pid === undefined || run.proc.exitCode !== null || run.proc.signalCode !== null) return;
  try {
    process.kill(-run.proc.pid, signal); // the whole process group
  } catch {
    // already gone
  }
}

/** Gracefully stops a server (SIGTERM to the process itself), as a service manager would. */
async function stop(run: Run) {
  run.proc.kill('SIGTERM');
  return finish(run, 30_000);
}

afterAll(() => {
  for (const run of running) kill(run);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadloop-cli-'));
  tempDirs.push(dir);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Polls /api/v1/health until the server answers, failing early if the process exits. */
async function waitUntilServing(run: Run, port: number, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  let exited = false;
  void run.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`leadloop start exited before serving\nstdout: ${run.stdout()}\nstderr: ${run.stderr()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (r.status === 200) {
        expect(await r.json()).toEqual({ status: 'ok' });
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  kill(run);
  throw new Error(`leadloop start did not serve within ${ms} ms\nstdout: ${run.stdout()}\nstderr: ${run.stderr()}`);
}

/** Waits (briefly) for a line the process prints right after it starts listening. */
async function waitForOutput(run: Run, pattern: RegExp, ms = 5_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (!pattern.test(run.stdout()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return run.stdout();
}

async function startServing(dir: string, env?: NodeJS.ProcessEnv): Promise<{ run: Run; port: number; api: Api }> {
  const port = await freePort();
  const run = leadloop(['start', '--port', String(port), '--data', dir], env);
  await waitUntilServing(run, port);
  return { run, port, api: api(port) };
}

type Api = (
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
) => Promise<{ status: number; body: any }>;

function api(port: number): Api {
  return async (method, path, body, token = adminToken) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep text
    }
    return { status: r.status, body: parsed };
  };
}

/** Every live lead, all pages. */
async function allLeads(call: Api): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const r = await call('GET', `/leads?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status).toBe(200);
    out.push(...r.body.items);
    cursor = r.body.nextCursor;
  } while (cursor);
  return out;
}

const mobile = (n: number) => `139${String(20_000_000 + n).padStart(8, '0')}`;

describe('leadloop migrate', () => {
  it('applies the migrations to a new data directory and exits 0, leaving no lock behind', async () => {
    const dir = tempDir();
    const run = leadloop(['migrate', '--data', dir]);
    const { code } = await finish(run);
    expect(code, run.stderr()).toBe(0);
    expect(existsSync(join(dir, 'pgdata'))).toBe(true);
    expect(existsSync(join(dir, 'leadloop.lock'))).toBe(false);
    // again: nothing to do, still 0
    const again = leadloop(['migrate', '--data', dir]);
    expect((await finish(again)).code, again.stderr()).toBe(0);
  }, 180_000);
});

describe('leadloop start', () => {
  const dir = tempDir();
  let first: Awaited<ReturnType<typeof startServing>> | undefined;
  let leadId: string;

  afterAll(() => {
    if (first) kill(first.run);
  });

  it('serves the API, stops on SIGTERM and keeps its data, admin and token across a restart', async () => {
    const a = await startServing(dir);
    expect(await waitForOutput(a.run, /listening/)).toContain(`127.0.0.1:${a.port}`);
    expect(a.run.stdout()).not.toMatch(/token \(shown once\)/); // the token came from LEADLOOP_ADMIN_TOKEN
    const created = await a.api('POST', '/leads', {
      name: '持久化',
      phone: mobile(1),
      company: '重启测试有限公司',
      channel: 'sem',
    });
    expect(created.status).toBe(201);
    leadId = created.body.lead.id;
    const admins = await a.api('GET', '/users?role=admin');
    expect(admins.body.items).toHaveLength(1);
    expect(existsSync(join(dir, 'leadloop.lock'))).toBe(true);

    const stopped = await stop(a.run);
    expect(stopped.code, a.run.stderr()).toBe(0);
    expect(existsSync(join(dir, 'leadloop.lock'))).toBe(false);

    first = await startServing(dir);
    expect(await waitForOutput(first.run, /listening/)).toMatch(/listening/);
    expect(first.run.stdout()).not.toContain('Created the admin user');
    const read = await first.api('GET', `/leads/${leadId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: leadId, name: '持久化', phone: `+86${mobile(1)}`, channel: 'sem' });
    const me = await first.api('GET', '/users/me');
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('admin');
    const adminsAfter = await first.api('GET', '/users?role=admin');
    expect(adminsAfter.body.items).toHaveLength(1);
    expect(adminsAfter.body.items[0].id).toBe(admins.body.items[0].id);
    expect((await first.api('GET', '/users/me', undefined, 'not-a-valid-token-000000000000')).status).toBe(401);
  }, 180_000);

  it('refuses a second start on the same data directory, naming it as in use, while the first keeps serving', async () => {
    expect(first).toBeDefined();
    const port = await freePort();
    const second = leadloop(['start', '--port', String(port), '--data', dir]);
    const { code } = await finish(second);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(second.stderr()).toMatch(/data directory/i);
    expect(second.stderr()).toMatch(/in use/i);
    expect(second.stderr()).toContain(dir);
    expect(second.stderr()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    // nothing listens on the second port
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();

    const still = await first!.api('GET', `/leads/${leadId}`);
    expect(still.status).toBe(200);
    expect((await first!.api('POST', '/leads', { name: '仍在服务', phone: mobile(2), channel: 'sem' })).status).toBe(
      201,
    );
    expect(existsSync(join(dir, 'leadloop.lock'))).toBe(true);
  }, 120_000);

  it('refuses an import and a migrate into the data directory of a running server', async () => {
    const file = join(tempDir(), 'leads.csv');
    writeFileSync(file, `姓名,手机\n并行导入,${mobile(3)}\n`);
    const imp = leadloop(['import', file, '--data', dir]);
    const r = await finish(imp);
    expect(r.code).not.toBe(0);
    expect(imp.stderr()).toMatch(/in use/i);
    const mig = leadloop(['migrate', '--data', dir]);
    expect((await finish(mig)).code).not.toBe(0);
    expect(mig.stderr()).toMatch(/in use/i);

    const found = await first!.api('GET', `/leads?q=${mobile(3)}`);
    expect(found.body.items).toHaveLength(0);
    expect((await first!.api('GET', '/health', undefined, null)).status).toBe(200);
    const stopped = await stop(first!.run);
    expect(stopped.code).toBe(0);
    first = undefined;
  }, 120_000);
});

describe('leadloop import', () => {
  const total = 2500;
  // Excel row numbers (header = 1) of the rows made bad, and how.
  const badPhoneRows = [2, 250, 777, 1001, 1002, 2000, 2501];
  const noNameRows = [500, 1500];
  const badEmployeesRows = [1234];
  const badRows = [...badPhoneRows, ...noNameRows, ...badEmployeesRows].sort((a, b) => a - b);
  const duplicateRows = [1800, 2200]; // repeat the person of row 3
  const goodCount = total - badRows.length - duplicateRows.length;

  function leadsCsv(): string {
    const lines = ['姓名,手机,邮箱,公司,地区,员工数,渠道'];
    for (let row = 2; row <= total + 1; row++) {
      const i = row - 2;
      let name = `导入${i}`;
      let phone = mobile(1000 + i);
      let employees = String(10 + (i % 900));
      if (badPhoneRows.includes(row)) phone = `12${i}`;
      if (noNameRows.includes(row)) name = '';
      if (badEmployeesRows.includes(row)) employees = '很多';
      if (duplicateRows.includes(row)) {
        name = '导入1';
        phone = mobile(1001);
      }
      lines.push(
        [name, phone, '', `导入测试公司${i}`, i % 2 ? '上海' : '北京', employees, i % 3 ? 'event_offline' : ''].join(
          ',',
        ),
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  it('imports 2,500 rows offline with a summary and an error report, and the next start serves the leads', async () => {
    const dir = tempDir();
    // First start creates the bootstrap admin the import is recorded for.
    const boot = await startServing(dir);
    expect((await stop(boot.run)).code).toBe(0);

    const work = tempDir();
    const file = join(work, 'leads.csv');
    writeFileSync(file, leadsCsv());
    const imp = leadloop(['import', file, '--data', dir]);
    const { code } = await finish(imp, 150_000);
    expect(code, `${imp.stdout()}\n${imp.stderr()}`).toBe(0);
    const out = imp.stdout();
    expect(out).toMatch(new RegExp(`\\b${goodCount} new\\b`));
    expect(out).toMatch(new RegExp(`\\b${duplicateRows.length} merged\\b`));
    expect(out).toMatch(new RegExp(`\\b${badRows.length} rows failed\\b`));

    const reportPath = `${file}.errors.csv`;
    expect(out).toContain(reportPath);
    expect(existsSync(reportPath)).toBe(true);
    const report = readFileSync(reportPath, 'utf8').replace(/^\uFEFF/, '');
    const lines = report.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toBe('row,field,message');
    const reported = lines.slice(1).map((l) => {
      const m = /^"?(\d+)"?,"?([^,"]+)"?,/.exec(l);
      expect(m, l).not.toBeNull();
      return [Number(m![1]), m![2]];
    });
    expect(reported).toEqual(
      badRows.map((row) => [
        row,
        badPhoneRows.includes(row) ? 'phone' : noNameRows.includes(row) ? 'name' : 'employees',
      ]),
    );
    expect(existsSync(join(dir, 'leadloop.lock'))).toBe(false);

    // --errors puts the report where asked; a re-import merges everyone, nobody is new.
    const customReport = join(work, 'custom-errors.csv');
    const again = leadloop(['import', file, '--data', dir, '--errors', customReport]);
    expect((await finish(again, 150_000)).code, again.stderr()).toBe(0);
    expect(again.stdout()).toMatch(/\b0 new\b/);
    expect(again.stdout()).toMatch(new RegExp(`\\b${goodCount + duplicateRows.length} merged\\b`));
    expect(existsSync(customReport)).toBe(true);
    expect(readFileSync(customReport, 'utf8')).toContain('1234');

    const s = await startServing(dir);
    try {
      const first = await s.api('GET', '/leads?limit=1');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const leads = await allLeads(s.api);
      expect(leads).toHaveLength(goodCount);
      expect(new Set(leads.map((l) => l.id)).size).toBe(goodCount);
      for (const lead of leads) {
        expect(lead.name).toBeTruthy();
        expect(lead.phone).toMatch(/^\+86139\d{8}$/);
      }
      const one = await s.api('GET', `/leads?q=${mobile(1000 + 42)}`);
      expect(one.body.items).toHaveLength(1);
      expect(one.body.items[0]).toMatchObject({ name: '导入42', region: '北京市', employees: 52, channel: 'import' });
      const other = await s.api('GET', `/leads?q=${mobile(1000 + 43)}`);
      expect(other.body.items[0]).toMatchObject({ name: '导入43', region: '上海市', channel: 'event_offline' });
      // no lead from a failed row, and the repeats did not become leads of their own
      const companies = new Set(leads.map((l) => l.company));
      for (const row of [...badRows, ...duplicateRows])
        expect(companies.has(`导入测试公司${row - 2}`), `row ${row}`).toBe(false);
    } finally {
      await stop(s.run);
    }
  }, 420_000);
});

describe('leadloop import --history', () => {
  it('loads past leads apart from live ones, reports bad rows, and refuses a file without outcomes', async () => {
    const dir = tempDir();
    const work = tempDir();
    const file = join(work, 'history.csv');
    writeFileSync(
      file,
      [
        '外部编号,结果,创建时间,行业,预算',
        'P-1,已转化,2025-03-04,制造业,"1,000"',
        'P-2,未转化,,软件,20',
        'P-3,maybe,,,',
        'P-4,,,,',
      ]
        .join('\r\n')
        .concat('\r\n'),
    );
    const imp = leadloop(['import', '--history', file, '--data', dir]);
    expect((await finish(imp, 150_000)).code, `${imp.stdout()}\n${imp.stderr()}`).toBe(0);
    expect(imp.stdout()).toMatch(/History import \S+: 3 new history leads, 0 updated, 1 rows failed/);
    const report = readFileSync(`${file}.errors.csv`, 'utf8');
    expect(report).toMatch(/"4","outcome"/);

    const noOutcome = join(work, 'no-outcome.csv');
    writeFileSync(noOutcome, '外部编号,行业\r\nP-9,软件\r\n');
    const refused = leadloop(['import', '--history', noOutcome, '--data', dir]);
    expect((await finish(refused, 150_000)).code).toBe(2);
    expect(refused.stderr()).toMatch(/outcome/);
    expect(refused.stderr()).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const s = await startServing(dir);
    try {
      expect(await allLeads(s.api)).toEqual([]); // no live leads
      const history = await s.api('GET', '/leads?history=true');
      expect(history.body.items.map((l: any) => [l.externalId, l.status, l.outcome]).sort()).toEqual([
        ['P-1', 'won', 'won'],
        ['P-2', 'lost', 'not_converted'],
        ['P-4', 'new', null],
      ]);
      const p1 = history.body.items.find((l: any) => l.externalId === 'P-1');
      expect(p1).toMatchObject({ industry: '制造业', fields: { 预算: 1000 }, createdAt: '2025-03-03T16:00:00.000Z' });
    } finally {
      await stop(s.run);
    }
  }, 420_000);
});

describe('leadloop train', () => {
  it('says how much history it lacks, then trains on an imported history and activates the model', async () => {
    const dir = tempDir();
    const noModel = leadloop(['predict', '--data', dir]);
    expect((await finish(noModel, 150_000)).code).toBe(3);
    expect(noModel.stderr()).toMatch(/no predictive model is active/);
    const tooLittle = leadloop(['train', '--target', 'won', '--data', dir]);
    expect((await finish(tooLittle, 150_000)).code).toBe(3);
    expect(tooLittle.stderr()).toMatch(/not enough history .* import 200 more leads with a known outcome/);

    const file = join(tempDir(), 'crm-2025.csv');
    writeFileSync(file, historyCsv(historyRows()));
    const imp = leadloop(['import', '--history', file, '--data', dir]);
    expect((await finish(imp, 150_000)).code, `${imp.stdout()}\n${imp.stderr()}`).toBe(0);

    const train = leadloop(['train', '--target', 'won', '--activate', '--data', dir]);
    expect((await finish(train, 150_000)).code, `${train.stdout()}\n${train.stderr()}`).toBe(0);
    const out = train.stdout();
    expect(out).toMatch(/leads with an outcome: 800, reached won: \d+/);
    expect(out).toMatch(/held out \(newest 30%\): 240 leads — ROC AUC 0\.\d{3}, Brier 0\.\d{3}/);
    expect(out).toMatch(/渠道 = 主动咨询: \+\d+% {2}\| {2}Channel = Inbound inquiry: \+\d+%/);
    expect(out).toMatch(/left out: field\.成交负责人/);
    expect(out).toMatch(/activated/);

    const badTarget = leadloop(['train', '--target', 'revenue', '--data', dir]);
    expect((await finish(badTarget, 60_000)).code).not.toBe(0);
    expect(badTarget.stderr()).toMatch(/sql, opportunity, won/);

    const s = await startServing(dir);
    const ids: string[] = [];
    try {
      const models = await s.api('GET', '/models');
      expect(models.body.items[0]).toMatchObject({ status: 'trained', active: true, target: 'won' });
      for (const [name, title, channel] of [
        ['周敏', 'CEO', 'event_offline'],
        ['刘洋', '销售专员', 'outbound'],
      ]) {
        const r = await s.api('POST', '/leads', { name, title, channel, phone: `1391234${ids.length}000` });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        ids.push(r.body.lead.id);
      }
    } finally {
      await stop(s.run);
    }

    // The model's advice on live leads: the most likely open one first, with its reasons.
    const top = leadloop(['predict', '--top', '1', '--data', dir]);
    expect((await finish(top, 150_000)).code, `${top.stdout()}\n${top.stderr()}`).toBe(0);
    expect(top.stdout()).toMatch(/target: won\) — the 1 most likely of 2 open leads/);
    expect(top.stdout()).toMatch(new RegExp(`\\d+\\.\\d%  周敏 · CEO \\(${ids[0]}, new\\)`));
    expect(top.stdout()).toMatch(/职位级别 = C级高管: \+\d+% {2}\| {2}Seniority = C-level: \+\d+%/);
    expect(top.stdout()).not.toContain('刘洋');
    const named = leadloop(['predict', ids[1], '--data', dir]);
    expect((await finish(named, 150_000)).code, `${named.stdout()}\n${named.stderr()}`).toBe(0);
    expect(named.stdout()).toMatch(/外呼|Outbound/);
    const unknown = leadloop(['predict', 'no-such-lead', '--data', dir]);
    expect((await finish(unknown, 150_000)).code).toBe(2);
    expect(unknown.stderr()).toMatch(/no-such-lead/);
  }, 600_000);
});

// SPEC §11 "Nothing lost": a kill -9 mid-import loses nothing and double-applies nothing after
// restart. Wherever the kill lands, what the import recorded is what is in the database, and
// importing the file again completes it without a second copy of anyone.
describe('leadloop import killed with SIGKILL', () => {
  it('leaves a consistent database that a re-import completes without duplicates', async () => {
    const rows = 30_000; // big enough that the kill lands mid-import even on a fast machine
    const dir = tempDir();
    const boot = await startServing(dir);
    expect((await stop(boot.run)).code).toBe(0);

    const file = join(tempDir(), 'big.csv');
    const lines = ['姓名,手机,公司'];
    for (let i = 0; i < rows; i++) lines.push(`断电${i},${mobile(50_000 + i)},断电测试公司${i}`);
    writeFileSync(file, `${lines.join('\n')}\n`);

    // The kill must land after the import started (on a busy machine the process may still be
    // opening the store after a fixed delay): a kill before it leaves nothing, and is tried again
    // with a longer delay.
    const lockPath = join(dir, 'leadloop.lock');
    let landed = 0;
    for (let attempt = 0, delay = 2_500; ; attempt++, delay *= 2) {
      const doomed = leadloop(['import', file, '--data', dir]);
      // The lock file appears once the store is open; the first chunks commit soon after.
      for (let i = 0; i < 600 && !existsSync(lockPath) && doomed.proc.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, delay));
      kill(doomed, 'SIGKILL');
      const killed = await finish(doomed);
      expect(killed.signal, `the import ended before the kill:\n${doomed.stdout()}\n${doomed.stderr()}`).toBe(
        'SIGKILL',
      );
      expect(existsSync(lockPath)).toBe(true); // left behind by the dead process

      // A new process takes the stale lock over; the import's counts match the leads stored.
      const s = await startServing(dir);
      let importId: string | undefined;
      try {
        landed = (await allLeads(s.api)).length;
        const started = await s.api('GET', '/audit?entityType=import&limit=10');
        expect(started.status).toBe(200);
        importId = started.body.items.find((e: any) => e.action === 'import.started')?.entityId;
        if (importId) {
          const record = await s.api('GET', `/imports/${importId}`);
          expect(record.status).toBe(200);
          expect(record.body.created).toBe(landed);
          expect(record.body.totalRows).toBe(rows);
          expect(record.body).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^interrupted/) });
        } else {
          expect(landed, 'leads stored without an import that started').toBe(0);
        }
      } finally {
        expect((await stop(s.run)).code).toBe(0);
      }
      if (importId) break;
      expect(attempt, 'the kill never landed after the import started').toBeLessThan(3);
    }

    const again = leadloop(['import', file, '--data', dir]);
    expect((await finish(again, 300_000)).code, again.stderr()).toBe(0);
    expect(again.stdout()).toMatch(new RegExp(`\\b${rows - landed} new, ${landed} merged\\b`));

    const after = await startServing(dir);
    try {
      const leads = await allLeads(after.api);
      expect(leads).toHaveLength(rows);
      expect(new Set(leads.map((l) => l.phone)).size).toBe(rows);
    } finally {
      await stop(after.run);
    }
  }, 600_000);
});

describe('leadloop start without LEADLOOP_ADMIN_TOKEN', () => {
  it('prints a generated admin token and password once, and the token works', async () => {
    const dir = tempDir();
    const env = cliEnv();
    const a = await startServing(dir, env);
    const out = await waitForOutput(a.run, /password \(shown once\)/);
    const token = /token \(shown once\): (\S+)/.exec(out)?.[1];
    const password = /password \(shown once\): (\S+)/.exec(out)?.[1];
    expect(token, out).toBeDefined();
    expect(password, out).toBeDefined();
    expect(token!.length).toBeGreaterThanOrEqual(16);
    expect(password!.length).toBeGreaterThanOrEqual(8);
    expect(out).toContain('admin@localhost');

    const me = await a.api('GET', '/users/me', undefined, token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'admin', email: 'admin@localhost' });
    expect((await a.api('POST', '/leads', { name: '生成令牌', phone: mobile(9), channel: 'sem' }, token)).status).toBe(
      201,
    );
    expect((await stop(a.run)).code).toBe(0);

    // a second start prints no new secret, and the printed token still works
    const b = await startServing(dir, env);
    try {
      await waitForOutput(b.run, /listening/);
      await new Promise((r) => setTimeout(r, 200));
      expect(b.run.stdout()).not.toContain('shown once');
      expect(b.run.stdout()).not.toContain(token);
      expect((await b.api('GET', '/users/me', undefined, token)).status).toBe(200);
      const admins = await b.api('GET', '/users?role=admin', undefined, token);
      expect(admins.body.items).toHaveLength(1);
    } finally {
      await stop(b.run);
    }
  }, 180_000);
});

// Several server processes may share one PostgreSQL (SPEC §10 Storage): no data-directory lock,
// one bootstrap admin.
if (process.env.LEADLOOP_TEST_DATABASE_URL)
  describe('leadloop start on PostgreSQL (DATABASE_URL)', () => {
    it('runs two servers on one database, bootstrapping a single admin', async () => {
      const db = await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string);
      const env = cliEnv({ LEADLOOP_ADMIN_TOKEN: adminToken, DATABASE_URL: db.url });
      const dir = tempDir(); // ignored: DATABASE_URL wins
      const started: Run[] = [];
      try {
        const [a, b] = await Promise.all([startServing(dir, env), startServing(dir, env)]);
        started.push(a.run, b.run);
        const created = await a.api('POST', '/leads', { name: '共享库', phone: mobile(20), channel: 'sem' });
        expect(created.status).toBe(201);
        const read = await b.api('GET', `/leads/${created.body.lead.id}`);
        expect(read.status).toBe(200);
        expect((await b.api('GET', '/users?role=admin')).body.items).toHaveLength(1);
        expect(existsSync(join(dir, 'leadloop.lock'))).toBe(false);
      } finally {
        for (const run of started) await stop(run);
        await db.drop();
      }
    }, 180_000);
  });
