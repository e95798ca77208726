/**
 * Re-surfacing through the API (SPEC §7): a pooled lead whose score crosses the threshold or
 * who does a key behaviour goes back to the SDR queue (`new`) with the trigger on the lead, in
 * its timeline and in the SDR leads' inboxes; a batch rescoring re-surfaces every crossing lead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('pool re-surfacing (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let sdrLead: User;
  let marketing: User;
  let phone = 13500050000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华北SDR组' });
    sdrLead = await makeUser(t, 'sdr_lead', { team: '华北SDR组' });
    marketing = await makeUser(t, 'marketing');
    const channel = await t.admin('POST', '/channels', {
      id: 'nurture_list',
      name: 'Nurture list',
      kind: 'free',
      defaultPath: 'pool',
    });
    expect(channel.status, channel.text).toBe(201);
  });
  afterAll(async () => t?.stop());

  /** A pooled lead; a 总经理 of a 1,000-person company scores 25 + 20 = 45 under the default rules. */
  const pooled = async (extra: Record<string, unknown> = {}) => {
    phone += 1;
    const r = await t.admin('POST', '/leads', {
      name: '池客户',
      phone: String(phone),
      channel: 'nurture_list',
      title: '总经理',
      employees: 1000,
      ...extra,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead.status).toBe('nurturing');
    return r.body.lead as { id: string; score: number };
  };
  const lead = async (id: string) => (await sdr.call('GET', `/leads/${id}`)).body;
  const track = (leadId: string, type: string) => marketing.call('POST', '/track', { leadId, type });

  it('by score: a qualification answer that lifts a pooled lead across 60 sends it back to the SDR queue with the trigger', async () => {
    const { id, score } = await pooled();
    expect(score).toBe(45);
    const partial = await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes' },
    });
    expect(partial.status, partial.text).toBe(200);
    const below = await lead(id);
    expect(below.score).toBeLessThan(60);
    expect(below).toMatchObject({ status: 'nurturing', resurfaced: null });

    const more = await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes' },
    });
    expect(more.status, more.text).toBe(200);
    const back = await lead(id);
    expect(back.score).toBeGreaterThanOrEqual(60);
    expect(back).toMatchObject({
      status: 'new',
      ownerId: null,
      resurfaced: { trigger: `score ${back.score} ≥ 60`, at: t.clock.now().toISOString() },
    });

    const inPool = (await sdr.call('GET', '/pool?limit=500')).body.items.map((l: any) => l.id);
    expect(inPool).not.toContain(id);
    const resurfaced = (await sdr.call('GET', '/pool?resurfaced=true')).body.items;
    expect(resurfaced.find((l: any) => l.id === id)?.resurfaced.trigger).toBe(`score ${back.score} ≥ 60`);

    const timeline = (await sdr.call('GET', `/leads/${id}/timeline`)).body.items;
    const entry = timeline.find((e: any) => e.data.action === 'lead.resurfaced');
    expect(entry).toMatchObject({ data: { from: { status: 'nurturing' }, to: { status: 'new' } } });
    expect(entry.data.reason).toContain(`score ${back.score} ≥ 60`);

    const inbox = (await sdrLead.call('GET', '/inbox')).body.items;
    expect(inbox.find((n: any) => n.leadId === id)).toMatchObject({
      type: 'lead.resurfaced',
      data: { trigger: `score ${back.score} ≥ 60` },
    });
    expect((await sdr.call('GET', '/inbox')).body.items.some((n: any) => n.leadId === id)).toBe(false);

    const claimed = await sdr.call('POST', `/leads/${id}/claim`, {});
    expect(claimed.status, claimed.text).toBe(200);
    expect(claimed.body.lead).toMatchObject({ status: 'working', resurfaced: { trigger: `score ${back.score} ≥ 60` } });
  });

  it('only an upward crossing counts: a lead already above a lowered threshold stays; an owned lead stays with its owner', async () => {
    const { id } = await pooled();
    await sdr.call('PUT', `/leads/${id}/qualification`, { framework: 'BANT', answers: { budget: 'yes' } });
    const at = (await lead(id)).score;
    expect(at).toBeLessThan(60);
    const policy = (await sdrLead.call('GET', '/pool/policy')).body.policy;
    const lowered = await sdrLead.call('PUT', '/pool/policy', {
      ...policy,
      resurfacing: { ...policy.resurfacing, scoreThreshold: at - 5 },
    });
    expect(lowered.status, lowered.text).toBe(200);
    await sdr.call('PUT', `/leads/${id}/qualification`, { framework: 'BANT', answers: { budget: 'yes', need: 'yes' } });
    expect((await lead(id)).score).toBeGreaterThan(at);
    expect((await lead(id)).status).toBe('nurturing');
    expect((await sdrLead.call('PUT', '/pool/policy', policy)).status).toBe(200);

    const owned = await pooled();
    expect((await sdr.call('POST', `/leads/${owned.id}/claim`, {})).status).toBe(200);
    await sdr.call('PUT', `/leads/${owned.id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes' },
    });
    expect(await lead(owned.id)).toMatchObject({ status: 'working', ownerId: sdr.id, resurfaced: null });
  });

  it('by behaviour: a demo request from a pooled lead sends it back with the behaviour as trigger; a page view does not', async () => {
    const { id } = await pooled({ title: null, employees: null });
    const view = await track(id, 'page_view');
    expect(view.status, view.text).toBe(202);
    expect((await lead(id)).status).toBe('nurturing');
    const demo = await track(id, 'demo_request');
    expect(demo.status, demo.text).toBe(202);
    expect(await lead(id)).toMatchObject({
      status: 'new',
      resurfaced: { trigger: 'behaviour demo_request', at: t.clock.now().toISOString() },
    });

    // A demo request that also lifts the score over 60: the behaviour is the trigger shown.
    const both = await pooled();
    await track(both.id, 'demo_request');
    const after = await lead(both.id);
    expect(after.score).toBeGreaterThanOrEqual(60);
    expect(after.resurfaced.trigger).toBe('behaviour demo_request');
    const timeline = (await sdr.call('GET', `/leads/${both.id}/timeline`)).body.items;
    expect(timeline.filter((e: any) => e.data.action === 'lead.resurfaced')).toHaveLength(1);
  });

  it('the key behaviours are policy: event_attend stops counting when taken off, form_submit counts when added', async () => {
    const policy = (await sdrLead.call('GET', '/pool/policy')).body.policy;
    const saved = await sdrLead.call('PUT', '/pool/policy', {
      ...policy,
      resurfacing: { ...policy.resurfacing, behaviours: ['form_submit'] },
    });
    expect(saved.status, saved.text).toBe(200);
    const { id } = await pooled({ title: null, employees: null });
    expect((await track(id, 'event_attend')).status).toBe(202);
    expect((await lead(id)).status).toBe('nurturing');
    expect((await track(id, 'form_submit')).status).toBe(202);
    expect((await lead(id)).resurfaced.trigger).toBe('behaviour form_submit');
    expect((await sdrLead.call('PUT', '/pool/policy', policy)).status).toBe(200);

    const attended = await pooled({ title: null, employees: null });
    await track(attended.id, 'event_attend');
    expect((await lead(attended.id)).resurfaced.trigger).toBe('behaviour event_attend');
  });

  it('a batch: a scoring rules change re-surfaces every pooled lead it lifts across the threshold, and only those', async () => {
    const company = `批量公司${engine}`;
    const bulk = await t.admin('POST', '/leads/bulk', {
      leads: Array.from({ length: 40 }, (_, i) => ({
        name: `批量${i}`,
        phone: String(13400040000 + i),
        company: `${company}${i}`,
        channel: 'nurture_list',
        title: '总经理',
        employees: 1000,
      })),
    });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.body.created).toBe(40);
    const queued = await t.admin('POST', '/leads', {
      name: '队列客户',
      phone: '13400049999',
      company: `${company}队列`,
      channel: 'sem',
      title: '总经理',
      employees: 1000,
    });
    expect(queued.body.lead.status).toBe('new');
    const pooledBefore = (await sdr.call('GET', `/pool?q=${encodeURIComponent(company)}&limit=100`)).body.items;
    expect(pooledBefore).toHaveLength(40);

    const rules = (await t.admin('GET', '/scoring/rules')).body.rules;
    rules.fit.seniority.c_level = 40;
    const saved = await t.admin('PUT', '/scoring/rules', { rules });
    expect(saved.status, saved.text).toBe(200);

    expect((await sdr.call('GET', `/pool?q=${encodeURIComponent(company)}`)).body.items).toEqual([]);
    const back = (await sdr.call('GET', `/pool?resurfaced=true&q=${encodeURIComponent(company)}&limit=100`)).body.items;
    expect(back).toHaveLength(40);
    for (const l of back)
      expect(l).toMatchObject({ status: 'new', score: 60, resurfaced: { trigger: 'score 60 ≥ 60' } });
    expect(await lead(queued.body.lead.id)).toMatchObject({ status: 'new', resurfaced: null });
    const inbox = (await sdrLead.call('GET', '/inbox?limit=200')).body.items;
    expect(
      inbox.filter((n: any) => n.type === 'lead.resurfaced' && back.some((l: any) => l.id === n.leadId)),
    ).toHaveLength(40);
  });
});
