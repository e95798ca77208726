/**
 * SLA engine (SPEC §6.2) through the API with the manual clock, to the minute: the acceptance
 * reminder and breach (47 h 59 m: nothing; 48 h 01 m: one breach, recorded once), consecutive
 * breaches and the one-month suspension, the on-time reset, recall after a grace period, a
 * business-time deadline across a weekend and a make-up workday (调休), speed to lead, the SDR
 * recall after 14 days without a touch, and the first-contact deadline of an idle account owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

async function advance(t: TestServer, ms: number) {
  const minutes = Math.round(ms / MIN);
  const r = await t.admin('POST', '/admin/clock', { advance: `${minutes}m` });
  expect(r.status, r.text).toBe(200);
}

async function audit(t: TestServer, entityId: string, action: string) {
  const r = await t.admin('GET', `/audit?entityId=${entityId}&limit=1000`);
  expect(r.status, r.text).toBe(200);
  return r.body.items.filter((e: { action: string }) => e.action === action);
}

async function makeReps(t: TestServer, ops: User, names: string[], months: string[]) {
  const reps: User[] = [];
  for (const name of names) reps.push(await makeUser(t, 'sales', { name, team: '华东销售' }));
  await enrolShanghaiReps(ops, reps, months);
  return reps;
}

let phone = 13900070000;
/** An inbound inquiry from Shanghai: straight to sales with a hand-off (SPEC §5.1). */
async function inboundHandoff(t: TestServer) {
  phone += 1;
  const c = await t.admin('POST', '/leads', {
    name: '询盘客户',
    phone: String(phone),
    channel: 'inbound_inquiry',
    region: '上海',
  });
  expect(c.status, c.text).toBe(201);
  const h = await t.admin('GET', `/leads/${c.body.lead.id}/handoffs`);
  expect(h.status, h.text).toBe(200);
  return h.body.items[0];
}

describe.each(engines())('acceptance SLA, breaches and suspension (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let manager: User;
  let rep: User;

  beforeAll(async () => {
    t = await startTestServer(engine);
    ops = await makeUser(t, 'sales_ops');
    manager = await makeUser(t, 'sales_manager', { team: '华东销售' });
    [rep] = await makeReps(t, ops, ['张三'], ['2026-03', '2026-04', '2026-05']);
  });
  afterAll(async () => t?.stop());

  const status = async () => (await ops.call('GET', `/reps/${rep.id}/status`)).body;
  const handoff = async (id: string) => (await t.admin('GET', `/handoffs/${id}`)).body;

  it('reminds at 44 h, does not breach at 47 h 59 m, breaches once at 48 h 01 m', async () => {
    const h = await inboundHandoff(t);
    expect(h).toMatchObject({ repId: rep.id, status: 'pending', remindedAt: null, breachedAt: null });
    const created = new Date(h.createdAt).getTime();
    expect(new Date(h.dueAt).getTime()).toBe(created + 48 * HOUR);

    await advance(t, 43 * HOUR + 59 * MIN);
    expect((await handoff(h.id)).remindedAt).toBeNull();
    await advance(t, 1 * MIN);
    expect((await handoff(h.id)).remindedAt).toBe(new Date(created + 44 * HOUR).toISOString());

    await advance(t, 3 * HOUR + 59 * MIN); // 47 h 59 m
    expect((await handoff(h.id)).breachedAt).toBeNull();
    expect((await status()).consecutiveBreaches).toBe(0);

    await advance(t, 2 * MIN); // 48 h 01 m
    const breached = await handoff(h.id);
    expect(breached.breachedAt).toBe(h.dueAt);
    expect(breached.status).toBe('pending');
    expect(await status()).toMatchObject({ consecutiveBreaches: 1, suspendedUntil: null });

    await advance(t, 10 * HOUR);
    expect(await audit(t, h.id, 'handoff.sla_breached')).toHaveLength(1);
    expect((await status()).consecutiveBreaches).toBe(1);
    // the rep decides late: the breach stays, the run is not reset by a late decision
    const r = await rep.call('POST', `/handoffs/${h.id}/accept`, {});
    expect(r.status, r.text).toBe(200);
    expect((await status()).consecutiveBreaches).toBe(1);
  });

  it('an on-time decision resets the run of consecutive breaches', async () => {
    const h = await inboundHandoff(t);
    await advance(t, 47 * HOUR);
    const r = await rep.call('POST', `/handoffs/${h.id}/accept`, {});
    expect(r.status, r.text).toBe(200);
    expect((await status()).consecutiveBreaches).toBe(0);
    await advance(t, 2 * HOUR);
    expect((await handoff(h.id)).breachedAt).toBeNull();
  });

  it('two consecutive breaches suspend the rep from MQLs for one calendar month', async () => {
    const first = await inboundHandoff(t);
    await advance(t, 48 * HOUR + 1 * MIN);
    expect(await status()).toMatchObject({ consecutiveBreaches: 1, suspendedUntil: null });

    const second = await inboundHandoff(t);
    expect(second.repId).toBe(rep.id);
    await advance(t, 48 * HOUR + 1 * MIN);
    const breachedAt = (await handoff(second.id)).breachedAt;
    expect(breachedAt).toBe(second.dueAt);
    const s = await status();
    const until = new Date(breachedAt);
    until.setUTCMonth(until.getUTCMonth() + 1);
    expect(s.suspendedUntil).toBe(until.toISOString());
    expect(s.consecutiveBreaches).toBe(0);
    expect(await audit(t, rep.id, 'rep.suspended')).toHaveLength(1);
    expect((await handoff(first.id)).breachedAt).not.toBeNull();

    // while suspended nobody fits: the next inbound lead waits on the dispatch board
    const during = await inboundHandoff(t);
    expect(during).toMatchObject({ kind: 'dispatch', repId: null });
    const skipped = during.explanation.find((s: { repId?: string }) => s.repId === rep.id);
    expect(skipped?.message ?? JSON.stringify(during.explanation)).toMatch(/suspend|暂停/i);

    // the suspension ends a calendar month after the breach, to the minute
    const left = until.getTime() - t.clock.now().getTime();
    await advance(t, left - 1 * MIN);
    expect((await status()).suspendedUntil).toBe(until.toISOString());
    await advance(t, 2 * MIN);
    expect((await status()).suspendedUntil).toBeNull();
    const after = await inboundHandoff(t);
    expect(after).toMatchObject({ kind: 'assign', repId: rep.id });
    void manager;
  });
});

