import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('hand-off decisions: accept, reject, return (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let otherSdr: User;
  let ops: User;
  let manager: User;
  let otherManager: User;
  let repA: User;
  let repB: User;
  let phone = 13900060000;
  const month = '2026-03';

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    otherSdr = await makeUser(t, 'sdr', { name: '赵敏', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    manager = await makeUser(t, 'sales_manager', { name: '华东经理', team: '华东销售' });
    otherManager = await makeUser(t, 'sales_manager', { name: '华北经理', team: '华北销售' });
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    repB = await makeUser(t, 'sales', { name: '李四', team: '华东销售' });
    await enrolShanghaiReps(ops, [repA, repB], [month]);
  });
  afterAll(async () => t?.stop());

  /** A qualified Shanghai lead handed to sales by `by`; answers the hand-off and its rep's clients. */
  const handOff = async (by: User | 'admin' = sdr) => {
    phone += 1;
    const c = await t.admin('POST', '/leads', { name: '客户', phone: String(phone), channel: 'sem', region: '上海' });
    expect(c.status, c.text).toBe(201);
    const id = c.body.lead.id as string;
    const q = await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
    });
    expect(q.status, q.text).toBe(200);
    const call = by === 'admin' ? t.admin : by.call;
    const r = await call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expect(r.status, r.text).toBe(201);
    const handoff = r.body.handoff;
    const rep = handoff.repId === repA.id ? repA : repB;
    const other = rep === repA ? repB : repA;
    return { leadId: id, handoff, rep, other };
  };
  const lead = async (id: string) => (await t.admin('GET', `/leads/${id}`)).body;

  it('seeds the reject and return reason lists, kept apart', async () => {
    const reject = await sdr.call('GET', '/reasons/reject');
    expect(reject.status, reject.text).toBe(200);
    const codes = reject.body.items.map((r: { code: string }) => r.code);
    for (const code of [
      'not_decision_maker',
      'no_budget',
      'no_need',
      'wrong_region',
      'duplicate_in_crm',
      'bad_contact',
    ]) {
      expect(codes).toContain(code);
    }
    const ret = await sdr.call('GET', '/reasons/return');
    expect(ret.status, ret.text).toBe(200);
    const returnCodes = ret.body.items.map((r: { code: string }) => r.code);
    expect(returnCodes).toEqual(expect.arrayContaining(['not_reachable', 'needs_more_nurturing', 'timing_later']));
    expect(returnCodes).not.toContain('no_budget');
  });

  it('accept: the lead becomes an SQL held by the rep; deciding twice is 409', async () => {
    const { leadId, handoff, rep } = await handOff();
    t.clock.advance(60_000);
    const r = await rep.call('POST', `/handoffs/${handoff.id}/accept`, {});
    expect(r.status, r.text).toBe(200);
    expect(r.body.handoff).toMatchObject({ id: handoff.id, status: 'accepted', repId: rep.id, sdrId: sdr.id });
    expect(await lead(leadId)).toMatchObject({ status: 'sql', ownerId: rep.id });
    expectProblem(await rep.call('POST', `/handoffs/${handoff.id}/accept`, {}), 409);
    expectProblem(await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'no_budget' }), 409);
    const timeline = await t.admin('GET', `/leads/${leadId}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('handoff.accepted');
  });

  it('reject: back to the SDR who sent it, working, with the reason and note on the hand-off', async () => {
    const { leadId, handoff, rep } = await handOff();
    const r = await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'no_budget', note: '今年没有预算' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.handoff).toMatchObject({
      status: 'rejected',
      decision: { reason: 'no_budget', note: '今年没有预算', by: rep.id },
    });
    const l = await lead(leadId);
    expect(l).toMatchObject({ status: 'working', ownerId: sdr.id });
    expect(l.flags ?? []).not.toContain('MRL');
    const timeline = JSON.stringify((await t.admin('GET', `/leads/${leadId}/timeline`)).body);
    expect(timeline).toContain('handoff.rejected');
    expect(timeline).toContain('今年没有预算');
    // One owner at a time: the lead is the SDR's again, a colleague may not log on it.
    expectProblem(await otherSdr.call('POST', `/leads/${leadId}/activities`, { type: 'call' }), 403);
    const own = await sdr.call('POST', `/leads/${leadId}/activities`, { type: 'call', durationSec: 60 });
    expect(own.status, own.text).toBe(201);
    expectProblem(await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'no_budget' }), 409);
  });

  it('reject with no SDR behind the hand-off: to the pool, nurturing, no owner', async () => {
    const { leadId, handoff, rep } = await handOff('admin');
    expect(handoff.sdrId).toBeNull();
    const r = await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'wrong_region' });
    expect(r.status, r.text).toBe(200);
    expect(await lead(leadId)).toMatchObject({ status: 'nurturing', ownerId: null });
  });

  it('return: only after acceptance; back to the SDR, working, flagged MRL once', async () => {
    const { leadId, handoff, rep } = await handOff();
    expectProblem(await rep.call('POST', `/handoffs/${handoff.id}/return`, { reason: 'timing_later' }), 409);
    expect((await rep.call('POST', `/handoffs/${handoff.id}/accept`, {})).status).toBe(200);
    const bad = await rep.call('POST', `/handoffs/${handoff.id}/return`, { reason: 'no_budget' });
    expectProblem(bad, 400);
    expect(bad.body.errors[0].field).toBe('reason');
    expect(bad.text).toContain('needs_more_nurturing');
    const r = await rep.call('POST', `/handoffs/${handoff.id}/return`, { reason: 'timing_later', note: '明年再看' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.handoff).toMatchObject({ status: 'returned' });
    const l = await lead(leadId);
    expect(l).toMatchObject({ status: 'working', ownerId: sdr.id });
    expect(l.flags.filter((f: string) => f === 'MRL')).toEqual(['MRL']);
    expectProblem(await rep.call('POST', `/handoffs/${handoff.id}/return`, { reason: 'timing_later' }), 409);

    // Handed off again and returned again: still one MRL flag.
    const again = await sdr.call('POST', `/leads/${leadId}/transfer`, { mode: 'auto' });
    expect(again.status, again.text).toBe(201);
    const h2 = again.body.handoff;
    const rep2 = h2.repId === repA.id ? repA : repB;
    expect((await rep2.call('POST', `/handoffs/${h2.id}/accept`, {})).status).toBe(200);
    expect((await rep2.call('POST', `/handoffs/${h2.id}/return`, { reason: 'not_reachable' })).status).toBe(200);
    expect((await lead(leadId)).flags.filter((f: string) => f === 'MRL')).toEqual(['MRL']);
  });

  it('only the rep, their manager or sales ops decide: 403 for another rep, an SDR, another team’s manager', async () => {
    const { leadId, handoff, other } = await handOff();
    for (const who of [other, sdr, otherManager]) {
      const r = await who.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'no_need' });
      expectProblem(r, 403);
      expect(r.body.detail.length).toBeGreaterThan(10);
    }
    expect((await lead(leadId)).status).toBe('mql');
    const byManager = await manager.call('POST', `/handoffs/${handoff.id}/accept`, {});
    expect(byManager.status, byManager.text).toBe(200);

    const second = await handOff();
    const byOps = await ops.call('POST', `/handoffs/${second.handoff.id}/reject`, { reason: 'duplicate_in_crm' });
    expect(byOps.status, byOps.text).toBe(200);
    expectProblem(await ops.call('POST', '/handoffs/nope/accept', {}), 404);
  });

  it('a reason is required and must be an active code of its list (400 naming reason with the valid codes)', async () => {
    const { handoff, rep } = await handOff();
    const missing = await rep.call('POST', `/handoffs/${handoff.id}/reject`, { note: '不合适' });
    expectProblem(missing, 400);
    expect(missing.body.errors[0].field).toBe('reason');
    expect(missing.text).toContain('not_decision_maker');
    const blank = await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: '  ' });
    expectProblem(blank, 400);
    const unknown = await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'timing_later' });
    expectProblem(unknown, 400);
    expect(unknown.body.errors[0].field).toBe('reason');
    // A reason switched off in the list is no longer accepted.
    const list = (await ops.call('GET', '/reasons/reject')).body.items;
    const put = await ops.call('PUT', '/reasons/reject', {
      items: list.map((r: { code: string; labelZh: string; labelEn: string }) => ({
        code: r.code,
        labelZh: r.labelZh,
        labelEn: r.labelEn,
        active: r.code !== 'bad_contact',
      })),
    });
    expect(put.status, put.text).toBe(200);
    expectProblem(await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'bad_contact' }), 400);
    expect((await rep.call('POST', `/handoffs/${handoff.id}/reject`, { reason: 'no_need' })).status).toBe(200);
  });
});
