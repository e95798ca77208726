/**
 * Opportunities (SPEC §6.1, §10.1): registered by the rep on a lead they accepted, linked to
 * that hand-off (the SDR's credit, §8.3), withdrawn / won / lost with dates and amounts; the
 * lead follows (sql → opportunity → won | lost, back to sql on a withdrawal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeReceiver, waitFor } from '../support/fake-http-receiver.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const DAY = 86_400_000;

function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe.each(engines())('opportunities (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let ops: User;
  let manager: User;
  let otherManager: User;
  let marketing: User;
  let repA: User;
  let repB: User;
  let phone = 13900070000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    manager = await makeUser(t, 'sales_manager', { name: '华东经理', team: '华东销售' });
    otherManager = await makeUser(t, 'sales_manager', { name: '华北经理', team: '华北销售' });
    marketing = await makeUser(t, 'marketing', { name: '市场小王' });
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    repB = await makeUser(t, 'sales', { name: '李四', team: '华东销售' });
    await enrolShanghaiReps(ops, [repA, repB], ['2026-03']);
  });
  afterAll(async () => t?.stop());

  /** A qualified Shanghai lead the SDR handed to sales; accepted by its rep unless `accept` is false. */
  const handedOff = async (accept = true) => {
    phone += 1;
    const c = await t.admin('POST', '/leads', { name: '客户', phone: String(phone), channel: 'sem', region: '上海' });
    expect(c.status, c.text).toBe(201);
    const leadId = c.body.lead.id as string;
    const q = await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
    });
    expect(q.status, q.text).toBe(200);
    const tr = await sdr.call('POST', `/leads/${leadId}/transfer`, { mode: 'auto' });
    expect(tr.status, tr.text).toBe(201);
    const handoff = tr.body.handoff;
    const rep = handoff.repId === repA.id ? repA : repB;
    const other = rep === repA ? repB : repA;
    if (accept) {
      t.clock.advance(3_600_000);
      const a = await rep.call('POST', `/handoffs/${handoff.id}/accept`, {});
      expect(a.status, a.text).toBe(200);
    }
    return { leadId, handoffId: handoff.id as string, rep, other };
  };
  const lead = async (id: string) => (await t.admin('GET', `/leads/${id}`)).body;
  const timeline = async (id: string) => JSON.stringify((await t.admin('GET', `/leads/${id}/timeline`)).body);
  const now = () => t.clock.now().toISOString();

  it('registers an opportunity on an accepted lead: linked to the hand-off, dated by the clock; the lead is an opportunity', async () => {
    const { leadId, handoffId, rep } = await handedOff();
    const acceptedAt = now();
    t.clock.advance(2 * DAY);
    const r = await rep.call('POST', `/leads/${leadId}/opportunities`, {
      amount: 120000.5,
      expectedCloseAt: '2026-06-30',
      name: '年度订阅',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.any(String),
      leadId,
      handoffId,
      sdrId: sdr.id,
      repId: rep.id,
      acceptedAt,
      name: '年度订阅',
      amount: 120000.5,
      currency: 'CNY',
      stage: 'open',
      expectedCloseAt: '2026-06-30T00:00:00.000Z',
      createdAt: now(),
      createdBy: rep.id,
      withdrawnAt: null,
      closedAt: null,
      reason: null,
    });
    expect(await lead(leadId)).toMatchObject({ status: 'opportunity', ownerId: rep.id });

    const list = await rep.call('GET', `/leads/${leadId}/opportunities`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([r.body.id]);
    // The SDR who made the hand-off follows their credit; a rep it was never handed to may not look.
    const bySdr = await sdr.call('GET', `/opportunities/${r.body.id}`);
    expect(bySdr.status, bySdr.text).toBe(200);
    expect(bySdr.body).toEqual(r.body);
    const other = await makeUser(t, 'sales', { team: '华北销售' });
    expectProblem(await other.call('GET', `/opportunities/${r.body.id}`), 403);
    expectProblem(await other.call('GET', `/leads/${leadId}/opportunities`), 403);

    // The SDR who made the hand-off is told (their credit, §8.3); the rep who registered it is not.
    const inbox = await sdr.call('GET', '/inbox');
    expect(inbox.status, inbox.text).toBe(200);
    const told = inbox.body.items.find(
      (n: { type: string; leadId: string }) => n.type === 'opportunity.created' && n.leadId === leadId,
    );
    expect(told, inbox.text).toBeDefined();
    expect(told.data.opportunity).toMatchObject({ id: r.body.id, amount: 120000.5, stage: 'open' });
    const repInbox = (await rep.call('GET', '/inbox')).body.items;
    expect(repInbox.filter((n: { type: string }) => n.type.startsWith('opportunity.'))).toEqual([]);

    const history = await timeline(leadId);
    expect(history).toContain('opportunity.created');
    expect(history).toContain('"from":{"status":"sql"');
    expect(history).toContain('"to":{"status":"opportunity"');
  });

  it('only a lead whose hand-off was accepted, and one open opportunity at a time (409)', async () => {
    const pending = await handedOff(false);
    const early = await pending.rep.call('POST', `/leads/${pending.leadId}/opportunities`, { amount: 1000 });
    expectProblem(early, 409);
    expect(early.body.detail).toMatch(/accepted/);
    expect((await lead(pending.leadId)).status).toBe('mql');

    const { leadId, rep } = await handedOff();
    const first = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 1000 });
    expect(first.status, first.text).toBe(201);
    const second = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 2000 });
    expectProblem(second, 409);
    expect(second.body.detail).toContain(first.body.id);
    // A lead with an opportunity is past returning: the rep withdraws it first.
    const handoffId = (await t.admin('GET', `/leads/${leadId}/handoffs`)).body.items[0].id;
    const ret = await rep.call('POST', `/handoffs/${handoffId}/return`, { reason: 'not_reachable' });
    expectProblem(ret, 409);
    expect(ret.body.detail).toMatch(/opportunity/);
    expect((await lead(leadId)).status).toBe('opportunity');

    // A lead still with the SDR (working) has no hand-off to follow.
    const c = await sdr.call('POST', '/leads', { name: '外呼', phone: String(phone + 500), channel: 'outbound' });
    expect(c.status, c.text).toBe(201);
    expectProblem(await ops.call('POST', `/leads/${c.body.lead.id}/opportunities`, { amount: 1 }), 409);
    expectProblem(await ops.call('POST', '/leads/no-such-lead/opportunities', { amount: 1 }), 404);
  });

  it('withdraw: dated now, lead back to sql, a new opportunity may follow; only open ones change (409)', async () => {
    const { leadId, rep } = await handedOff();
    const created = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 50000 });
    expect(created.status, created.text).toBe(201);
    t.clock.advance(3 * DAY + 90_000);
    const w = await rep.call('POST', `/opportunities/${created.body.id}/withdraw`, { reason: '客户重复登记' });
    expect(w.status, w.text).toBe(200);
    expect(w.body).toMatchObject({
      stage: 'withdrawn',
      withdrawnAt: now(),
      closedAt: null,
      closedBy: rep.id,
      reason: '客户重复登记',
      amount: 50000,
      createdAt: created.body.createdAt,
    });
    expect(await lead(leadId)).toMatchObject({ status: 'sql', ownerId: rep.id });
    for (const action of ['withdraw', 'win', 'lose']) {
      const again = await rep.call(
        'POST',
        `/opportunities/${created.body.id}/${action}`,
        action === 'win' ? {} : { reason: 'x' },
      );
      expectProblem(again, 409);
    }
    expect((await lead(leadId)).status).toBe('sql');

    // A withdrawal without a reason (an empty body) is fine.
    const next = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 60000 });
    expect(next.status, next.text).toBe(201);
    expect((await lead(leadId)).status).toBe('opportunity');
    const bare = await t.as(null)('POST', `/opportunities/${next.body.id}/withdraw`);
    expectProblem(bare, 401);
    const w2 = await rep.call('POST', `/opportunities/${next.body.id}/withdraw`);
    expect(w2.status, w2.text).toBe(200);
    expect(w2.body.reason).toBeNull();
    const list = await rep.call('GET', `/leads/${leadId}/opportunities`);
    expect(list.body.items.map((o: { id: string; stage: string }) => [o.id, o.stage])).toEqual([
      [next.body.id, 'withdrawn'],
      [created.body.id, 'withdrawn'],
    ]);
    const history = await timeline(leadId);
    expect(history).toContain('opportunity.withdrawn');
    expect(history).toContain('客户重复登记');
    expectProblem(await rep.call('POST', '/opportunities/no-such-opportunity/withdraw', {}), 404);
  });

  it('win: final amount and won date (now, or earlier; never in the future nor before registration); the lead is won', async () => {
    const { leadId, rep } = await handedOff();
    const created = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 80000 });
    expect(created.status, created.text).toBe(201);
    t.clock.advance(10 * DAY);
    const future = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expectFieldError(await rep.call('POST', `/opportunities/${created.body.id}/win`, { closedAt: future }), 'closedAt');
    const beforeCreated = new Date(new Date(created.body.createdAt).getTime() - 60_000).toISOString();
    expectFieldError(
      await rep.call('POST', `/opportunities/${created.body.id}/win`, { closedAt: beforeCreated }),
      'closedAt',
    );
    expectFieldError(
      await rep.call('POST', `/opportunities/${created.body.id}/win`, { closedAt: 'last friday' }),
      'closedAt',
    );
    expectFieldError(await rep.call('POST', `/opportunities/${created.body.id}/win`, { amount: -1 }), 'amount');
    expect((await rep.call('GET', `/opportunities/${created.body.id}`)).body.stage).toBe('open');

    const signed = new Date(t.clock.now().getTime() - 2 * DAY).toISOString();
    const won = await rep.call('POST', `/opportunities/${created.body.id}/win`, { amount: 95000, closedAt: signed });
    expect(won.status, won.text).toBe(200);
    expect(won.body).toMatchObject({
      stage: 'won',
      amount: 95000,
      closedAt: signed,
      closedBy: rep.id,
      withdrawnAt: null,
    });
    expect(won.body.updatedAt).toBe(now());
    expect(await lead(leadId)).toMatchObject({ status: 'won', ownerId: rep.id });
    expectProblem(await rep.call('POST', `/opportunities/${created.body.id}/lose`, { reason: '价格' }), 409);
    expectProblem(await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 1 }), 409);
    const history = await timeline(leadId);
    expect(history).toContain('opportunity.won');
    expect(history).toContain('"to":{"status":"won"');

    // Without a date the deal is won now, at the registered amount.
    const second = await handedOff();
    const o = await second.rep.call('POST', `/leads/${second.leadId}/opportunities`, { amount: 3000 });
    const w = await second.rep.call('POST', `/opportunities/${o.body.id}/win`, {});
    expect(w.status, w.text).toBe(200);
    expect(w.body).toMatchObject({ stage: 'won', amount: 3000, closedAt: now() });
  });

  it('lose: a reason is required (400 naming reason); the lead is lost with that reason', async () => {
    const { leadId, rep } = await handedOff();
    const created = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 40000 });
    expectFieldError(await rep.call('POST', `/opportunities/${created.body.id}/lose`, {}), 'reason');
    expectFieldError(await rep.call('POST', `/opportunities/${created.body.id}/lose`, { reason: '   ' }), 'reason');
    t.clock.advance(DAY);
    const lost = await rep.call('POST', `/opportunities/${created.body.id}/lose`, { reason: '选择了竞品' });
    expect(lost.status, lost.text).toBe(200);
    expect(lost.body).toMatchObject({ stage: 'lost', reason: '选择了竞品', closedAt: now(), amount: 40000 });
    expect(await lead(leadId)).toMatchObject({ status: 'lost', statusReason: '选择了竞品' });
    expect(await timeline(leadId)).toContain('opportunity.lost');
  });

  it('only the rep holding the lead, their sales manager, sales ops or an admin (403 with a reason otherwise)', async () => {
    const { leadId, rep, other } = await handedOff();
    for (const who of [other, sdr, otherManager, marketing]) {
      const r = await who.call('POST', `/leads/${leadId}/opportunities`, { amount: 1000 });
      expectProblem(r, 403);
      expect(r.body.detail.length).toBeGreaterThan(10);
    }
    expect((await lead(leadId)).status).toBe('sql');
    const byManager = await manager.call('POST', `/leads/${leadId}/opportunities`, { amount: 1000 });
    expect(byManager.status, byManager.text).toBe(201);
    expect(byManager.body).toMatchObject({ createdBy: manager.id, repId: rep.id });
    for (const who of [other, sdr, otherManager]) {
      expectProblem(await who.call('POST', `/opportunities/${byManager.body.id}/win`, {}), 403);
    }
    expect((await rep.call('GET', `/opportunities/${byManager.body.id}`)).body.stage).toBe('open');
    const byOps = await ops.call('POST', `/opportunities/${byManager.body.id}/lose`, { reason: '预算取消' });
    expect(byOps.status, byOps.text).toBe(200);
    expect(byOps.body.closedBy).toBe(ops.id);
    // The rep and the SDR hear of changes others make on the rep's lead.
    for (const who of [rep, sdr]) {
      const types = (await who.call('GET', '/inbox')).body.items
        .filter((n: { leadId: string }) => n.leadId === leadId)
        .map((n: { type: string }) => n.type);
      expect(types).toEqual(expect.arrayContaining(['opportunity.created', 'opportunity.lost']));
    }

    const second = await handedOff();
    const byAdmin = await t.admin('POST', `/leads/${second.leadId}/opportunities`, { amount: 5 });
    expect(byAdmin.status, byAdmin.text).toBe(201);
  });

  it('bad input is a 400 naming the field, and changes nothing', async () => {
    const { leadId, rep } = await handedOff();
    const cases: [unknown, string][] = [
      [{}, 'amount'],
      [{ amount: -0.01 }, 'amount'],
      [{ amount: '12000' }, 'amount'],
      [{ amount: 10.005 }, 'amount'],
      [{ amount: 1e14 }, 'amount'],
      [{ amount: 100, expectedCloseAt: 'next month' }, 'expectedCloseAt'],
      [{ amount: 100, expectedCloseAt: '2026-03-10T10:00' }, 'expectedCloseAt'],
      [{ amount: 100, expectedCloseAt: '2025-01-01' }, 'expectedCloseAt'],
      [{ amount: 100, currency: 'RMB1' }, 'currency'],
      [{ amount: 100, stage: 'won' }, 'stage'],
      [{ amount: 100, name: 'x'.repeat(201) }, 'name'],
    ];
    for (const [body, field] of cases) {
      expectFieldError(await rep.call('POST', `/leads/${leadId}/opportunities`, body), field);
    }
    expect((await rep.call('GET', `/leads/${leadId}/opportunities`)).body.items).toEqual([]);
    expect((await lead(leadId)).status).toBe('sql');
    const zero = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 0, currency: 'usd' });
    expect(zero.status, zero.text).toBe(201);
    expect(zero.body).toMatchObject({ amount: 0, currency: 'USD' });
  });
  it('status changes go back to where the lead came from: opportunity.* and lead.status_changed {from, to} by webhook', async () => {
    const hook = await startFakeReceiver();
    try {
      const created = await t.admin('POST', '/webhooks', {
        url: `${hook.url}/crm`,
        events: ['lead.status_changed', 'opportunity.created', 'opportunity.withdrawn', 'opportunity.won'],
        secret: 'crm-secret',
      });
      expect(created.status, created.text).toBe(201);
      const { leadId, rep } = await handedOff();
      const minute = () => t.clock.advance(60_000);
      minute();
      const o1 = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 7000 });
      minute();
      expect((await rep.call('POST', `/opportunities/${o1.body.id}/withdraw`, {})).status).toBe(200);
      minute();
      const o2 = await rep.call('POST', `/leads/${leadId}/opportunities`, { amount: 8000 });
      minute();
      expect((await rep.call('POST', `/opportunities/${o2.body.id}/win`, {})).status).toBe(200);

      const about = (type: string) =>
        hook.requests.filter(
          (r) => r.json?.type === type && (r.json.data.leadId ?? r.json.data.opportunity?.leadId) === leadId,
        );
      const moved = (from: string, to: string) =>
        about('lead.status_changed').filter((r) => r.json.data.from === from && r.json.data.to === to).length;
      // Deliveries need not arrive in the order of the events: wait for every one expected.
      await waitFor(
        () =>
          about('opportunity.won').length === 1 &&
          about('opportunity.created').length === 2 &&
          about('opportunity.withdrawn').length === 1 &&
          moved('sql', 'opportunity') === 2 &&
          moved('opportunity', 'sql') === 1 &&
          moved('opportunity', 'won') === 1,
        'the hooks',
      );
      const moves = about('lead.status_changed')
        .sort((a, b) => a.json.occurredAt.localeCompare(b.json.occurredAt))
        .map((r) => [r.json.data.from, r.json.data.to]);
      expect(moves.slice(-4)).toEqual([
        ['sql', 'opportunity'],
        ['opportunity', 'sql'],
        ['sql', 'opportunity'],
        ['opportunity', 'won'],
      ]);
      expect(
        about('opportunity.created')
          .map((r) => r.json.data.opportunity.id)
          .sort(),
      ).toEqual([o1.body.id, o2.body.id].sort());
      expect(about('opportunity.withdrawn')[0].json.data.opportunity).toMatchObject({
        id: o1.body.id,
        stage: 'withdrawn',
      });
      expect(about('opportunity.won')[0].json.data).toMatchObject({
        opportunity: { id: o2.body.id, stage: 'won', amount: 8000, sdrId: sdr.id },
        lead: { id: leadId, status: 'won' },
      });
      await t.admin('DELETE', `/webhooks/${created.body.id}`);
    } finally {
      await hook.close();
    }
  });
});
