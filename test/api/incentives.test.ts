/**
 * SDR incentives (SPEC §8.3, seed 004): the plan as versioned data and the award lines per SDR,
 * computed from the SDR report's figures. Built through the public API; the clock starts
 * 2026-03-02 09:00 Beijing. Every number by hand:
 *
 * | lead | SDR | touch by the SDR      | hand-off            | opportunity (day 1) | credit |
 * |------|-----|-----------------------|---------------------|---------------------|--------|
 * | L1   | A   | call 120 s            | auto, accepted      | yes                 | 1      |
 * | L2   | A   | call 300 s            | auto, accepted      | –                   | –      |
 * | L3   | A   | e-mail                | auto, accepted      | –                   | –      |
 * | L4   | B   | call 60 s             | auto, accepted      | yes                 | 1      |
 * | L5   | A   | –                     | dispatch → sync     | yes                 | 1/3    |
 *
 * March (and Q1): A calls 2, talk 420 s, leads contacted 3, credited SQLs 1.333333;
 *                 B calls 1, talk 60 s, leads contacted 1, credited SQLs 1.
 *
 * The year 2026 (last test, plan share 1.5%, partner 70% / SDR 30%), deals won in March:
 *
 * | deal | SDR | won amount  | credit | partner   | SDR part (fen)                  | partner part (fen)   |
 * |------|-----|-------------|--------|-----------|---------------------------------|----------------------|
 * | L1   | A   | 123,456.78  | 1      | –         | 12,345,678 × 1.5% = 185,185.17 → 185,185 | –           |
 * | L5   | A   | 90,000      | 1/3    | –         | 9,000,000 × 1.5% × 1/3 = 45,000 | –                    |
 * | L7   | A   | USD 1,000   | –      | –         | not counted (other currency)    | –                    |
 * | L4   | B   | 80,000      | 1      | –         | 120,000                         | –                    |
 * | L6   | B   | 50,000.50   | 1      | 云启科技  | 75,000.75 × 0.3 = 22,500.225 → 22,500 | × 0.7 = 52,500.525 → 52,501 |
 *
 * A: won revenue 21,345,678, share 230,185; B: won revenue 13,000,050, share 142,500, partner 52,501.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifyAndTransfer } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEFAULT_PLAN = {
  monthly: {
    awards: [
      { metric: 'calls', atLeast: 400, amountFen: 30000 },
      { metric: 'talkTimeSec', atLeast: 72000, amountFen: 30000 },
    ],
  },
  quarterly: { targetBonusFen: 600000, behaviourWeightPct: 30, callsTarget: 1200, creditedSqlTarget: 15 },
  annual: { shareRate: 0.01, partnerSplit: { partner: 0.7, sdr: 0.3 } },
};
const PLAN = {
  monthly: {
    awards: [
      { metric: 'calls', atLeast: 2, amountFen: 20000 },
      { metric: 'talkTimeSec', atLeast: 600, amountFen: 15000 },
      { metric: 'leadsContacted', atLeast: 3, amountFen: 10000 },
    ],
  },
  quarterly: { targetBonusFen: 300000, behaviourWeightPct: 40, callsTarget: 4, creditedSqlTarget: 3 },
};

function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe.each(engines())('SDR incentives (%s)', (engine) => {
  let t: TestServer;
  let sdrA: User;
  let sdrB: User;
  let ops: User;
  let marketing: User;
  let repA: User;
  let phone = 13900096000;
  const lead: Record<string, string> = {};
  const opportunity: Record<string, string> = {};

  const report = async (query: string, who: User = marketing) => {
    const r = await who.call('GET', `/reports/incentives?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const rowOf = (body: any, user: User) => body.rows.find((r: any) => r.sdrId === user.id);
  const amounts = (row: any) => row.lines.map((l: any) => [l.metric, l.amountFen]);
  const capture = async () => {
    phone += 1;
    const r = await t.admin('POST', '/leads', { name: '陈总', phone: String(phone), channel: 'sem', region: '上海' });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const transfer = async (sdr: User, id: string, mode: 'auto' | 'manual' = 'auto') =>
    (await qualifyAndTransfer(sdr, id, mode === 'auto' ? { mode } : { mode, reason: 'CRM里已有客户' })).id as string;
  const log = async (sdr: User, id: string, body: Record<string, unknown>) => {
    const r = await sdr.call('POST', `/leads/${id}/activities`, body);
    expect(r.status, r.text).toBe(201);
  };

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdrA = await makeUser(t, 'sdr', { name: 'Amy 林晓', team: '华东SDR组' });
    sdrB = await makeUser(t, 'sdr', { name: 'Bob 赵敏', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    marketing = await makeUser(t, 'marketing', { name: '市场小王' });
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    await enrolShanghaiReps(ops, [repA], ['2026-03']);

    for (const name of ['L1', 'L2', 'L3', 'L4', 'L5']) lead[name] = await capture();
    await log(sdrA, lead.L1, { type: 'call', durationSec: 120, outcome: 'connected' });
    await log(sdrA, lead.L2, { type: 'call', durationSec: 300, outcome: 'connected' });
    await log(sdrA, lead.L3, { type: 'email', note: '发送产品资料' });
    await log(sdrB, lead.L4, { type: 'call', durationSec: 60 });

    t.clock.advance(HOUR);
    const h: Record<string, string> = {};
    for (const name of ['L1', 'L2', 'L3']) h[name] = await transfer(sdrA, lead[name]);
    h.L4 = await transfer(sdrB, lead.L4);
    h.L5 = await transfer(sdrA, lead.L5, 'manual');
    const sync = await ops.call('POST', `/dispatches/${h.L5}/resolve`, { repId: repA.id, as: 'sync' });
    expect(sync.status, sync.text).toBe(200);

    t.clock.advance(HOUR);
    for (const name of ['L1', 'L2', 'L3', 'L4', 'L5']) {
      const r = await repA.call('POST', `/handoffs/${h[name]}/accept`, {});
      expect(r.status, r.text).toBe(200);
    }
    t.clock.advance(DAY);
    for (const name of ['L1', 'L4', 'L5']) {
      const r = await repA.call('POST', `/leads/${lead[name]}/opportunities`, { amount: 80000 });
      expect(r.status, r.text).toBe(201);
      opportunity[name] = r.body.id;
    }
    // Past the 14-day withdrawal window: every credit settled; still March.
    t.clock.advance(20 * DAY);
  });
  afterAll(async () => t?.stop());

  it('the plan: LeadLoop defaults as version 0; an SDR reads it, a rep may not', async () => {
    const r = await sdrA.call('GET', '/incentives/plan');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ version: 0, plan: { currency: 'CNY', ...DEFAULT_PLAN }, savedAt: null, savedBy: null });
    expect((await marketing.call('GET', '/incentives/plan')).body.plan).toMatchObject(DEFAULT_PLAN);
    expectProblem(await repA.call('GET', '/incentives/plan'), 403);
    expectProblem(await t.as(null)('GET', '/incentives/plan'), 401);
  });

  it('a month under the defaults: the SDR report’s figures, no award reached', async () => {
    const body = await report('period=2026-03');
    expect(body.period).toEqual({ kind: 'month', label: '2026-03', from: '2026-03-01', to: '2026-03-31' });
    expect(body).toMatchObject({ currency: 'CNY', scope: 'all', planVersion: 0, reportRulesVersion: 0 });
    const a = rowOf(body, sdrA);
    expect(a.figures).toEqual({
      calls: 2,
      talkTimeSec: 420,
      leadsContacted: 3,
      creditedSqls: 1.333333,
      provisionalCredit: 0,
    });
    expect(a.lines).toEqual([
      { kind: 'monthly_behaviour', metric: 'calls', basis: 'calls 2 < 400: ¥0.00 (award ¥300.00)', amountFen: 0 },
      {
        kind: 'monthly_behaviour',
        metric: 'talkTimeSec',
        basis: 'talk time (s) 420 < 72000: ¥0.00 (award ¥300.00)',
        amountFen: 0,
      },
    ]);
    expect(a.totalFen).toBe(0);
    expect(rowOf(body, sdrB).figures).toMatchObject({ calls: 1, talkTimeSec: 60, leadsContacted: 1, creditedSqls: 1 });
  });

  it('saving a plan: reports.manage only; bad plans are 400s naming the field', async () => {
    const save = (who: User, plan: unknown) => who.call('PUT', '/incentives/plan', { plan });
    expectProblem(await save(marketing, PLAN), 403);
    expectProblem(await save(sdrA, PLAN), 403);
    expectFieldError(
      await save(ops, { ...PLAN, quarterly: { ...PLAN.quarterly, behaviourWeightPct: 101 } }),
      'plan.quarterly.behaviourWeightPct',
    );
    expectFieldError(
      await save(ops, { ...PLAN, quarterly: { ...PLAN.quarterly, callsTarget: 0 } }),
      'plan.quarterly.callsTarget',
    );
    expectFieldError(
      await save(ops, { ...PLAN, quarterly: { ...PLAN.quarterly, targetBonusFen: 12.5 } }),
      'plan.quarterly.targetBonusFen',
    );
    expectFieldError(
      await save(ops, { ...PLAN, monthly: { awards: [{ metric: 'emails', atLeast: 1, amountFen: 1 }] } }),
      'plan.monthly.awards[0].metric',
    );
    expectFieldError(
      await save(ops, { ...PLAN, monthly: { awards: [PLAN.monthly.awards[0], PLAN.monthly.awards[0]] } }),
      'plan.monthly.awards[1]',
    );
    expectFieldError(await save(ops, { monthly: PLAN.monthly }), 'plan.quarterly');

    const saved = await save(ops, PLAN);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, plan: PLAN, savedBy: ops.id });
    expect((await sdrA.call('GET', '/incentives/plan')).body).toMatchObject({ version: 1, plan: PLAN });
    const audit = await t.admin('GET', '/audit?entityType=incentive_plan');
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['incentive_plan.changed']);
  });

  it('monthly behaviour awards: each threshold reached pays its amount', async () => {
    const body = await report('period=2026-03');
    expect(body.planVersion).toBe(1);
    const a = rowOf(body, sdrA);
    // calls 2 ≥ 2: ¥200; talk time 420 < 600: 0; leads contacted 3 ≥ 3: ¥100.
    expect(amounts(a)).toEqual([
      ['calls', 20000],
      ['talkTimeSec', 0],
      ['leadsContacted', 10000],
    ]);
    expect(a.lines.map((l: any) => l.basis)).toEqual([
      'calls 2 ≥ 2: ¥200.00',
      'talk time (s) 420 < 600: ¥0.00 (award ¥150.00)',
      'leads contacted 3 ≥ 3: ¥100.00',
    ]);
    expect(a.totalFen).toBe(30000);
    expect(rowOf(body, sdrB).totalFen).toBe(0);
    // April holds nothing of theirs.
    expect((await report('period=2026-04')).rows.map((r: any) => r.totalFen)).toEqual([0, 0]);
  });

  it('quarterly bonus: behaviour share + opportunity share of the target, rounded once to the fen', async () => {
    const body = await report('period=2026-Q1');
    expect(body.period).toEqual({ kind: 'quarter', label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    const a = rowOf(body, sdrA);
    // ¥3,000 × 40% × 2/4 = ¥600; ¥3,000 × 60% × 1.333333/3 = ¥799.9998 → ¥800.00.
    expect(amounts(a)).toEqual([
      ['calls', 60000],
      ['creditedSqls', 80000],
    ]);
    expect(a.lines.map((l: any) => [l.kind, l.basis])).toEqual([
      ['quarterly_behaviour', 'calls 2 / target 4 × 40% of ¥3,000.00: ¥600.00'],
      ['quarterly_opportunity', 'credited SQLs 1.333333 / target 3 × 60% of ¥3,000.00: ¥800.00'],
    ]);
    expect(a.totalFen).toBe(140000);
    // B: ¥1,200 × 1/4 = ¥300; ¥1,800 × 1/3 = ¥600.
    const b = rowOf(body, sdrB);
    expect(amounts(b)).toEqual([
      ['calls', 30000],
      ['creditedSqls', 60000],
    ]);
    expect(b.totalFen).toBe(90000);
    expect((await report('period=2026-Q2')).rows.map((r: any) => r.totalFen)).toEqual([0, 0]);
  });

  it('an SDR reads their own row only; sdrId narrows the report; reps may not read it', async () => {
    const own = await report('period=2026-Q1', sdrA);
    expect(own.scope).toBe('own');
    expect(own.rows.map((r: any) => [r.sdrId, r.totalFen])).toEqual([[sdrA.id, 140000]]);
    expect((await report(`period=2026-Q1&sdrId=${sdrA.id}`, sdrA)).rows).toHaveLength(1);
    expectProblem(await sdrA.call('GET', `/reports/incentives?period=2026-Q1&sdrId=${sdrB.id}`), 403);
    const onlyB = await report(`period=2026-Q1&sdrId=${sdrB.id}`, ops);
    expect(onlyB.rows.map((r: any) => [r.sdrId, r.totalFen])).toEqual([[sdrB.id, 90000]]);
    expectProblem(await repA.call('GET', '/reports/incentives?period=2026-Q1'), 403);
    expectProblem(await t.as(null)('GET', '/reports/incentives?period=2026-Q1'), 401);
  });

  it('bad periods are 400s naming query.period', async () => {
    for (const period of ['1969', '20266', '2026-13', '2026-Q5', 'March', '2026-3']) {
      expectFieldError(await marketing.call('GET', `/reports/incentives?period=${period}`), 'query.period');
    }
    expectFieldError(await marketing.call('GET', '/reports/incentives'), 'query.period');
    expectFieldError(await sdrA.call('GET', '/reports/incentives?period=2026-00'), 'query.period');
    expectProblem(await marketing.call('GET', '/reports/incentives?period=2026-03&by=sdr'), 400);
  });

  it('annual: revenue share of the deals won in the year, a sync at 1/3, a partner deal split; exact to the fen', async () => {
    const save = (plan: unknown) => ops.call('PUT', '/incentives/plan', { plan });
    const annual = { shareRate: 0.015, partnerSplit: { partner: 0.7, sdr: 0.3 } };
    expectFieldError(await save({ ...PLAN, annual: { ...annual, shareRate: 1.5 } }), 'plan.annual.shareRate');
    expectFieldError(await save({ ...PLAN, annual: { ...annual, shareRate: -0.1 } }), 'plan.annual.shareRate');
    expectFieldError(
      await save({ ...PLAN, annual: { ...annual, partnerSplit: { partner: 0.7, sdr: 0.4 } } }),
      'plan.annual.partnerSplit',
    );
    expectFieldError(
      await save({ ...PLAN, annual: { ...annual, partnerSplit: { partner: 0.7 } } }),
      'plan.annual.partnerSplit.sdr',
    );
    expectFieldError(await save({ ...PLAN, currency: 'cny', annual }), 'plan.currency');
    expectFieldError(await save({ ...PLAN, currency: 'YUAN', annual }), 'plan.currency');
    const saved = await save({ ...PLAN, currency: 'CNY', annual });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, plan: { currency: 'CNY', annual } });

    const win = async (name: string, amount: number) => {
      t.clock.advance(HOUR); // won one after the other: deals are listed by won date
      const r = await repA.call('POST', `/opportunities/${opportunity[name]}/win`, { amount });
      expect(r.status, r.text).toBe(200);
    };
    await win('L1', 123456.78);
    await win('L4', 80000);
    await win('L5', 90000);
    // L6: B's lead, the opportunity introduced by a partner; L7: A's lead, a deal in dollars.
    for (const [name, sdr, body] of [
      ['L6', sdrB, { amount: 50000.5, partnerName: '云启科技' }],
      ['L7', sdrA, { amount: 1000, currency: 'USD' }],
    ] as const) {
      lead[name] = await capture();
      const handoff = await transfer(sdr, lead[name]);
      expect((await repA.call('POST', `/handoffs/${handoff}/accept`, {})).status).toBe(200);
      const r = await repA.call('POST', `/leads/${lead[name]}/opportunities`, body);
      expect(r.status, r.text).toBe(201);
      expect(r.body.partnerName).toBe(name === 'L6' ? '云启科技' : null);
      opportunity[name] = r.body.id;
      await win(name, body.amount);
    }

    const body = await report('period=2026');
    expect(body.period).toEqual({ kind: 'year', label: '2026', from: '2026-01-01', to: '2026-12-31' });
    expect(body).toMatchObject({ currency: 'CNY', planVersion: 2 });
    const a = rowOf(body, sdrA);
    expect(a.lines).toEqual([
      {
        kind: 'annual_revenue_share',
        metric: 'wonRevenue',
        basis: '2 won deal(s), ¥213,456.78 × 1.5% with credits: ¥2,301.85',
        amountFen: 230185,
      },
    ]);
    expect(a.totalFen).toBe(230185);
    expect(a.annual).toMatchObject({ wonRevenueFen: 21345678, sdrFen: 230185, partnerFen: 0 });
    expect(
      a.annual.deals.map((d: any) => [d.opportunityId, d.amountFen, d.credit.exact, d.sdrFen, d.partnerFen]),
    ).toEqual([
      [opportunity.L1, 12345678, '1', 185185, 0],
      [opportunity.L5, 9000000, '1/3', 45000, 0],
    ]);
    expect(a.annual.deals[1].basis).toBe(`${opportunity.L5} ¥90,000.00 × 1.5% × credit 1/3: ¥450.00`);
    expect(a.annual.notCounted).toEqual([
      {
        opportunityId: opportunity.L7,
        leadId: lead.L7,
        name: null,
        amount: expect.stringMatching(/^1000(\.0+)?$/),
        currency: 'USD',
        why: 'other_currency',
      },
    ]);

    const b = rowOf(body, sdrB);
    expect(b.totalFen).toBe(142500);
    expect(b.annual).toMatchObject({ wonRevenueFen: 13000050, sdrFen: 142500, partnerFen: 52501 });
    expect(b.annual.deals.map((d: any) => [d.partnerName, d.sdrFen, d.partnerFen])).toEqual([
      [null, 120000, 0],
      ['云启科技', 22500, 52501],
    ]);
    expect(b.annual.deals[1].basis).toBe(
      `${opportunity.L6} ¥50,000.50 × 1.5%: partner 云启科技 70% ¥525.01; SDR 30% × credit 1 ¥225.00`,
    );
    expect(body.partners).toEqual([
      { partnerName: '云启科技', deals: 1, wonRevenueFen: 5000050, commissionFen: 52501 },
    ]);

    // An SDR reads their own year; a year without deals pays nothing; months still pay behaviour.
    const own = await report('period=2026', sdrA);
    expect(own.rows.map((r: any) => [r.sdrId, r.totalFen])).toEqual([[sdrA.id, 230185]]);
    expect(own.partners).toEqual([]);
    expect((await report('period=2025')).rows.map((r: any) => r.totalFen)).toEqual([0, 0]);
    expect(rowOf(await report('period=2026-03'), sdrA).annual).toBeUndefined();
  });
});
