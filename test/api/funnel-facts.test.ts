/**
 * The funnel report reads facts per lead that the database keeps current (migration 022): these
 * tests read the report between every step of a lead's life, so a change the facts missed shows
 * as a stale count — and, on PostgreSQL, with two LeadLoop processes on one database, a change
 * made through one process is counted by a report read through the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../support/postgres.js';
import { type LeadLoopProcess, startLeadLoopProcess } from '../support/processes.js';
import { enrolShanghaiReps } from '../support/roster.js';
import {
  adminToken,
  type Client,
  client,
  engines,
  makeUser,
  startTestServer,
  type TestServer,
} from '../support/server.js';

const BANT_YES = { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' };

/** [leads, validLeads, mqls, sqls, opportunities, won, wonAmount] of the totals row. */
const totals = (body: any) => {
  const t = body.total;
  return [t.leads, t.validLeads, t.mqls, t.sqls, t.opportunities, t.won, t.wonAmount];
};
const leakage = (body: any) =>
  body.total.leakage.map((l: any) => [l.kind, l.reason, l.count]).sort((a: any, b: any) => (a[0] < b[0] ? -1 : 1));

describe.each(engines())('the funnel follows each change of a lead (%s)', (engine) => {
  let t: TestServer;
  let sdr: Awaited<ReturnType<typeof makeUser>>;
  let rep: Awaited<ReturnType<typeof makeUser>>;
  const MARCH = 'from=2026-03-01&to=2026-03-31';

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓' });
    rep = await makeUser(t, 'sales', { name: '张三' });
    const ops = await makeUser(t, 'sales_ops');
    await enrolShanghaiReps(ops, [rep]);
  });
  afterAll(async () => t?.stop());

  const report = async (query = MARCH) => {
    const r = await t.admin('GET', `/reports/funnel?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const capture = async (phone: string) => {
    const r = await sdr.call('POST', '/leads', { name: '王经理', phone, channel: 'sem', region: '上海' });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const transfer = async (id: string) => {
    const q = await sdr.call('PUT', `/leads/${id}/qualification`, { framework: 'BANT', answers: BANT_YES });
    expect(q.status, q.text).toBe(200);
    const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expect(r.status, r.text).toBe(201);
    return r.body.handoff.id as string;
  };
  const ok = async (r: Promise<{ status: number; text: string; body: any }>) => {
    const reply = await r;
    expect(reply.status, reply.text).toBeLessThan(300);
    return reply.body;
  };

  it('capture, hand-off, acceptance, opportunity, win, return and disqualification each show at once', async () => {
    expect(totals(await report())).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const l1 = await capture('13900070001');
    const l2 = await capture('13900070002');
    expect(totals(await report())).toEqual([2, 2, 0, 0, 0, 0, 0]);

    const h1 = await transfer(l1);
    let body = await report('from=2026-03-01&to=2026-03-31&by=sdr');
    expect(totals(body)).toEqual([2, 2, 1, 0, 0, 0, 0]);
    // The handed-off lead is the SDR's; the other waits in the shared queue, nobody's yet.
    expect(body.rows.map((r: any) => [r.key, r.leads, r.mqls])).toEqual([
      [sdr.id, 1, 1],
      [null, 1, 0],
    ]);

    t.clock.advance(3_600_000);
    await ok(rep.call('POST', `/handoffs/${h1}/accept`, {}));
    expect(totals(await report())).toEqual([2, 2, 1, 1, 0, 0, 0]);
    expect((await report('from=2026-03-01&to=2026-03-31&by=rep')).rows.map((r: any) => r.key)).toContain(rep.id);

    const opportunity = await ok(rep.call('POST', `/leads/${l1}/opportunities`, { amount: 5000 }));
    expect(totals(await report())).toEqual([2, 2, 1, 1, 1, 0, 0]);
    await ok(rep.call('POST', `/opportunities/${opportunity.id}/win`, { amount: 4200.5 }));
    expect(totals(await report())).toEqual([2, 2, 1, 1, 1, 1, 4200.5]);

    // l2: handed off, accepted, then returned: still an SQL (the audit log keeps the acceptance), a return leaks.
    const h2 = await transfer(l2);
    await ok(rep.call('POST', `/handoffs/${h2}/accept`, {}));
    await ok(rep.call('POST', `/handoffs/${h2}/return`, { reason: 'timing_later' }));
    body = await report();
    expect(totals(body)).toEqual([2, 2, 2, 2, 1, 1, 4200.5]);
    expect(leakage(body)).toEqual([['return', 'timing_later', 1]]);

    // A third lead disqualified: not valid, a disqualify leak.
    const l3 = await capture('13900070003');
    await ok(sdr.call('POST', `/leads/${l3}/disqualify`, { reason: 'spam' }));
    body = await report();
    expect(totals(body)).toEqual([3, 2, 2, 2, 1, 1, 4200.5]);
    expect(leakage(body)).toEqual([
      ['disqualify', 'spam', 1],
      ['return', 'timing_later', 1],
    ]);
  });

  it('whole days (summed from the counts per day) and the same leads over a period cut mid-day (counted lead by lead) agree', async () => {
    // A period starting a millisecond before March is not whole days; no lead was captured in that millisecond.
    const cut = 'from=2026-02-28T23:59:59.999Z&to=2026-03-31';
    for (const by of ['channel', 'campaign', 'region', 'industry', 'sdr', 'rep']) {
      for (const cohort of ['capture', 'event']) {
        const whole = await report(`${MARCH}&by=${by}&cohort=${cohort}`);
        const lead = await report(`${cut}&by=${by}&cohort=${cohort}`);
        expect(whole.total.leads, `${by} ${cohort}`).toBe(3);
        expect(lead.rows, `${by} ${cohort}`).toEqual(whole.rows);
        expect(lead.total, `${by} ${cohort}`).toEqual(whole.total);
      }
    }
  });
});

describe.runIf(Boolean(process.env.LEADLOOP_TEST_DATABASE_URL))(
  'the funnel across two processes on one PostgreSQL',
  () => {
    let db: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
    const servers: LeadLoopProcess[] = [];

    beforeAll(async () => {
      db = await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string);
      const env = { DATABASE_URL: db.url, LEADLOOP_ADMIN_TOKEN: adminToken };
      servers.push(await startLeadLoopProcess({ env }));
      servers.push(await startLeadLoopProcess({ env }));
    });
    afterAll(async () => {
      await Promise.all(servers.splice(0).map((s) => s.stop()));
      await db?.drop();
    });

    it('a report through one process counts what the other wrote, after it had read the funnel itself', async () => {
      const [a, b] = servers.map((s) => client(s.base, adminToken)) as [Client, Client];
      const today = new Date().toISOString().slice(0, 10);
      const period = `from=${today}&to=${today}`;
      const total = async (via: Client) => {
        const r = await via('GET', `/reports/funnel?${period}`);
        expect(r.status, r.text).toBe(200);
        return [r.body.total.leads, r.body.total.mqls, r.body.total.sqls];
      };
      const ops = await a('POST', '/users', { name: '销管', email: 'ops.funnel@example.cn', role: 'sales_ops' });
      const rep = await a('POST', '/users', { name: '两进程销售', email: 'rep.funnel@example.cn', role: 'sales' });
      const opsToken = await a('POST', `/users/${ops.body.id}/tokens`, {});
      const repToken = await a('POST', `/users/${rep.body.id}/tokens`, {});
      await enrolShanghaiReps(
        { call: client(servers[0]?.base as string, opsToken.body.token) },
        [rep.body],
        [today.slice(0, 7)],
      );
      expect(await total(a)).toEqual([0, 0, 0]);
      expect(await total(b)).toEqual([0, 0, 0]);

      // An inquiry goes straight to the rep (an MQL with a hand-off), written through a.
      const lead = await a('POST', '/leads', {
        name: '两进程客户',
        phone: '13900070101',
        channel: 'inbound_inquiry',
        region: '上海',
      });
      expect(lead.status, lead.text).toBe(201);
      expect(await total(b)).toEqual([1, 1, 0]);

      // Accepted through b, counted through a.
      const handoffs = await b('GET', `/leads/${lead.body.lead.id}/handoffs`);
      const accept = await client(servers[1]?.base as string, repToken.body.token)(
        'POST',
        `/handoffs/${handoffs.body.items[0].id}/accept`,
        {},
      );
      expect(accept.status, accept.text).toBe(200);
      expect(await total(a)).toEqual([1, 1, 1]);
      expect(await total(b)).toEqual([1, 1, 1]);
    });
  },
);
