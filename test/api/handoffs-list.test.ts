/**
 * GET /handoffs — the sales inbox's list (SPEC §6.1, §6.2): scoped as the leads are (a rep their
 * own, a sales manager their team's, an SDR the ones they made, sales ops all), filtered by state
 * and rep, keyset-paged newest-first or due-first, each item with the lead and the acceptance SLA
 * at the server's clock (working time left for a business clock).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifyAndTransfer } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
const MIN = 60_000;
const HOUR = 60 * MIN;

describe.each(engines())('GET /handoffs: the inbox list (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let otherSdr: User;
  let ops: User;
  let manager: User;
  let otherManager: User;
  let repA: User;
  let repB: User;
  let phone = 13900070000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    otherSdr = await makeUser(t, 'sdr', { name: '赵敏', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    manager = await makeUser(t, 'sales_manager', { name: '华东经理', team: '华东销售' });
    otherManager = await makeUser(t, 'sales_manager', { name: '华北经理', team: '华北销售' });
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    repB = await makeUser(t, 'sales', { name: '李四', team: '华东销售' });
    await enrolShanghaiReps(ops, [repA, repB], ['2026-03', '2026-09']);
  });
  afterAll(async () => t?.stop());

  const handOff = async (by: User = sdr, company = '上海某科技') => {
    phone += 1;
    const c = await t.admin('POST', '/leads', {
      name: `客户${phone}`,
      company,
      phone: String(phone),
      channel: 'sem',
      region: '上海',
    });
    expect(c.status, c.text).toBe(201);
    const handoff = await qualifyAndTransfer(by, c.body.lead.id);
    return { leadId: c.body.lead.id as string, handoff, rep: handoff.repId === repA.id ? repA : repB };
  };
  const list = async (who: User, query = '') => {
    const r = await who.call('GET', `/handoffs${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body as { items: any[]; nextCursor: string | null };
  };

  it('a rep lists their own pending hand-offs with the lead, the SDR and the acceptance SLA', async () => {
    const made = [];
    for (let i = 0; i < 4; i++) {
      made.push(await handOff());
      t.clock.advance(MIN);
    }
    const mine = made.filter((m) => m.rep === repA);
    expect(mine.length).toBeGreaterThan(0);
    const page = await list(repA, '?state=pending');
    expect(page.items.map((i) => i.handoff.id)).toEqual(mine.map((m) => m.handoff.id));
    const first = page.items[0];
    const single = await repA.call('GET', `/handoffs/${first.handoff.id}`);
    expect(first.handoff).toEqual(single.body);
    expect(first.lead).toMatchObject({ id: mine[0].leadId, company: '上海某科技', status: 'mql' });
    expect(first.lead.name).toMatch(/^客户/);
    expect(first).toMatchObject({ sdrName: '林晓', repName: '张三' });
    const now = t.clock.now().getTime();
    const due = new Date(first.handoff.dueAt).getTime();
    expect(first.sla).toMatchObject({
      clock: 'wall',
      dueAt: first.handoff.dueAt,
      remindAt: new Date(due - 4 * HOUR).toISOString(),
      remainingMs: due - now,
      remainingMinutes: Math.trunc((due - now) / MIN),
      running: true,
      state: 'ok',
      asOf: new Date(now).toISOString(),
    });
    // repB's hand-offs are not in repA's list, and a rep may not ask for another rep's
    const all = await list(repA);
    expect(all.items.every((i) => i.handoff.repId === repA.id)).toBe(true);
    expectProblem(await repA.call('GET', `/handoffs?repId=${repB.id}`), 403);
  });

  it('state filter; a decided hand-off has no SLA; each role sees its scope', async () => {
    const a = await handOff(otherSdr, '杭州某公司');
    const r = await a.rep.call('POST', `/handoffs/${a.handoff.id}/accept`, {});
    expect(r.status, r.text).toBe(200);
    const accepted = await list(a.rep, '?state=accepted');
    expect(accepted.items.map((i) => i.handoff.id)).toContain(a.handoff.id);
    expect(accepted.items.every((i) => i.handoff.status === 'accepted' && i.sla === null)).toBe(true);
    expect(accepted.items.find((i) => i.handoff.id === a.handoff.id).lead.status).toBe('sql');
    expect((await list(a.rep, '?state=pending')).items.map((i) => i.handoff.id)).not.toContain(a.handoff.id);

    const everything = await list(ops, '?limit=200');
    expect(everything.items.length).toBe(5);
    expect((await list(manager, '?limit=200')).items.length).toBe(5);
    expect((await list(otherManager)).items).toEqual([]);
    expect((await list(manager, `?repId=${repA.id}`)).items.every((i) => i.handoff.repId === repA.id)).toBe(true);
    const bySdr = await list(sdr, '?limit=200');
    expect(bySdr.items.length).toBe(4);
    expect(bySdr.items.every((i) => i.handoff.sdrId === sdr.id)).toBe(true);
    const byOther = await list(otherSdr);
    expect(byOther.items.map((i) => i.handoff.id)).toEqual([a.handoff.id]);
    expect((await list(ops, `?sdrId=${otherSdr.id}`)).items.map((i) => i.handoff.id)).toEqual([a.handoff.id]);
  });

  it('pages with a cursor, newest first or due first, every row once', async () => {
    for (const order of ['newest', 'due']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: any[]; nextCursor: string | null } = await list(
          ops,
          `?order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.handoff.id));
        cursor = page.nextCursor;
      } while (cursor);
      const all = (await list(ops, `?order=${order}&limit=200`)).items;
      expect(seen).toEqual(all.map((i) => i.handoff.id));
      expect(new Set(seen).size).toBe(5);
      const keys = all.map((i) => new Date(order === 'due' ? i.handoff.dueAt : i.handoff.createdAt).getTime());
      const sorted = [...keys].sort((x, y) => (order === 'due' ? x - y : y - x));
      expect(keys).toEqual(sorted);
    }
  });

  it.each([
    ['state=bogus', 'query.state'],
    ['order=oldest', 'query.order'],
    ['limit=0', 'query.limit'],
    ['limit=many', 'query.limit'],
    ['cursor=not-a-cursor', 'query.cursor'],
    [`repId=${'x'.repeat(101)}`, 'query.repId'],
  ])('a bad filter %s → 400 problem+json naming %s', async (query, field) => {
    const r = await ops.call('GET', `/handoffs?${query}`);
    expectProblem(r, 400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('a cursor of one order is refused in the other', async () => {
    const page = await list(ops, '?order=newest&limit=1');
    expect(page.nextCursor).not.toBeNull();
    const r = await ops.call('GET', `/handoffs?order=due&cursor=${page.nextCursor}`);
    expectProblem(r, 400);
    expect(r.body.errors[0].field).toBe('query.cursor');
  });

  it('a business clock: working time left, stopped at the weekend, breached after the deadline', async () => {
    const current = (await ops.call('GET', '/sla/policy')).body.policy;
    const saved = await ops.call('PUT', '/sla/policy', {
      policy: {
        ...current,
        acceptance: { hours: 16, clock: 'business', reminderBeforeHours: 2, recallAfterBreachHours: null },
      },
    });
    expect(saved.status, saved.text).toBe(200);
    // Friday 2026-09-18 17:00 Shanghai; Saturday off, Sunday 09-20 a make-up workday (调休)
    t.clock.set(new Date('2026-09-18T09:00:00.000Z'));
    const { handoff, rep } = await handOff();
    expect(handoff.dueAt).toBe('2026-09-21T10:00:00.000Z');
    const find = async () =>
      (await list(rep, '?state=pending&limit=200')).items.find((i) => i.handoff.id === handoff.id);
    t.clock.advance(30 * MIN);
    expect((await find()).sla).toMatchObject({
      clock: 'business',
      remainingMinutes: 15.5 * 60,
      running: true,
      state: 'ok',
    });
    // Saturday noon in Shanghai: the clock stands still
    t.clock.set(new Date('2026-09-19T04:00:00.000Z'));
    expect((await find()).sla).toMatchObject({ remainingMinutes: 15 * 60, running: false, state: 'ok' });
    // Monday 17:00 Shanghai: past the reminder, an hour of working time left
    t.clock.set(new Date('2026-09-21T09:00:00.000Z'));
    expect((await find()).sla).toMatchObject({ remainingMinutes: 60, running: true, state: 'reminder' });
    // Tuesday 10:00 Shanghai: overdue by working time since Monday 18:00
    t.clock.set(new Date('2026-09-22T02:00:00.000Z'));
    const late = (await find()).sla;
    expect(late.state).toBe('breached');
    expect(late.remainingMinutes).toBeLessThan(0);
  });
});