describe.each(engines())('SLA policy, recall after breach, business calendar (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let reps: User[];

  beforeAll(async () => {
    t = await startTestServer(engine);
    ops = await makeUser(t, 'sales_ops');
    reps = await makeReps(t, ops, ['王五', '赵六'], ['2026-03', '2026-09']);
  });
  afterAll(async () => t?.stop());

  it('serves the default policy and refuses bad ones naming the field', async () => {
    const r = await ops.call('GET', '/sla/policy');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      version: 0,
      policy: {
        acceptance: { hours: 48, clock: 'wall', recallAfterBreachHours: null },
        penalty: { consecutiveBreaches: 2, suspensionMonths: 1 },
        speedToLead: { minutes: 60, clock: 'business' },
        recall: { days: 14 },
      },
    });
    const bad = await ops.call('PUT', '/sla/policy', {
      policy: { ...r.body.policy, recall: { ...r.body.policy.recall, warningDays: 20 } },
    });
    expectProblem(bad, 400);
    expect(bad.text).toMatch(/recall\.warningDays/);
    const sdr = await makeUser(t, 'sdr');
    expectProblem(await sdr.call('PUT', '/sla/policy', { policy: r.body.policy }), 403);
  });

  it('recalls an undecided lead after the grace period and routes it to another rep', async () => {
    const current = (await ops.call('GET', '/sla/policy')).body.policy;
    const saved = await ops.call('PUT', '/sla/policy', {
      policy: { ...current, acceptance: { ...current.acceptance, recallAfterBreachHours: 24 } },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.version).toBe(1);

    const h = await inboundHandoff(t);
    await advance(t, 72 * HOUR - 1 * MIN);
    expect((await t.admin('GET', `/handoffs/${h.id}`)).body.status).toBe('pending');
    await advance(t, 2 * MIN);
    const old = (await t.admin('GET', `/handoffs/${h.id}`)).body;
    expect(old.status).toBe('recalled');
    const all = (await t.admin('GET', `/leads/${h.leadId}/handoffs`)).body.items;
    const next = all.find((x: { status: string }) => x.status === 'pending');
    expect(next.repId).not.toBe(h.repId);
    expect(reps.map((r) => r.id)).toContain(next.repId);
    expect(next.requestReason).toMatch(/recalled/);
    const lead = (await t.admin('GET', `/leads/${h.leadId}`)).body;
    expect(lead).toMatchObject({ status: 'mql', ownerId: next.repId });
    expect(await audit(t, h.id, 'handoff.recalled')).toHaveLength(1);
  });

  it('ships the 2026 China calendar and checks edited ones field by field', async () => {
    const y = await ops.call('GET', '/sla/calendars/2026');
    expect(y.status, y.text).toBe(200);
    expect(y.body.origin).toBe('shipped');
    expect(y.body.calendar.holidays.map((d: { date: string }) => d.date)).toContain('2026-10-01');
    expect(y.body.calendar.workdays.map((d: { date: string }) => d.date)).toContain('2026-09-20');

    const bad = await ops.call('PUT', '/sla/calendars/2027', {
      ...y.body.calendar,
      year: 2027,
      holidays: [{ date: '2027-02-30', name: '春节' }],
      workdays: [],
    });
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('holidays[0].date');

    const fallback = await ops.call('GET', '/sla/calendars/2027');
    expect(fallback.body.origin).toBe('fallback');
    const ok = await ops.call('PUT', '/sla/calendars/2027', {
      ...y.body.calendar,
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.origin).toBe('edited');
    const removed = await ops.call('DELETE', '/sla/calendars/2027');
    expect(removed.body.origin).toBe('fallback');
  });

  it('a business-time deadline skips the night, the weekend and counts the make-up Sunday (调休)', async () => {
    const current = (await ops.call('GET', '/sla/policy')).body.policy;
    const saved = await ops.call('PUT', '/sla/policy', {
      policy: {
        ...current,
        acceptance: { hours: 16, clock: 'business', reminderBeforeHours: 0, recallAfterBreachHours: null },
      },
    });
    expect(saved.status, saved.text).toBe(200);
    // Friday 2026-09-18 17:00 in Shanghai; Saturday off, Sunday 09-20 a make-up workday
    const set = await t.admin('POST', '/admin/clock', { set: '2026-09-18T09:00:00.000Z' });
    expect(set.status, set.text).toBe(200);
    const h = await inboundHandoff(t);
    // 1 h Friday + 7.5 h Sunday + 7.5 h Monday = 16 working hours → Monday 18:00 Shanghai
    expect(h.dueAt).toBe('2026-09-21T10:00:00.000Z');
    await advance(t, new Date(h.dueAt).getTime() - t.clock.now().getTime() - MIN);
    expect((await t.admin('GET', `/handoffs/${h.id}`)).body.breachedAt).toBeNull();
    await advance(t, 2 * MIN);
    expect((await t.admin('GET', `/handoffs/${h.id}`)).body.breachedAt).toBe(h.dueAt);
  });
});

