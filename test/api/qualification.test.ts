import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, isProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

describe.each(engines())('qualification answers (%s)', (engine) => {
  let t: TestServer;
  let sdr: Awaited<ReturnType<typeof makeUser>>;
  let leadId: string;
  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    const lead = await t.admin('POST', '/leads', { name: '钱进', phone: '13812340001', channel: 'sem' });
    leadId = lead.body.lead.id;
  });
  afterAll(async () => t?.stop());

  it('lists the built-in frameworks with the answer keys of §4.1', async () => {
    const r = await sdr.call('GET', '/frameworks');
    expect(r.status).toBe(200);
    const keys = Object.fromEntries(r.body.items.map((f: any) => [f.id, f.criteria.map((c: any) => c.key)]));
    expect(keys).toEqual({
      BANT: ['budget', 'authority', 'need', 'timing'],
      CHAMP: ['challenge', 'authority', 'money', 'priority'],
      MEDDIC: ['metrics', 'economicBuyer', 'decisionCriteria', 'decisionProcess', 'identifyPain', 'champion'],
    });
  });

  it('records partial answers, then changes them; each change is a timeline entry', async () => {
    const first = await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', need: 'unknown' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      framework: 'BANT',
      answers: { budget: 'yes', need: 'unknown' },
      updatedBy: sdr.id,
    });
    t.clock.advance(600_000);
    const second = await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'no' },
    });
    expect(second.body.answers).toEqual({ budget: 'yes', authority: 'yes', need: 'yes', timing: 'no' });
    expect(second.body.points).toBeGreaterThan(first.body.points);

    const read = await sdr.call('GET', `/leads/${leadId}/qualification`);
    expect(read.body.items).toEqual([expect.objectContaining({ framework: 'BANT', answers: second.body.answers })]);

    const timeline = await sdr.call('GET', `/leads/${leadId}/timeline`);
    const entries = timeline.body.items.filter((e: any) => e.data.action === 'lead.qualified');
    expect(entries).toHaveLength(2);
    expect(entries[1].data.from).toEqual({ 'BANT.authority': null, 'BANT.need': 'unknown', 'BANT.timing': null });
    expect(entries[1].data.to).toEqual({ 'BANT.authority': 'yes', 'BANT.need': 'yes', 'BANT.timing': 'no' });
    expect(entries[1].actorId).toBe(sdr.id);
  });

  it('writes no entry when nothing changed', async () => {
    const before = (await sdr.call('GET', `/leads/${leadId}/timeline`)).body.items.length;
    await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'no' },
    });
    expect((await sdr.call('GET', `/leads/${leadId}/timeline`)).body.items.length).toBe(before);
  });

  it('names an unknown framework, an unknown key and a bad value (400)', async () => {
    const framework = await sdr.call('PUT', `/leads/${leadId}/qualification`, { framework: 'SPIN', answers: {} });
    expect(framework.status).toBe(400);
    expect(isProblem(framework)).toBe(true);
    expect(framework.body.errors[0].field).toBe('framework');
    const bad = await sdr.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'BANT',
      answers: { budjet: 'yes', timing: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['answers.budjet', 'answers.timing']);
  });

  it('refuses roles that do not qualify, and an SDR on a colleague’s lead (403)', async () => {
    const sales = await makeUser(t, 'sales');
    const bySales = await sales.call('PUT', `/leads/${leadId}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'no' },
    });
    expect(bySales.status).toBe(403);
    const other = await makeUser(t, 'sdr', { team: '华东SDR组' });
    const owned = await other.call('POST', '/leads', { name: '外呼客户', phone: '13812340002', channel: 'outbound' });
    expect(owned.body.lead.ownerId).toBe(other.id);
    const byColleague = await sdr.call('PUT', `/leads/${owned.body.lead.id}/qualification`, {
      framework: 'CHAMP',
      answers: { challenge: 'yes' },
    });
    expect(byColleague.status).toBe(403);
    expect(byColleague.body.detail).toMatch(/owned by another/);
    const byOwner = await other.call('PUT', `/leads/${owned.body.lead.id}/qualification`, {
      framework: 'CHAMP',
      answers: { challenge: 'yes' },
    });
    expect(byOwner.status).toBe(200);
  });

  it('answers 404 for a lead that does not exist', async () => {
    const r = await sdr.call('PUT', '/leads/no-such-lead/qualification', { framework: 'BANT', answers: {} });
    expect(r.status).toBe(404);
  });
});
