/**
 * GET /reports/sdr (SPEC §8.3, §10.1): behaviour and outcomes per SDR, and the credit rule — an
 * accepted hand-off counts when an opportunity is registered within 45 days of acceptance and is
 * not withdrawn within 14 days of registration; a sync counts 1/3; inbound and outbound weights.
 * Built through the public API; the clock starts 2026-03-02 09:00 Beijing. Every number by hand:
 *
 * | hand-off | SDR | lead            | decision (T_acc = T0+2h) | opportunity (after T_acc) | credit        |
 * |----------|-----|-----------------|--------------------------|---------------------------|---------------|
 * | H1       | A   | sem             | accepted                 | +45 days exactly          | 1             |
 * | H2       | A   | sem             | accepted                 | +46 days                  | – (too late)  |
 * | H3       | A   | sem             | accepted                 | +1 d, withdrawn 14 d later | – (withdrawn) |
 * | H4       | A   | sem             | accepted                 | +1 d, withdrawn 15 d later | 1             |
 * | H5       | A   | sem, dispatch → sync | accepted            | +2 days                   | 1/3           |
 * | H6       | A   | sem             | rejected                 | –                         | –             |
 * | H7       | A   | sem, dispatch   | (still on the board)     | –                         | –             |
 * | H8       | B   | sem             | accepted                 | +3 days                   | 1             |
 * | H9       | A   | outbound (A's)  | accepted                 | +1 day                    | 1 × outbound  |
 * | –        | –   | inbound_inquiry | direct to sales: no SDR  |                           |               |
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifyAndTransfer } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MARCH = 'from=2026-03-01&to=2026-03-31';
const DEFAULT_RULES = {
  creditWindowDays: 45,
  withdrawalWindowDays: 14,
  weights: { inbound: 1, outbound: 1 },
  outboundChannels: ['outbound'],
  largeCustomerEmployees: 500,
  currency: 'CNY',
};

/** [calls, talkTimeSec, leadsContacted, mqls, sqls, opportunities, creditedSqls, provisionalCredit] */
const figures = (r: any) => [
  r.calls,
  r.talkTimeSec,
  r.leadsContacted,
  r.mqls,
  r.sqls,
  r.opportunities,
  r.creditedSqls,
  r.provisionalCredit,
];

