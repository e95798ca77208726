/**
 * GET /reports/responsiveness (SPEC §8.3, §6.2): how reps answer the MQLs handed to them. Built
 * through the public API with the manual clock (T0 = 2026-03-02 01:00 UTC), one rep (张三, team
 * 华东销售) receiving every inbound inquiry from Shanghai; default acceptance SLA 48 h, wall clock.
 * Every number by hand:
 *
 * | hand-off | created | decision                                  | hours to decision | on time |
 * |----------|---------|-------------------------------------------|-------------------|---------|
 * | H1       | T0      | accepted at +1 h                          | 1                 | yes     |
 * | H2       | T0      | accepted at +47 h                         | 47                | yes     |
 * | H3       | T0      | breached at +48 h (swept at 48 h 01 m), accepted at +49 h | 49    | no      |
 * | H4       | T0      | rejected at +2 h (no_budget)              | 2                 | yes     |
 * | H5       | T0      | accepted at +3 h, returned at +5 h (not_reachable) | 3        | yes     |
 * | H6       | T0+50 h | still pending (due T0+98 h)               | –                 | –       |
 *
 * At T0+51 h: received 6, accepted 4 (H5 included), rejected 1, returned 1, recalled 0, pending 1;
 * acceptance rate 4 / 5 = 0.8; SLA: 4 on time of 5 judged (H6 not due yet) = 0.8; breaches 1;
 * hours 1, 2, 3, 47, 49 → median 3, p90 = 47 + 0.6 × (49 − 47) = 48.2.
 * At T0+98 h 01 m H6 breaches: judged 6, compliance 4 / 6 = 0.6667, breaches 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
const MIN = 60_000;
const HOUR = 60 * MIN;
const MARCH = 'from=2026-03-01&to=2026-03-31';

function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

/** [received, accepted, rejected, returned, recalled, pending, onTime, slaDue, breaches] */
const counts = (r: any) => [
  r.received,
  r.accepted,
  r.rejected,
  r.returned,
  r.recalled,
  r.pending,
  r.onTime,
  r.slaDue,
  r.breaches,
];