describe.each(engines())('SDR clocks: speed to lead, recall to the pool, first contact (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let sdr: User;
  let rep: User;

  beforeAll(async () => {
    t = await startTestServer(engine);
    ops = await makeUser(t, 'sales_ops');
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    await makeUser(t, 'sdr_lead', { team: '华东SDR组' });
    [rep] = await makeReps(t, ops, ['孙七'], ['2026-03', '2026-04']);
  });
  afterAll(async () => t?.stop());

  const capture = async (extra: Record<string, unknown> = {}) => {
    phone += 1;
    const c = await sdr.call('POST', '/leads', {
      name: '表单客户',
      phone: String(phone),
      channel: 'sem',
      region: '上海',
      ...extra,
    });
    expect(c.status, c.text).toBe(201);
    return c.body.lead.id as string;
  };
  /** A lead the SDR handed off and the rep rejected: back with the SDR, `working`, recall clock running. */
  const rejectedBack = async () => {
    const id = await capture();
    const q = await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
    });
    expect(q.status, q.text).toBe(200);
    const tr = await sdr.call('POST', `/leads/${id}/transfer`, { mode: 'auto' });
    expect(tr.status, tr.text).toBe(201);
    const rj = await rep.call('POST', `/handoffs/${tr.body.handoff.id}/reject`, { reason: 'no_budget' });
    expect(rj.status, rj.text).toBe(200);
    const lead = (await t.admin('GET', `/leads/${id}`)).body;
    expect(lead).toMatchObject({ status: 'working', ownerId: sdr.id });
    return id;
  };

  it('speed to lead: an untouched new inbound lead breaches after one working hour; a touched one does not', async () => {
    // Monday 2026-03-02 09:00 Shanghai
    const untouched = await capture();
    const touched = await capture();
    const call = await sdr.call('POST', `/leads/${touched}/activities`, {
      type: 'call',
      durationSec: 60,
      outcome: 'connected',
    });
    expect(call.status, call.text).toBe(201);
    await advance(t, 59 * MIN);
    expect(await audit(t, untouched, 'lead.speed_to_lead_breached')).toHaveLength(0);
    await advance(t, 2 * MIN);
    expect(await audit(t, untouched, 'lead.speed_to_lead_breached')).toHaveLength(1);
    expect(await audit(t, touched, 'lead.speed_to_lead_breached')).toHaveLength(0);
  });

  it('recall: 14 days without a touch sends an SDR-owned lead back to the pool; a touch moves the date', async () => {
    const idle = await rejectedBack();
    const busy = await rejectedBack();
    await advance(t, 10 * DAY);
    const call = await sdr.call('POST', `/leads/${busy}/activities`, {
      type: 'call',
      durationSec: 120,
      outcome: 'connected',
    });
    expect(call.status, call.text).toBe(201);
    await advance(t, 4 * DAY - 1 * MIN);
    expect((await t.admin('GET', `/leads/${idle}`)).body).toMatchObject({ status: 'working', ownerId: sdr.id });
    await advance(t, 2 * MIN);
    expect((await t.admin('GET', `/leads/${idle}`)).body).toMatchObject({ status: 'nurturing', ownerId: null });
    expect(await audit(t, idle, 'lead.recalled')).toHaveLength(1);
    expect((await t.admin('GET', `/leads/${busy}`)).body).toMatchObject({ status: 'working', ownerId: sdr.id });
    // the busy lead's clock restarted at the call (day 10): recalled at day 24
    await advance(t, 10 * DAY - 2 * MIN);
    expect((await t.admin('GET', `/leads/${busy}`)).body.status).toBe('working');
    await advance(t, 2 * MIN);
    expect((await t.admin('GET', `/leads/${busy}`)).body).toMatchObject({ status: 'nurturing', ownerId: null });
  });

  it('recall: a lead the SDR captured and holds (outbound) has its clock from capture', async () => {
    const c = await sdr.call('POST', '/leads', { name: '外呼客户', phone: String(++phone), channel: 'outbound' });
    expect(c.status, c.text).toBe(201);
    expect(c.body.lead).toMatchObject({ status: 'working', ownerId: sdr.id });
    await advance(t, 14 * DAY - 1 * MIN);
    expect((await t.admin('GET', `/leads/${c.body.lead.id}`)).body.status).toBe('working');
    await advance(t, 2 * MIN);
    expect((await t.admin('GET', `/leads/${c.body.lead.id}`)).body).toMatchObject({
      status: 'nurturing',
      ownerId: null,
    });
  });

  it('first contact: an idle account owner who makes no contact within M days is recorded once', async () => {
    const now = t.clock.now().getTime();
    const acct = await ops.call('POST', '/accounts', {
      name: '宁波沉睡材料有限公司',
      ownerId: rep.id,
      lastActivityAt: new Date(now - 60 * DAY).toISOString(),
      contacts: [{ name: '周工', title: '工程师' }],
    });
    expect(acct.status, acct.text).toBe(201);
    const acct2 = await ops.call('POST', '/accounts', {
      name: '宁波勤快材料有限公司',
      ownerId: rep.id,
      lastActivityAt: new Date(now - 60 * DAY).toISOString(),
      contacts: [],
    });
    expect(acct2.status, acct2.text).toBe(201);
    const silent = await t.admin('POST', '/leads', {
      name: '周先生',
      phone: '13900079001',
      channel: 'inbound_inquiry',
      company: '宁波沉睡材料',
    });
    const called = await t.admin('POST', '/leads', {
      name: '吴先生',
      phone: '13900079002',
      channel: 'inbound_inquiry',
      company: '宁波勤快材料',
    });
    const hs = [];
    for (const c of [silent, called]) {
      expect(c.status, c.text).toBe(201);
      const h = (await t.admin('GET', `/leads/${c.body.lead.id}/handoffs`)).body.items[0];
      expect(h).toMatchObject({ kind: 'assign', repId: rep.id });
      expect(new Date(h.firstContactDueAt).getTime()).toBe(new Date(h.createdAt).getTime() + 3 * DAY);
      const a = await rep.call('POST', `/handoffs/${h.id}/accept`, {});
      expect(a.status, a.text).toBe(200);
      hs.push(h);
    }
    const log = await rep.call('POST', `/leads/${hs[1].leadId}/activities`, {
      type: 'call',
      durationSec: 300,
      outcome: 'connected',
    });
    expect(log.status, log.text).toBe(201);
    await advance(t, 3 * DAY - 1 * MIN);
    expect((await t.admin('GET', `/handoffs/${hs[0].id}`)).body.firstContactBreachedAt).toBeNull();
    await advance(t, 2 * MIN);
    expect((await t.admin('GET', `/handoffs/${hs[0].id}`)).body.firstContactBreachedAt).toBe(hs[0].firstContactDueAt);
    expect((await t.admin('GET', `/handoffs/${hs[1].id}`)).body.firstContactBreachedAt).toBeNull();
    expect(await audit(t, hs[0].id, 'handoff.first_contact_breached')).toHaveLength(1);
  });
});
