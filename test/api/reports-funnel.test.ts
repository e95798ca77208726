/**
 * GET /reports/funnel (SPEC §8.1, §10.1): a small workspace built through the public API, every
 * count computed by hand below. March (clock from 2026-03-02 09:00 Beijing):
 *
 * | lead | channel         | campaign | region | industry | employees | what happens                                   |
 * |------|-----------------|----------|--------|----------|-----------|------------------------------------------------|
 * | L1   | sem             | spring   | 上海   | 制造     | 800       | SDR A → rep A: accepted, opportunity, won 100,000 |
 * | L2   | sem             | spring   | 上海   | 制造     | 50        | SDR A → rep A: rejected (no_budget)            |
 * | L3   | sem             | –        | 北京   | 软件     | 1000      | SDR B → rep B: accepted, returned (timing_later) |
 * | L4   | event_offline   | expo     | 北京   | 软件     | –         | disqualified by SDR B (spam)                   |
 * | L5   | event_offline   | expo     | 上海   | –        | 300       | nothing yet                                    |
 * | L6   | inbound_inquiry | –        | 上海   | 制造     | 2000      | direct to rep A: accepted, opportunity, lost   |
 * | L7   | outbound        | –        | 上海   | –        | –         | created and worked by SDR A                    |
 *
 * Times: captured T0; hand-offs T0+1h (L6 at T0); decisions T0+3h; opportunities T0+27h;
 * win, loss and return T0+51h. April: a valid-lead definition v2 (also needs a company) takes
 * effect on 04-01; L8 (with a company) and L9 (without) are captured; L8 is handed off and
 * accepted; L2 is handed off again and accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const HOUR = 3_600_000;
const BANT_YES = { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' };
const MARCH = 'from=2026-03-01&to=2026-03-31';
const APRIL = 'from=2026-04-01&to=2026-04-30';

/** [leads, validLeads, mqls, sqls, opportunities, won, wonAmount] */
type Counts = [number, number, number, number, number, number, number];

function counts(row: any): Counts {
  return [row.leads, row.validLeads, row.mqls, row.sqls, row.opportunities, row.won, row.wonAmount];
}