describe.each(engines())('GET /reports/responsiveness (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let rep: User;
  let manager: User;
  let otherManager: User;
  let marketing: User;
  let sdr: User;
  let phone = 13900097000;
  const h: Record<string, string> = {};
  let t0 = 0;

  const at = async (ms: number) => {
    const minutes = Math.round((t0 + ms - t.clock.now().getTime()) / MIN);
    const r = await t.admin('POST', '/admin/clock', { advance: `${minutes}m` });
    expect(r.status, r.text).toBe(200);
  };
  const inbound = async () => {
    phone += 1;
    const c = await t.admin('POST', '/leads', {
      name: '询盘客户',
      phone: String(phone),
      channel: 'inbound_inquiry',
      region: '上海',
    });
    expect(c.status, c.text).toBe(201);
    const list = await t.admin('GET', `/leads/${c.body.lead.id}/handoffs`);
    expect(list.status, list.text).toBe(200);
    const handoff = list.body.items[0];
    expect(handoff).toMatchObject({ repId: rep.id, status: 'pending' });
    return handoff.id as string;
  };
  const decide = async (id: string, decision: 'accept' | 'reject' | 'return', reason?: string) => {
    const r = await rep.call('POST', `/handoffs/${id}/${decision}`, reason ? { reason } : {});
    expect(r.status, r.text).toBe(200);
  };
  const report = async (query = MARCH, who: User = marketing) => {
    const r = await who.call('GET', `/reports/responsiveness?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    t = await startTestServer(engine);
    t0 = t.clock.now().getTime();
    ops = await makeUser(t, 'sales_ops');
    rep = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    manager = await makeUser(t, 'sales_manager', { team: '华东销售' });
    otherManager = await makeUser(t, 'sales_manager', { team: '华南销售' });
    marketing = await makeUser(t, 'marketing');
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    await enrolShanghaiReps(ops, [rep], ['2026-03']);

    for (const name of ['H1', 'H2', 'H3', 'H4', 'H5']) h[name] = await inbound();
    await at(1 * HOUR);
    await decide(h.H1, 'accept');
    await at(2 * HOUR);
    await decide(h.H4, 'reject', 'no_budget');
    await at(3 * HOUR);
    await decide(h.H5, 'accept');
    await at(5 * HOUR);
    await decide(h.H5, 'return', 'not_reachable');
    await at(47 * HOUR);
    await decide(h.H2, 'accept');
    await at(48 * HOUR + 1 * MIN);
    const breached = await t.admin('GET', `/handoffs/${h.H3}`);
    expect(breached.body.breachedAt).toBe(new Date(t0 + 48 * HOUR).toISOString());
    await at(49 * HOUR);
    await decide(h.H3, 'accept');
    await at(50 * HOUR);
    h.H6 = await inbound();
    await at(51 * HOUR);
  });
  afterAll(async () => t?.stop());

  it('refuses a period that ends before it starts, a bad date and an unknown slice; an SDR may not read it', async () => {
    expectFieldError(
      await marketing.call('GET', '/reports/responsiveness?from=2026-03-31&to=2026-03-01'),
      'query.from',
    );
    expectFieldError(await marketing.call('GET', '/reports/responsiveness?to=2026-02-30'), 'query.to');
    expectProblem(await marketing.call('GET', '/reports/responsiveness?by=sdr'), 400);
    expectProblem(await sdr.call('GET', `/reports/responsiveness?${MARCH}`), 403);
    expectProblem(await rep.call('GET', `/reports/responsiveness?${MARCH}`), 403);
  });

  it('per rep: counts, acceptance rate, SLA compliance, hours to decision and reasons, computed by hand', async () => {
    const body = await report();
    expect(body).toMatchObject({
      by: 'rep',
      scope: 'all',
      period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' },
    });
    expect(body.rules).toMatchObject({ clock: 'wall', acceptanceRate: expect.stringMatching(/accepted/) });
    expect(body.rows).toHaveLength(1);
    const row = body.rows[0];
    expect(row).toMatchObject({ key: rep.id, label: '张三' });
    expect(counts(row)).toEqual([6, 4, 1, 1, 0, 1, 4, 5, 1]);
    expect(row).toMatchObject({ acceptanceRate: 0.8, slaCompliance: 0.8, medianHours: 3, p90Hours: 48.2 });
    expect(row.reasons).toEqual([
      { kind: 'reject', code: 'no_budget', labelZh: '无预算', labelEn: 'No budget', count: 1 },
      {
        kind: 'return',
        code: 'not_reachable',
        labelZh: '跟进后联系不上',
        labelEn: 'Not reachable after follow-up',
        count: 1,
      },
    ]);
    expect(body.total).toEqual({ ...row, key: null, label: null });
  });

  it('per team, and a sales manager sees their own team only', async () => {
    const teams = await report(`${MARCH}&by=team`);
    expect(teams.rows).toHaveLength(1);
    expect(teams.rows[0].label).toBe('华东销售');
    expect(teams.rows[0].key).toEqual(expect.any(String));
    expect(counts(teams.rows[0])).toEqual([6, 4, 1, 1, 0, 1, 4, 5, 1]);

    const own = await report(MARCH, manager);
    expect(own.scope).toBe('team');
    expect(own.rows.map((r: any) => r.key)).toEqual([rep.id]);
    const other = await report(MARCH, otherManager);
    expect(other.scope).toBe('team');
    expect(other.rows).toEqual([]);
    expect(counts(other.total)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(other.total).toMatchObject({ acceptanceRate: null, slaCompliance: null, medianHours: null, reasons: [] });
  });

  it('the period selects hand-offs by when they reached the rep', async () => {
    const body = await report('from=2026-03-04&to=2026-03-31');
    // only H6, created at T0 + 50 h = 2026-03-04 03:00 UTC
    expect(counts(body.total)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(body.total).toMatchObject({ acceptanceRate: null, slaCompliance: null, medianHours: null, p90Hours: null });
  });

  it('a pending hand-off past its deadline counts against SLA compliance', async () => {
    await at(98 * HOUR + 1 * MIN);
    const row = (await report()).rows[0];
    expect(counts(row)).toEqual([6, 4, 1, 1, 0, 1, 4, 6, 2]);
    expect(row).toMatchObject({ acceptanceRate: 0.8, slaCompliance: 0.6667, medianHours: 3, p90Hours: 48.2 });
  });
});
