/**
 * A rep's open MQLs (SPEC §5.2 capacity: pending `assign`/`sync` hand-offs) are a stored count
 * kept with every change of a hand-off (migration 023-rep-load): after each step the count
 * GET /reps/{id}/status shows is the number of pending hand-offs the rep's inbox lists, and a
 * rep at capacity is skipped by routing on the stored count. Steps: transfer, direct-to-sales
 * capture, accept, return, reject, manual dispatch and its resolution (assign and sync), and
 * the SLA recall that takes a lead from one rep and routes it to the other. The roster a
 * process holds between transfers is read again once another process changed it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifyAndTransfer } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
const HOUR = 3_600_000;

describe.each(engines())('open MQLs follow every change of a hand-off (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let sdr: User;
  let repA: User;
  let repB: User;
  let phone = 13900090000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    ops = await makeUser(t, 'sales_ops');
    sdr = await makeUser(t, 'sdr');
    repA = await makeUser(t, 'sales', { name: '甲' });
    repB = await makeUser(t, 'sales', { name: '乙' });
    await enrolShanghaiReps(ops, [repA, repB]);
  });
  afterAll(async () => t?.stop());

  const capture = async (channel = 'sem') => {
    phone += 1;
    const r = await t.admin('POST', '/leads', { name: '客户', phone: String(phone), channel, region: '上海' });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const transfer = async () => qualifyAndTransfer(sdr, await capture());
  const pendingListed = async (rep: User) => {
    const r = await t.admin('GET', `/handoffs?state=pending&repId=${rep.id}&limit=200`);
    expect(r.status, r.text).toBe(200);
    return r.body.items.filter((i: { handoff: { kind: string } }) => i.handoff.kind !== 'dispatch').length;
  };
  const openMqls = async (rep: User) => (await ops.call('GET', `/reps/${rep.id}/status`)).body.openMqls;
  /** The stored counts are `a` and `b`, and so are the pending hand-offs each rep's inbox lists. */
  const expectLoads = async (a: number, b: number) => {
    expect([await openMqls(repA), await openMqls(repB)]).toEqual([a, b]);
    expect([await pendingListed(repA), await pendingListed(repB)]).toEqual([a, b]);
  };
  const decide = async (rep: User, handoffId: string, decision: string, body: Record<string, unknown> = {}) => {
    const r = await rep.call('POST', `/handoffs/${handoffId}/${decision}`, body);
    expect(r.status, r.text).toBe(200);
  };

  it('counts transfers and direct-to-sales captures, and drops decided hand-offs', async () => {
    const made = [await transfer(), await transfer(), await transfer(), await transfer()];
    const toA = made.filter((h) => h.repId === repA.id);
    const toB = made.filter((h) => h.repId === repB.id);
    expect([toA.length, toB.length]).toEqual([2, 2]);
    await expectLoads(2, 2);

    // An inbound inquiry goes straight to sales with a hand-off (SPEC §5.1).
    const inbound = (await t.admin('GET', `/leads/${await capture('inbound_inquiry')}/handoffs`)).body.items[0];
    expect(inbound.status).toBe('pending');
    await expectLoads(inbound.repId === repA.id ? 3 : 2, inbound.repId === repB.id ? 3 : 2);
    await decide(inbound.repId === repA.id ? repA : repB, inbound.id, 'reject', { reason: 'no_budget' });
    await expectLoads(2, 2);

    await decide(repA, toA[0].id, 'accept');
    await expectLoads(1, 2);
    await decide(repA, toA[0].id, 'return', { reason: 'not_reachable' }); // accepted: no longer counted
    await expectLoads(1, 2);
    await decide(repB, toB[0].id, 'reject', { reason: 'wrong_region' });
    await expectLoads(1, 1);
  });

  it('counts a manual dispatch once it is resolved, as an assign or a sync', async () => {
    const first = await qualifyAndTransfer(sdr, await capture(), { mode: 'manual', reason: '客户点名要甲' });
    const second = await qualifyAndTransfer(sdr, await capture(), { mode: 'manual', reason: '老客户' });
    await expectLoads(1, 1);
    const assign = await ops.call('POST', `/dispatches/${first.id}/resolve`, { repId: repA.id });
    expect(assign.status, assign.text).toBe(200);
    await expectLoads(2, 1);
    const sync = await ops.call('POST', `/dispatches/${second.id}/resolve`, { repId: repB.id, as: 'sync' });
    expect(sync.status, sync.text).toBe(200);
    expect(sync.body.handoff.kind).toBe('sync');
    await expectLoads(2, 2);
  });

  it('moves the count with a lead recalled after an SLA breach and routed to the other rep', async () => {
    const current = (await ops.call('GET', '/sla/policy')).body.policy;
    const saved = await ops.call('PUT', '/sla/policy', {
      policy: { ...current, acceptance: { ...current.acceptance, recallAfterBreachHours: 24 } },
    });
    expect(saved.status, saved.text).toBe(200);
    // Only the new hand-off is left undecided past the deadline: the others are decided first.
    const listed = await t.admin('GET', '/handoffs?state=pending&limit=200');
    for (const { handoff } of listed.body.items) {
      await decide(handoff.repId === repA.id ? repA : repB, handoff.id, 'accept');
    }
    await expectLoads(0, 0);
    const h = await transfer();
    const [from, to] = h.repId === repA.id ? [repA, repB] : [repB, repA];
    expect(await openMqls(from)).toBe(1);

    const r = await t.admin('POST', '/admin/clock', { advance: `${(72 * HOUR + 2 * 60_000) / 60_000}m` });
    expect(r.status, r.text).toBe(200);
    expect((await t.admin('GET', `/handoffs/${h.id}`)).body.status).toBe('recalled');
    const next = (await t.admin('GET', `/leads/${h.leadId}/handoffs`)).body.items.find(
      (x: { status: string }) => x.status === 'pending',
    );
    expect(next.repId).toBe(to.id);
    expect([await openMqls(from), await openMqls(to)]).toEqual([0, 1]);
    expect([await pendingListed(from), await pendingListed(to)]).toEqual([0, 1]);
  });

  it('skips a rep whose stored count reached their capacity', async () => {
    const capped = await ops.call('PUT', `/reps/${repB.id}`, {
      regions: ['上海'],
      industries: [],
      level: 2,
      weight: 1,
      capacity: await openMqls(repB),
      department: '华东一部',
    });
    expect(capped.status, capped.text).toBe(200);
    const before = await openMqls(repA);
    for (let i = 0; i < 3; i++) expect((await transfer()).repId).toBe(repA.id);
    expect(await openMqls(repA)).toBe(before + 3);
  });

  it('sees a roster change committed by another process at the next transfer', async () => {
    // Written straight to the database, as another LeadLoop process would: this process holds
    // the roster it read last and must notice the change through the roster's version.
    const db = t.server.store.db;
    expect((await transfer()).repId).toBe(repA.id);
    await sql`UPDATE rep_profiles SET capacity = 10000 WHERE user_id = ${repB.id}`.execute(db);
    await sql`UPDATE rep_profiles SET capacity = 0 WHERE user_id = ${repA.id}`.execute(db);
    for (let i = 0; i < 2; i++) expect((await transfer()).repId).toBe(repB.id);
    await sql`UPDATE rep_profiles SET capacity = 10000 WHERE user_id = ${repA.id}`.execute(db);
    await sql`DELETE FROM eligibility WHERE rep_id = ${repB.id}`.execute(db);
    for (let i = 0; i < 2; i++) expect((await transfer()).repId).toBe(repA.id);
    await sql`INSERT INTO eligibility (month, rep_id) VALUES ('2026-03', ${repB.id})`.execute(db);
    await sql`UPDATE rep_profiles SET suspended_until = '2026-05-01T00:00:00Z' WHERE user_id = ${repA.id}`.execute(db);
    for (let i = 0; i < 2; i++) expect((await transfer()).repId).toBe(repB.id);
  });
});
