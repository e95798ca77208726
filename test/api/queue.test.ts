/**
 * GET /queue (SPEC §10, §6.1, §7): the SDR's prioritised work queue — MRL first (with the
 * return reason), then SLA-due (first-touch and recall deadlines, soonest first), then leads
 * re-surfaced from the pool (with the trigger), then score (older first on ties).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
interface Item {
  lead: {
    id: string;
    score: number;
    grade: string | null;
    createdAt: string;
    ownerId: string | null;
    status: string;
    flags: string[];
  };
  reason: string;
  priority: 'mrl' | 'sla_due' | 'resurfaced' | 'score';
  reasons: { code: string; text: string; at: string | null }[];
  dueAt: string | null;
}

const tiers = ['mrl', 'sla_due', 'resurfaced', 'score'];

describe.each(engines())('SDR work queue (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let sdr2: User;
  let sdrLead: User;
  let farLead: User;
  let ops: User;
  let sales: User;
  let marketing: User;
  let repA: User;
  let repB: User;
  let phone = 13900080000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    sdr2 = await makeUser(t, 'sdr', { name: '赵敏', team: '华东SDR组' });
    sdrLead = await makeUser(t, 'sdr_lead', { name: '组长', team: '华东SDR组' });
    farLead = await makeUser(t, 'sdr_lead', { name: '华北组长', team: '华北SDR组' });
    ops = await makeUser(t, 'sales_ops');
    marketing = await makeUser(t, 'marketing');
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    repB = await makeUser(t, 'sales', { name: '李四', team: '华东销售' });
    sales = repA;
    await enrolShanghaiReps(ops, [repA, repB], ['2026-03']);
  });
  afterAll(async () => t?.stop());

  const nextPhone = () => {
    phone += 1;
    return String(phone);
  };
  /** An outbound lead the SDR creates: theirs, working, no speed-to-lead clock. */
  const outbound = async (by: User, extra: Record<string, unknown> = {}) => {
    const r = await by.call('POST', '/leads', { name: '外呼客户', phone: nextPhone(), channel: 'outbound', ...extra });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead).toMatchObject({ status: 'working', ownerId: by.id });
    return r.body.lead as Item['lead'];
  };
  /** An inbound lead waiting unowned in the SDR queue (its first-touch clock runs). */
  const inbound = async (extra: Record<string, unknown> = {}) => {
    const r = await t.admin('POST', '/leads', { name: '来访客户', phone: nextPhone(), channel: 'sem', ...extra });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead).toMatchObject({ status: 'new', ownerId: null });
    return r.body.lead as Item['lead'];
  };
  /** Handed to sales by `by` (the SDR, or admin: no SDR behind it); answers the hand-off and its rep. */
  const handOff = async (by: User | 'admin') => {
    const lead = await inbound({ region: '上海' });
    if (by !== 'admin') {
      const call = await by.call('POST', `/leads/${lead.id}/activities`, { type: 'call', durationSec: 300 });
      expect(call.status, call.text).toBe(201);
    }
    const q = await sdr.call('PUT', `/leads/${lead.id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
    });
    expect(q.status, q.text).toBe(200);
    const r = await (by === 'admin' ? t.admin : by.call)('POST', `/leads/${lead.id}/transfer`, { mode: 'auto' });
    expect(r.status, r.text).toBe(201);
    const handoff = r.body.handoff;
    return { leadId: lead.id, handoffId: handoff.id as string, rep: handoff.repId === repA.id ? repA : repB };
  };
  const queue = async (who: User | 'admin', query = '') => {
    const r = await (who === 'admin' ? t.admin : who.call)('GET', `/queue${query}`);
    expect(r.status, r.text).toBe(200);
    expect(Array.isArray(r.body.items)).toBe(true);
    const items = r.body.items as Item[];
    // Whatever the content, the tiers come in order.
    const ranks = items.map((i) => tiers.indexOf(i.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    return items;
  };
  const positionOf = (items: Item[], leadId: string) => items.findIndex((i) => i.lead.id === leadId);

  let returnedId: string;

  it('MRL first, with the return reason and note; then first-touch deadlines, soonest first; then the rest by score', async () => {
    const low = await outbound(sdr);
    const high = await outbound(sdr, { title: '总经理', employees: 2000, company: '上海大成制造有限公司' });
    expect(high.score).toBeGreaterThan(low.score);
    const colleagues = await outbound(sdr2, { title: '总经理', employees: 2000 });

    const first = await inbound();
    t.clock.advance(10 * 60_000);
    const second = await inbound({ title: 'CEO', employees: 5000 });

    const returned = await handOff(sdr);
    expect((await returned.rep.call('POST', `/handoffs/${returned.handoffId}/accept`, {})).status).toBe(200);
    const back = await returned.rep.call('POST', `/handoffs/${returned.handoffId}/return`, {
      reason: 'timing_later',
      note: '明年再看',
    });
    expect(back.status, back.text).toBe(200);
    returnedId = returned.leadId;

    const items = await queue(sdr);
    expect(items[0]).toMatchObject({
      lead: { id: returned.leadId, status: 'working', ownerId: sdr.id },
      priority: 'mrl',
    });
    expect(items[0].lead.flags).toContain('MRL');
    expect(items[0].reason).toContain('采购时间推迟');
    expect(items[0].reason).toContain('Buying later');
    expect(items[0].reason).toContain('明年再看');
    expect(items[0].reasons[0]).toMatchObject({ code: 'mrl', at: back.body.handoff.decision.at });

    const [a, b] = [items[positionOf(items, first.id)], items[positionOf(items, second.id)]];
    expect(a).toMatchObject({ priority: 'sla_due', dueAt: expect.any(String) });
    expect(a.reason).toMatch(/^首次触达截止 (\d\d-\d\d )?\d\d:\d\d \/ first touch due (\d\d-\d\d )?\d\d:\d\d$/);
    expect(b.priority).toBe('sla_due');
    // Soonest deadline first, whatever the scores.
    expect(new Date(a.dueAt as string).getTime()).toBeLessThan(new Date(b.dueAt as string).getTime());
    expect(positionOf(items, first.id)).toBeLessThan(positionOf(items, second.id));

    expect(positionOf(items, high.id)).toBeLessThan(positionOf(items, low.id));
    expect(items[positionOf(items, high.id)].priority).toBe('score');
    const lowItem = items[positionOf(items, low.id)];
    const grade = lowItem.lead.grade ? ` (${lowItem.lead.grade})` : '';
    expect(lowItem.reason).toBe(`评分 ${low.score}${grade} / score ${low.score}${grade}`);
    // Another SDR's lead is not in this queue; leads with sales are in nobody's.
    expect(positionOf(items, colleagues.id)).toBe(-1);
    expect(items.every((i) => ['new', 'working'].includes(i.lead.status))).toBe(true);
    expect(items.every((i) => i.lead.ownerId === sdr.id || i.lead.ownerId === null)).toBe(true);
  });

  it('scope=own: only the SDR’s own leads; equal scores, older first', async () => {
    const older = await outbound(sdr, { title: '采购经理' });
    t.clock.advance(60_000);
    const younger = await outbound(sdr, { title: '采购经理' });
    expect(younger.score).toBe(older.score);
    const items = await queue(sdr, '?scope=own');
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.every((i) => i.lead.ownerId === sdr.id)).toBe(true);
    expect(items[0].lead.id).toBe(returnedId);
    expect(positionOf(items, older.id)).toBeLessThan(positionOf(items, younger.id));
    const scored = items.filter((i) => i.priority === 'score');
    for (let i = 1; i < scored.length; i++) {
      const [p, q] = [scored[i - 1].lead, scored[i].lead];
      expect(p.score > q.score || (p.score === q.score && p.createdAt <= q.createdAt), `${p.id} before ${q.id}`).toBe(
        true,
      );
    }
    expect((await queue(sdr, '?scope=own&limit=2')).map((i) => i.lead.id)).toEqual(
      items.slice(0, 2).map((i) => i.lead.id),
    );
  });

  it('a first touch ends the first-touch deadline: the lead drops to its score', async () => {
    const lead = await inbound();
    const before = await queue(sdr, '?limit=200');
    expect(before[positionOf(before, lead.id)].priority).toBe('sla_due');
    t.clock.advance(60_000);
    const call = await sdr.call('POST', `/leads/${lead.id}/activities`, {
      type: 'call',
      durationSec: 30,
      outcome: 'connected',
    });
    expect(call.status, call.text).toBe(201);
    const after = await queue(sdr, '?limit=200');
    const item = after[positionOf(after, lead.id)];
    expect(item.priority).toBe('score');
    expect(item.reasons.map((r) => r.code)).not.toContain('first_touch_due');
  });

  it('whose queue: an SDR their own, an SDR lead their team’s, an admin anyone’s (403/400/404 otherwise)', async () => {
    const mine = await queue(sdr);
    const byLead = await sdrLead.call('GET', `/queue?sdrId=${sdr.id}`);
    expect(byLead.status, byLead.text).toBe(200);
    expect(byLead.body.sdrId).toBe(sdr.id);
    expect(byLead.body.items.map((i: Item) => i.lead.id)).toEqual(mine.map((i) => i.lead.id));
    const byAdmin = await t.admin('GET', `/queue?sdrId=${sdr.id}`);
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect(byAdmin.body.items[0].lead.id).toBe(returnedId);

    const self = await sdr.call('GET', `/queue?sdrId=${sdr.id}`);
    expect(self.status, self.text).toBe(200);
    const other = await sdr.call('GET', `/queue?sdrId=${sdr2.id}`);
    expectProblem(other, 403);
    expect(other.body.detail).toMatch(/own queue/);
    expectProblem(await farLead.call('GET', `/queue?sdrId=${sdr.id}`), 403);
    for (const who of [sales, marketing, ops]) expectProblem(await who.call('GET', '/queue'), 403);
    const notSdr = await t.admin('GET', `/queue?sdrId=${repA.id}`);
    expectProblem(notSdr, 400);
    expect(notSdr.body.errors[0].field).toBe('query.sdrId');
    expectProblem(await t.admin('GET', '/queue?sdrId=no-such-user'), 404);
    expectProblem(await t.as(null)('GET', '/queue'), 401);

    // The admin's own queue: the shared queue (an admin owns no leads here).
    const own = await queue('admin');
    expect(own.every((i) => i.lead.ownerId === null)).toBe(true);
  });

  it('limit: 50 by default, at most 200; bad query parameters are 400s naming them', async () => {
    for (let i = 0; i < 3; i++) await inbound();
    expect((await queue(sdr, '?limit=2')).length).toBe(2);
    const all = await queue(sdr, '?limit=200');
    expect(all.length).toBeGreaterThan(2);
    expect((await queue(sdr, '?limit=2')).map((i) => i.lead.id)).toEqual(all.slice(0, 2).map((i) => i.lead.id));
    for (const [query, field] of [
      ['?limit=0', 'query.limit'],
      ['?limit=201', 'query.limit'],
      ['?limit=ten', 'query.limit'],
      ['?scope=team', 'query.scope'],
      ['?colour=red', 'query.colour'],
    ]) {
      const r = await sdr.call('GET', `/queue${query}`);
      expectProblem(r, 400);
      expect(r.body.errors[0].field).toBe(field);
    }
  });

  it('re-surfaced from the pool: first-touch deadline while it runs, then the trigger shows it', async () => {
    const pooled = await handOff('admin');
    const reject = await pooled.rep.call('POST', `/handoffs/${pooled.handoffId}/reject`, { reason: 'no_timeline' });
    expect(reject.status, reject.text).toBe(200);
    expect((await t.admin('GET', `/leads/${pooled.leadId}`)).body).toMatchObject({
      status: 'nurturing',
      ownerId: null,
    });
    expect(positionOf(await queue(sdr, '?limit=200'), pooled.leadId)).toBe(-1);

    t.clock.advance(60_000);
    const demo = await t.admin('POST', '/track', { leadId: pooled.leadId, type: 'demo_request' });
    expect(demo.status, demo.text).toBeLessThan(300);
    expect((await t.admin('GET', `/leads/${pooled.leadId}`)).body).toMatchObject({ status: 'new', ownerId: null });
    let items = await queue(sdr, '?limit=200');
    let item = items[positionOf(items, pooled.leadId)];
    expect(item.priority).toBe('sla_due');
    expect(item.reasons.map((r) => r.code)).toEqual(['first_touch_due', 'resurfaced', 'score']);
    expect(item.reasons[1].text).toContain('demo_request');

    // The speed-to-lead deadline passes (the SLA engine records the breach): the trigger remains.
    const advance = await t.admin('POST', '/admin/clock', { advance: '1d' });
    expect(advance.status, advance.text).toBe(200);
    items = await queue(sdr, '?limit=200');
    item = items[positionOf(items, pooled.leadId)];
    expect(item.priority).toBe('resurfaced');
    expect(item.reason).toBe('重新浮现：behaviour demo_request / re-surfaced: behaviour demo_request');
    const score = items.findIndex((i) => i.priority === 'score');
    if (score >= 0) expect(positionOf(items, pooled.leadId)).toBeLessThan(score);
  });
  it('recall deadlines: from the warning (2 days before) the lead is SLA-due, until a touch restarts the clock', async () => {
    const back = await handOff(sdr);
    const reject = await back.rep.call('POST', `/handoffs/${back.handoffId}/reject`, { reason: 'no_budget' });
    expect(reject.status, reject.text).toBe(200);
    expect((await t.admin('GET', `/leads/${back.leadId}`)).body).toMatchObject({ status: 'working', ownerId: sdr.id });
    const rejectedAt = t.clock.now().getTime();

    const DAY = 86_400_000;
    let items = await queue(sdr, '?scope=own&limit=200');
    expect(items[positionOf(items, back.leadId)]).toMatchObject({ priority: 'score' });
    expect(new Date(items[positionOf(items, back.leadId)].dueAt as string).getTime()).toBe(rejectedAt + 12 * DAY);

    t.clock.advance(10 * DAY + 3_600_000);
    items = await queue(sdr, '?scope=own&limit=200');
    let item = items[positionOf(items, back.leadId)];
    expect(item.priority).toBe('sla_due');
    expect(item.reason).toMatch(/^回收预警 \d\d-\d\d \d\d:\d\d \/ recall warning /);

    // The warning goes out; the recall itself is 2 days off.
    expect((await t.admin('POST', '/admin/clock', { advance: '2d' })).status).toBe(200);
    items = await queue(sdr, '?scope=own&limit=200');
    item = items[positionOf(items, back.leadId)];
    expect(item.priority).toBe('sla_due');
    expect(item.reason).toMatch(/^回收截止 \d\d-\d\d \d\d:\d\d \/ recall due /);
    expect(new Date(item.dueAt as string).getTime()).toBe(rejectedAt + 14 * DAY);

    const call = await sdr.call('POST', `/leads/${back.leadId}/activities`, { type: 'call', durationSec: 120 });
    expect(call.status, call.text).toBe(201);
    items = await queue(sdr, '?scope=own&limit=200');
    expect(items[positionOf(items, back.leadId)].priority).toBe('score');
  });
});
