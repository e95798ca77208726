/**
 * POST /scoring/preview (issue 8 item 7): candidate rules tried on the most recent leads,
 * validated exactly as PUT /scoring/rules, writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

describe.each(engines())('scoring preview (%s)', (engine) => {
  let t: TestServer;
  let marketing: Awaited<ReturnType<typeof makeUser>>;
  let sdr: Awaited<ReturnType<typeof makeUser>>;
  let rules: any;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(engine);
    marketing = await makeUser(t, 'marketing');
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    const leads = [
      { key: 'director1', name: '王总监', phone: '13900020001', title: 'IT Director', employees: 300 },
      { key: 'director2', name: '李总监', phone: '13900020002', title: '销售总监', employees: 30 },
      { key: 'manager', name: '陈经理', phone: '13900020003', title: '采购经理', employees: 300 },
      { key: 'ceo', name: '周总', phone: '13900020004', title: 'CEO', employees: 2000 },
      { key: 'none', name: '赵敏', phone: '13900020005' },
    ];
    for (const { key, ...lead } of leads) {
      const r = await t.admin('POST', '/leads', { channel: 'sem', ...lead });
      expect(r.status, r.text).toBe(201);
      ids[key] = r.body.lead.id;
      t.clock.advance(60_000);
    }
    rules = (await t.admin('GET', '/scoring/rules')).body.rules;
  });
  afterAll(async () => t?.stop());

  const candidateWithDirector = (points: number) => ({
    ...rules,
    fit: { ...rules.fit, seniority: { ...rules.fit.seniority, director: points } },
  });

  it('a candidate that adds points to director titles changes exactly the director leads', async () => {
    const scoresBefore = await Promise.all(
      Object.values(ids).map(async (id) => (await t.admin('GET', `/leads/${id}/score`)).body),
    );
    const r = await marketing.call('POST', '/scoring/preview', {
      rules: candidateWithDirector(rules.fit.seniority.director + 30),
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.rulesVersion).toBe(0);
    expect(r.body.items).toHaveLength(5);
    const byId = new Map(r.body.items.map((i: any) => [i.leadId, i]));
    for (const [key, id] of Object.entries(ids)) {
      const item: any = byId.get(id);
      expect(item, key).toBeTruthy();
      expect(item.candidate.total - item.current.total).toBe(item.difference);
      if (key.startsWith('director')) {
        expect(item.difference, key).toBe(30);
        expect(item.candidate.fit - item.current.fit).toBe(30);
      } else {
        expect(item.difference, key).toBe(0);
        expect(item.candidate).toEqual(item.current);
      }
    }
    expect(r.body.changed).toBe(2);
    // The current side is the score a lead has under the rules in force.
    const current = Object.values(ids).map((id) => (byId.get(id) as any).current.total);
    expect(current).toEqual(scoresBefore.map((s) => s.total));
    // Most recent first.
    expect(r.body.items[0].leadId).toBe(ids.none);
  });

  it('limit takes the most recent N (max 200)', async () => {
    const r = await marketing.call('POST', '/scoring/preview', { rules, limit: 2 });
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.map((i: any) => i.leadId)).toEqual([ids.none, ids.ceo]);
    expect(r.body.changed).toBe(0);
    expectProblem(await marketing.call('POST', '/scoring/preview', { rules, limit: 201 }), 400);
  });

  it('an invalid rule gives 400 naming the field, the same errors as PUT /scoring/rules', async () => {
    const bad = candidateWithDirector(5000);
    const preview = await marketing.call('POST', '/scoring/preview', { rules: bad });
    expectProblem(preview, 400);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ field: 'rules.fit.seniority.director', message: expect.stringMatching(/between/) }),
    ]);
    const put = await marketing.call('PUT', '/scoring/rules', { rules: bad });
    expectProblem(put, 400);
    expect(put.body.errors).toEqual(preview.body.errors);

    const badGrades = { ...rules, grades: { ...rules.grades, fit: { A: 1, B: 50, C: 0 } } };
    const p2 = await marketing.call('POST', '/scoring/preview', { rules: badGrades });
    const u2 = await marketing.call('PUT', '/scoring/rules', { rules: badGrades });
    expectProblem(p2, 400);
    expect(p2.body.errors.map((e: any) => e.field)).toContain('rules.grades.fit.B');
    expect(p2.body.errors).toEqual(u2.body.errors);

    const wrongType = candidateWithDirector('many' as unknown as number);
    const p3 = await marketing.call('POST', '/scoring/preview', { rules: wrongType });
    const u3 = await marketing.call('PUT', '/scoring/rules', { rules: wrongType });
    expectProblem(p3, 400);
    expect(JSON.stringify(p3.body.errors)).toMatch(/director/);
    expect(p3.body.errors).toEqual(u3.body.errors);
  });

  it('writes nothing: the rules and every lead score and history stay as they were', async () => {
    const before = await t.admin('GET', '/scoring/rules');
    const scores = await Promise.all(Object.values(ids).map((id) => t.admin('GET', `/leads/${id}/score`)));
    const histories = await Promise.all(Object.values(ids).map((id) => t.admin('GET', `/leads/${id}/score/history`)));
    const r = await marketing.call('POST', '/scoring/preview', { rules: candidateWithDirector(90), limit: 200 });
    expect(r.status, r.text).toBe(200);
    expect((await t.admin('GET', '/scoring/rules')).body).toEqual(before.body);
    const after = await Promise.all(Object.values(ids).map((id) => t.admin('GET', `/leads/${id}/score`)));
    expect(after.map((a) => a.body.total)).toEqual(scores.map((s) => s.body.total));
    expect(after.map((a) => a.body.rulesVersion)).toEqual(scores.map((s) => s.body.rulesVersion));
    const historiesAfter = await Promise.all(
      Object.values(ids).map((id) => t.admin('GET', `/leads/${id}/score/history`)),
    );
    expect(historiesAfter.map((h) => h.body.items)).toEqual(histories.map((h) => h.body.items));
    for (const id of Object.values(ids)) {
      const lead = await t.admin('GET', `/leads/${id}`);
      expect(lead.body.score).toBe(scores[Object.values(ids).indexOf(id)].body.total);
    }
  });

  it('authorises as PUT /scoring/rules does', async () => {
    const allowed = [t.admin, marketing.call, (await makeUser(t, 'sales_ops')).call];
    for (const call of allowed) {
      expect((await call('POST', '/scoring/preview', { rules, limit: 1 })).status).toBe(200);
    }
    for (const role of ['sdr', 'sales', 'sales_manager', 'sdr_lead', 'sales_assistant']) {
      const user = role === 'sdr' ? sdr : await makeUser(t, role, { team: '华东SDR组' });
      const preview = await user.call('POST', '/scoring/preview', { rules, limit: 1 });
      const put = await user.call('PUT', '/scoring/rules', { rules });
      expectProblem(preview, 403);
      expect(put.status, role).toBe(403);
    }
    expectProblem(await t.as(null)('POST', '/scoring/preview', { rules }), 401);
  });
});
