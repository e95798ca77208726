/**
 * GET /leads/{id}/transfer-preview (issue 8 item 2): before a transfer, the MQL check of the
 * definition in force (each unmet criterion in English and Chinese) and the rep the routing
 * rules would pick, with why — changing nothing: previews never advance the rotation, so the
 * transfer that follows picks the rep the preview named, and the next lead goes to the other rep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANT_YES } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('GET /leads/{id}/transfer-preview (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let repA: User;
  let repB: User;
  let sales: User;
  let phone = 13900083000;

  const outboundLead = async () => {
    phone += 1;
    const c = await sdr.call('POST', '/leads', {
      name: '预览客户',
      phone: String(phone),
      channel: 'outbound',
      region: '上海',
      company: `预览${phone}科技有限公司`,
    });
    expect(c.status, c.text).toBe(201);
    return c.body.lead.id as string;
  };
  const preview = async (id: string, who: User = sdr) => {
    const r = await who.call('GET', `/leads/${id}/transfer-preview`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    t = await startTestServer(engine);
    const ops = await makeUser(t, 'sales_ops');
    sdr = await makeUser(t, 'sdr', { name: '预览SDR' });
    repA = await makeUser(t, 'sales', { name: '甲' });
    repB = await makeUser(t, 'sales', { name: '乙' });
    sales = repA;
    await enrolShanghaiReps(ops, [repA, repB]);
  });
  afterAll(async () => t?.stop());

  it('names what the lead lacks, then the rep the transfer will pick, and changes nothing', async () => {
    const id = await outboundLead();
    const before = await preview(id);
    expect(before.mql.passed).toBe(false);
    expect(before.mql.version).toBeGreaterThanOrEqual(1);
    expect(before.mql.unmet.length).toBeGreaterThan(0);
    for (const u of before.mql.unmet) {
      expect(u).toEqual({ criterion: expect.any(String), detail: expect.any(String), detailZh: expect.any(String) });
    }
    expect(before.routing.kind).toBe('assign');
    expect([repA.id, repB.id]).toContain(before.routing.repId);
    expect(before.routing.explanation.some((s: { outcome: string }) => s.outcome === 'picked')).toBe(true);

    const q = await sdr.call('PUT', `/leads/${id}/qualification`, { framework: 'BANT', answers: BANT_YES });
    expect(q.status, q.text).toBe(200);
    const first = await preview(id);
    expect(first.mql).toMatchObject({ passed: true, unmet: [] });
    // Asked again and again, the answer stays: previews do not move the rotation.
    for (let i = 0; i < 3; i++) expect((await preview(id)).routing.repId).toBe(first.routing.repId);
    const lead = await sdr.call('GET', `/leads/${id}`);
    expect(lead.body.status).toBe('working');

    const transfer = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expect(transfer.status, transfer.text).toBe(201);
    expect(transfer.body.handoff.repId).toBe(first.routing.repId);

    // Each line carries a code and its values, so the console words it in the reader's language.
    type Step = { step: string; code?: string; params?: Record<string, unknown> };
    const steps: Step[] = first.routing.explanation;
    expect(steps.find((s) => s.step === 'region')).toMatchObject({
      code: 'region',
      params: { region: { code: '31', zh: '上海市', en: 'Shanghai' }, pool: 2, matching: 2 },
    });
    const pickedName = first.routing.repId === repA.id ? '甲' : '乙';
    expect(steps.at(-1)).toMatchObject({ code: 'rotation', params: { rep: pickedName, pool: 2, notDueCount: 1 } });
    const stored = await sdr.call('GET', `/handoffs/${transfer.body.handoff.id}`);
    for (const handoff of [transfer.body.handoff, stored.body]) {
      expect(handoff.explanation.map((s: Step) => s.code)).toEqual(steps.map((s) => s.code));
      expect(handoff.explanation.at(-1).params).toEqual(steps.at(-1)?.params);
    }

    // The next lead goes to the other rep (equal weights): the previews had not counted.
    const next = await outboundLead();
    await sdr.call('PUT', `/leads/${next}/qualification`, { framework: 'BANT', answers: BANT_YES });
    const other = (await preview(next)).routing.repId;
    expect(other).not.toBe(first.routing.repId);
    expect([repA.id, repB.id]).toContain(other);
  });

  it('is for those who may transfer, about a lead that exists', async () => {
    const id = await outboundLead();
    expectProblem(await sales.call('GET', `/leads/${id}/transfer-preview`), 403);
    expectProblem(await sdr.call('GET', '/leads/00000000-0000-4000-8000-000000000000/transfer-preview'), 404);
  });
});
