import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('transfer to sales and the dispatch board (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let sdrLead: User;
  let ops: User;
  let repA: User;
  let repB: User;
  let repC: User;
  let phone = 13900030000;
  const month = '2026-03';

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    sdrLead = await makeUser(t, 'sdr_lead', { name: '陈组长', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    repA = await makeUser(t, 'sales', { name: '张三' });
    repB = await makeUser(t, 'sales', { name: '李四' });
    repC = await makeUser(t, 'sales', { name: '王五' });
    const profiles: [User, Record<string, unknown>][] = [
      [repA, { regions: ['上海'], industries: ['制造'], level: 2, weight: 1, capacity: 100, department: '华东一部' }],
      [repB, { regions: ['上海'], industries: ['软件'], level: 4, weight: 2, capacity: 100, department: '华东二部' }],
      [repC, { regions: ['北京'], industries: [], level: 3, weight: 1, capacity: 100, department: '华北部' }],
    ];
    for (const [rep, profile] of profiles) {
      const r = await ops.call('PUT', `/reps/${rep.id}`, profile);
      expect(r.status, r.text).toBe(200);
    }
    const e = await ops.call('PUT', `/eligibility/${month}`, { repIds: [repA.id, repB.id, repC.id] });
    expect(e.status, e.text).toBe(200);
  });
  afterAll(async () => t?.stop());

  const capture = async (lead: Record<string, unknown> = {}) => {
    phone += 1;
    const r = await t.admin('POST', '/leads', {
      name: '客户',
      phone: String(phone),
      channel: 'sem',
      region: '上海',
      ...lead,
    });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const qualify = async (id: string) => {
    const r = await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
    });
    expect(r.status, r.text).toBe(200);
  };
  const qualifiedLead = async (lead: Record<string, unknown> = {}) => {
    const id = await capture(lead);
    await qualify(id);
    return id;
  };

  it('refuses a lead that fails the MQL definition with 422 naming the unmet criteria', async () => {
    const id = await capture();
    const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expectProblem(r, 422);
    expect(r.text).toMatch(/budget/);
    expect(r.text).toMatch(/timing/);
    // Each unmet criterion is worded in both languages, for the console to show the reader's.
    const budget = r.body.errors.find((e: any) => e.field === 'BANT.budget');
    expect(budget.message).toMatch(/^BANT budget is .*, needs "yes"$/);
    expect(budget.messageZh).toMatch(/^BANT budget .*，需要“是”$/);
    expect((await sdr.call('GET', `/leads/${id}`)).body.status).toBe('new');
  });

  it('routes a qualified Shanghai lead to a Shanghai rep, with the explanation and the MQL package', async () => {
    const id = await qualifiedLead({ title: 'CTO', industry: '企业服务/软件' });
    await t.admin('POST', '/track', { leadId: id, type: 'demo_request' });
    const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expect(r.status, r.text).toBe(201);
    const h = r.body.handoff;
    expect(h).toMatchObject({ leadId: id, kind: 'assign', credit: 1, sdrId: sdr.id, mode: 'auto', status: 'pending' });
    expect([repA.id, repB.id]).toContain(h.repId);
    expect(new Date(h.dueAt).getTime() - t.clock.now().getTime()).toBe(48 * 3_600_000);
    const steps = h.explanation.map((s: any) => s.step);
    expect(steps).toContain('region');
    expect(steps).toContain('rotation');
    expect(h.explanation.find((s: any) => s.outcome === 'picked')?.repId).toBe(h.repId);
    expect(h.explanation.find((s: any) => s.step === 'region').message).toMatch(/2 of 3 reps cover it/);
    expect(h.package.score.total).toBeGreaterThan(0);
    expect(h.package.score.explanation.length).toBeGreaterThan(0);
    // Each line keeps its code, so the hand-off page words it in the reader's language.
    expect(h.package.score.explanation.map((l: any) => l.code)).toContain('qualification');
    expect(h.package.score.explanation.every((l: any) => typeof l.code === 'string')).toBe(true);
    expect(h.package.qualification[0]).toMatchObject({ framework: 'BANT' });
    expect(h.package.behaviour.counts).toEqual({ demo_request: 1 });
    expect(h.package.sources.original.channel).toBe('sem');

    // From the hand-off on, the rep holds the lead; the hand-off keeps the SDR for credit.
    expect((await sdr.call('GET', `/leads/${id}`)).body).toMatchObject({ status: 'mql', ownerId: h.repId });
    expect((await sdr.call('GET', `/handoffs/${h.id}`)).body.id).toBe(h.id);
    expect((await sdr.call('GET', `/leads/${id}/handoffs`)).body.items).toHaveLength(1);
    const status = await ops.call('GET', `/reps/${h.repId}/status`);
    expect(status.body.openMqls).toBe(1);

    // One open hand-off per lead.
    expectProblem(await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' }), 409);
  });

  it('manual dispatch needs a reason, shows on the board with comments, and is resolved once', async () => {
    const id = await qualifiedLead();
    const noReason = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'manual' });
    expectProblem(noReason, 400);
    expect(noReason.text).toContain('reason');

    const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'manual', reason: '客户点名要找张三' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.handoff).toMatchObject({
      kind: 'dispatch',
      repId: null,
      dueAt: null,
      requestReason: '客户点名要找张三',
    });
    const handoffId = r.body.handoff.id;
    expect(r.body.handoff.explanation).toEqual([
      expect.objectContaining({ code: 'dispatch_manual', params: { reason: '客户点名要找张三' } }),
    ]);

    expectProblem(await sdr.call('GET', '/dispatches'), 403);
    const comment = await sdrLead.call('POST', `/dispatches/${handoffId}/comments`, {
      body: '我认识这位客户，可以帮忙',
    });
    expect(comment.status, comment.text).toBe(201);
    const board = await ops.call('GET', '/dispatches');
    const item = board.body.items.find((i: any) => i.handoff.id === handoffId);
    expect(item.handoff.requestReason).toBe('客户点名要找张三');
    expect(item.comments).toEqual([expect.objectContaining({ userId: sdrLead.id, body: '我认识这位客户，可以帮忙' })]);
    expect(item.lead.id).toBe(id);
    expect(item.handoff.explanation[0].code).toBe('dispatch_manual');

    expectProblem(await sdrLead.call('POST', `/dispatches/${handoffId}/resolve`, { repId: repA.id }), 403);
    expectProblem(await ops.call('POST', `/dispatches/${handoffId}/resolve`, { repId: sdr.id }), 400);
    const resolved = await ops.call('POST', `/dispatches/${handoffId}/resolve`, { repId: repA.id });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.handoff).toMatchObject({ kind: 'assign', repId: repA.id, credit: 1 });
    expect(resolved.body.handoff.dueAt).not.toBeNull();
    expect(resolved.body.handoff.explanation.at(-1)).toMatchObject({
      code: 'dispatch_assigned',
      params: { rep: '张三' },
    });
    expect((await ops.call('GET', `/leads/${id}`)).body.ownerId).toBe(repA.id);
    expectProblem(await ops.call('POST', `/dispatches/${handoffId}/resolve`, { repId: repB.id }), 409);
    expect((await ops.call('GET', '/dispatches')).body.items.some((i: any) => i.handoff.id === handoffId)).toBe(false);
  });

  it('resolving as a sync to the existing owner gives partial credit', async () => {
    const id = await qualifiedLead();
    const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'manual', reason: 'CRM里已有客户' });
    const resolved = await ops.call('POST', `/dispatches/${r.body.handoff.id}/resolve`, { repId: repC.id, as: 'sync' });
    expect(resolved.body.handoff).toMatchObject({ kind: 'sync', repId: repC.id });
    expect(resolved.body.handoff.credit).toBeCloseTo(1 / 3, 10);
    expect(resolved.body.handoff.explanation.at(-1)).toMatchObject({
      code: 'dispatch_synced',
      params: { rep: '王五' },
    });
  });

  it('an SDR lead may override the definition with a written reason, audited; an SDR may not', async () => {
    const id = await capture();
    expectProblem(await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto', overrideReason: '老板要求' }), 403);
    expectProblem(await sdrLead.call('POST', `/leads/${id}/transfer`, { mode: 'auto', overrideReason: '  ' }), 400);
    const r = await sdrLead.call('POST', `/leads/${id}/transfer`, {
      mode: 'auto',
      overrideReason: '客户已口头确认预算，BANT 稍后补录',
    });
    expect(r.status, r.text).toBe(201);
    const timeline = (await sdrLead.call('GET', `/leads/${id}/timeline`)).body.items;
    const override = timeline.find((e: any) => e.data.action === 'lead.mql_gate_overridden');
    expect(override.actorId).toBe(sdrLead.id);
    expect(override.data.reason).toBe('客户已口头确认预算，BANT 稍后补录');
  });

  it('a matched CRM account decides: idle owner → assign with a first-contact deadline; active owner → sync', async () => {
    const now = t.clock.now().getTime();
    const day = 86_400_000;
    const idle = await ops.call('POST', '/accounts', {
      name: '杭州闲置科技有限公司',
      ownerId: repC.id,
      lastActivityAt: new Date(now - 40 * day).toISOString(),
      contacts: [{ name: '赵工', title: '工程师' }],
    });
    expect(idle.status, idle.text).toBe(201);
    const active = await ops.call('POST', '/accounts', {
      name: '苏州活跃制造股份有限公司',
      ownerId: repC.id,
      lastActivityAt: new Date(now - 5 * day).toISOString(),
      contacts: [{ name: '钱经理', title: '采购经理' }],
    });
    expect(active.status, active.text).toBe(201);

    const idleLead = await qualifiedLead({ company: '杭州闲置科技', title: '采购专员' });
    const a = (await sdr.call('POST', `/leads/${idleLead}/transfer`, { mode: 'auto' })).body.handoff;
    expect(a).toMatchObject({ kind: 'assign', repId: repC.id, credit: 1 });
    expect(new Date(a.firstContactDueAt).getTime()).toBe(now + 3 * day);
    expect(a.explanation[0].step).toBe('account');
    expect(a.explanation.map((l: any) => l.code)).toEqual(['account_idle', 'account_owner']);
    expect(a.explanation[0].params).toMatchObject({
      account: '杭州闲置科技有限公司',
      matchedOn: 'name',
      firstContactDueAt: a.firstContactDueAt,
    });

    const senior = await qualifiedLead({ company: '苏州活跃制造', title: '总经理' });
    const s = (await sdr.call('POST', `/leads/${senior}/transfer`, { mode: 'auto' })).body.handoff;
    expect(s).toMatchObject({ kind: 'sync', repId: repC.id, credit: 1 });

    const junior = await qualifiedLead({ name: '孙专员', company: '苏州活跃制造有限公司', title: '采购专员' });
    const j = (await sdr.call('POST', `/leads/${junior}/transfer`, { mode: 'auto' })).body.handoff;
    expect(j).toMatchObject({ kind: 'sync', repId: repC.id });
    expect(j.credit).toBeCloseTo(1 / 3, 10);
    expect(s.explanation[0]).toMatchObject({ code: 'account_sync', params: { moreSenior: true, credit: 1 } });
    expect(j.explanation[0]).toMatchObject({
      code: 'account_sync',
      params: { moreSenior: false, contacts: [{ name: '钱经理', title: '采购经理', seniority: 'manager' }] },
    });
  });

  it('weighted rotation: reps of weight 1 and 2 get 1:2 of the Shanghai leads, within ±1', async () => {
    const before = {
      a: (await ops.call('GET', `/reps/${repA.id}/status`)).body.openMqls,
      b: (await ops.call('GET', `/reps/${repB.id}/status`)).body.openMqls,
    };
    const got: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await qualifiedLead({ industry: null });
      const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
      expect(r.status, r.text).toBe(201);
      got.push(r.body.handoff.repId);
    }
    const a = got.filter((x) => x === repA.id).length;
    const b = got.filter((x) => x === repB.id).length;
    expect(a + b).toBe(12);
    expect(Math.abs(a - 4)).toBeLessThanOrEqual(1);
    expect(Math.abs(b - 8)).toBeLessThanOrEqual(1);
    expect((await ops.call('GET', `/reps/${repA.id}/status`)).body.openMqls).toBe(before.a + a);
  });

  it('nobody eligible → a dispatch with the reasons', async () => {
    const e = await ops.call('PUT', `/eligibility/${month}`, { repIds: [] });
    expect(e.status, e.text).toBe(200);
    const id = await qualifiedLead();
    const r = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.handoff).toMatchObject({ kind: 'dispatch', repId: null });
    const skipped = r.body.handoff.explanation.filter((s: any) => s.outcome === 'skipped').map((s: any) => s.repId);
    expect(skipped).toEqual(expect.arrayContaining([repA.id, repB.id, repC.id]));
    const skip = r.body.handoff.explanation.find((s: any) => s.repId === repA.id);
    expect(skip).toMatchObject({ code: 'rep_skipped', params: { rep: '张三', notEligible: true } });
    expect(r.body.handoff.explanation.at(-1)).toMatchObject({
      code: 'dispatch_nobody_fits',
      params: { notEligible: expect.any(Number) },
    });
    await ops.call('PUT', `/eligibility/${month}`, { repIds: [repA.id, repB.id, repC.id] });
  });

  it('an inbound inquiry goes straight to sales at capture: an mql with a hand-off', async () => {
    const r = await t.admin('POST', '/leads', {
      name: '直接咨询',
      phone: '13900038888',
      channel: 'inbound_inquiry',
      region: '北京',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead.status).toBe('mql');
    expect(r.body.lead.ownerId).toBe(repC.id);
    const handoffs = (await ops.call('GET', `/leads/${r.body.lead.id}/handoffs`)).body.items;
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({ mode: 'direct', kind: 'assign', repId: repC.id, sdrId: null });
  });
});