function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe.each(engines())('GET /reports/sdr (%s)', (engine) => {
  let t: TestServer;
  let sdrA: User;
  let sdrB: User;
  let ops: User;
  let marketing: User;
  let repA: User;
  let phone = 13900095000;
  const h: Record<string, string> = {};
  const lead: Record<string, string> = {};
  const opp: Record<string, string> = {};
  let acceptedAt = 0;

  const sdrReport = async (query = MARCH, who: User = marketing) => {
    const r = await who.call('GET', `/reports/sdr?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const rowOf = (body: any, user: User) => body.rows.find((r: any) => r.sdrId === user.id);
  const capture = async (by: User | 'admin', body: Record<string, unknown> = {}) => {
    phone += 1;
    const r = await (by === 'admin' ? t.admin : by.call)('POST', '/leads', {
      name: '陈总',
      phone: String(phone),
      channel: 'sem',
      region: '上海',
      ...body,
    });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const transfer = async (sdr: User, id: string, mode: 'auto' | 'manual' = 'auto') =>
    (await qualifyAndTransfer(sdr, id, mode === 'auto' ? { mode } : { mode, reason: 'CRM里已有客户' })).id as string;
  const log = async (sdr: User, id: string, body: Record<string, unknown>) => {
    const r = await sdr.call('POST', `/leads/${id}/activities`, body);
    expect(r.status, r.text).toBe(201);
  };
  const register = async (name: string) => {
    const r = await repA.call('POST', `/leads/${lead[name]}/opportunities`, { amount: 80000 });
    expect(r.status, r.text).toBe(201);
    expect(r.body.handoffId).toBe(h[name]);
    opp[name] = r.body.id;
  };
  const withdraw = async (name: string) => {
    const r = await repA.call('POST', `/opportunities/${opp[name]}/withdraw`, { reason: '重复登记' });
    expect(r.status, r.text).toBe(200);
  };
  /** Moves the clock to T_acc + days. */
  const toDay = (days: number) => t.clock.set(new Date(acceptedAt + days * DAY));

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdrA = await makeUser(t, 'sdr', { name: 'Amy 林晓', team: '华东SDR组' });
    sdrB = await makeUser(t, 'sdr', { name: 'Bob 赵敏', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    marketing = await makeUser(t, 'marketing', { name: '市场小王' });
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    await enrolShanghaiReps(ops, [repA], ['2026-03', '2026-04', '2026-05']);

    // T0: leads, and the SDRs' touches (a note is no contact; an e-mail is a contact but no call).
    for (const name of ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8']) lead[name] = await capture('admin');
    lead.H9 = await capture(sdrA, { channel: 'outbound' });
    const direct = await t.admin('POST', '/leads', {
      name: '直接咨询',
      phone: '13900099999',
      channel: 'inbound_inquiry',
      region: '上海',
    });
    expect(direct.body.lead.status).toBe('mql');
    await log(sdrA, lead.H1, { type: 'call', durationSec: 120, outcome: 'connected' });
    await log(sdrA, lead.H2, { type: 'call', durationSec: 300, outcome: 'connected' });
    await log(sdrA, lead.H3, { type: 'email', note: '发送产品资料' });
    await log(sdrA, lead.H4, { type: 'note', note: '客户在开会' });
    await log(sdrB, lead.H8, { type: 'call', durationSec: 60 });

    // T0+1h: hand-offs; H5 goes to the dispatch board and is resolved as a sync (partial credit).
    t.clock.advance(HOUR);
    for (const name of ['H1', 'H2', 'H3', 'H4', 'H6', 'H9']) h[name] = await transfer(sdrA, lead[name]);
    h.H5 = await transfer(sdrA, lead.H5, 'manual');
    h.H7 = await transfer(sdrA, lead.H7, 'manual');
    h.H8 = await transfer(sdrB, lead.H8);
    const sync = await ops.call('POST', `/dispatches/${h.H5}/resolve`, { repId: repA.id, as: 'sync' });
    expect(sync.status, sync.text).toBe(200);
    expect(sync.body.handoff.credit).toBeCloseTo(1 / 3, 10);

    // T_acc = T0+2h: the rep decides.
    t.clock.advance(HOUR);
    acceptedAt = t.clock.now().getTime();
    for (const name of ['H1', 'H2', 'H3', 'H4', 'H5', 'H8', 'H9']) {
      const r = await repA.call('POST', `/handoffs/${h[name]}/accept`, {});
      expect(r.status, r.text).toBe(200);
    }
    const rejected = await repA.call('POST', `/handoffs/${h.H6}/reject`, { reason: 'no_need' });
    expect(rejected.status, rejected.text).toBe(200);
  });
  afterAll(async () => t?.stop());

  it('calls, talk time and leads contacted from the activities; MQLs and SQLs from the hand-offs', async () => {
    const body = await sdrReport();
    expect(body.period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' });
    expect(body.scope).toBe('all');
    expect(body.rows.map((r: any) => [r.sdrId, r.name])).toEqual([
      [sdrA.id, 'Amy 林晓'],
      [sdrB.id, 'Bob 赵敏'],
    ]);
    // A: 2 calls (120 s + 300 s), 3 leads touched (the note is not a contact); 8 hand-offs, 6 accepted.
    expect(figures(rowOf(body, sdrA))).toEqual([2, 420, 3, 8, 6, 0, 0, 0]);
    expect(figures(rowOf(body, sdrB))).toEqual([1, 60, 1, 1, 1, 0, 0, 0]);
    expect(body.rules).toEqual({
      version: 0,
      ...DEFAULT_RULES,
      partialCredit: 'handoff',
      sdrAttribution: 'handoff_sdr',
      cohort: 'handoff_created',
      provisionalCounted: true,
    });
    expect(body.definitions.map((d: any) => [d.kind, d.version])).toEqual([
      ['mql', 1],
      ['sql', 1],
      ['opportunity', 1],
    ]);
  });

  it('an opportunity still inside the 14-day window counts, provisionally; a sync counts 1/3', async () => {
    toDay(1);
    for (const name of ['H3', 'H4', 'H9']) await register(name);
    toDay(2);
    await register('H5');
    toDay(3);
    await register('H8');
    const body = await sdrReport();
    // A: H3, H4, H9 (1 each) and H5 (1/3), all younger than 14 days.
    expect(figures(rowOf(body, sdrA))).toEqual([2, 420, 3, 8, 6, 4, 3.333333, 3.333333]);
    expect(figures(rowOf(body, sdrB))).toEqual([1, 60, 1, 1, 1, 1, 1, 1]);
  });

  it('a withdrawal 14 days after registration takes the credit back; 15 days after does not', async () => {
    toDay(15); // H3's opportunity is 14 days old to the millisecond.
    await withdraw('H3');
    let a = rowOf(await sdrReport(), sdrA);
    expect(a.creditedSqls).toBe(2.333333); // H4, H9, H5 (1/3)
    expect(a.opportunities).toBe(4); // a withdrawn opportunity is still one registered
    toDay(16); // H4's opportunity is 15 days old.
    await withdraw('H4');
    a = rowOf(await sdrReport(), sdrA);
    expect(a.creditedSqls).toBe(2.333333);
    // H4 (withdrawn late) and H9 (15 days old) are settled; H5 (registered day 2) is 14 days old
    // to the millisecond, still inside its window: its 1/3 is provisional; so is B's H8 (day 3).
    expect(a.provisionalCredit).toBe(0.333333);
    expect(rowOf(await sdrReport(), sdrB)).toMatchObject({ creditedSqls: 1, provisionalCredit: 1 });
  });

  it('an opportunity 45 days after acceptance credits the SQL; 46 days after does not', async () => {
    toDay(45);
    await register('H1');
    toDay(46);
    await register('H2');
    const body = await sdrReport();
    // A: H1 1 + H4 1 + H5 1/3 + H9 1; H1's opportunity is a day old: provisional.
    expect(figures(rowOf(body, sdrA))).toEqual([2, 420, 3, 8, 6, 6, 3.333333, 1]);
    expect(figures(rowOf(body, sdrB))).toEqual([1, 60, 1, 1, 1, 1, 1, 0]);
    // The report of the hand-offs' month follows their outcomes to now; an April report has none of them.
    const april = await sdrReport('from=2026-04-01&to=2026-04-30');
    expect(april.rows.map(figures)).toEqual([
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('the period: a hand-off and a call in April count in April, not in March', async () => {
    const id = await capture('admin');
    await log(sdrB, id, { type: 'call', durationSec: 30 });
    await transfer(sdrB, id);
    const april = await sdrReport('from=2026-04-01&to=2026-04-30');
    expect(figures(rowOf(april, sdrB))).toEqual([1, 30, 1, 1, 0, 0, 0, 0]);
    expect(figures(rowOf(await sdrReport(), sdrB))).toEqual([1, 60, 1, 1, 1, 1, 1, 0]);
    // Both months together.
    expect(figures(rowOf(await sdrReport('from=2026-03-01&to=2026-04-30'), sdrB))).toEqual([2, 90, 2, 2, 1, 1, 1, 0]);
  });

  it('an SDR reads their own row only; reps may not read it; 401 without a token', async () => {
    const own = await sdrReport(MARCH, sdrA);
    expect(own.scope).toBe('own');
    expect(own.rows.map((r: any) => r.sdrId)).toEqual([sdrA.id]);
    expect(own.rows[0].creditedSqls).toBe(3.333333);
    expect((await sdrReport(MARCH, sdrB)).rows.map((r: any) => r.sdrId)).toEqual([sdrB.id]);
    const lead2 = await makeUser(t, 'sdr_lead', { name: 'Cara 组长' });
    const all = await sdrReport(MARCH, lead2);
    expect(all.rows.map((r: any) => r.sdrId)).toEqual([sdrA.id, sdrB.id, lead2.id]);
    expect(figures(rowOf(all, lead2))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await ops.call('GET', `/reports/sdr?${MARCH}`)).status).toBe(200);
    const byRep = await repA.call('GET', `/reports/sdr?${MARCH}`);
    expectProblem(byRep, 403);
    expect(byRep.body.detail).toMatch(/sales may not read funnel and performance reports/);
    expectProblem(await t.as(null)('GET', `/reports/sdr?${MARCH}`), 401);
  });

  it('bad input: from after to → 400 naming from; bad dates and unknown parameters → 400', async () => {
    const backwards = await marketing.call('GET', '/reports/sdr?from=2026-03-31&to=2026-03-01');
    expectFieldError(backwards, 'query.from');
    expectFieldError(await sdrA.call('GET', '/reports/sdr?from=2026-03-31&to=2026-03-01'), 'query.from');
    expectFieldError(await marketing.call('GET', '/reports/sdr?from=2026-13-01'), 'query.from');
    expectFieldError(await marketing.call('GET', '/reports/sdr?to=soon'), 'query.to');
    expectFieldError(await marketing.call('GET', `/reports/sdr?${MARCH}&by=channel`), 'query.by');
  });

  it('the rules are data: outbound weight, windows; each report states the version it applied', async () => {
    expect((await sdrA.call('GET', '/reports/rules')).body).toMatchObject({ version: 0, rules: DEFAULT_RULES });
    expectProblem(await repA.call('GET', '/reports/rules'), 403);
    const save = (who: User, rules: object) => who.call('PUT', '/reports/rules', { rules });
    expectProblem(await save(marketing, { ...DEFAULT_RULES, weights: { inbound: 1, outbound: 2 } }), 403);
    expectFieldError(
      await save(ops, { ...DEFAULT_RULES, weights: { inbound: -1, outbound: 2 } }),
      'rules.weights.inbound',
    );
    expectFieldError(
      await save(ops, { ...DEFAULT_RULES, outboundChannels: ['cold_calls'] }),
      'rules.outboundChannels[0]',
    );
    expectFieldError(await save(ops, { ...DEFAULT_RULES, creditWindowDays: 4.5 }), 'rules.creditWindowDays');
    const { withdrawalWindowDays: _, ...missing } = DEFAULT_RULES;
    expectFieldError(await save(ops, missing), 'rules.withdrawalWindowDays');

    const outbound2 = await save(ops, { ...DEFAULT_RULES, weights: { inbound: 1, outbound: 2 } });
    expect(outbound2.status, outbound2.text).toBe(200);
    expect(outbound2.body).toMatchObject({
      version: 1,
      savedBy: ops.id,
      rules: { weights: { inbound: 1, outbound: 2 } },
    });
    let body = await sdrReport();
    // H9 is on A's own outbound lead: 2; H1, H4 1 each; H5 1/3.
    expect(rowOf(body, sdrA).creditedSqls).toBe(4.333333);
    expect(body.rules).toMatchObject({ version: 1, weights: { inbound: 1, outbound: 2 } });

    // Inbound at half weight: H1, H4 0.5 each, H5 1/6; H9 2.
    await save(ops, { ...DEFAULT_RULES, weights: { inbound: 0.5, outbound: 2 } });
    expect(rowOf(await sdrReport(), sdrA).creditedSqls).toBe(3.166667);

    // Wider windows: H2 (46 days) and H3 (withdrawn at 14 days) now count.
    await save(ops, { ...DEFAULT_RULES, creditWindowDays: 46, withdrawalWindowDays: 13 });
    body = await sdrReport();
    expect(rowOf(body, sdrA).creditedSqls).toBe(5.333333);
    expect(body.rules).toMatchObject({ version: 3, creditWindowDays: 46, withdrawalWindowDays: 13 });

    await save(ops, DEFAULT_RULES);
    expect(rowOf(await sdrReport(), sdrA).creditedSqls).toBe(3.333333);
    const audit = await t.admin('GET', '/audit?entityType=report_rules');
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(Array(4).fill('report_rules.changed'));
  });
});
