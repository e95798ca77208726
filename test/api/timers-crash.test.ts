/**
 * Durable timers survive a crash and fire exactly once (SPEC §6.2, issue 5 item 3): real
 * LeadLoop processes are killed with SIGKILL in the middle of a sweep of acceptance deadlines;
 * after a restart every hand-off is breached exactly once — none lost, none twice. On
 * PostgreSQL a second process sweeps the same timers at the same moment (FOR UPDATE SKIP
 * LOCKED keeps them apart) and carries on while the first one dies. On PGlite (one process per
 * data directory) the kill comes at a delay that lands mid-sweep; a try that missed (the sweep
 * not started or already finished) is repeated with a new batch and another delay.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../support/postgres.js';
import { type LeadLoopProcess, startLeadLoopProcess } from '../support/processes.js';
import { adminToken, type Client, client } from '../support/server.js';

const START = '2026-03-02T01:00:00.000Z';
const HOUR = 3_600_000;

interface Workspace {
  admin: Client;
  repId: string;
}

/** A rep eligible in March with room for every lead, and an SLA policy without reminders. */
async function prepare(admin: Client): Promise<Workspace> {
  const set = await admin('POST', '/admin/clock', { set: START });
  expect(set.status, set.text).toBe(200);
  const user = await admin('POST', '/users', {
    name: '张三',
    email: `rep.${randomBytes(4).toString('hex')}@example.cn`,
    role: 'sales',
  });
  expect(user.status, user.text).toBe(201);
  const repId = user.body.id as string;
  const profile = await admin('PUT', `/reps/${repId}`, {
    regions: [],
    industries: [],
    level: 1,
    weight: 1,
    capacity: 100_000,
    department: 'east',
  });
  expect(profile.status, profile.text).toBe(200);
  expect((await admin('PUT', '/eligibility/2026-03', { repIds: [repId] })).status).toBe(200);
  const policy = (await admin('GET', '/sla/policy')).body.policy;
  const saved = await admin('PUT', '/sla/policy', {
    policy: { ...policy, acceptance: { ...policy.acceptance, reminderBeforeHours: 0 } },
  });
  expect(saved.status, saved.text).toBe(200);
  return { admin, repId };
}

let phone = 13900080000;
/** `n` inbound inquiries: each a hand-off with an acceptance deadline 48 h after the clock. */
async function inboundHandoffs(admin: Client, n: number): Promise<void> {
  const leads = Array.from({ length: n }, () => {
    phone += 1;
    return { name: '询盘', phone: String(phone), channel: 'inbound_inquiry' };
  });
  const r = await admin('POST', '/leads/bulk', { leads });
  expect(r.status, r.text).toBe(200);
  expect(r.body.created).toBe(n);
}

/** How many times each hand-off was breached, from the audit log. */
async function breachCounts(admin: Client): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let afterSeq = 0;
  for (;;) {
    const r = await admin('GET', `/audit?entityType=handoff&afterSeq=${afterSeq}&limit=1000`);
    expect(r.status, r.text).toBe(200);
    for (const e of r.body.items) {
      if (e.action === 'handoff.sla_breached') counts.set(e.entityId, (counts.get(e.entityId) ?? 0) + 1);
    }
    if (r.body.items.length < 1000) return counts;
    afterSeq = r.body.items.at(-1).seq;
  }
}

async function handoffCount(admin: Client): Promise<number> {
  const r = await admin('GET', '/audit?entityType=handoff&limit=1000');
  const created = new Set<string>();
  let items = r.body.items;
  let afterSeq = 0;
  for (;;) {
    for (const e of items) if (e.action === 'handoff.created') created.add(e.entityId);
    if (items.length < 1000) return created.size;
    afterSeq = items.at(-1).seq;
    items = (await admin('GET', `/audit?entityType=handoff&afterSeq=${afterSeq}&limit=1000`)).body.items;
  }
}

const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();

