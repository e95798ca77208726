import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const profile = {
  regions: ['上海', 'Shanghai', '31', '广州'],
  industries: ['制造业', 'SaaS', '制造业'],
  level: 4,
  weight: 2,
  capacity: 30,
  department: '华东销售一部',
};

describe.each(engines())('rep roster and eligibility (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let rep: User;
  let rep2: User;
  let sdr: User;
  let sdrLead: User;
  let manager: User;
  beforeAll(async () => {
    t = await startTestServer(engine); // 2026-03-02T01:00Z: March in Shanghai
    ops = await makeUser(t, 'sales_ops');
    rep = await makeUser(t, 'sales', { name: '王浩然', team: '华东销售' });
    rep2 = await makeUser(t, 'sales', { name: '李静怡', team: '华东销售' });
    sdr = await makeUser(t, 'sdr');
    sdrLead = await makeUser(t, 'sdr_lead');
    manager = await makeUser(t, 'sales_manager', { team: '华东销售' });
  });
  afterAll(async () => t?.stop());

  it('sets a profile with regions normalised to GB/T 2260 codes, and audits it once', async () => {
    const r = await ops.call('PUT', `/reps/${rep.id}`, profile);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      userId: rep.id,
      name: '王浩然',
      active: true,
      profile: {
        regions: ['31', '4401'],
        regionNames: ['上海市', '广州市'],
        industries: ['制造业', 'SaaS'],
        level: 4,
        weight: 2,
        capacity: 30,
        department: '华东销售一部',
      },
      status: { eligible: false, suspendedUntil: null, openMqls: 0, consecutiveBreaches: 0, month: '2026-03' },
    });
    const again = await t.admin('PUT', `/reps/${rep.id}`, profile);
    expect(again.status).toBe(200);
    const audit = await t.admin('GET', `/audit?entityType=rep&entityId=${rep.id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'rep.profile_set',
      actorId: ops.id,
      from: null,
      to: { regions: ['31', '4401'], weight: 2, capacity: 30, level: 4 },
    });

    const changed = await ops.call('PUT', `/reps/${rep.id}`, { ...profile, weight: 1.5, regions: ['浙江'] });
    expect(changed.body.profile).toMatchObject({ regions: ['33'], weight: 1.5 });
    const audit2 = await t.admin('GET', `/audit?entityType=rep&entityId=${rep.id}`);
    expect(audit2.body.items[1]).toMatchObject({ from: { weight: 2, regions: ['31', '4401'] }, to: { weight: 1.5 } });
  });

  it('fills left-out fields with the defaults (a PUT replaces the profile)', async () => {
    const r = await ops.call('PUT', `/reps/${rep2.id}`, { regions: ['440100'] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.profile).toMatchObject({
      regions: ['4401'],
      industries: [],
      level: 1,
      weight: 1,
      capacity: 50,
      department: null,
    });
  });

  it('names the field at fault (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...profile, regions: ['上海', '火星'] }, 'regions[1]'],
      [{ ...profile, regions: ['99'] }, 'regions[0]'],
      [{ ...profile, weight: 0 }, 'weight'],
      [{ ...profile, weight: -1 }, 'weight'],
      [{ ...profile, capacity: -1 }, 'capacity'],
      [{ ...profile, capacity: 1.5 }, 'capacity'],
      [{ ...profile, level: 0 }, 'level'],
      [{ ...profile, level: 6 }, 'level'],
      [{ ...profile, regions: '上海' }, 'regions'],
      [{ ...profile, colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const r = await ops.call('PUT', `/reps/${rep.id}`, body);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: any) => e.field)).toContain(field);
    }
  });

  it('refuses other roles (403), unknown users (404) and users who are not sales reps (409)', async () => {
    for (const who of [sdr, sdrLead, manager, rep])
      expectProblem(await who.call('PUT', `/reps/${rep.id}`, profile), 403);
    expectProblem(await ops.call('PUT', '/reps/no-such-user', profile), 404);
    for (const notRep of [sdr, manager]) {
      const r = await ops.call('PUT', `/reps/${notRep.id}`, profile);
      expectProblem(r, 409);
      expect(r.body.detail).toMatch(/only users with the role sales/);
    }
  });

  it('lists reps with profile and status; a rep reads only their own', async () => {
    const list = await sdrLead.call('GET', '/reps');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i: any) => i.userId);
    expect(ids).toEqual(expect.arrayContaining([rep.id, rep2.id]));
    expect(ids).not.toContain(sdr.id);
    const third = await makeUser(t, 'sales', { name: '梁志豪' });
    const withoutProfile = (await ops.call('GET', '/reps')).body.items.find((i: any) => i.userId === third.id);
    expect(withoutProfile).toMatchObject({ profile: null, status: { eligible: false, openMqls: 0 } });

    expectProblem(await sdr.call('GET', '/reps'), 403);
    expectProblem(await rep.call('GET', '/reps'), 403);
    const own = await rep.call('GET', `/reps/${rep.id}`);
    expect(own.status).toBe(200);
    expect(own.body.userId).toBe(rep.id);
    expect((await rep.call('GET', `/reps/${rep.id}/status`)).status).toBe(200);
    expectProblem(await rep.call('GET', `/reps/${rep2.id}`), 403);
    expectProblem(await rep.call('GET', `/reps/${rep2.id}/status`), 403);
    expectProblem(await ops.call('GET', `/reps/${sdr.id}`), 404);
    expectProblem(await ops.call('GET', '/reps/no-such-user/status'), 404);
  });

  it('replaces a month’s eligibility list, and the status follows the Shanghai calendar month', async () => {
    const put = await ops.call('PUT', '/eligibility/2026-03', { repIds: [rep.id, rep.id] });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toEqual({ month: '2026-03', repIds: [rep.id] });
    expect((await sdrLead.call('GET', '/eligibility/2026-03')).body).toEqual({ month: '2026-03', repIds: [rep.id] });

    const status = await ops.call('GET', `/reps/${rep.id}/status`);
    expect(status.status).toBe(200);
    // SPEC §10.1: {eligible, suspendedUntil?, openMqls, consecutiveBreaches}
    expect(status.body).toEqual({
      eligible: true,
      suspendedUntil: null,
      openMqls: 0,
      consecutiveBreaches: 0,
      month: '2026-03',
    });
    expect((await ops.call('GET', `/reps/${rep2.id}/status`)).body.eligible).toBe(false);

    // 00:30 on 1 April in Shanghai is still 31 March in UTC: April's list applies.
    t.clock.set(new Date('2026-03-31T16:30:00Z'));
    const april = await ops.call('GET', `/reps/${rep.id}/status`);
    expect(april.body).toMatchObject({ eligible: false, month: '2026-04' });
    await ops.call('PUT', '/eligibility/2026-04', { repIds: [rep2.id, rep.id] });
    expect((await ops.call('GET', '/eligibility/2026-04')).body.repIds.sort()).toEqual([rep.id, rep2.id].sort());
    expect((await rep.call('GET', `/reps/${rep.id}/status`)).body.eligible).toBe(true);

    const emptied = await ops.call('PUT', '/eligibility/2026-04', { repIds: [rep2.id] });
    expect(emptied.body.repIds).toEqual([rep2.id]);
    expect((await rep.call('GET', `/reps/${rep.id}/status`)).body.eligible).toBe(false);
    expect((await ops.call('GET', '/eligibility/2026-05')).body).toEqual({ month: '2026-05', repIds: [] });

    const audit = await t.admin('GET', '/audit?entityType=eligibility&entityId=2026-04');
    expect(audit.body.items.map((e: any) => e.to.repIds.length)).toEqual([2, 1]);
    expect(audit.body.items[1].from.repIds).toHaveLength(2);
  });

  it('refuses a bad month and ids that are not reps, naming each (400), and other roles (403)', async () => {
    for (const month of ['2026-13', '2026-3', '202603', 'march']) {
      const r = await ops.call('PUT', `/eligibility/${month}`, { repIds: [] });
      expectProblem(r, 400);
      expect(r.body.errors[0].field).toBe('path.month');
      expectProblem(await ops.call('GET', `/eligibility/${month}`), 400);
    }
    const third = await makeUser(t, 'sales');
    const r = await ops.call('PUT', '/eligibility/2026-03', { repIds: [rep.id, 'no-such-user', sdr.id, third.id] });
    expectProblem(r, 400);
    expect(r.body.errors.map((e: any) => e.field)).toEqual(['repIds[1]', 'repIds[2]', 'repIds[3]']);
    expect(r.body.errors[2].message).toMatch(/no routing profile/);
    expect((await ops.call('GET', '/eligibility/2026-03')).body.repIds).toEqual([rep.id]); // unchanged
    expectProblem(await ops.call('PUT', '/eligibility/2026-03', {}), 400);
    expectProblem(await ops.call('PUT', '/eligibility/2026-03', { repIds: [1] }), 400);

    expectProblem(await sdrLead.call('PUT', '/eligibility/2026-03', { repIds: [] }), 403);
    expectProblem(await rep.call('PUT', '/eligibility/2026-03', { repIds: [rep.id] }), 403);
    expectProblem(await sdr.call('GET', '/eligibility/2026-03'), 403);
  });

  it('declares the roster routes in the OpenAPI document', async () => {
    const doc = await t.admin('GET', '/openapi.json');
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/api/v1/reps/{userId}', '/api/v1/reps/{userId}/status', '/api/v1/eligibility/{month}'])
      expect(paths).toContain(p);
  });
});
