import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeReceiver, startFakeReceiver } from '../support/fake-http-receiver.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

describe.each(engines())('send test: POST /webhooks/{id}/test and /integrations/robots/{id}/test (%s)', (engine) => {
  let t: TestServer;
  const fakes: FakeReceiver[] = [];

  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => {
    await t?.stop();
    await Promise.all(fakes.map((f) => f.close()));
  });
  const fake = async (answers: { status: number; body?: unknown }[]) => {
    const f = await startFakeReceiver(answers);
    fakes.push(f);
    return f;
  };

  it('sends one signed `test` event to a webhook now, answers what the receiver said and logs it', async () => {
    const receiver = await fake([{ status: 204 }]);
    const hook = await t.admin('POST', '/webhooks', {
      url: `${receiver.url}/hooks/crm`,
      events: ['lead.created'],
      secret: 'wh-secret',
    });
    expect(hook.status, hook.text).toBe(201);

    const r = await t.admin('POST', `/webhooks/${hook.body.id}/test`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ ok: true, statusCode: 204, error: null, durationMs: expect.any(Number) });
    expect(receiver.requests).toHaveLength(1);
    const sent = receiver.requests[0];
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/hooks/crm');
    expect(sent.json).toMatchObject({ type: 'test', id: expect.any(String), occurredAt: expect.any(String) });
    expect(Object.keys(sent.json)).toEqual(['id', 'type', 'occurredAt', 'data']);
    expect(sent.headers['x-leadloop-event']).toBe('test');
    expect(sent.headers['x-leadloop-signature']).toBe(
      `sha256=${createHmac('sha256', 'wh-secret').update(sent.raw, 'utf8').digest('hex')}`,
    );

    const log = await t.admin('GET', `/webhooks/${hook.body.id}/deliveries`);
    expect(log.status, log.text).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({
      eventType: 'test',
      status: 'delivered',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
      log: [{ attempt: 1, ok: true, statusCode: 204, error: null }],
    });
    expect(log.body.items[0].id).toBe(sent.headers['x-leadloop-delivery']);
  });

  it('a failing receiver gives ok:false with its status, logged as failed and not retried', async () => {
    const receiver = await fake([{ status: 503, body: 'down for maintenance' }]);
    const hook = await t.admin('POST', '/webhooks', {
      url: `${receiver.url}/down`,
      events: ['lead.created'],
      secret: 's',
    });
    const r = await t.admin('POST', `/webhooks/${hook.body.id}/test`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.statusCode).toBe(503);
    expect(r.body.error).toContain('HTTP 503');
    expect(r.body.error).toContain('down for maintenance');
    const log = await t.admin('GET', `/webhooks/${hook.body.id}/deliveries`);
    expect(log.body.items[0]).toMatchObject({
      eventType: 'test',
      status: 'failed',
      attempts: 1,
      nextAttemptAt: null,
      log: [{ ok: false, statusCode: 503 }],
    });
    expect(log.body.items[0].lastError).toContain('HTTP 503');
  });

  it('a receiver that does not answer gives ok:false with no status', async () => {
    const receiver = await fake([{ status: 200 }]);
    const url = receiver.url;
    await receiver.close();
    fakes.splice(fakes.indexOf(receiver), 1);
    const hook = await t.admin('POST', '/webhooks', { url, events: ['lead.created'], secret: 's' });
    const r = await t.admin('POST', `/webhooks/${hook.body.id}/test`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ ok: false, statusCode: null, error: expect.any(String) });
  });

  it('posts a test message to a robot in the vendor’s format, signed for DingTalk', async () => {
    const ding = await fake([{ status: 200, body: { errcode: 0, errmsg: 'ok' } }]);
    const robot = await t.admin('POST', '/integrations/robots', {
      kind: 'dingtalk',
      url: `${ding.url}/robot/send?access_token=dt-1`,
      events: ['dispatch.requested'],
      secret: 'SECding',
    });
    expect(robot.status, robot.text).toBe(201);
    const r = await t.admin('POST', `/integrations/robots/${robot.body.id}/test`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(ding.requests).toHaveLength(1);
    const sent = ding.requests[0];
    expect(sent.json.msgtype).toBe('markdown');
    expect(sent.json.markdown.title).toContain('LeadLoop');
    const query = new URL(sent.url, 'http://x').searchParams;
    expect(query.get('access_token')).toBe('dt-1');
    const timestamp = query.get('timestamp') as string;
    expect(query.get('sign')).toBe(
      createHmac('sha256', 'SECding').update(`${timestamp}\nSECding`, 'utf8').digest('base64'),
    );
    const log = await t.admin('GET', `/integrations/robots/${robot.body.id}/deliveries`);
    expect(log.body.items[0]).toMatchObject({ eventType: 'test', status: 'delivered', log: [{ ok: true }] });
  });

  it('a robot’s vendor error code in a 200 answer is ok:false', async () => {
    const wecom = await fake([{ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } }]);
    const robot = await t.admin('POST', '/integrations/robots', {
      kind: 'wecom',
      url: `${wecom.url}/cgi-bin/webhook/send?key=k`,
      events: ['dispatch.requested'],
    });
    const r = await t.admin('POST', `/integrations/robots/${robot.body.id}/test`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ ok: false, statusCode: 200 });
    expect(r.body.error).toContain('93000');
    expect(wecom.requests[0].json).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
  });

  it('unknown or deleted ids are 404; non-admins get 403', async () => {
    expectProblem(await t.admin('POST', '/webhooks/no-such-hook/test'), 404);
    expectProblem(await t.admin('POST', '/integrations/robots/no-such-robot/test'), 404);
    const receiver = await fake([{ status: 200 }]);
    const hook = await t.admin('POST', '/webhooks', { url: receiver.url, events: ['lead.created'], secret: 's' });
    expect((await t.admin('DELETE', `/webhooks/${hook.body.id}`)).status).toBe(200);
    expectProblem(await t.admin('POST', `/webhooks/${hook.body.id}/test`), 404);

    const other = await t.admin('POST', '/webhooks', { url: receiver.url, events: ['lead.created'], secret: 's' });
    const robot = await t.admin('POST', '/integrations/robots', {
      kind: 'slack',
      url: `${receiver.url}/slack`,
      events: ['dispatch.requested'],
    });
    const ops = await makeUser(t, 'sales_ops');
    expectProblem(await ops.call('POST', `/webhooks/${other.body.id}/test`), 403);
    expectProblem(await ops.call('POST', `/integrations/robots/${robot.body.id}/test`), 403);
    expect(receiver.requests).toHaveLength(0);
  });
});
