/**
 * The nurture pool through the API (SPEC §7, §10.1): claim from the SDR queue and the pool,
 * the daily and open-lead limits at their boundaries, the cool-off to the minute, one owner at
 * a time under concurrency, release with a reason, bulk assignment, and the pool policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const MINUTE = 60_000;
const DAY = 86_400_000;

describe.each(engines())('pool claims (%s)', (engine) => {
  let t: TestServer;
  let sdrLead: User;
  let ops: User;
  let phone = 13700070000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdrLead = await makeUser(t, 'sdr_lead', { team: '华东SDR组', name: '组长' });
    ops = await makeUser(t, 'sales_ops');
    const channel = await t.admin('POST', '/channels', {
      id: 'nurture_list',
      name: 'Nurture list',
      kind: 'free',
      defaultPath: 'pool',
    });
    expect(channel.status, channel.text).toBe(201);
  });
  afterAll(async () => t?.stop());

  const sdr = (name = '销售开发') => makeUser(t, 'sdr', { team: '华东SDR组', name });

  /** A lead captured into the pool (nurturing, unowned). */
  const pooled = async (extra: Record<string, unknown> = {}) => {
    phone += 1;
    const r = await t.admin('POST', '/leads', {
      name: '池客户',
      phone: String(phone),
      channel: 'nurture_list',
      ...extra,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead).toMatchObject({ status: 'nurturing', ownerId: null });
    return r.body.lead.id as string;
  };

  /** A lead captured into the SDR queue (new, unowned). */
  const queued = async () => {
    phone += 1;
    const r = await t.admin('POST', '/leads', { name: '新客户', phone: String(phone), channel: 'sem' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead).toMatchObject({ status: 'new', ownerId: null });
    return r.body.lead.id as string;
  };

  const policy = async (claims: { dailyLimit?: number; openLimit?: number; coolOffDays?: number }) => {
    const current = (await sdrLead.call('GET', '/pool/policy')).body.policy;
    const r = await sdrLead.call('PUT', '/pool/policy', { ...current, claims: { ...current.claims, ...claims } });
    expect(r.status, r.text).toBe(200);
    return r.body;
  };

  const defaults = { dailyLimit: 30, openLimit: 200, coolOffDays: 7 };

  it('claims an unowned new lead with {} and a pooled lead: working, owned by the caller, with the caller’s counts', async () => {
    await policy(defaults);
    const me = await sdr('小王');
    // The contract check: an SDR captures an SEM lead (new, unowned) and claims it with {}.
    phone += 1;
    const captured = await me.call('POST', '/leads', { name: '搜索客户', phone: String(phone), channel: 'sem' });
    expect(captured.body.lead).toMatchObject({ status: 'new', ownerId: null });
    const fromQueue = captured.body.lead.id as string;
    const r = await me.call('POST', `/leads/${fromQueue}/claim`, {});
    expect(r.status, r.text).toBe(200);
    expect(r.body.lead).toMatchObject({ id: fromQueue, status: 'working', ownerId: me.id });
    expect(r.body).toMatchObject({ claimsToday: 1, dailyLimit: 30, openLeads: 1, openLimit: 200 });

    const fromPool = await pooled();
    const second = await me.call('POST', `/leads/${fromPool}/claim`);
    expect(second.status, second.text).toBe(200);
    expect(second.body.lead).toMatchObject({ status: 'working', ownerId: me.id });
    expect(second.body).toMatchObject({ claimsToday: 2, openLeads: 2 });

    const quota = await me.call('GET', '/pool/quota');
    expect(quota.body).toMatchObject({ claimsToday: 2, dailyLimit: 30, openLeads: 2, openLimit: 200 });
    // 2026-03-02T01:00Z is 09:00 in Shanghai: the claim day ends at the next Shanghai midnight.
    expect(quota.body.dayEndsAt).toBe('2026-03-02T16:00:00.000Z');

    const read = await me.call('GET', `/leads/${fromPool}`);
    expect(read.body).toMatchObject({ status: 'working', ownerId: me.id });
    const timeline = (await me.call('GET', `/leads/${fromPool}/timeline`)).body.items;
    const claimed = timeline.find((e: any) => e.data.action === 'lead.claimed');
    expect(claimed).toMatchObject({
      actorId: me.id,
      data: { from: { status: 'nurturing' }, to: { status: 'working' } },
    });
    expect(claimed.data.reason).toBe('claimed from the pool');
  });

  it('refuses a lead someone holds, naming the owner (409); a lead past the SDR stage; roles that do not claim', async () => {
    const first = await sdr('张三');
    const second = await sdr('李四');
    const id = await pooled();
    expect((await first.call('POST', `/leads/${id}/claim`, {})).status).toBe(200);
    const taken = await second.call('POST', `/leads/${id}/claim`, {});
    expectProblem(taken, 409);
    expect(taken.body.detail).toContain('张三');
    expect(taken.body.detail).toContain(first.id);
    const again = await first.call('POST', `/leads/${id}/claim`, {});
    expectProblem(again, 409);
    expect(again.body.detail).toMatch(/already hold/);

    phone += 1;
    const inquiry = await t.admin('POST', '/leads', { name: '询价', phone: String(phone), channel: 'inbound_inquiry' });
    expect(inquiry.body.lead.status).toBe('mql');
    const mql = await second.call('POST', `/leads/${inquiry.body.lead.id}/claim`, {});
    expectProblem(mql, 409);
    expect(mql.body.detail).toMatch(/mql/);

    const sales = await makeUser(t, 'sales');
    expectProblem(await sales.call('POST', `/leads/${await pooled()}/claim`, {}), 403);
    expectProblem(await ops.call('POST', `/leads/${await pooled()}/claim`, {}), 403);
    expectProblem(await second.call('POST', '/leads/no-such-lead/claim', {}), 404);
    const extra = await second.call('POST', `/leads/${await pooled()}/claim`, { ownerId: second.id });
    expectProblem(extra, 400);
    expect(extra.body.errors[0].field).toBe('ownerId');
  });

  it('daily claim limit: the limit-th claim passes, the next is refused with the limit and the count; a new Shanghai day resets it', async () => {
    await policy({ ...defaults, dailyLimit: 3 });
    const me = await sdr();
    // 23:00 in Shanghai.
    t.clock.set(new Date('2026-03-10T15:00:00.000Z'));
    for (let i = 1; i <= 3; i++) {
      const r = await me.call('POST', `/leads/${await pooled()}/claim`, {});
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ claimsToday: i, dailyLimit: 3 });
    }
    const fourth = await pooled();
    const refused = await me.call('POST', `/leads/${fourth}/claim`, {});
    expectProblem(refused, 409);
    expect(refused.body.detail).toMatch(/daily claim limit/);
    expect(refused.body.detail).toMatch(/claimed 3 leads today, the limit is 3/);
    expect((await me.call('GET', `/leads/${fourth}`)).body).toMatchObject({ status: 'nurturing', ownerId: null });

    t.clock.set(new Date('2026-03-10T15:59:00.000Z'));
    expectProblem(await me.call('POST', `/leads/${fourth}/claim`, {}), 409);
    t.clock.set(new Date('2026-03-10T16:00:00.000Z'));
    const nextDay = await me.call('POST', `/leads/${fourth}/claim`, {});
    expect(nextDay.status, nextDay.text).toBe(200);
    expect(nextDay.body).toMatchObject({ claimsToday: 1, openLeads: 4 });
  });

  it('open-lead limit: at the limit the next claim is refused with the limit and the count; releasing one makes room', async () => {
    await policy({ ...defaults, openLimit: 2 });
    const me = await sdr();
    const [a, b, c] = [await pooled(), await pooled(), await queued()];
    expect((await me.call('POST', `/leads/${a}/claim`, {})).status).toBe(200);
    const atLimit = await me.call('POST', `/leads/${b}/claim`, {});
    expect(atLimit.body).toMatchObject({ openLeads: 2, openLimit: 2 });
    const refused = await me.call('POST', `/leads/${c}/claim`, {});
    expectProblem(refused, 409);
    expect(refused.body.detail).toMatch(/open lead limit/);
    expect(refused.body.detail).toMatch(/you hold 2 working leads, the limit is 2/);

    const released = await me.call('POST', `/leads/${a}/release`, { reason: '客户半年后再采购' });
    expect(released.status, released.text).toBe(200);
    expect(released.body.lead).toMatchObject({ status: 'nurturing', ownerId: null });
    const room = await me.call('POST', `/leads/${c}/claim`, {});
    expect(room.status, room.text).toBe(200);
    expect(room.body).toMatchObject({ openLeads: 2 });
    await policy(defaults);
  });

  it('cool-off: the SDR who released a lead may claim it again from 7 days later, to the minute; another SDR at once', async () => {
    await policy(defaults);
    const me = await sdr();
    const colleague = await sdr();
    const start = new Date('2026-04-01T02:00:00.000Z');
    t.clock.set(start);
    const [id, other] = [await pooled(), await pooled()];
    expect((await me.call('POST', `/leads/${id}/claim`, {})).status).toBe(200);
    expect((await me.call('POST', `/leads/${other}/claim`, {})).status).toBe(200);
    const released = await me.call('POST', `/leads/${id}/release`, { reason: '暂无需求' });
    expect(released.status, released.text).toBe(200);
    const ends = new Date(start.getTime() + 7 * DAY).toISOString();
    expect(released.body.coolOffUntil).toBe(ends);
    expect((await me.call('POST', `/leads/${other}/release`, { reason: '暂无需求' })).status).toBe(200);
    expect((await colleague.call('POST', `/leads/${other}/claim`, {})).status).toBe(200);

    t.clock.set(new Date(start.getTime() + 7 * DAY - MINUTE));
    const early = await me.call('POST', `/leads/${id}/claim`, {});
    expectProblem(early, 409);
    expect(early.body.detail).toMatch(/cool-off/);
    expect(early.body.detail).toContain(ends);
    t.clock.set(new Date(start.getTime() + 7 * DAY));
    const onTime = await me.call('POST', `/leads/${id}/claim`, {});
    expect(onTime.status, onTime.text).toBe(200);
  });

  it('release needs a reason (400), a working lead (409), and its holder or an SDR lead (403); the holder’s cool-off holds', async () => {
    await policy(defaults);
    const holder = await sdr('王五');
    const other = await sdr();
    const id = await pooled();
    expect((await holder.call('POST', `/leads/${id}/claim`, {})).status).toBe(200);
    for (const body of [{}, { reason: '   ' }]) {
      const r = await holder.call('POST', `/leads/${id}/release`, body);
      expectProblem(r, 400);
      expect(r.body.errors[0].field).toBe('reason');
    }
    const tooLong = await holder.call('POST', `/leads/${id}/release`, { reason: 'x'.repeat(501) });
    expectProblem(tooLong, 400);
    expect(tooLong.body.errors[0].field).toBe('reason');
    const notHis = await other.call('POST', `/leads/${id}/release`, { reason: '帮忙释放' });
    expectProblem(notHis, 403);
    expect(notHis.body.detail).toContain('王五');

    const byLead = await sdrLead.call('POST', `/leads/${id}/release`, { reason: '长期未跟进' });
    expect(byLead.status, byLead.text).toBe(200);
    const again = await holder.call('POST', `/leads/${id}/release`, { reason: '再次' });
    expectProblem(again, 409);
    expect(again.body.detail).toMatch(/nurturing/);
    expectProblem(await holder.call('POST', `/leads/${id}/claim`, {}), 409);
    expect((await other.call('POST', `/leads/${id}/claim`, {})).status).toBe(200);

    const timeline = (await sdrLead.call('GET', `/leads/${id}/timeline`)).body.items;
    const released = timeline.find((e: any) => e.data.action === 'lead.released');
    expect(released).toMatchObject({
      actorId: sdrLead.id,
      data: { from: { status: 'working', ownerId: holder.id }, to: { status: 'nurturing', ownerId: null } },
    });
    expect(released.data.reason).toBe('长期未跟进');
  });

  it('two SDRs claiming the same lead at once: exactly one wins, the other is told who', async () => {
    await policy(defaults);
    const a = await sdr('甲');
    const b = await sdr('乙');
    for (let round = 0; round < 4; round++) {
      const id = round % 2 ? await queued() : await pooled();
      const answers = await Promise.all([
        a.call('POST', `/leads/${id}/claim`, {}),
        b.call('POST', `/leads/${id}/claim`, {}),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = answers[0].status === 200 ? a : b;
      const loser = answers.find((r) => r.status === 409);
      expect(loser?.body.detail).toContain(winner.id);
      expect((await a.call('GET', `/leads/${id}`)).body.ownerId).toBe(winner.id);
    }
  });

  it('one SDR claiming several leads at once stays within the daily limit', async () => {
    await policy({ ...defaults, dailyLimit: 2 });
    const me = await sdr();
    const ids = [await pooled(), await pooled(), await pooled(), await pooled()];
    const answers = await Promise.all(ids.map((id) => me.call('POST', `/leads/${id}/claim`, {})));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 409, 409]);
    expect((await me.call('GET', '/pool/quota')).body).toMatchObject({ claimsToday: 2, openLeads: 2 });
    await policy(defaults);
  });

  it('bulk assignment by an SDR lead: to an SDR, not counted as their claims, within their open-lead limit', async () => {
    await policy(defaults);
    const me = await sdr('赵六');
    const colleague = await sdr();
    const ids = [await pooled(), await queued(), await pooled()];
    expect((await colleague.call('POST', `/leads/${ids[2]}/claim`, {})).status).toBe(200);
    const r = await sdrLead.call('POST', '/leads/assign', { leadIds: ids, ownerId: me.id, reason: '均衡分配' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ assigned: 3, unchanged: 0, ownerId: me.id, openLeads: 3, openLimit: 200 });
    expect(r.body.items.map((l: any) => [l.id, l.status, l.ownerId])).toEqual(ids.map((id) => [id, 'working', me.id]));
    expect((await me.call('GET', '/pool/quota')).body).toMatchObject({ claimsToday: 0, openLeads: 3 });
    const timeline = (await me.call('GET', `/leads/${ids[2]}/timeline`)).body.items;
    expect(timeline.find((e: any) => e.data.action === 'lead.assigned')).toMatchObject({
      actorId: sdrLead.id,
      data: { from: { status: 'working', ownerId: colleague.id }, to: { ownerId: me.id }, reason: '均衡分配' },
    });
    const repeat = await sdrLead.call('POST', '/leads/assign', { leadIds: [ids[0]], ownerId: me.id });
    expect(repeat.body).toMatchObject({ assigned: 0, unchanged: 1 });

    await policy({ ...defaults, openLimit: 4 });
    const over = await t.admin('POST', '/leads/assign', { leadIds: [await pooled(), await pooled()], ownerId: me.id });
    expectProblem(over, 409);
    expect(over.body.detail).toMatch(/赵六 holds 3 working leads, the limit is 4; assigning 2 more would make 5/);
    const fits = await t.admin('POST', '/leads/assign', { leadIds: [await pooled()], ownerId: me.id });
    expect(fits.status, fits.text).toBe(200);
    expect(fits.body).toMatchObject({ openLeads: 4, openLimit: 4 });
    await policy(defaults);
  });

  it('bulk assignment refuses bad input naming the field, non-SDR owners, leads past the SDR stage, and SDRs', async () => {
    const me = await sdr();
    const sales = await makeUser(t, 'sales');
    const id = await pooled();
    const bad = async (body: unknown, field: string) => {
      const r = await sdrLead.call('POST', '/leads/assign', body);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ leadIds: [], ownerId: me.id }, 'leadIds');
    await bad({ leadIds: [id] }, 'ownerId');
    await bad({ leadIds: [id], ownerId: sales.id }, 'ownerId');
    await bad({ leadIds: [id], ownerId: 'nobody' }, 'ownerId');
    await bad({ leadIds: [id, 'no-such-lead'], ownerId: me.id }, 'leadIds[1]');
    phone += 1;
    const inquiry = await t.admin('POST', '/leads', { name: '询价', phone: String(phone), channel: 'inbound_inquiry' });
    const mql = await sdrLead.call('POST', '/leads/assign', { leadIds: [id, inquiry.body.lead.id], ownerId: me.id });
    expectProblem(mql, 409);
    expect(mql.body.detail).toContain(`${inquiry.body.lead.id} is mql`);
    expect((await me.call('GET', `/leads/${id}`)).body.status).toBe('nurturing');
    expectProblem(await me.call('POST', '/leads/assign', { leadIds: [id], ownerId: me.id }), 403);
  });

  it('pool policy: the defaults, saved as versions by SDR leads, sales ops and admins, bad input named (400)', async () => {
    const me = await sdr();
    const read = await me.call('GET', '/pool/policy');
    expect(read.status, read.text).toBe(200);
    const body = read.body.policy;
    expect(Object.keys(body).sort()).toEqual(['claims', 'contact', 'resurfacing', 'timeZone']);
    expectProblem(await me.call('PUT', '/pool/policy', body), 403);

    const bad = async (patch: (p: any) => void, field: string) => {
      const p = structuredClone(body);
      patch(p);
      const r = await ops.call('PUT', '/pool/policy', p);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad((p) => {
      p.timeZone = 'Mars/Olympus';
    }, 'timeZone');
    await bad((p) => {
      p.contact.quietHours.start = '25:00';
    }, 'contact.quietHours.start');
    await bad((p) => {
      p.contact.quietHours.end = p.contact.quietHours.start;
    }, 'contact.quietHours.end');
    await bad((p) => {
      p.resurfacing.behaviours = ['telepathy'];
    }, 'resurfacing.behaviours[0]');
    await bad((p) => {
      p.claims.dailyLimit = 0;
    }, 'claims.dailyLimit');
    await bad((p) => {
      delete p.claims.coolOffDays;
    }, 'claims.coolOffDays');
    await bad((p) => {
      p.contact.frequencyCap.contacts = 1.5;
    }, 'contact.frequencyCap.contacts');

    const before = read.body.version;
    const saved = await ops.call('PUT', '/pool/policy', { ...body, contact: { frequencyCap: null, quietHours: null } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: before + 1, savedBy: ops.id });
    expect(saved.body.policy.contact).toEqual({ frequencyCap: null, quietHours: null });
    const restored = await t.admin('PUT', '/pool/policy', body);
    expect(restored.body.version).toBe(before + 2);
    expect(restored.body.policy).toEqual(body);
  });
});

describe.each(engines())('pool policy defaults (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('are the practice defaults of SPEC §6.3 and §7 until someone saves a version', async () => {
    const r = await t.admin('GET', '/pool/policy');
    expect(r.body).toEqual({
      version: 0,
      savedAt: null,
      savedBy: null,
      policy: {
        claims: { dailyLimit: 30, openLimit: 200, coolOffDays: 7 },
        resurfacing: { scoreThreshold: 60, behaviours: ['event_attend', 'demo_request'] },
        contact: { frequencyCap: { contacts: 3, days: 7 }, quietHours: { start: '21:00', end: '08:00' } },
        timeZone: 'Asia/Shanghai',
      },
    });
  });
});