describe.each(engines())('direct-to-sales leads captured concurrently (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('routes every lead of concurrent bulk captures across pools, with no deadlock and one hand-off each', async () => {
    const ops = await makeUser(t, 'sales_ops');
    const regions = ['上海', '北京', '广东', '浙江'];
    const reps: string[] = [];
    for (let i = 0; i < 8; i++) {
      const rep = await makeUser(t, 'sales', { name: `销售${i}` });
      const r = await ops.call('PUT', `/reps/${rep.id}`, {
        regions: [regions[i % 4]],
        industries: [],
        level: 3,
        weight: 1,
        capacity: 1000,
        department: `部门${i % 2}`,
      });
      expect(r.status, r.text).toBe(200);
      reps.push(rep.id);
    }
    expect((await ops.call('PUT', '/eligibility/2026-03', { repIds: reps })).status).toBe(200);
    const cities = ['上海', '北京', '广州', '杭州'];
    let n = 0;
    const batch = () =>
      Array.from({ length: 20 }, () => {
        n += 1;
        return {
          name: `咨询客户${n}`,
          phone: `1397${2_468_135 + n * 37}`,
          channel: 'inbound_inquiry',
          region: cities[n % 4],
        };
      });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => t.admin('POST', '/leads/bulk', { leads: batch() })),
    );
    for (const a of answers) {
      expect(a.status, a.text).toBe(200);
      expect(a.body.failed).toEqual([]);
    }
    const ids = answers.flatMap((a) => a.body.results.map((r: any) => r.id));
    expect(ids).toHaveLength(240);
    const perRep = new Map<string, number>();
    for (const id of ids) {
      const h = (await ops.call('GET', `/leads/${id}/handoffs`)).body.items;
      expect(h).toHaveLength(1);
      expect(h[0]).toMatchObject({ mode: 'direct', kind: 'assign' });
      perRep.set(h[0].repId, (perRep.get(h[0].repId) ?? 0) + 1);
    }
    // 60 leads per region, two reps each: 30 apiece.
    expect([...perRep.values()].sort()).toEqual(Array(8).fill(30));
  });
});
