import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

const sum = (lines: { points: number }[]) => lines.reduce((s, l) => s + l.points, 0);

describe.each(engines())('scores (%s)', (engine) => {
  let t: TestServer;
  let sdr: Awaited<ReturnType<typeof makeUser>>;
  let marketing: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    marketing = await makeUser(t, 'marketing');
  });
  afterAll(async () => t?.stop());

  const capture = async (lead: Record<string, unknown>) => {
    const r = await t.admin('POST', '/leads', { channel: 'sem', ...lead });
    expect(r.status, r.text).toBe(201);
    return r.body.lead as { id: string; score: number };
  };

  it('scores a lead at capture: fit lines that add up to the total, kept on the lead and in the history', async () => {
    const lead = await capture({
      name: '周总',
      phone: '13900010001',
      company: '上海云图软件有限公司',
      title: '首席执行官 CEO',
      employees: 500,
      industry: '企业服务/SaaS',
      region: '上海',
    });
    const r = await sdr.call('GET', `/leads/${lead.id}/score`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ engagement: 0, qualification: 0, predicted: null, rulesVersion: 0 });
    // Default rules: CEO 25, 200–999 employees 15, 企业服务 10, 上海 5.
    expect(r.body.fit).toBe(55);
    expect(r.body.total).toBe(55);
    expect(r.body.grade).toBe('A4');
    expect(sum(r.body.explanation)).toBe(r.body.total);
    expect(r.body.explanation.map((l: any) => l.points)).toEqual([25, 15, 10, 5]);
    expect(r.body.explanation[0].rule).toMatch(/CEO|首席执行官|高管/);
    // Each line also says what fired as a code and values, for wording it in the reader's language.
    const codes = [
      { code: 'seniority', params: { level: 'c_level' } },
      { code: 'employees', params: { min: 200, max: 999 } },
      { code: 'industry', params: { industry: '企业服务' } },
      { code: 'region', params: { region: '31', label: '上海' } },
    ];
    expect(r.body.explanation.map((l: any) => ({ code: l.code, params: l.params }))).toEqual(codes);

    const stored = await sdr.call('GET', `/leads/${lead.id}`);
    expect(stored.body.score).toBe(55);
    const history = await sdr.call('GET', `/leads/${lead.id}/score/history`);
    expect(history.body.items).toEqual([expect.objectContaining({ total: 55, grade: 'A4', cause: 'capture' })]);
    expect(history.body.items[0].explanation.map((l: any) => ({ code: l.code, params: l.params }))).toEqual(codes);
    const timeline = await sdr.call('GET', `/leads/${lead.id}/timeline`);
    expect(timeline.body.items.filter((e: any) => e.type === 'score')).toHaveLength(1);
  });

  it('a junior title at a small unknown company fits worse than a director at a large one', async () => {
    const intern = await capture({ name: '小李', phone: '13900010002', title: '实习生', employees: 10 });
    const director = await capture({ name: '王总监', phone: '13900010003', title: 'IT Director', employees: 3000 });
    const a = (await sdr.call('GET', `/leads/${intern.id}/score`)).body;
    const b = (await sdr.call('GET', `/leads/${director.id}/score`)).body;
    expect(a.total).toBe(-5);
    expect(b.total).toBe(35);
    expect(a.grade).toBe('D4');
    expect(sum(a.explanation)).toBe(a.total);
  });

  it('rescoring a merge: a repeat that fills the title raises the score with cause capture once', async () => {
    const lead = await capture({ name: '赵敏', phone: '13900010004' });
    expect((await sdr.call('GET', `/leads/${lead.id}/score`)).body.total).toBe(0);
    const repeat = await t.admin('POST', '/leads', {
      name: '赵敏',
      phone: '13900010004',
      title: '副总裁',
      channel: 'sem',
    });
    expect(repeat.body.merged).toBe(true);
    expect(repeat.body.lead.score).toBe(20);
    const history = await sdr.call('GET', `/leads/${lead.id}/score/history`);
    expect(history.body.items.map((e: any) => [e.total, e.cause])).toEqual([
      [20, 'capture'],
      [0, 'capture'],
    ]);
  });

  it('a new lead answers with its score from POST /leads and /leads/bulk; repeats, in the same bulk too, still rescore', async () => {
    const history = async (id: string) =>
      (await sdr.call('GET', `/leads/${id}/score/history`)).body.items.map((e: any) => [e.total, e.cause]);
    // CEO 25, 企业服务 10, 上海 5; 200–999 employees would add 15.
    const profile = { title: '首席执行官 CEO', industry: '企业服务/SaaS', region: '上海' };
    const single = await t.admin('POST', '/leads', { channel: 'sem', name: '钱总', phone: '13900010011', ...profile });
    expect(single.status, single.text).toBe(201);
    expect(single.body.lead).toMatchObject({ score: 40, grade: 'B4' });
    expect(await history(single.body.lead.id)).toEqual([[40, 'capture']]);

    const bulk = await t.admin('POST', '/leads/bulk', {
      leads: [
        { channel: 'sem', name: '孙总', phone: '13900010012', employees: 500, ...profile },
        { channel: 'sem', name: '李娜', phone: '13900010013' },
        // a repeat of the lead this same bulk creates, and one of the lead captured above
        { channel: 'referral', name: '李娜', phone: '13900010013', title: '副总裁' },
        { channel: 'referral', name: '钱总', phone: '13900010011', employees: 500 },
      ],
    });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.body).toMatchObject({ created: 2, merged: 2, failed: [] });
    const [sun, li, liAgain, qian] = bulk.body.results.map((r: any) => r.id);
    expect([liAgain, qian]).toEqual([li, single.body.lead.id]);

    const stored = async (id: string) => (await sdr.call('GET', `/leads/${id}`)).body;
    expect(await stored(sun)).toMatchObject({ score: 55, grade: 'A4' });
    const score = (await sdr.call('GET', `/leads/${sun}/score`)).body;
    expect(score.explanation.map((l: any) => [l.code, l.points])).toEqual([
      ['seniority', 25],
      ['employees', 15],
      ['industry', 10],
      ['region', 5],
    ]);
    expect(await history(sun)).toEqual([[55, 'capture']]);
    const ledger = (await sdr.call('GET', `/leads/${sun}/score/history`)).body.items[0];
    expect(ledger.explanation).toEqual(score.explanation);
    // created and merged in one bulk: one first score, with the title the repeat filled
    expect((await stored(li)).score).toBe(20);
    expect(await history(li)).toEqual([[20, 'capture']]);
    expect((await stored(qian)).score).toBe(55);
    expect(await history(qian)).toEqual([
      [55, 'capture'],
      [40, 'capture'],
    ]);
  });

  it('answers 404 for an unknown lead and 401 without a token', async () => {
    expectProblem(await sdr.call('GET', '/leads/no-such-lead/score'), 404);
    expectProblem(await t.as(null)('GET', '/leads/no-such-lead/score'), 401);
  });

  it('only admin, marketing and sales ops edit the rules; bad rules are a 400 naming the field', async () => {
    const current = await sdr.call('GET', '/scoring/rules');
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(0);
    expect(current.body.rules.fit.seniority.c_level).toBe(25);
    expectProblem(await sdr.call('PUT', '/scoring/rules', { rules: current.body.rules }), 403);

    const badGrades = structuredClone(current.body.rules);
    badGrades.grades.fit = { A: 10, B: 30, C: 15 };
    const r = await marketing.call('PUT', '/scoring/rules', { rules: badGrades });
    expectProblem(r, 400);
    expect(JSON.stringify(r.body)).toContain('rules.grades.fit');

    const notWhole = structuredClone(current.body.rules);
    notWhole.fit.seniority.vp = 2.5;
    const r2 = await marketing.call('PUT', '/scoring/rules', { rules: notWhole });
    expectProblem(r2, 400);
    expect(JSON.stringify(r2.body)).toContain('vp');
  });

  it('a rules change is a new version and rescoring records the cause "rules"', async () => {
    const lead = await capture({ name: '钱总', phone: '13900010005', title: 'CTO' });
    expect((await sdr.call('GET', `/leads/${lead.id}`)).body.score).toBe(25);
    const rules = (await sdr.call('GET', '/scoring/rules')).body.rules;
    rules.fit.seniority.c_level = 40;
    const saved = await marketing.call('PUT', '/scoring/rules', { rules });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, savedBy: marketing.id, pending: false });
    expect(saved.body.rescored).toBeGreaterThan(0);
    expect((await sdr.call('GET', `/leads/${lead.id}`)).body.score).toBe(40);
    const history = (await sdr.call('GET', `/leads/${lead.id}/score/history`)).body.items;
    expect(history[0]).toMatchObject({ total: 40, cause: 'rules' });
    expect((await sdr.call('GET', `/leads/${lead.id}/score`)).body.rulesVersion).toBe(1);

    const audit = await t.admin('GET', '/audit?entityType=scoring_rules');
    expect(audit.status, audit.text).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('scoring.rules_changed');
  });
});

