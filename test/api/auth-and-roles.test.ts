/**
 * Authentication, the roster, role permissions, data scoping, the audit log and the manual
 * clock, through real HTTP (SPEC §1, §10, §10.1, §11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import {
  adminToken,
  client,
  engines,
  expectProblem,
  makeUser,
  type Reply,
  startTestServer,
  type TestServer,
} from '../support/server.js';

const allRoles = [
  'sdr',
  'sdr_lead',
  'sales',
  'sales_manager',
  'sales_ops',
  'sales_assistant',
  'marketing',
  'admin',
] as const;
const hour = 3_600_000;

const fieldsOf = (r: Reply): string[] => (r.body?.errors ?? []).map((e: { field: string }) => e.field);

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;
/** A Chinese mobile number no other test in this file uses. */
const phone = () => `139${String(10_000_000 + ++seq * 7919).slice(-8)}`;

describe.each(engines())('authentication, roles and audit over HTTP (%s)', (engine) => {
  let t: TestServer;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestServer(engine);
    adminId = (await t.admin('GET', '/users/me')).body.id;
  });
  afterAll(async () => t?.stop());

  describe('bearer tokens (§10)', () => {
    it('answers 401 problem+json without a token, and asks for a bearer token', async () => {
      const r = await t.as(null)('GET', '/leads');
      expectProblem(r, 401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it('answers 401 to a wrong token and to a non-bearer scheme', async () => {
      expectProblem(await t.as('not-a-real-token-0000000000000000')('GET', '/users/me'), 401);
      expectProblem(
        await t.as(null)('GET', '/users/me', undefined, {
          authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
        }),
        401,
      );
      expectProblem(await t.as(null)('GET', '/users/me', undefined, { authorization: 'Bearer' }), 401);
      // nothing was done on the caller's behalf
      expectProblem(
        await t.as('not-a-real-token-0000000000000000')('POST', '/leads', {
          name: '无权',
          phone: phone(),
          channel: 'sem',
        }),
        401,
      );
    });

    it('serves a valid token', async () => {
      const r = await t.admin('GET', '/users/me');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: adminId, role: 'admin' });
    });

    it('needs no token for /health and /openapi.json', async () => {
      const health = await t.as(null)('GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok' });
      const doc = await t.as(null)('GET', '/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toMatch(/^3\.1\./);
    });
  });

  describe('users, tokens and teams (§1, §10.1)', () => {
    it.each(allRoles)('creates a %s user whose token works and carries that role', async (role) => {
      const email = `${unique(role)}@Example.CN`;
      const created = await t.admin('POST', '/users', { name: `${role} 用户`, email, role });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        name: `${role} 用户`,
        email: email.toLowerCase(),
        role,
        teamId: null,
        active: true,
      });
      const token = await t.admin('POST', `/users/${created.body.id}/tokens`, {});
      expect(token.status).toBe(201);
      expect(token.body.token).toEqual(expect.any(String));
      const me = await t.as(token.body.token)('GET', '/users/me');
      expect(me.status).toBe(200);
      expect(me.body).toEqual(created.body);
    });

    it('issues a new, different token on every call; all of them work', async () => {
      const user = await makeUser(t, 'sdr');
      const second = await t.admin('POST', `/users/${user.id}/tokens`, { label: 'laptop' });
      expect(second.status).toBe(201);
      expect(second.body.token).not.toBe(user.token);
      expect(second.body.id).not.toBe(second.body.token);
      for (const token of [user.token, second.body.token]) {
        const me = await t.as(token)('GET', '/users/me');
        expect(me.status).toBe(200);
        expect(me.body.id).toBe(user.id);
      }
    });

    it('never shows a token again: not in the user, the user list or the audit log', async () => {
      const user = await makeUser(t, 'marketing');
      const seen = [
        await t.admin('GET', '/users/me'),
        await t.admin('GET', '/users'),
        await t.admin('GET', `/audit?entityType=user&entityId=${user.id}`),
      ];
      for (const r of seen) {
        expect(r.status).toBe(200);
        expect(r.text).not.toContain(user.token);
      }
      const issued = (await t.admin('GET', `/audit?entityType=user&entityId=${user.id}`)).body.items.map(
        (e: any) => e.action,
      );
      expect(issued).toEqual(['user.created', 'token.issued']);
    });

    it('answers 404 when issuing a token for a user that does not exist', async () => {
      expectProblem(await t.admin('POST', '/users/no-such-user/tokens', {}), 404);
    });

    it('refuses a second user with the same e-mail, in any case (409)', async () => {
      const email = `${unique('dup')}@example.cn`;
      expect((await t.admin('POST', '/users', { name: 'First', email, role: 'sdr' })).status).toBe(201);
      expectProblem(await t.admin('POST', '/users', { name: 'Second', email, role: 'sales' }), 409);
      expectProblem(await t.admin('POST', '/users', { name: 'Third', email: email.toUpperCase(), role: 'sales' }), 409);
    });

    it('creates exactly one user when the same e-mail is posted concurrently; the rest are 409, never 500', async () => {
      const email = `${unique('race')}@example.cn`;
      const replies = await Promise.all(
        Array.from({ length: 6 }, (_, i) => t.admin('POST', '/users', { name: `Racer ${i}`, email, role: 'sdr' })),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    });

    it('refuses an unknown role (400 naming role) and a bad e-mail (400 naming email)', async () => {
      const badRole = await t.admin('POST', '/users', {
        name: 'Boss',
        email: `${unique('boss')}@example.cn`,
        role: 'boss',
      });
      expectProblem(badRole, 400);
      expect(fieldsOf(badRole)).toEqual(['role']);
      const badEmail = await t.admin('POST', '/users', { name: 'No Mail', email: 'not-an-email', role: 'sdr' });
      expectProblem(badEmail, 400);
      expect(fieldsOf(badEmail)).toEqual(['email']);
    });

    it('creates a team the first time a user names it; a second user of that team shares its id', async () => {
      const team = unique('华东 SDR');
      const a = await t.admin('POST', '/users', { name: 'A', email: `${unique('a')}@example.cn`, role: 'sdr', team });
      const b = await t.admin('POST', '/users', {
        name: 'B',
        email: `${unique('b')}@example.cn`,
        role: 'sdr_lead',
        team,
      });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(a.body.teamId).toEqual(expect.any(String));
      expect(b.body.teamId).toBe(a.body.teamId);
      const teams = await t.admin('GET', '/teams');
      expect(teams.status).toBe(200);
      expect(teams.body.items.filter((x: any) => x.name === team)).toEqual([
        expect.objectContaining({ id: a.body.teamId, name: team }),
      ]);
      // naming the team by id puts a user in it too
      const c = await t.admin('POST', '/users', {
        name: 'C',
        email: `${unique('c')}@example.cn`,
        role: 'sdr',
        team: a.body.teamId,
      });
      expect(c.body.teamId).toBe(a.body.teamId);
    });

    it('puts users created concurrently with one new team name into one team, never 500', async () => {
      const team = unique('并发团队');
      const replies = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t.admin('POST', '/users', { name: `Member ${i}`, email: `${unique(`m${i}`)}@example.cn`, role: 'sdr', team }),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(new Set(replies.map((r) => r.body.teamId)).size).toBe(1);
      const teams = (await t.admin('GET', '/teams')).body.items.filter((x: any) => x.name === team);
      expect(teams).toHaveLength(1);
    });

    it('creates a team with POST /teams and refuses the same name twice (409)', async () => {
      const name = unique('Key Accounts');
      const created = await t.admin('POST', '/teams', { name });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: expect.any(String), name, managerId: null });
      expect((await t.admin('GET', '/teams')).body.items.map((x: any) => x.id)).toContain(created.body.id);
      expectProblem(await t.admin('POST', '/teams', { name }), 409);
    });

    it('GET /users/me answers the caller, for every role', async () => {
      const user = await makeUser(t, 'sales_assistant', { name: '助理' });
      const me = await user.call('GET', '/users/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: user.id, name: '助理', email: user.email, role: 'sales_assistant' });
    });

    it('GET /users/names: every role reads colleagues’ names and roles (no e-mail), not the full list', async () => {
      const rep = await makeUser(t, 'sales', { name: '销售小李', team: unique('华南销售') });
      const sdr = await makeUser(t, 'sdr', { name: '林晓' });
      expectProblem(await sdr.call('GET', '/users'), 403);
      const names = await sdr.call('GET', '/users/names');
      expect(names.status, names.text).toBe(200);
      const entry = names.body.items.find((u: { id: string }) => u.id === rep.id);
      expect(entry).toEqual({ id: rep.id, name: '销售小李', role: 'sales', teamId: expect.any(String) });
      expect(names.body.items.some((u: { id: string }) => u.id === sdr.id)).toBe(true);
      expect(JSON.stringify(names.body)).not.toContain('@');
      expectProblem(await t.as(null)('GET', '/users/names'), 401);
    });
  });

  describe('role permissions (§1, domain/policy.ts)', () => {
    it('an sdr may not create users: 403 problem whose reason names the role', async () => {
      const sdr = await makeUser(t, 'sdr');
      const email = `${unique('by-sdr')}@example.cn`;
      const r = await sdr.call('POST', '/users', { name: 'Sneaky', email, role: 'admin' });
      expectProblem(r, 403);
      expect(r.body.detail).toMatch(/\bsdr\b/);
      // a denied action is not done: the e-mail is still free
      expect((await t.admin('POST', '/users', { name: 'Later', email, role: 'sdr' })).status).toBe(201);
      expectProblem(await sdr.call('POST', `/users/${sdr.id}/tokens`, {}), 403);
      expectProblem(await sdr.call('POST', '/teams', { name: unique('sdr team') }), 403);
    });

    it('a sales user may not capture leads (403 naming the role), and nothing is created', async () => {
      const sales = await makeUser(t, 'sales');
      const p = phone();
      const r = await sales.call('POST', '/leads', { name: '销售录入', phone: p, channel: 'sem' });
      expectProblem(r, 403);
      expect(r.body.detail).toMatch(/\bsales\b/);
      expect((await t.admin('GET', `/leads?q=${p}`)).body.items).toEqual([]);
      expectProblem(
        await sales.call('POST', '/leads/bulk', { leads: [{ name: '批量', phone: phone(), channel: 'sem' }] }),
        403,
      );
    });

    it('marketing may add a channel; an sdr may not (403)', async () => {
      const marketing = await makeUser(t, 'marketing');
      const sdr = await makeUser(t, 'sdr');
      const id = `wechat_ads_${seq}`;
      const added = await marketing.call('POST', '/channels', { id, name: 'WeChat ads', kind: 'paid' });
      expect(added.status, added.text).toBe(201);
      expect(added.body).toMatchObject({ id, kind: 'paid', builtIn: false });
      const denied = await sdr.call('POST', '/channels', { id: `${id}_x`, name: 'Not mine', kind: 'free' });
      expectProblem(denied, 403);
      expect(denied.body.detail).toMatch(/\bsdr\b/);
      expect((await t.admin('GET', '/channels')).body.items.map((c: any) => c.id)).not.toContain(`${id}_x`);
    });

    it('adds a channel once when it is posted concurrently: one 201, the rest 409, never 500', async () => {
      const id = `race_channel_${seq++}`;
      const replies = await Promise.all(
        Array.from({ length: 4 }, () => t.admin('POST', '/channels', { id, name: 'Race', kind: 'free' })),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    });

    it('lets admin and sales_ops read the audit log', async () => {
      const ops = await makeUser(t, 'sales_ops');
      for (const call of [t.admin, ops.call]) {
        const r = await call('GET', '/audit?limit=5');
        expect(r.status).toBe(200);
        expect(r.body.items.length).toBeGreaterThan(0);
      }
    });

    it.each(allRoles.filter((r) => r !== 'admin' && r !== 'sales_ops'))(
      'refuses the audit log to %s (403 naming the role)',
      async (role) => {
        const user = await makeUser(t, role);
        const r = await user.call('GET', '/audit');
        expectProblem(r, 403);
        expect(r.body.detail).toContain(role);
      },
    );
  });

  describe('data scoping (§1)', () => {
    const company = unique('Scope Co');
    let unowned: string;
    let teammatesOutbound: string;
    let otherTeamsOutbound: string;
    let sdr: Awaited<ReturnType<typeof makeUser>>;
    let sales: Awaited<ReturnType<typeof makeUser>>;

    beforeAll(async () => {
      const north = unique('North');
      const south = unique('South');
      sdr = await makeUser(t, 'sdr', { team: north });
      const teammate = await makeUser(t, 'sdr', { team: north });
      const stranger = await makeUser(t, 'sdr', { team: south });
      sales = await makeUser(t, 'sales', { team: north });
      unowned = (await t.admin('POST', '/leads', { name: '公海', phone: phone(), company, channel: 'sem' })).body.lead
        .id;
      const mine = await teammate.call('POST', '/leads', {
        name: '队友陌拜',
        phone: phone(),
        company,
        channel: 'outbound',
      });
      expect(mine.body.lead).toMatchObject({ status: 'working', ownerId: teammate.id });
      teammatesOutbound = mine.body.lead.id;
      const theirs = await stranger.call('POST', '/leads', {
        name: '别队陌拜',
        phone: phone(),
        company,
        channel: 'outbound',
      });
      expect(theirs.body.lead).toMatchObject({ status: 'working', ownerId: stranger.id });
      otherTeamsOutbound = theirs.body.lead.id;
    });

    it('a sales user sees none of the leads not handed to them', async () => {
      const all = await t.admin('GET', '/leads?limit=500');
      expect(all.body.items.length).toBeGreaterThan(0);
      const list = await sales.call('GET', '/leads?limit=500');
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [], nextCursor: null });
    });

    it('a sales user reading a lead not handed to them gets 403 with the reason, not 404 or 200', async () => {
      for (const path of [`/leads/${unowned}`, `/leads/${unowned}/timeline`, `/leads/${teammatesOutbound}`]) {
        const r = await sales.call('GET', path);
        expectProblem(r, 403);
        expect(r.body.detail).toMatch(/\bsales\b/);
        expect(r.text).not.toContain('公海');
      }
      // a lead that does not exist is still 404
      expectProblem(await sales.call('GET', '/leads/00000000-0000-0000-0000-000000000000'), 404);
    });

    it('an sdr sees unowned leads and a teammate’s outbound lead', async () => {
      expect((await sdr.call('GET', `/leads/${unowned}`)).status).toBe(200);
      const teammate = await sdr.call('GET', `/leads/${teammatesOutbound}`);
      expect(teammate.status).toBe(200);
      expect(teammate.body.name).toBe('队友陌拜');
      expect((await sdr.call('GET', `/leads/${teammatesOutbound}/timeline`)).status).toBe(200);
    });

    it('an sdr gets 403 with the reason on another team’s SDR’s outbound lead, and does not list it', async () => {
      const r = await sdr.call('GET', `/leads/${otherTeamsOutbound}`);
      expectProblem(r, 403);
      expect(r.body.detail).toMatch(/\bsdr\b/);
      expectProblem(await sdr.call('GET', `/leads/${otherTeamsOutbound}/timeline`), 403);
      const list = await sdr.call('GET', `/leads?q=${encodeURIComponent(company)}`);
      expect(list.body.items.map((l: any) => l.id).sort()).toEqual([unowned, teammatesOutbound].sort());
      // an admin sees all three
      const everything = await t.admin('GET', `/leads?q=${encodeURIComponent(company)}`);
      expect(everything.body.items).toHaveLength(3);
    });
  });

  describe('audit log (§11)', () => {
    it('records lead.created with who, when and from → to', async () => {
      const r = await t.admin('POST', '/leads', { name: '审计', phone: phone(), channel: 'sem' });
      const leadId = r.body.lead.id;
      const audit = await t.admin('GET', `/audit?entityId=${leadId}`);
      expect(audit.status).toBe(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          actorId: adminId,
          action: 'lead.created',
          entityType: 'lead',
          entityId: leadId,
          leadId,
          from: null,
          to: { status: 'new', ownerId: null, channel: 'sem' },
          at: r.body.lead.createdAt,
        }),
      ]);
    });

    it('records a merge as lead.merged with its reason; the timeline shows both changes', async () => {
      const sdr = await makeUser(t, 'sdr');
      const p = phone();
      const first = await t.admin('POST', '/leads', { name: '合并', phone: p, channel: 'sem' });
      t.clock.advance(hour);
      const repeat = await sdr.call('POST', '/leads', {
        name: '合并',
        phone: p,
        email: `${unique('merge')}@example.cn`,
        channel: 'hotline',
      });
      expect(repeat.status).toBe(200);
      const leadId = first.body.lead.id;
      const items = (await t.admin('GET', `/audit?entityId=${leadId}`)).body.items;
      expect(items.map((e: any) => e.action)).toEqual(['lead.created', 'lead.merged']);
      const merged = items[1];
      expect(merged).toMatchObject({
        actorId: sdr.id,
        reason: 'a repeat matched on phone',
        at: repeat.body.lead.updatedAt,
      });
      expect(merged.from).toEqual(expect.objectContaining({ email: null }));
      expect(merged.to).toEqual(expect.objectContaining({ email: repeat.body.lead.email, latestChannel: 'hotline' }));
      expect(Date.parse(merged.at) - Date.parse(items[0].at)).toBe(hour);

      const timeline = await t.admin('GET', `/leads/${leadId}/timeline`);
      expect(timeline.status).toBe(200);
      const changes = timeline.body.items.filter((e: any) => e.type === 'change');
      expect(changes.map((e: any) => e.data.action)).toEqual(['lead.created', 'lead.merged']);
      expect(changes[1]).toMatchObject({
        actorId: sdr.id,
        at: merged.at,
        data: { reason: 'a repeat matched on phone' },
      });
      const ats = timeline.body.items.map((e: any) => Date.parse(e.at));
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
    });

    it('records user.created with the new user’s role and team', async () => {
      const user = await makeUser(t, 'sales_manager', { team: unique('Sales East') });
      const items = (await t.admin('GET', `/audit?entityType=user&entityId=${user.id}`)).body.items;
      expect(items[0]).toMatchObject({
        actorId: adminId,
        action: 'user.created',
        entityId: user.id,
        from: null,
        to: expect.objectContaining({ role: 'sales_manager', email: user.email, teamId: expect.any(String) }),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    });
  });

  describe('manual clock (§10.1 POST /admin/clock)', () => {
    it('advances time: a lead captured after {advance: "49h"} is 49 h younger', async () => {
      const before = await t.admin('POST', '/leads', { name: '早', phone: phone(), channel: 'sem' });
      const moved = await t.admin('POST', '/admin/clock', { advance: '49h' });
      expect(moved.status, moved.text).toBe(200);
      expect(Date.parse(moved.body.now) - Date.parse(before.body.lead.createdAt)).toBe(49 * hour);
      const after = await t.admin('POST', '/leads', { name: '晚', phone: phone(), channel: 'sem' });
      expect(Date.parse(after.body.lead.createdAt) - Date.parse(before.body.lead.createdAt)).toBe(49 * hour);
      expect(after.body.lead.createdAt).toBe(moved.body.now);
    });

    it('understands 3d, 15m and 1d12h', async () => {
      for (const [advance, ms] of [
        ['3d', 72 * hour],
        ['15m', hour / 4],
        ['1d12h', 36 * hour],
      ] as const) {
        const from = Date.parse((await t.admin('POST', '/admin/clock', { advance: '0s' })).body.now);
        const r = await t.admin('POST', '/admin/clock', { advance });
        expect(r.status).toBe(200);
        expect(Date.parse(r.body.now) - from, advance).toBe(ms);
      }
    });

    it('sets time to an ISO instant (answered in UTC); leads captured then carry it', async () => {
      const r = await t.admin('POST', '/admin/clock', { set: '2026-06-01T09:30:00+08:00' });
      expect(r.status).toBe(200);
      expect(r.body.now).toBe('2026-06-01T01:30:00.000Z');
      const lead = await t.admin('POST', '/leads', { name: '定时', phone: phone(), channel: 'sem' });
      expect(lead.body.lead.createdAt).toBe('2026-06-01T01:30:00.000Z');
      const audit = (await t.admin('GET', '/audit?entityType=clock&limit=1000')).body.items.at(-1);
      expect(audit).toMatchObject({
        action: 'clock.changed',
        actorId: adminId,
        to: { now: '2026-06-01T01:30:00.000Z' },
        from: { now: expect.any(String) },
      });
    });

    it('refuses both set and advance, and neither (400)', async () => {
      const now = (await t.admin('POST', '/admin/clock', { advance: '0s' })).body.now;
      const both = await t.admin('POST', '/admin/clock', { set: '2026-07-01T00:00:00Z', advance: '1h' });
      expectProblem(both, 400);
      expect(fieldsOf(both).some((f) => f === 'set' || f === 'advance')).toBe(true);
      const neither = await t.admin('POST', '/admin/clock', {});
      expectProblem(neither, 400);
      expect(fieldsOf(neither).some((f) => f === 'set' || f === 'advance')).toBe(true);
      expect((await t.admin('POST', '/admin/clock', { advance: '0s' })).body.now).toBe(now);
    });

    it('refuses a bad span (400 naming advance) and a bad instant (400 naming set)', async () => {
      for (const advance of ['49x', 'h', '-1h', '1.5h', '']) {
        const r = await t.admin('POST', '/admin/clock', { advance });
        expectProblem(r, 400);
        expect(fieldsOf(r), advance).toEqual(['advance']);
      }
      const badSet = await t.admin('POST', '/admin/clock', { set: 'next tuesday' });
      expectProblem(badSet, 400);
      expect(fieldsOf(badSet)).toEqual(['set']);
    });

    it('refuses an sdr (403)', async () => {
      const sdr = await makeUser(t, 'sdr');
      const r = await sdr.call('POST', '/admin/clock', { advance: '1h' });
      expectProblem(r, 403);
      expect(r.body.detail).toMatch(/\bsdr\b/);
    });
  });
});