describe.runIf(Boolean(process.env.LEADLOOP_TEST_DATABASE_URL))(
  'kill -9 mid-sweep on PostgreSQL, two processes',
  () => {
    let db: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
    const servers: LeadLoopProcess[] = [];
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await db?.drop();
    });

    it('every deadline fires exactly once although one sweeper dies mid-sweep', async () => {
      db = await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string);
      const env = { DATABASE_URL: db.url, LEADLOOP_ADMIN_TOKEN: adminToken, LEADLOOP_CLOCK: 'manual' };
      servers.push(await startLeadLoopProcess({ env }), await startLeadLoopProcess({ env }));
      const [a, b] = servers.map((s) => client(s.base, adminToken));
      await prepare(a);
      expect((await b('POST', '/admin/clock', { set: START })).status).toBe(200);
      const n = 400;
      await inboundHandoffs(a, n);

      const probe = new pg.Client({ connectionString: db.url });
      await probe.connect();
      try {
        const fired = async () =>
          Number(
            (
              await probe.query(
                "SELECT count(*) AS n FROM timers WHERE kind = 'handoff.acceptance_due' AND fired_at IS NOT NULL",
              )
            ).rows[0].n,
          );
        // both processes sweep the same due timers at once; process A is killed part-way
        const sweepA = a('POST', '/admin/clock', { advance: '49h' }).catch(() => 'killed');
        const sweepB = b('POST', '/admin/clock', { advance: '49h' });
        let seen = 0;
        for (let i = 0; i < 2_000 && seen < n / 5; i++) {
          seen = await fired();
          await new Promise((r) => setTimeout(r, 5));
        }
        expect(seen).toBeGreaterThan(0);
        await servers[0].kill();
        const atKill = await fired();
        expect(await sweepA).toBe('killed');
        expect(atKill).toBeLessThan(n);
        const doneB = await sweepB;
        expect(doneB.status, doneB.text).toBe(200);
      } finally {
        await probe.end();
      }

      servers[0] = await startLeadLoopProcess({ env });
      const a2 = client(servers[0].base, adminToken);
      expect((await a2('POST', '/admin/clock', { set: at(49 * HOUR) })).status).toBe(200);
      const counts = await breachCounts(a2);
      expect(counts.size).toBe(n);
      expect([...counts.values()].every((c) => c === 1)).toBe(true);
    }, 240_000);
  },
);

describe('kill -9 mid-sweep on PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadloop-crash-'));
  let server: LeadLoopProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a restart every deadline has fired exactly once', async () => {
    const env = { LEADLOOP_DATA_DIR: dir, LEADLOOP_ADMIN_TOKEN: adminToken, LEADLOOP_CLOCK: 'manual' };
    server = await startLeadLoopProcess({ env });
    let admin = client(server.base, adminToken);
    await prepare(admin);
    const n = 250;
    let clockAt = 0;
    let killedMidSweep = false;
    let delayMs = 400;
    for (let attempt = 0; attempt < 5 && !killedMidSweep; attempt++) {
      const before = await handoffCount(admin);
      await inboundHandoffs(admin, n);
      const breachedBefore = (await breachCounts(admin)).size;
      clockAt += 49 * HOUR;
      const sweep = admin('POST', '/admin/clock', { set: at(clockAt) }).catch(() => 'killed');
      await new Promise((r) => setTimeout(r, delayMs));
      await server.kill();
      const answered = await sweep;

      server = await startLeadLoopProcess({ env });
      admin = client(server.base, adminToken);
      const breachedAtRestart = (await breachCounts(admin)).size - breachedBefore;
      killedMidSweep = answered === 'killed' && breachedAtRestart > 0 && breachedAtRestart < n;
      if (answered !== 'killed') delayMs = Math.max(20, Math.round(delayMs / 3));
      else if (breachedAtRestart === 0) delayMs *= 2;
      // the restarted process's manual clock starts at "now": put it back where it was
      const resumed = await admin('POST', '/admin/clock', { set: at(clockAt) });
      expect(resumed.status, resumed.text).toBe(200);
      expect(await handoffCount(admin)).toBe(before + n);
    }
    expect(killedMidSweep).toBe(true);
    const counts = await breachCounts(admin);
    expect(counts.size).toBe(await handoffCount(admin));
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  }, 300_000);
});