function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe.each(engines())('GET /reports/funnel (%s)', (engine) => {
  let t: TestServer;
  let sdrA: User;
  let sdrB: User;
  let ops: User;
  let marketing: User;
  let manager: User;
  let repA: User;
  let repB: User;
  let phone = 13900090000;
  const lead: Record<string, string> = {};
  const opportunity: Record<string, string> = {};
  let shanghai: string;
  let beijing: string;

  const report = async (query: string, who: User | 'admin' = marketing) => {
    const r = await (who === 'admin' ? t.admin : who.call)('GET', `/reports/funnel?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  /** Every slice of the report as key → counts (null key as "null"). */
  const byKey = (body: any): Record<string, Counts> =>
    Object.fromEntries(body.rows.map((r: any) => [String(r.key), counts(r)]));
  const rowOf = (body: any, key: string | null) => body.rows.find((r: any) => r.key === key);
  const leakageOf = (row: any) => row.leakage.map((l: any) => [l.stage, l.kind, l.reason, l.count]);

  const capture = async (by: User | 'admin', body: Record<string, unknown>) => {
    phone += 1;
    const r = await (by === 'admin' ? t.admin : by.call)('POST', '/leads', {
      name: '王经理',
      phone: String(phone),
      ...body,
    });
    expect(r.status, r.text).toBe(201);
    return r.body.lead;
  };
  const transfer = async (sdr: User, id: string, rep: User) => {
    const q = await sdr.call('PUT', `/leads/${id}/qualification`, { framework: 'BANT', answers: BANT_YES });
    expect(q.status, q.text).toBe(200);
    const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.handoff.repId).toBe(rep.id);
    return r.body.handoff.id as string;
  };
  const decide = async (rep: User, handoffId: string, decision: string, body: object = {}) => {
    const r = await rep.call('POST', `/handoffs/${handoffId}/${decision}`, body);
    expect(r.status, r.text).toBe(200);
  };
  const openOpportunity = async (rep: User, id: string, amount: number) => {
    const r = await rep.call('POST', `/leads/${id}/opportunities`, { amount });
    expect(r.status, r.text).toBe(201);
    return r.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdrA = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    sdrB = await makeUser(t, 'sdr', { name: '赵敏', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    marketing = await makeUser(t, 'marketing', { name: '市场小王' });
    manager = await makeUser(t, 'sales_manager', { name: '华东经理', team: '华东销售' });
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    repB = await makeUser(t, 'sales', { name: '李四', team: '华北销售' });
    for (const [rep, region] of [
      [repA, '上海'],
      [repB, '北京'],
    ] as const) {
      const r = await ops.call('PUT', `/reps/${rep.id}`, {
        regions: [region],
        industries: [],
        level: 2,
        weight: 1,
        capacity: 100,
        department: '一部',
      });
      expect(r.status, r.text).toBe(200);
    }
    for (const month of ['2026-03', '2026-04', '2026-05']) {
      const e = await ops.call('PUT', `/eligibility/${month}`, { repIds: [repA.id, repB.id] });
      expect(e.status, e.text).toBe(200);
    }
    // Valid lead v2 from April 1: not disqualified and a company (both sides approve it in March).
    const v2 = await marketing.call('POST', '/definitions/valid_lead/versions', {
      criteria: [
        { kind: 'status', notIn: ['disqualified'] },
        { kind: 'field', field: 'company' },
      ],
      effectiveFrom: '2026-04-01T00:00:00.000Z',
      note: '四月起有效线索须有公司名',
    });
    expect(v2.status, v2.text).toBe(201);
    expect((await marketing.call('POST', '/definitions/valid_lead/versions/2/approve')).status).toBe(200);
    expect((await ops.call('POST', '/definitions/valid_lead/versions/2/approve')).status).toBe(200);

    // T0: capture.
    const l1 = await capture('admin', {
      channel: 'sem',
      utm: { source: 'baidu', medium: 'cpc', campaign: 'spring' },
      region: '上海',
      industry: '制造',
      employees: 800,
    });
    shanghai = l1.regionCode;
    lead.L1 = l1.id;
    lead.L2 = (
      await capture('admin', {
        channel: 'sem',
        utm: { campaign: 'spring' },
        region: '上海',
        industry: '制造',
        employees: 50,
      })
    ).id;
    const l3 = await capture('admin', { channel: 'sem', region: '北京', industry: '软件', employees: 1000 });
    beijing = l3.regionCode;
    lead.L3 = l3.id;
    lead.L4 = (
      await capture('admin', { channel: 'event_offline', utm: { campaign: 'expo' }, region: '北京', industry: '软件' })
    ).id;
    lead.L5 = (
      await capture('admin', { channel: 'event_offline', utm: { campaign: 'expo' }, region: '上海', employees: 300 })
    ).id;
    const l6 = await capture('admin', {
      channel: 'inbound_inquiry',
      region: '上海',
      industry: '制造',
      employees: 2000,
    });
    expect(l6).toMatchObject({ status: 'mql', ownerId: repA.id });
    lead.L6 = l6.id;
    const l7 = await capture(sdrA, { channel: 'outbound', region: '上海' });
    expect(l7).toMatchObject({ status: 'working', ownerId: sdrA.id });
    lead.L7 = l7.id;
    expect(shanghai).toBeTruthy();
    expect(beijing).toBeTruthy();
    expect(shanghai).not.toBe(beijing);

    // T0+1h: hand-offs and a disqualification.
    t.clock.advance(HOUR);
    const h1 = await transfer(sdrA, lead.L1, repA);
    const h2 = await transfer(sdrA, lead.L2, repA);
    const h3 = await transfer(sdrB, lead.L3, repB);
    const dq = await sdrB.call('POST', `/leads/${lead.L4}/disqualify`, { reason: 'spam' });
    expect(dq.status, dq.text).toBe(200);
    const h6 = (await t.admin('GET', `/leads/${lead.L6}/handoffs`)).body.items[0].id;

    // T0+3h: decisions.
    t.clock.advance(2 * HOUR);
    await decide(repA, h1, 'accept');
    await decide(repA, h2, 'reject', { reason: 'no_budget' });
    await decide(repB, h3, 'accept');
    await decide(repA, h6, 'accept');

    // T0+27h: opportunities.
    t.clock.advance(24 * HOUR);
    opportunity.L1 = await openOpportunity(repA, lead.L1, 120000);
    opportunity.L6 = await openOpportunity(repA, lead.L6, 50000);

    // T0+51h: won, lost, returned.
    t.clock.advance(24 * HOUR);
    const won = await repA.call('POST', `/opportunities/${opportunity.L1}/win`, { amount: 100000 });
    expect(won.status, won.text).toBe(200);
    const lost = await repA.call('POST', `/opportunities/${opportunity.L6}/lose`, { reason: '价格太高' });
    expect(lost.status, lost.text).toBe(200);
    await decide(repB, h3, 'return', { reason: 'timing_later' });
  });
  afterAll(async () => t?.stop());

  it('by channel: every stage a lead ever reached, totals, conversion, names the definitions it counted with', async () => {
    const body = await report(`${MARCH}&by=channel`);
    expect(body).toMatchObject({
      by: 'channel',
      cohort: 'capture',
      period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' },
    });
    expect(byKey(body)).toEqual({
      sem: [3, 3, 3, 2, 1, 1, 100000],
      event_offline: [2, 1, 0, 0, 0, 0, 0],
      inbound_inquiry: [1, 1, 1, 1, 1, 0, 0],
      outbound: [1, 1, 0, 0, 0, 0, 0],
    });
    // Biggest slice first.
    expect(body.rows.map((r: any) => r.key)).toEqual(['sem', 'event_offline', 'inbound_inquiry', 'outbound']);
    expect(counts(body.total)).toEqual([7, 6, 4, 3, 2, 1, 100000]);
    expect(body.total.key).toBeNull();
    expect(rowOf(body, 'sem').label).toBe('Search ads (SEM)');
    expect(rowOf(body, 'sem').conversion).toEqual({
      leadToValidLead: 1,
      validLeadToMql: 1,
      mqlToSql: 0.6667,
      sqlToOpportunity: 0.5,
      opportunityToWon: 1,
      leadToWon: 0.3333,
    });
    expect(rowOf(body, 'event_offline').conversion).toMatchObject({ leadToValidLead: 0.5, mqlToSql: null });
    expect(body.total.conversion).toMatchObject({ validLeadToMql: 0.6667, mqlToSql: 0.75, opportunityToWon: 0.5 });
    // Only version 1 of each definition was in force in March (valid lead v2 starts in April).
    expect(body.definitions).toEqual([
      { kind: 'valid_lead', version: 1, effectiveFrom: '1970-01-01T00:00:00.000Z' },
      { kind: 'mql', version: 1, effectiveFrom: '1970-01-01T00:00:00.000Z' },
      { kind: 'sql', version: 1, effectiveFrom: '1970-01-01T00:00:00.000Z' },
      { kind: 'opportunity', version: 1, effectiveFrom: '1970-01-01T00:00:00.000Z' },
    ]);
    expect(body.rules).toEqual({
      version: 0,
      channelOfRecord: 'first_touch',
      sdrAttribution: 'handoff_sdr',
      largeCustomerEmployees: 500,
    });
  });

  it('leakage with reasons: disqualify, reject, return (reported apart), lost', async () => {
    const body = await report(`${MARCH}&by=channel`);
    expect(leakageOf(rowOf(body, 'sem'))).toEqual([
      ['mql', 'reject', 'no_budget', 1],
      ['sql', 'return', 'timing_later', 1],
    ]);
    expect(rowOf(body, 'sem').leakage[0]).toMatchObject({ labelZh: '无预算', labelEn: 'No budget' });
    expect(leakageOf(rowOf(body, 'event_offline'))).toEqual([['lead', 'disqualify', 'spam', 1]]);
    expect(rowOf(body, 'event_offline').leakage[0].labelEn).toBe('Spam');
    expect(leakageOf(rowOf(body, 'inbound_inquiry'))).toEqual([['opportunity', 'lose', '价格太高', 1]]);
    expect(rowOf(body, 'outbound').leakage).toEqual([]);
    expect(leakageOf(body.total)).toEqual([
      ['lead', 'disqualify', 'spam', 1],
      ['mql', 'reject', 'no_budget', 1],
      ['sql', 'return', 'timing_later', 1],
      ['opportunity', 'lose', '价格太高', 1],
    ]);
  });

  it('median hours in each stage, of the leads that went on to the next', async () => {
    const body = await report(`${MARCH}&by=channel`);
    // sem: L1–L3 handed off 1 h after capture; L1 and L3 accepted 2 h later; L1's opportunity 24 h
    // after acceptance, won 24 h after that.
    expect(rowOf(body, 'sem').medianHoursInStage).toEqual({ lead: 1, mql: 2, sql: 24, opportunity: 24 });
    // L6: an MQL at capture (0 h), accepted 3 h later, opportunity 24 h after that, then lost.
    expect(rowOf(body, 'inbound_inquiry').medianHoursInStage).toEqual({ lead: 0, mql: 3, sql: 24, opportunity: null });
    expect(rowOf(body, 'outbound').medianHoursInStage).toEqual({ lead: null, mql: null, sql: null, opportunity: null });
    // All: lead [0, 1, 1, 1] → 1; MQL [2, 2, 3] → 2; SQL [24, 24] → 24; opportunity [24] → 24.
    expect(body.total.medianHoursInStage).toEqual({ lead: 1, mql: 2, sql: 24, opportunity: 24 });
  });

  it('by SDR: the SDR of the hand-off (credit follows it), else the SDR working the lead', async () => {
    const body = await report(`${MARCH}&by=sdr`);
    expect(byKey(body)).toEqual({
      [sdrA.id]: [3, 3, 2, 1, 1, 1, 100000], // L1, L2, L7
      [sdrB.id]: [1, 1, 1, 1, 0, 0, 0], // L3
      null: [3, 2, 1, 1, 1, 0, 0], // L4 (unowned), L5, L6 (direct to sales)
    });
    expect(rowOf(body, sdrA.id).label).toBe('林晓');
    expect(leakageOf(rowOf(body, sdrA.id))).toEqual([['mql', 'reject', 'no_budget', 1]]);
    expect(leakageOf(rowOf(body, sdrB.id))).toEqual([['sql', 'return', 'timing_later', 1]]);
    expect(leakageOf(rowOf(body, null))).toEqual([
      ['lead', 'disqualify', 'spam', 1],
      ['opportunity', 'lose', '价格太高', 1],
    ]);
    expect(counts(body.total)).toEqual([7, 6, 4, 3, 2, 1, 100000]);
  });

  it('by rep, region, industry, size and campaign', async () => {
    const rep = await report(`${MARCH}&by=rep`);
    expect(byKey(rep)).toEqual({
      [repA.id]: [3, 3, 3, 2, 2, 1, 100000], // L1, L2, L6
      [repB.id]: [1, 1, 1, 1, 0, 0, 0], // L3
      null: [3, 2, 0, 0, 0, 0, 0], // L4, L5, L7: never handed off
    });
    expect(rowOf(rep, repA.id).label).toBe('张三');
    expect(leakageOf(rowOf(rep, repA.id))).toEqual([
      ['mql', 'reject', 'no_budget', 1],
      ['opportunity', 'lose', '价格太高', 1],
    ]);

    const region = await report(`${MARCH}&by=region`);
    expect(byKey(region)).toEqual({
      [shanghai]: [5, 5, 3, 2, 2, 1, 100000], // L1, L2, L5, L6, L7
      [beijing]: [2, 1, 1, 1, 0, 0, 0], // L3, L4
    });
    expect(rowOf(region, shanghai).label).toBe('上海市');

    const industry = await report(`${MARCH}&by=industry`);
    expect(byKey(industry)).toEqual({
      制造: [3, 3, 3, 2, 2, 1, 100000], // L1, L2, L6
      软件: [2, 1, 1, 1, 0, 0, 0], // L3, L4
      null: [2, 2, 0, 0, 0, 0, 0], // L5, L7
    });

    const size = await report(`${MARCH}&by=size`);
    expect(byKey(size)).toEqual({
      large: [3, 3, 3, 3, 2, 1, 100000], // L1 (800), L3 (1000), L6 (2000)
      small: [2, 2, 1, 0, 0, 0, 0], // L2 (50), L5 (300)
      unknown: [2, 1, 0, 0, 0, 0, 0], // L4, L7
    });
    expect(rowOf(size, 'large').label).toBe('500+ employees');

    const campaign = await report(`${MARCH}&by=campaign`);
    expect(byKey(campaign)).toEqual({
      spring: [2, 2, 2, 1, 1, 1, 100000], // L1, L2
      expo: [2, 1, 0, 0, 0, 0, 0], // L4, L5
      null: [3, 3, 2, 2, 1, 0, 0], // L3, L6, L7
    });
    for (const body of [rep, region, industry, size, campaign]) {
      expect(counts(body.total)).toEqual([7, 6, 4, 3, 2, 1, 100000]);
    }
  });

  it('the period bounds the capture cohort; event cohort of March equals it while nothing else happened', async () => {
    expect(counts((await report('from=2026-03-03&to=2026-03-31')).total)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect((await report('from=2026-03-03&to=2026-03-31')).rows).toEqual([]);
    // T0 = 2026-03-02T01:00Z; a period ending a millisecond before misses it, one starting at it has it.
    expect(counts((await report('from=2026-03-01&to=2026-03-02T00:59:59.999Z')).total)[0]).toBe(0);
    expect(counts((await report('from=2026-03-02T01:00:00Z&to=2026-03-02')).total)[0]).toBe(7);
    // No period: everything to now; the widest period there is.
    const all = await report('');
    expect(all.period).toEqual({ from: '1970-01-01T00:00:00.000Z', to: t.clock.now().toISOString() });
    expect(counts(all.total)).toEqual([7, 6, 4, 3, 2, 1, 100000]);
    expect(counts((await report('from=1970-01-01&to=9999-12-31&cohort=event')).total)[0]).toBe(7);
    expect(counts((await report('from=1970-01-01&to=9999-12-31T23:59:59.999Z')).total)[0]).toBe(7);
    const event = await report(`${MARCH}&cohort=event`);
    expect(event.cohort).toBe('event');
    expect(counts(event.total)).toEqual([7, 6, 4, 3, 2, 1, 100000]);
    expect(leakageOf(event.total)).toHaveLength(4);
  });

  it("a sales manager reads their own team's funnel: the leads it owns or was handed (§1)", async () => {
    // 华东销售 is rep A's team: L1, L2 (SDR A → rep A) and L6 (direct to rep A); not L3 (rep B) or the rest.
    const body = await report(`${MARCH}&by=channel`, manager);
    expect(body.scope).toBe('team');
    expect(byKey(body)).toEqual({ sem: [2, 2, 2, 1, 1, 1, 100000], inbound_inquiry: [1, 1, 1, 1, 1, 0, 0] });
    expect(counts(body.total)).toEqual([3, 3, 3, 2, 2, 1, 100000]);
    expect(leakageOf(body.total)).toEqual(expect.arrayContaining([['mql', 'reject', 'no_budget', 1]]));
    expect(leakageOf(body.total).some((l: unknown[]) => l[1] === 'disqualify')).toBe(false); // L4 is not theirs
    expect((await report(`${MARCH}&by=channel`, ops)).scope).toBe('all');
  });

  it('who may read it: marketing, sales ops, SDR leads, managers, admin — not SDRs or reps; 401 without a token', async () => {
    for (const who of [ops, manager]) expect((await who.call('GET', `/reports/funnel?${MARCH}`)).status).toBe(200);
    expect((await t.admin('GET', `/reports/funnel?${MARCH}`)).status).toBe(200);
    const sdrLead = await makeUser(t, 'sdr_lead');
    expect((await sdrLead.call('GET', `/reports/funnel?${MARCH}`)).status).toBe(200);
    const bySdr = await sdrA.call('GET', `/reports/funnel?${MARCH}`);
    expectProblem(bySdr, 403);
    expect(bySdr.body.detail).toMatch(/may not read funnel/);
    expectProblem(await repA.call('GET', `/reports/funnel?${MARCH}`), 403);
    expectProblem(await t.as(null)('GET', `/reports/funnel?${MARCH}`), 401);
  });

  it('bad input: from after to, a bad slice, cohort or date → 400 naming the field', async () => {
    const backwards = await marketing.call('GET', '/reports/funnel?from=2026-04-01&to=2026-03-31');
    expectFieldError(backwards, 'query.from');
    expect(backwards.body.detail).toMatch(/after to/);
    expectFieldError(
      await marketing.call('GET', '/reports/funnel?from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z'),
      'query.from',
    );
    expectFieldError(await marketing.call('GET', '/reports/funnel?from=2099-01-01'), 'query.from');
    expectFieldError(await marketing.call('GET', `/reports/funnel?${MARCH}&by=color`), 'query.by');
    expectFieldError(await marketing.call('GET', `/reports/funnel?${MARCH}&cohort=weekly`), 'query.cohort');
    expectFieldError(await marketing.call('GET', '/reports/funnel?from=yesterday'), 'query.from');
    expectFieldError(await marketing.call('GET', '/reports/funnel?to=2026-02-30'), 'query.to');
    expectFieldError(await marketing.call('GET', '/reports/funnel?from=0001-01-01'), 'query.from');
    expectFieldError(await marketing.call('GET', '/reports/funnel?to=+010000-01-01T00:00:00Z'), 'query.to');
    expectFieldError(await marketing.call('GET', '/reports/funnel?to=2026-03-31T10:00:00'), 'query.to');
    expectFieldError(await marketing.call('GET', `/reports/funnel?${MARCH}&channel=sem`), 'query.channel');
  });

  it('April: a new valid-lead version counts April leads only; cohort by event date vs by capture date', async () => {
    t.clock.set(new Date('2026-04-03T01:00:00.000Z'));
    const l8 = await capture('admin', { channel: 'sem', region: '上海', company: '上海启明软件有限公司' });
    const l9 = await capture('admin', { channel: 'sem', region: '上海' });
    t.clock.advance(HOUR);
    const h8 = await transfer(sdrA, l8.id, repA);
    const again = await sdrA.call('POST', `/leads/${lead.L2}/transfer`, { mode: 'auto' });
    expect(again.status, again.text).toBe(201);
    t.clock.advance(HOUR);
    await decide(repA, h8, 'accept');
    await decide(repA, again.body.handoff.id, 'accept');
    expect(l9.id).toBeTruthy();

    // Capture cohort, April: L8 (valid: has a company), L9 (not valid under v2); L8 an MQL and SQL.
    const capture4 = await report(`${APRIL}&by=channel`);
    expect(byKey(capture4)).toEqual({ sem: [2, 1, 1, 1, 0, 0, 0] });
    expect(capture4.definitions.filter((d: any) => d.kind === 'valid_lead')).toEqual([
      { kind: 'valid_lead', version: 2, effectiveFrom: '2026-04-01T00:00:00.000Z' },
    ]);
    // Event cohort, April: L2's first hand-off was in March, its first acceptance now: an April SQL.
    const event4 = await report(`${APRIL}&by=channel&cohort=event`);
    expect(byKey(event4)).toEqual({ sem: [2, 1, 1, 2, 0, 0, 0] });
    expect(event4.total.leakage).toEqual([]);
    expect(rowOf(event4, 'sem').conversion.mqlToSql).toBe(2);

    // March, by capture: L2 is an SQL now (a rejected MQL that came back and was accepted);
    // March leads keep being judged by v1 (L5 has no company and is still valid); its rejection stays.
    const march = await report(`${MARCH}&by=channel`);
    expect(byKey(march).sem).toEqual([3, 3, 3, 3, 1, 1, 100000]);
    expect(byKey(march).event_offline).toEqual([2, 1, 0, 0, 0, 0, 0]);
    expect(leakageOf(rowOf(march, 'sem'))).toEqual([
      ['mql', 'reject', 'no_budget', 1],
      ['sql', 'return', 'timing_later', 1],
    ]);
    // March by event date: L2's acceptance happened in April.
    expect(byKey(await report(`${MARCH}&by=channel&cohort=event`)).sem).toEqual([3, 3, 3, 2, 1, 1, 100000]);

    // A period across both versions names both.
    const both = await report('from=2026-03-01&to=2026-04-30');
    expect(both.definitions.filter((d: any) => d.kind === 'valid_lead').map((d: any) => d.version)).toEqual([1, 2]);
    expect(counts(both.total)).toEqual([9, 7, 5, 5, 2, 1, 100000]);
  });

  it('capacity plan from the measured funnel, and month by month next to what it delivered (§8.5)', async () => {
    // Now 2026-04-03: the last 2 months' captures are L1–L9 — 9 leads, 5 MQLs, 5 SQLs, 2
    // opportunities, 1 won: rates 5/9, 5/5, 2/5, 1/2.
    const body = {
      customers: 10,
      avgDealSize: 100_000,
      growthMultiple: 2,
      renewalRate: 0.5,
      months: 2,
      measuredMonths: 2,
      startMonth: '2026-03',
    };
    const r = await marketing.call('POST', '/plans/capacity', body);
    expect(r.status, r.text).toBe(200);
    expect(r.body.measured).toMatchObject({ leads: 9, mqls: 5, sqls: 5, opportunities: 2, won: 1 });
    expect(r.body.measured.from).toBe('2026-02-03T00:00:00.000Z');
    expect(r.body.measured.conversion).toEqual({
      leadToMql: 0.5556,
      mqlToSql: 1,
      sqlToOpportunity: 0.4,
      opportunityToWon: 0.5,
    });
    // 1,500,000 new ÷ 100,000 = 15 deals → 30 opportunities → 75 SQLs → 75 MQLs → ⌈134.99⌉ leads.
    expect(r.body).toMatchObject({ newCustomers: 15, opportunities: 30, sqls: 75, mqls: 75, leads: 135 });
    const entered = await marketing.call('POST', '/plans/capacity', {
      ...body,
      measuredMonths: undefined,
      startMonth: undefined,
      conversion: r.body.measured.conversion,
    });
    expect(entered.body.leads).toBe(135);

    // By event date: March delivered 7 leads, 4 MQLs, 3 SQLs (L2's acceptance was in April),
    // 2 opportunities, 1 deal; April so far 2 leads, 1 MQL, 2 SQLs.
    const [march, april] = r.body.byMonth;
    expect(march).toMatchObject({
      month: '2026-03',
      index: 1,
      planned: { leads: 68, mqls: 38, sqls: 38, opportunities: 15, newCustomers: 8 },
      actual: { leads: 7, mqls: 4, sqls: 3, opportunities: 2, newCustomers: 1 },
      gap: { leads: -61, mqls: -34, sqls: -35, opportunities: -13, newCustomers: -7 },
    });
    expect(april).toMatchObject({
      month: '2026-04',
      actual: { leads: 2, mqls: 1, sqls: 2, opportunities: 0, newCustomers: 0 },
      cumulativeActual: { leads: 9, mqls: 5, sqls: 5, opportunities: 2, newCustomers: 1 },
      cumulativePlanned: { leads: 135, mqls: 75, sqls: 75, opportunities: 30, newCustomers: 15 },
    });

    // The last month's captures (L8, L9) reached no opportunity: those rates cannot be measured.
    const short = await marketing.call('POST', '/plans/capacity', { ...body, measuredMonths: 1 });
    expectFieldError(short, 'measuredMonths');
    expect(short.body.detail).toMatch(/sqlToOpportunity cannot be measured: 0 opportunities of 1 sqls/);
  });

  it('May: a valid-lead version with answer, contact and custom-field criteria, each one counted', async () => {
    const v3 = await marketing.call('POST', '/definitions/valid_lead/versions', {
      criteria: [
        { kind: 'answer', framework: 'BANT', key: 'need', oneOf: ['yes'] },
        { kind: 'answer', framework: 'BANT', key: 'timing' },
        { kind: 'contact', require: 'email' },
        { kind: 'field', field: 'fields.项目' },
      ],
      effectiveFrom: '2026-05-01T00:00:00.000Z',
    });
    expect(v3.status, v3.text).toBe(201);
    expect((await marketing.call('POST', '/definitions/valid_lead/versions/3/approve')).status).toBe(200);
    expect((await ops.call('POST', '/definitions/valid_lead/versions/3/approve')).status).toBe(200);

    t.clock.set(new Date('2026-05-06T01:00:00.000Z'));
    const make = async (n: number, answers: Record<string, string>, extra: Record<string, unknown>) => {
      const l = await capture('admin', { channel: 'content_download', email: `may${n}@example.cn`, ...extra });
      const q = await sdrA.call('PUT', `/leads/${l.id}/qualification`, { framework: 'BANT', answers });
      expect(q.status, q.text).toBe(200);
    };
    const good = { budget: 'no', authority: 'no', need: 'yes', timing: 'yes' };
    const project = { fields: { 项目: 'CRM 升级' } };
    await make(1, good, project); // valid
    await make(2, { ...good, need: 'no' }, project); // need is not "yes"
    await make(3, { ...good, timing: 'unknown' }, project); // timing not answered
    await make(4, good, { ...project, email: null }); // no e-mail
    await make(5, good, { fields: { 项目: '  ' } }); // blank custom field
    await make(6, { budget: 'yes' }, project); // need and timing never asked

    const may = await report('from=2026-05-01&to=2026-05-31&by=channel');
    expect(byKey(may)).toEqual({ content_download: [6, 1, 0, 0, 0, 0, 0] });
    expect(may.definitions.filter((d: any) => d.kind === 'valid_lead')).toEqual([
      { kind: 'valid_lead', version: 3, effectiveFrom: '2026-05-01T00:00:00.000Z' },
    ]);
    // April and March leads keep the versions of their time.
    expect(counts((await report('from=2026-03-01&to=2026-04-30')).total)).toEqual([9, 7, 5, 5, 2, 1, 100000]);
    // A short period of a longer history (read through its own leads' hand-offs): L8 and L9.
    expect(byKey(await report('from=2026-04-02&to=2026-04-30&by=sdr'))).toEqual({
      [sdrA.id]: [1, 1, 1, 1, 0, 0, 0],
      null: [1, 0, 0, 0, 0, 0, 0],
    });
    expect(byKey(await report('from=2026-04-02&to=2026-04-30&by=rep'))).toEqual({
      [repA.id]: [1, 1, 1, 1, 0, 0, 0],
      null: [1, 0, 0, 0, 0, 0, 0],
    });
  });

  it('report rules are data: the size threshold changes by=size and is stated', async () => {
    const saved = await ops.call('PUT', '/reports/rules', {
      rules: {
        creditWindowDays: 45,
        withdrawalWindowDays: 14,
        weights: { inbound: 1, outbound: 1 },
        outboundChannels: ['outbound'],
        largeCustomerEmployees: 1000,
      },
    });
    expect(saved.status, saved.text).toBe(200);
    const size = await report(`${MARCH}&by=size`);
    expect(size.rules).toMatchObject({ version: saved.body.version, largeCustomerEmployees: 1000 });
    expect(byKey(size)).toEqual({
      large: [2, 2, 2, 2, 1, 0, 0], // L3 (1000), L6 (2000)
      small: [3, 3, 2, 2, 1, 1, 100000], // L1 (800), L2 (50, an SQL since April), L5 (300)
      unknown: [2, 1, 0, 0, 0, 0, 0],
    });
  });

  it('won amounts: only the report currency is summed; other currencies apart, per currency, never converted', async () => {
    // June: three inbound inquiries straight to rep A, won in CNY, USD and CNY.
    t.clock.set(new Date('2026-06-02T01:00:00.000Z'));
    const eligible = await ops.call('PUT', '/eligibility/2026-06', { repIds: [repA.id, repB.id] });
    expect(eligible.status, eligible.text).toBe(200);
    const deals: [number, string | undefined][] = [
      [1000, undefined],
      [500.5, 'USD'],
      [2000.25, 'CNY'],
    ];
    const opportunities: string[] = [];
    for (const [amount, currency] of deals) {
      const l = await capture('admin', {
        channel: 'inbound_inquiry',
        region: '上海',
        industry: '制造',
        employees: 2000,
      });
      const handoff = (await t.admin('GET', `/leads/${l.id}/handoffs`)).body.items[0].id;
      await decide(repA, handoff, 'accept');
      const r = await repA.call('POST', `/leads/${l.id}/opportunities`, { amount, ...(currency ? { currency } : {}) });
      expect(r.status, r.text).toBe(201);
      opportunities.push(r.body.id);
    }
    t.clock.advance(HOUR);
    for (const [i, id] of opportunities.entries()) {
      const won = await repA.call('POST', `/opportunities/${id}/win`, { amount: deals[i][0] });
      expect(won.status, won.text).toBe(200);
    }
    const JUNE = 'from=2026-06-01&to=2026-06-30';
    const funnel = await report(`${JUNE}&by=channel`);
    expect(funnel.currency).toBe('CNY');
    expect(rowOf(funnel, 'inbound_inquiry')).toMatchObject({
      won: 3,
      wonAmount: 3000.25,
      wonAmountOtherCurrencies: { USD: 500.5 },
    });
    expect(funnel.total).toMatchObject({ won: 3, wonAmount: 3000.25, wonAmountOtherCurrencies: { USD: 500.5 } });
    // Event cohort: the same deals, won in June.
    expect((await report(`${JUNE}&by=channel&cohort=event`)).total).toMatchObject({
      wonAmount: 3000.25,
      wonAmountOtherCurrencies: { USD: 500.5 },
    });
    // March had no deal in another currency.
    expect((await report(`${MARCH}&by=channel`)).total.wonAmountOtherCurrencies).toEqual({});

    // Channel economics builds on the funnel: revenue and ROI in the report currency only.
    const economics = await marketing.call('GET', `/reports/channels?${JUNE}&by=channel`);
    expect(economics.status, economics.text).toBe(200);
    expect(economics.body.currency).toBe('CNY');
    expect(rowOf(economics.body, 'inbound_inquiry')).toMatchObject({
      wonAmount: 3000.25,
      revenue: 3000.25,
      wonAmountOtherCurrencies: { USD: 500.5 },
    });
    expect(economics.body.total).toMatchObject({ revenue: 3000.25, wonAmountOtherCurrencies: { USD: 500.5 } });

    // The report currency is a report rule: USD sums the USD deal and lists the CNY ones apart.
    const rules = (await ops.call('GET', '/reports/rules')).body.rules;
    expect(rules.currency).toBe('CNY');
    const bad = await ops.call('PUT', '/reports/rules', { rules: { ...rules, currency: 'usd' } });
    expectFieldError(bad, 'rules.currency');
    const saved = await ops.call('PUT', '/reports/rules', { rules: { ...rules, currency: 'USD' } });
    expect(saved.status, saved.text).toBe(200);
    const inUsd = await report(`${JUNE}&by=channel`);
    expect(inUsd.currency).toBe('USD');
    expect(inUsd.total).toMatchObject({ wonAmount: 500.5, wonAmountOtherCurrencies: { CNY: 3000.25 } });
    const economicsInUsd = await marketing.call('GET', `/reports/channels?${JUNE}&by=channel`);
    expect(economicsInUsd.body).toMatchObject({ currency: 'USD', total: { revenue: 500.5 } });
  });
});