describe.each(engines())('manual clock out of range (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('refuses a span that takes the clock past any representable time (400 naming advance) and keeps working', async () => {
    const r = await t.admin('POST', '/admin/clock', { advance: '99999999w' });
    expectProblem(r, 400);
    expect(fieldsOf(r)).toEqual(['advance']);
    const lead = await t.admin('POST', '/leads', { name: '之后', phone: '13900000001', channel: 'sem' });
    expect(lead.status).toBe(201);
    expect(lead.body.lead.createdAt).toBe('2026-03-02T01:00:00.000Z');
  });
});

describe('POST /admin/clock without LEADLOOP_CLOCK=manual', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    const config = {
      ...loadConfig({ LEADLOOP_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'error' }),
      port: 0,
      host: '127.0.0.1',
    };
    server = await startServer(config, { location: { memory: true } });
  });
  afterAll(async () => server?.close());

  it('does not exist: 404 problem, even for an admin', async () => {
    const admin = client(`${server.url}/api/v1`, adminToken);
    expect((await admin('GET', '/users/me')).status).toBe(200);
    const r = await admin('POST', '/admin/clock', { advance: '49h' });
    expectProblem(r, 404);
    expectProblem(await admin('POST', '/admin/clock', { set: '2030-01-01T00:00:00Z' }), 404);
    const doc = await admin('GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).not.toContain('/api/v1/admin/clock');
  });
});
