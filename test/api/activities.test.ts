import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('lead activities (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let otherSdr: User;
  let marketing: User;
  let phone = 13900050000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    otherSdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    marketing = await makeUser(t, 'marketing');
  });
  afterAll(async () => t?.stop());

  const capture = async () => {
    phone += 1;
    const r = await t.admin('POST', '/leads', { name: '客户', phone: String(phone), channel: 'sem', region: '上海' });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };

  it('logs a call with duration, outcome and note, moves last touch and shows on the timeline', async () => {
    const id = await capture();
    const r = await sdr.call('POST', `/leads/${id}/activities`, {
      type: 'call',
      durationSec: 120,
      outcome: 'connected',
      note: '合约检查',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      leadId: id,
      userId: sdr.id,
      type: 'call',
      durationSec: 120,
      outcome: 'connected',
      note: '合约检查',
      occurredAt: t.clock.now().toISOString(),
    });
    const list = await sdr.call('GET', `/leads/${id}/activities`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].id).toBe(r.body.id);
    const timeline = await sdr.call('GET', `/leads/${id}/timeline`);
    expect(timeline.status, timeline.text).toBe(200);
    expect(JSON.stringify(timeline.body)).toContain(r.body.id);
  });

  it('logs e-mail, WeChat, meeting and note touches, newest first; an older touch does not rewind the last touch', async () => {
    const id = await capture();
    for (const type of ['email', 'wechat', 'note']) {
      const r = await sdr.call('POST', `/leads/${id}/activities`, { type, note: `${type} 跟进` });
      expect(r.status, r.text).toBe(201);
    }
    const earlier = new Date(t.clock.now().getTime() - 3 * 3_600_000).toISOString();
    const meeting = await sdr.call('POST', `/leads/${id}/activities`, {
      type: 'meeting',
      durationSec: 3600,
      occurredAt: earlier,
    });
    expect(meeting.status, meeting.text).toBe(201);
    expect(meeting.body.occurredAt).toBe(earlier);
    const list = await sdr.call('GET', `/leads/${id}/activities`);
    expect(list.body.items.map((a: { type: string }) => a.type)).toHaveLength(4);
    expect(list.body.items.at(-1).type).toBe('meeting');
  });

  it('answers 400 naming the field for bad input', async () => {
    const id = await capture();
    const bad = async (body: Record<string, unknown>, field: string) => {
      const r = await sdr.call('POST', `/leads/${id}/activities`, body);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ type: 'fax' }, 'type');
    await bad({ type: 'email', durationSec: 30 }, 'durationSec');
    await bad({ type: 'call', durationSec: -1 }, 'durationSec');
    await bad({ type: 'call', durationSec: 24 * 3600 + 1 }, 'durationSec');
    await bad({ type: 'call', durationSec: 1.5 }, 'durationSec');
    await bad({ type: 'note' }, 'note');
    await bad({ type: 'call', occurredAt: 'yesterday' }, 'occurredAt');
    await bad({ type: 'call', occurredAt: '2099-01-01T00:00:00Z' }, 'occurredAt');
    const edge = await sdr.call('POST', `/leads/${id}/activities`, { type: 'call', durationSec: 24 * 3600 });
    expect(edge.status, edge.text).toBe(201);
    expect((await sdr.call('GET', `/leads/${id}/activities`)).body.items).toHaveLength(1);
  });

  it('lets only the right people log: not marketing; 404 for an unknown lead', async () => {
    const id = await capture();
    expectProblem(await marketing.call('POST', `/leads/${id}/activities`, { type: 'call' }), 403);
    expectProblem(await sdr.call('POST', '/leads/nope/activities', { type: 'call' }), 404);
    const unowned = await otherSdr.call('POST', `/leads/${id}/activities`, { type: 'call', durationSec: 5 });
    expect(unowned.status, unowned.text).toBe(201);
  });
});
