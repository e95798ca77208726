/**
 * The storage contract routing reads inside a transfer's transaction (SPEC §5.2): rep
 * candidates, CRM account matches and the locked rotation state. No route calls these yet, so
 * they are exercised against the server's own database, on both engines; the data they read is
 * set up through the API.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountMatches } from '../../src/store/repositories/accounts.js';
import { loadRepCandidates } from '../../src/store/repositories/roster.js';
import { loadRotationState, saveRotationPick } from '../../src/store/repositories/rotation.js';
import { engines, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('routing storage contract (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let east: User;
  let south: User;
  let off: User;
  const db = () => t.server.store.db;
  const now = new Date('2026-03-02T01:00:00.000Z');

  beforeAll(async () => {
    t = await startTestServer(engine, { clockStart: now.toISOString() });
    ops = await makeUser(t, 'sales_ops');
    east = await makeUser(t, 'sales', { name: '东区销售' });
    south = await makeUser(t, 'sales', { name: '南区销售' });
    off = await makeUser(t, 'sales', { name: '不在名单' });
    await ops.call('PUT', `/reps/${east.id}`, { regions: ['上海'], weight: 2, capacity: 5, department: '华东' });
    await ops.call('PUT', `/reps/${south.id}`, {
      regions: ['广东'],
      industries: ['制造业'],
      level: 3,
      department: '华南',
    });
    await ops.call('PUT', `/reps/${off.id}`, {});
    const list = await ops.call('PUT', '/eligibility/2026-03', { repIds: [east.id, south.id] });
    expect(list.status, list.text).toBe(200);
  });
  afterAll(async () => t?.stop());

  it('loads every rep with eligibility, suspension and open MQLs', async () => {
    const leads: string[] = [];
    for (const phone of ['13800000001', '13800000002', '13800000003', '13800000004']) {
      const r = await t.admin('POST', '/leads', { name: `客户${phone}`, phone, channel: 'sem' });
      leads.push(r.body.lead.id);
    }
    const handoff = (leadId: string, repId: string | null, kind: string, status: string) =>
      sql`INSERT INTO handoffs (id, lead_id, rep_id, kind, mode, status, created_at)
          VALUES (${`h-${leadId}`}, ${leadId}, ${repId}, ${kind}, 'auto', ${status}, ${now})`.execute(db());
    await handoff(leads[0], east.id, 'assign', 'pending');
    await handoff(leads[1], east.id, 'sync', 'pending');
    await handoff(leads[2], east.id, 'assign', 'accepted');
    await handoff(leads[3], null, 'dispatch', 'pending');
    await sql`UPDATE rep_profiles SET suspended_until = ${new Date('2026-04-01T00:00:00Z')} WHERE user_id = ${south.id}`.execute(
      db(),
    );
    await sql`UPDATE rep_profiles SET suspended_until = ${new Date('2026-03-01T00:00:00Z')} WHERE user_id = ${off.id}`.execute(
      db(),
    );

    const reps = await db()
      .transaction()
      .execute((trx) => loadRepCandidates(trx, { month: '2026-03', now }));
    const byId = Object.fromEntries(reps.map((r) => [r.id, r]));
    expect(Object.keys(byId).sort()).toEqual([east.id, south.id, off.id].sort());
    expect(byId[east.id]).toEqual({
      id: east.id,
      name: '东区销售',
      regions: ['31'],
      industries: [],
      level: 1,
      weight: 2,
      capacity: 5,
      department: '华东',
      eligible: true,
      suspendedUntil: null,
      openMqls: 2,
    });
    expect(byId[south.id]).toMatchObject({
      regions: ['44'],
      industries: ['制造业'],
      level: 3,
      eligible: true,
      suspendedUntil: new Date('2026-04-01T00:00:00Z'),
      openMqls: 0,
    });
    expect(byId[off.id]).toMatchObject({ eligible: false, suspendedUntil: null, openMqls: 0 });
    expect((await loadRepCandidates(db(), { month: '2026-04', now })).every((r) => !r.eligible)).toBe(true);

    // The same counts through the API.
    const status = await ops.call('GET', `/reps/${east.id}/status`);
    expect(status.body).toMatchObject({ eligible: true, openMqls: 2, suspendedUntil: null });
    expect((await ops.call('GET', `/reps/${south.id}/status`)).body.suspendedUntil).toBe('2026-04-01T00:00:00.000Z');
  });

  it('matches accounts by credit code, then normalised name, then alias; an inactive owner is no owner', async () => {
    const pdd = await ops.call('POST', '/accounts', {
      name: '上海寻梦信息技术有限公司',
      aliases: ['拼多多'],
      creditCode: '91310000MA1FL4XJ2B',
      ownerId: east.id,
      lastActivityAt: '2026-02-20T00:00:00Z',
      contacts: [{ name: '王总', title: '总经理' }],
    });
    expect(pdd.status, pdd.text).toBe(201);
    // One call for many leads, as a bulk capture routes them.
    const matches = await findAccountMatches(db(), [
      { id: 'code', companyKey: 'nothing', creditCode: '91310000ma1fl4xj2b' },
      { id: 'name', companyKey: '上海寻梦信息技术', creditCode: null },
      { id: 'alias', companyKey: '拼多多' },
      { id: 'none', companyKey: '不存在' },
      { id: 'blank', companyKey: null, creditCode: null },
    ]);
    expect(matches.get('code')).toEqual({
      accountId: pdd.body.id,
      accountName: '上海寻梦信息技术有限公司',
      matchedOn: 'credit_code',
      ownerId: east.id,
      lastActivityAt: new Date('2026-02-20T00:00:00Z'),
      contacts: [{ name: '王总', title: '总经理' }],
    });
    expect(matches.get('name')).toMatchObject({ matchedOn: 'name', accountId: pdd.body.id });
    expect(matches.get('alias')).toMatchObject({ matchedOn: 'alias', accountId: pdd.body.id });
    expect([...matches.keys()].sort()).toEqual(['alias', 'code', 'name']);

    await sql`UPDATE users SET active = false WHERE id = ${east.id}`.execute(db());
    const inactive = await findAccountMatches(db(), [{ id: 'alias', companyKey: '拼多多' }]);
    expect(inactive.get('alias')).toMatchObject({ accountId: pdd.body.id, ownerId: null });
    await sql`UPDATE users SET active = true WHERE id = ${east.id}`.execute(db());
  });

  it('keeps rotation state per pool: received, last pick sequence and last department', async () => {
    const ids = [east.id, south.id];
    const empty = await db()
      .transaction()
      .execute((trx) => loadRotationState(trx, 'pool:31', ids));
    expect(empty).toEqual({ received: {}, lastPick: {}, lastDepartment: null });

    await db()
      .transaction()
      .execute(async (trx) => {
        await loadRotationState(trx, 'pool:31', ids);
        expect(await saveRotationPick(trx, 'pool:31', { repId: east.id, department: '华东', at: now })).toBe(1);
        expect(
          await saveRotationPick(trx, 'pool:31', { repId: south.id, department: '华南', receivedAfter: 7.5 }),
        ).toBe(2);
        expect(await saveRotationPick(trx, 'pool:31', { repId: east.id, department: '华东', at: now })).toBe(3);
      });
    const state = await db()
      .transaction()
      .execute((trx) => loadRotationState(trx, 'pool:31', ids));
    expect(state).toEqual({
      received: { [east.id]: 2, [south.id]: 7.5 },
      lastPick: { [east.id]: 3, [south.id]: 2 },
      lastDepartment: '华东',
    });
    // Another pool is apart; a rep not asked for is left out.
    const other = await db()
      .transaction()
      .execute((trx) => loadRotationState(trx, 'pool:44', [south.id]));
    expect(other).toEqual({ received: {}, lastPick: {}, lastDepartment: null });
    const only = await db()
      .transaction()
      .execute((trx) => loadRotationState(trx, 'pool:31', [south.id]));
    expect(only.received).toEqual({ [south.id]: 7.5 });
  });

  it('serialises two transactions picking from one pool: the second sees the first’s pick', async () => {
    // The pool row exists already, so it is the FOR UPDATE (not the first insert) that serialises.
    await db()
      .transaction()
      .execute((trx) => loadRotationState(trx, 'pool:race', [east.id]));
    const events: string[] = [];
    let firstLoaded!: () => void;
    const loaded = new Promise<void>((resolve) => {
      firstLoaded = resolve;
    });
    const pick = (name: string, wait: Promise<void> | null) =>
      db()
        .transaction()
        .execute(async (trx) => {
          const state = await loadRotationState(trx, 'pool:race', [east.id]);
          events.push(`${name} loaded ${state.received[east.id] ?? 0}`);
          if (wait === null) {
            firstLoaded();
            await new Promise((r) => setTimeout(r, 150));
          }
          await saveRotationPick(trx, 'pool:race', { repId: east.id, department: '华东', at: now });
          events.push(`${name} saved`);
        });
    const first = pick('A', null);
    await loaded;
    const second = pick('B', loaded);
    await Promise.all([first, second]);
    expect(events).toEqual(['A loaded 0', 'A saved', 'B loaded 1', 'B saved']);
    const final = await db()
      .transaction()
      .execute((trx) => loadRotationState(trx, 'pool:race', [east.id]));
    expect(final.received[east.id]).toBe(2);
    expect(final.lastPick[east.id]).toBe(2);
  });
});
