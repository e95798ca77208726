/**
 * `leadloop demo` end to end: load the demo workspace into a PGlite data directory, run it a
 * second time (it must not fail), then start the server on that directory and look at the
 * workspace over HTTP as a newcomer would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDefinitionBodies } from '../../src/domain/definitions/default-definitions.js';

const root = resolve(import.meta.dirname, '../..');
const adminToken = 'demo-admin-token-0123456789';
const dirs: string[] = [];

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'DATABASE_URL',
    'LEADLOOP_DATA_DIR',
    'PORT',
    'LEADLOOP_ADMIN_EMAIL',
    'LEADLOOP_ADMIN_PASSWORD',
    'LEADLOOP_CLOCK',
  ])
    delete e[key];
  return { ...e, LEADLOOP_ADMIN_TOKEN: adminToken, HOST: '127.0.0.1', LOG_LEVEL: 'error', NO_COLOR: '1' };
}

interface Started {
  proc: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function leadloop(args: string[]): Started {
  const proc = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: env(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  const exited = new Promise<number | null>((done) => proc.on('exit', (code) => setTimeout(() => done(code), 50)));
  return { proc, output: () => out, exited };
}

function stop(run: Started, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (run.proc.pid === undefined || run.proc.exitCode !== null || run.proc.signalCode !== null) return;
  try {
    process.kill(-run.proc.pid, signal); // the whole group: npx, tsx and node
  } catch {
    // gone already
  }
}

async function complete(args: string[], ms: number): Promise<{ code: number | null; output: string }> {
  const run = leadloop(args);
  const timer = setTimeout(() => stop(run, 'SIGKILL'), ms);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(base: string, run: Started, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (run.proc.exitCode !== null) throw new Error(`the server exited: ${run.output()}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer within ${ms} ms: ${run.output()}`);
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('leadloop demo', () => {
  it('loads a living workspace: users of every role, leads from many channels over 90 days, merged repeats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadloop-demo-'));
    dirs.push(dir);

    const first = await complete(['demo', '--data', dir, '--leads', '120'], 240_000);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('Created 17 demo users');
    expect(first.output).toMatch(/120 new leads, \d+ repeats merged/);
    expect(first.output).toContain(`npm start -- --data ${dir}`);
    expect(first.output).toContain('LeadLoop-demo-2026');
    const tokens = new Map(
      [...first.output.matchAll(/^\s+([a-z_]+)\s+\S+\s+(ll_[\w-]+)\s*$/gm)].map((m) => [m[1], m[2]]),
    );
    expect([...tokens.keys()].sort()).toEqual([
      'admin',
      'marketing',
      'sales',
      'sales_assistant',
      'sales_manager',
      'sales_ops',
      'sdr',
      'sdr_lead',
    ]);

    // A second run does not fail and does not load the leads twice.
    const second = await complete(['demo', '--data', dir, '--leads', '120'], 240_000);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('demo data is already loaded');

    // A leader simulates a stricter MQL definition on the demo's last 120 days (§8.6), offline.
    const stricter = join(dir, 'stricter-mql.json');
    writeFileSync(
      stricter,
      JSON.stringify({ criteria: [...defaultDefinitionBodies.mql.criteria, { kind: 'minScore', min: 60 }] }),
    );
    const day = 86_400_000;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const simulated = await complete(
      [
        'simulate',
        '--kind',
        'definition',
        '--candidate',
        stricter,
        '--from',
        iso(Date.now() - 120 * day),
        '--to',
        iso(Date.now() + day),
        '--data',
        dir,
      ],
      240_000,
    );
    expect(simulated.code, simulated.output).toBe(0);
    const mqls = simulated.output.match(/^MQLs\s+(\d+)\s+(\d+)\s+(-?\d+|0)$/m);
    expect(mqls, simulated.output).not.toBeNull();
    const [current, candidate] = [Number(mqls?.[1]), Number(mqls?.[2])];
    expect(current).toBeGreaterThan(0);
    expect(candidate).toBeLessThan(current); // stricter: fewer MQLs
    expect(simulated.output).toMatch(/^leads\s+1[0-9]{2}\s+1[0-9]{2}\s+0$/m);
    expect(simulated.output).toMatch(/\d+ leads change; a sample:\n {2}.+: .*score/);
    const badKind = await complete(
      [
        'simulate',
        '--kind',
        'pricing',
        '--candidate',
        stricter,
        '--from',
        '2026-01-01',
        '--to',
        '2026-02-01',
        '--data',
        dir,
      ],
      60_000,
    );
    expect(badKind.code).not.toBe(0);
    expect(badKind.output).toMatch(/scoring, definition, routing, sla/);

    const port = await freePort();
    const server = leadloop(['start', '--port', String(port), '--data', dir]);
    try {
      const base = `http://127.0.0.1:${port}/api/v1`;
      await waitForHealth(base, server, 120_000);
      const get = async (path: string, token = adminToken) => {
        const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as any;
        if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
        return body;
      };

      const users = (await get('/users')).items as { role: string; email: string; id: string }[];
      expect(new Set(users.map((u) => u.role))).toEqual(
        new Set(['admin', 'sdr', 'sdr_lead', 'sales', 'sales_manager', 'sales_ops', 'sales_assistant', 'marketing']),
      );
      expect(users.filter((u) => u.email.endsWith('@demo.leadloop.cn'))).toHaveLength(17);

      const leads: any[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: any[]; nextCursor: string | null } = await get(
          `/leads?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        leads.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(leads.length).toBeGreaterThanOrEqual(100);
      expect(leads).toHaveLength(120);
      const channels = new Set(leads.map((l) => l.channel));
      expect(channels.size).toBeGreaterThanOrEqual(6);
      for (const c of ['sem', 'organic_search']) expect(channels.has(c), c).toBe(true);

      // Spread over the last 90 days, with the source time of the first touch.
      const created = leads.map((l) => Date.parse(l.createdAt));
      expect(Math.min(...created)).toBeLessThan(Date.now() - 60 * 86_400_000);
      expect(Math.max(...created)).toBeLessThanOrEqual(Date.now());
      for (const l of leads) expect(Date.parse(l.originalSource.at)).toBe(Date.parse(l.createdAt));
      expect(leads.every((l) => /^\+86\d+$/.test(l.phone ?? '+860'))).toBe(true);
      expect(leads.some((l) => l.phone === null && l.email)).toBe(true);
      expect(leads.some((l) => l.originalSource.utm.source === 'baidu')).toBe(true);

      // Outbound leads still being worked are the calling SDR's (others were handed on or recalled to the pool).
      const sdrIds = new Set(users.filter((u) => u.role === 'sdr' || u.role === 'sdr_lead').map((u) => u.id));
      const outbound = leads.filter((x) => x.channel === 'outbound' && x.status === 'working');
      for (const l of outbound) expect(sdrIds.has(l.ownerId)).toBe(true);

      // Repeats merged: the latest source is a later arrival, and the timeline shows both touches.
      const mergedLeads = leads.filter((l) => l.latestSource.at !== l.originalSource.at);
      expect(mergedLeads.length).toBeGreaterThan(0);
      const timeline = (await get(`/leads/${mergedLeads[0].id}/timeline`)).items as { type: string; summary: string }[];
      expect(timeline.filter((e) => e.type === 'touch').length).toBeGreaterThanOrEqual(2);
      expect(timeline.some((e) => e.type === 'touch' && e.summary === 'merge')).toBe(true);

      // The last 30 days were worked: the roster, hand-offs in every state, the pool, the funnel.
      expect(first.output).toMatch(
        /hand-offs pending [1-9]\d*, accepted [1-9]\d*, rejected \d+, returned \d+; open manual-dispatch requests 1\./,
      );
      const reps = (await get('/reps')).items as any[];
      expect(reps).toHaveLength(6);
      for (const rep of reps) {
        expect(rep.profile, rep.name).not.toBeNull();
        expect(rep.profile.regions.length, rep.name).toBeGreaterThan(0);
        expect(rep.profile.department).toMatch(/^华[东南北]/);
      }
      expect(reps.filter((r) => r.status.eligible)).toHaveLength(5);
      const month = reps[0].status.month as string;
      expect((await get(`/eligibility/${month}`)).repIds).toHaveLength(5);

      // A rep signs in with the shared password and finds pending hand-offs, due in the future.
      const busy = reps.filter((r) => r.status.openMqls > 0).sort((a, b) => b.status.openMqls - a.status.openMqls);
      expect(busy.length).toBeGreaterThanOrEqual(2);
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: busy[0].email, password: 'LeadLoop-demo-2026' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const asRep = async (path: string) => {
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        expect(res.status, path).toBe(200);
        return (await res.json()) as any;
      };
      const mine = (await asRep('/leads?status=mql&ownerId=me&limit=100')).items as any[];
      expect(mine.length).toBeGreaterThan(0);
      const handoffs = (await asRep(`/leads/${mine[0].id}/handoffs`)).items as any[];
      expect(handoffs[0].status).toBe('pending');
      expect(handoffs[0].repId).toBe(busy[0].userId);
      expect(Date.parse(handoffs[0].dueAt)).toBeGreaterThan(Date.now());

      // The dispatch board has the open request, with its reason.
      const board = (await get('/dispatches')).items as any[];
      expect(board).toHaveLength(1);
      expect(board[0].handoff.requestReason).toContain('大客户');
      expect(board[0].handoff.repId).toBeNull();

      // The pool has leads SDRs may claim.
      const pool = await get('/pool?limit=50', tokens.get('sdr'));
      expect(pool.items.length).toBeGreaterThan(0);
      expect(pool.items.every((l: any) => l.status === 'nurturing' && l.ownerId === null)).toBe(true);

      // The funnel has MQLs, SQLs and won deals; the economics dashboard has spend.
      const funnel = (await get('/reports/funnel')).total;
      expect(funnel.mqls).toBeGreaterThan(0);
      expect(funnel.sqls).toBeGreaterThan(0);
      expect(funnel.won).toBeGreaterThan(0);
      expect(funnel.wonAmount).toBeGreaterThan(0);
      const spend = await get('/spend');
      expect(spend.total).toBeGreaterThan(0);
      expect(new Set(spend.items.map((i: any) => i.month)).size).toBe(2);

      // The printed tokens work.
      const asSdr = await get('/users/me', tokens.get('sdr'));
      expect(asSdr.role).toBe('sdr');
      const asMarketing = await get('/leads?limit=1', tokens.get('marketing'));
      expect(asMarketing.items).toHaveLength(1);
    } finally {
      stop(server);
      const timer = setTimeout(() => stop(server, 'SIGKILL'), 10_000);
      await server.exited;
      clearTimeout(timer);
    }
  }, 600_000);
});