describe.each(engines())('engagement, decay and qualification in the score (%s)', (engine) => {
  let t: TestServer;
  let sdr: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华南SDR组' });
    const rules = (await t.admin('GET', '/scoring/rules')).body.rules;
    rules.engagement.halfLifeDays = 1;
    rules.engagement.behaviours.event_attend = { label: '参加活动', points: 16, cap: null };
    const saved = await t.admin('PUT', '/scoring/rules', { rules });
    expect(saved.status, saved.text).toBe(200);
  });
  afterAll(async () => t?.stop());

  const newLead = async (phone: string) => {
    const r = await t.admin('POST', '/leads', { name: '孙悦', phone, channel: 'event_offline' });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const track = async (leadId: string, type: string) => {
    const r = await t.admin('POST', '/track', { leadId, type });
    expect(r.status, r.text).toBe(202);
  };

  it('a behaviour raises the score at once; decay takes it down by the hour, with its own line', async () => {
    const id = await newLead('13900020001');
    await track(id, 'event_attend');
    let score = (await sdr.call('GET', `/leads/${id}/score`)).body;
    expect(score).toMatchObject({ total: 16, engagement: 16 });
    const attended = {
      rule: '行为: 参加活动 (event_attend) ×1',
      points: 16,
      code: 'behaviour',
      params: { type: 'event_attend', count: 1 },
    };
    expect(score.explanation).toEqual([attended]);
    expect((await sdr.call('GET', `/leads/${id}`)).body.score).toBe(16);

    // Half-life 1 day: after 6 hours 16 × 2^(−1/4) = 13.45 → 13.
    await t.admin('POST', '/admin/clock', { advance: '6h' });
    score = (await sdr.call('GET', `/leads/${id}/score`)).body;
    expect(score.total).toBe(13);
    expect(score.explanation).toEqual([
      attended,
      { rule: '时间衰减: 半衰期1天', points: -3, code: 'decay', params: { halfLifeDays: 1 } },
    ]);
    expect(sum(score.explanation)).toBe(score.total);

    // The sweep that runs when the clock moves stores the decayed score without anyone reading it.
    await t.admin('POST', '/admin/clock', { advance: '18h' });
    expect((await sdr.call('GET', `/leads/${id}`)).body.score).toBe(8);
    const history = (await sdr.call('GET', `/leads/${id}/score/history`)).body.items;
    expect(history.map((e: any) => [e.total, e.cause])).toEqual([
      [8, 'decay'],
      [13, 'decay'],
      [16, 'behaviour'],
      [0, 'capture'],
    ]);
  });

  it('caps limit a behaviour per period and say so in the explanation', async () => {
    const id = await newLead('13900020002');
    for (let i = 0; i < 12; i++) await track(id, 'page_view');
    const score = (await sdr.call('GET', `/leads/${id}/score`)).body;
    expect(score.engagement).toBe(10);
    expect(score.explanation).toEqual([
      {
        rule: '行为: 浏览页面 (page_view) ×12',
        points: 12,
        code: 'behaviour',
        params: { type: 'page_view', count: 12 },
      },
      {
        rule: '行为上限: 浏览页面 (page_view) 每7天最多10分',
        points: -2,
        code: 'behaviour_cap',
        params: { type: 'page_view', days: 7, points: 10 },
      },
    ]);
  });

  it('a lead captured after behaviour waited for its e-mail is scored with it, once in the history', async () => {
    const waiting = await t.admin('POST', '/track', { email: 'wu.fan@acme-demo.cn', type: 'event_attend' });
    expect(waiting.status, waiting.text).toBe(202);
    const r = await t.admin('POST', '/leads', { name: '吴凡', email: 'wu.fan@acme-demo.cn', channel: 'event_offline' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead.score).toBe(16);
    const history = (await sdr.call('GET', `/leads/${r.body.lead.id}/score/history`)).body.items;
    expect(history.map((e: any) => [e.total, e.engagement, e.cause])).toEqual([[16, 16, 'capture']]);
  });

  it('qualification answers add their points, and the history says why', async () => {
    const id = await newLead('13900020003');
    const r = await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'no', timing: 'unknown' },
    });
    expect(r.status, r.text).toBe(200);
    const score = (await sdr.call('GET', `/leads/${id}/score`)).body;
    expect(score.qualification).toBe(r.body.points);
    expect(score.qualification).toBeGreaterThan(0);
    expect(score.qualificationFramework).toBe('BANT');
    expect(score.explanation.every((l: any) => l.rule.startsWith('BANT '))).toBe(true);
    expect(score.explanation[0]).toMatchObject({
      rule: 'BANT 预算: 是 (+10)',
      code: 'qualification',
      params: { framework: 'BANT', criterion: 'budget', label: { zh: '预算' }, answer: { zh: '是' } },
    });
    expect(sum(score.explanation)).toBe(score.total);
    const history = (await sdr.call('GET', `/leads/${id}/score/history`)).body.items;
    expect(history[0]).toMatchObject({ cause: 'qualification', qualification: r.body.points });
  });

  it('behaviour stitched at capture that has decayed to nothing still gives the first score its lines', async () => {
    const waiting = await t.admin('POST', '/track', { email: 'zheng.yu@acme-demo.cn', type: 'event_attend' });
    expect(waiting.status, waiting.text).toBe(202);
    await t.admin('POST', '/admin/clock', { advance: '720h' });
    const r = await t.admin('POST', '/leads', {
      name: '郑宇',
      email: 'zheng.yu@acme-demo.cn',
      channel: 'event_offline',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead.score).toBe(0);
    const history = (await sdr.call('GET', `/leads/${r.body.lead.id}/score/history`)).body.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ total: 0, cause: 'capture' });
    expect(history[0].explanation.map((l: any) => [l.code, l.points])).toEqual([
      ['behaviour', 16],
      ['decay', -16],
    ]);
  });
});
