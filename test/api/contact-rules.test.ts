/**
 * The contact experience through the API (SPEC §6.3): do-not-contact refuses a contact touch
 * (409); the per-lead frequency cap and quiet hours are told before contact
 * (GET /leads/{id}/contact-check) and a touch logged against them is kept with warnings naming
 * the rule and recorded as broken (or overridden, with a reason); notes are never refused; a
 * touch by someone other than the owner is kept with a warning naming the owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const MINUTE = 60_000;
const DAY = 86_400_000;

describe.each(engines())('contact rules (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let sdrLead: User;
  let phone = 13600060000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华南SDR组', name: '小李' });
    sdrLead = await makeUser(t, 'sdr_lead', { team: '华南SDR组' });
  });
  afterAll(async () => t?.stop());

  const capture = async () => {
    phone += 1;
    const r = await t.admin('POST', '/leads', { name: '客户', phone: String(phone), channel: 'sem' });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const log = (who: User, id: string, body: Record<string, unknown>) =>
    who.call('POST', `/leads/${id}/activities`, body);

  it('a do-not-contact lead refuses every contact type, even with an override; notes still go in; the flag can be lifted', async () => {
    const id = await capture();
    const flagged = await sdr.call('PUT', `/leads/${id}/contact-preferences`, {
      doNotContact: true,
      reason: '客户要求不再联系',
    });
    expect(flagged.status, flagged.text).toBe(200);
    expect(flagged.body).toMatchObject({ doNotContact: true, doNotContactReason: '客户要求不再联系' });
    expect((await sdr.call('GET', `/leads/${id}`)).body.doNotContact).toBe(true);

    for (const type of ['call', 'email', 'wechat', 'meeting']) {
      const r = await log(sdr, id, { type, override: '客户主动来电' });
      expectProblem(r, 409);
      expect(r.body.detail).toMatch(/do_not_contact/);
      expect(r.body.detail).toContain('客户要求不再联系');
    }
    const note = await log(sdr, id, { type: 'note', note: '客户投诉，已标记勿扰' });
    expect(note.status, note.text).toBe(201);
    expect((await sdr.call('GET', `/leads/${id}/activities`)).body.items).toHaveLength(1);

    expectProblem(await sdr.call('PUT', `/leads/${id}/contact-preferences`, { doNotContact: false }), 403);
    const lifted = await sdrLead.call('PUT', `/leads/${id}/contact-preferences`, { doNotContact: false });
    expect(lifted.status, lifted.text).toBe(200);
    expect(lifted.body).toMatchObject({ doNotContact: false, doNotContactReason: null });
    expect((await log(sdr, id, { type: 'call', durationSec: 30 })).status).toBe(201);

    const timeline = (await sdr.call('GET', `/leads/${id}/timeline`)).body.items.map((e: any) => e.data.action);
    expect(timeline).toEqual(expect.arrayContaining(['lead.do_not_contact_set', 'lead.do_not_contact_lifted']));
  });

  it('contact preferences: a reason is required to set the flag (400), roles that may not are refused (403)', async () => {
    const id = await capture();
    const missing = await sdr.call('PUT', `/leads/${id}/contact-preferences`, { doNotContact: true });
    expectProblem(missing, 400);
    expect(missing.body.errors[0].field).toBe('reason');
    const wrongType = await sdr.call('PUT', `/leads/${id}/contact-preferences`, { doNotContact: 'yes' });
    expectProblem(wrongType, 400);
    expect(wrongType.body.errors[0].field).toBe('doNotContact');
    const assistant = await makeUser(t, 'sales_assistant');
    expectProblem(
      await assistant.call('PUT', `/leads/${id}/contact-preferences`, { doNotContact: true, reason: 'x' }),
      403,
    );
    expectProblem(await sdr.call('PUT', '/leads/nope/contact-preferences', { doNotContact: true, reason: 'x' }), 404);
  });

  const check = async (id: string) => (await sdr.call('GET', `/leads/${id}/contact-check?type=call`)).body;
  const brokenRules = async (activityId: string) => {
    const audit = await t.admin('GET', `/audit?entityType=activity&entityId=${activityId}`);
    expect(audit.status, audit.text).toBe(200);
    return audit.body.items.filter((e: any) => e.action === 'contact_rules.broken');
  };

  it('frequency cap: the 3rd contact in 7 days passes; the 4th is warned before and flagged when logged, until the first is 7 days old', async () => {
    const start = new Date('2026-05-11T02:00:00.000Z'); // 10:00 in Shanghai
    t.clock.set(start);
    const id = await capture();
    for (const [i, type] of ['call', 'email', 'wechat'].entries()) {
      t.clock.set(new Date(start.getTime() + i * MINUTE));
      const r = await log(sdr, id, { type, note: `第${i + 1}次` });
      expect(r.status, r.text).toBe(201);
      expect(r.body.warnings).toEqual([]);
    }
    const note = await log(sdr, id, { type: 'note', note: '备注不算联系' });
    expect(note.status).toBe(201);

    t.clock.set(new Date(start.getTime() + 7 * DAY - MINUTE));
    const before = await check(id);
    expect(before.allowed).toBe(false);
    expect(before.rules).toEqual([
      {
        code: 'frequency_cap',
        message: expect.stringContaining(
          `3 contacts in the last 7 days (cap 3); the next is allowed from ${new Date(start.getTime() + 7 * DAY).toISOString()}`,
        ),
      },
    ]);
    const fourth = await log(sdr, id, { type: 'meeting', durationSec: 600 });
    expect(fourth.status, fourth.text).toBe(201);
    expect(fourth.body.warnings).toEqual([
      {
        code: 'frequency_cap',
        message: expect.stringMatching(/^logged against the rule: frequency_cap: this lead has had 3 contacts/),
      },
    ]);
    expect(await brokenRules(fourth.body.id)).toEqual([
      expect.objectContaining({ actorId: sdr.id, to: expect.objectContaining({ rules: ['frequency_cap'] }) }),
    ]);

    t.clock.set(new Date(start.getTime() + 7 * DAY));
    // the first contact has aged out, but the 4th (a minute ago) keeps three in the window
    expect((await check(id)).allowed).toBe(false);
    t.clock.set(new Date(start.getTime() + 7 * DAY + MINUTE));
    expect(await check(id)).toEqual({ allowed: true, rules: [], ownerId: null });
    const later = await log(sdr, id, { type: 'call', durationSec: 60 });
    expect(later.status, later.text).toBe(201);
    expect(later.body.warnings).toEqual([]);
    expect((await sdr.call('GET', `/leads/${id}/activities`)).body.items).toHaveLength(6);
  });

  it('quiet hours 21:00–08:00 Shanghai: 20:59 and 08:00 are clear; at 21:00 and 07:59 the check says no and a logged call is flagged', async () => {
    const at = async (iso: string) => {
      t.clock.set(new Date(iso));
      const id = await capture();
      const before = await check(id);
      const logged = await log(sdr, id, { type: 'call', durationSec: 10 });
      expect(logged.status, logged.text).toBe(201);
      return { before, logged };
    };
    const evening = await at('2026-05-12T12:59:00.000Z');
    expect(evening.before.allowed).toBe(true);
    expect(evening.logged.body.warnings).toEqual([]);
    const nine = await at('2026-05-12T13:00:00.000Z');
    expect(nine.before.allowed).toBe(false);
    expect(nine.before.rules[0].message).toMatch(
      /quiet_hours: 21:00 \(Asia\/Shanghai\) is within the quiet hours 21:00–08:00/,
    );
    expect(nine.before.rules[0].message).toContain('2026-05-13T00:00:00.000Z');
    expect(nine.logged.body.warnings).toEqual([
      { code: 'quiet_hours', message: expect.stringMatching(/^logged against the rule: quiet_hours: 21:00/) },
    ]);
    expect(await brokenRules(nine.logged.body.id)).toHaveLength(1);
    const early = await at('2026-05-12T23:59:00.000Z');
    expect(early.before.allowed).toBe(false);
    expect(early.logged.body.warnings[0].message).toMatch(/quiet_hours: 07:59/);
    const morning = await at('2026-05-13T00:00:00.000Z');
    expect(morning.before.allowed).toBe(true);
    expect(morning.logged.body.warnings).toEqual([]);
  });

  it('an override with a reason logs the contact anyway, says so in the answer and in the audit log; a blank override is a 400', async () => {
    t.clock.set(new Date('2026-05-14T14:30:00.000Z')); // 22:30 in Shanghai
    const id = await capture();
    const blank = await log(sdr, id, { type: 'call', override: '  ' });
    expectProblem(blank, 400);
    expect(blank.body.errors[0].field).toBe('override');
    const r = await log(sdr, id, { type: 'call', durationSec: 300, override: '客户约定晚上回电' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.warnings).toEqual([
      expect.objectContaining({
        code: 'quiet_hours',
        message: expect.stringMatching(/^overridden \(客户约定晚上回电\)/),
      }),
    ]);
    const audit = await t.admin('GET', `/audit?entityType=activity&entityId=${r.body.id}`);
    expect(audit.status, audit.text).toBe(200);
    const entry = audit.body.items.find((e: any) => e.action === 'contact_rules.overridden');
    expect(entry).toMatchObject({ actorId: sdr.id, reason: '客户约定晚上回电' });
    expect(JSON.stringify(entry)).toContain('quiet_hours');
  });

  it('a touch logged more than an hour after it happened is kept, with warnings naming the rules it broke', async () => {
    t.clock.set(new Date('2026-05-15T02:00:00.000Z')); // 10:00 in Shanghai
    const id = await capture();
    const r = await log(sdr, id, { type: 'call', durationSec: 120, occurredAt: '2026-05-14T14:00:00.000Z' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.warnings).toEqual([
      expect.objectContaining({ code: 'quiet_hours', message: expect.stringMatching(/^logged after the fact/) }),
    ]);
    // An hour ago is still now-ish: checked as a contact being made (09:00 Shanghai passes) …
    const recent = await log(sdr, id, { type: 'call', occurredAt: '2026-05-15T01:00:00.000Z' });
    expect(recent.status, recent.text).toBe(201);
    // … and so is half an hour ago at 21:00 Shanghai: flagged as a contact made against the rule.
    t.clock.set(new Date('2026-05-15T13:30:00.000Z'));
    const fresh = await log(sdr, id, { type: 'call', occurredAt: '2026-05-15T13:00:00.000Z' });
    expect(fresh.status, fresh.text).toBe(201);
    expect(fresh.body.warnings[0].message).toMatch(/^logged against the rule: quiet_hours/);
  });

  it('the rules are policy: no cap and no quiet hours when the pool policy says so', async () => {
    const policy = (await sdrLead.call('GET', '/pool/policy')).body.policy;
    const off = await sdrLead.call('PUT', '/pool/policy', {
      ...policy,
      contact: { frequencyCap: { contacts: 1, days: 1 }, quietHours: null },
    });
    expect(off.status, off.text).toBe(200);
    t.clock.set(new Date('2026-05-16T15:00:00.000Z')); // 23:00 in Shanghai
    const id = await capture();
    expect((await log(sdr, id, { type: 'wechat' })).status).toBe(201);
    const second = await log(sdr, id, { type: 'email' });
    expect(second.status, second.text).toBe(201);
    expect(second.body.warnings.map((w: any) => w.code)).toEqual(['frequency_cap']);
    expect(second.body.warnings[0].message).toMatch(/1 contacts in the last 1 days \(cap 1\)/);
    expect((await sdrLead.call('PUT', '/pool/policy', policy)).status).toBe(200);
  });

  it('a touch by someone other than the owner is kept, with a warning naming the owner', async () => {
    t.clock.set(new Date('2026-05-18T02:00:00.000Z'));
    const owned = await sdr.call('POST', '/leads', { name: '外呼客户', phone: String(++phone), channel: 'outbound' });
    expect(owned.body.lead.ownerId).toBe(sdr.id);
    const id = owned.body.lead.id as string;
    const byLead = await log(sdrLead, id, { type: 'call', durationSec: 60, outcome: 'connected' });
    expect(byLead.status, byLead.text).toBe(201);
    expect(byLead.body.warnings).toEqual([
      { code: 'owned_by_other', ownerId: sdr.id, message: expect.stringContaining('小李') },
    ]);
    const note = await t.admin('POST', `/leads/${id}/activities`, { type: 'note', note: '管理员备注' });
    expect(note.body.warnings.map((w: any) => w.code)).toEqual(['owned_by_other']);
    const byOwner = await log(sdr, id, { type: 'email' });
    expect(byOwner.body.warnings).toEqual([]);
    expect((await sdr.call('GET', `/leads/${id}/activities`)).body.items).toHaveLength(3);
  });

  it('two contacts logged at once on a lead one below its cap: counted one after the other, one is flagged', async () => {
    t.clock.set(new Date('2026-05-19T02:00:00.000Z'));
    const id = await capture();
    expect((await log(sdr, id, { type: 'call' })).status).toBe(201);
    expect((await log(sdr, id, { type: 'call' })).status).toBe(201);
    const both = await Promise.all([log(sdr, id, { type: 'email' }), log(sdrLead, id, { type: 'wechat' })]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    const flagged = both.filter((r) => r.body.warnings.some((w: any) => w.code === 'frequency_cap'));
    expect(flagged).toHaveLength(1);
  });
});
