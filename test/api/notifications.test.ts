import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeReceiver, startFakeReceiver, waitFor } from '../support/fake-http-receiver.js';
import { startFakeSmtp } from '../support/fake-smtp.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const sign = (raw: string, secret: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines())('notifications: webhooks, e-mail and the in-app inbox (%s)', (engine) => {
  let t: TestServer;
  let rep: User;
  let sdr: User;
  let marketing: User;
  let phone = 13900090000;
  const receivers: FakeReceiver[] = [];

  beforeAll(async () => {
    t = await startTestServer(engine);
    rep = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    sdr = await makeUser(t, 'sdr', { name: '林晓' });
    marketing = await makeUser(t, 'marketing');
    const ops = await makeUser(t, 'sales_ops');
    const p = await ops.call('PUT', `/reps/${rep.id}`, {
      regions: ['上海'],
      industries: [],
      level: 2,
      weight: 1,
      capacity: 1000,
      department: '华东一部',
    });
    expect(p.status, p.text).toBe(200);
    const e = await ops.call('PUT', '/eligibility/2026-03', { repIds: [rep.id] });
    expect(e.status, e.text).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const receiver = async (answers?: { status: number; body?: unknown }[]) => {
    const r = await startFakeReceiver(answers);
    receivers.push(r);
    return r;
  };

  /** An inbound inquiry from Shanghai: straight to the rep as an MQL (handoff.created). */
  const inquiry = async (name = '王经理') => {
    phone += 1;
    const r = await t.admin('POST', '/leads', {
      name,
      phone: String(phone),
      channel: 'inbound_inquiry',
      region: '上海',
      company: '上海云帆科技有限公司',
      industry: '企业服务/软件',
    });
    expect(r.status, r.text).toBe(201);
    const handoffs = await t.admin('GET', `/leads/${r.body.lead.id}/handoffs`);
    expect(handoffs.body.items).toHaveLength(1);
    return { leadId: r.body.lead.id as string, handoff: handoffs.body.items[0] };
  };

  const deliveries = async (webhookId: string) => {
    const r = await t.admin('GET', `/webhooks/${webhookId}/deliveries`);
    expect(r.status, r.text).toBe(200);
    return r.body.items as any[];
  };

  it('refuses bad subscriptions with a 400 naming the field, and non-admins with a 403', async () => {
    const good = { url: 'https://crm.example.cn/hook', events: ['lead.created'], secret: 's3cret' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, url: 'ftp://crm.example.cn/hook' }, 'url'],
      [{ ...good, url: 'not a url' }, 'url'],
      [{ ...good, events: [] }, 'events'],
      [{ ...good, events: ['lead.created', 'lead.exploded'] }, 'events[1]'],
      [{ url: good.url, events: good.events }, 'secret'],
      [{ ...good, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const r = await t.admin('POST', '/webhooks', body);
      expectProblem(r, 400);
      expect(
        r.body.errors.map((e: any) => e.field),
        r.text,
      ).toContain(field);
    }
    expectProblem(await marketing.call('POST', '/webhooks', good), 403);
    expectProblem(await marketing.call('GET', '/webhooks'), 403);

    const robot = {
      kind: 'wecom',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      events: ['dispatch.requested'],
    };
    for (const [body, field] of [
      [{ ...robot, kind: 'telegram' }, 'kind'],
      [{ ...robot, url: 'javascript:alert(1)' }, 'url'],
      [{ ...robot, events: ['nope'] }, 'events[0]'],
    ] as const) {
      const r = await t.admin('POST', '/integrations/robots', body);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: any) => e.field)).toContain(field);
    }
    const smtp = { host: '127.0.0.1', port: 25, secure: false, from: 'LeadLoop <noreply@leadloop.test>' };
    for (const [body, field] of [
      [{ ...smtp, port: 70000 }, 'port'],
      [{ ...smtp, host: '' }, 'host'],
      [{ ...smtp, secure: 'yes' }, 'secure'],
      [{ ...smtp, events: ['lead.created', 'x'] }, 'events[1]'],
    ] as const) {
      const r = await t.admin('PUT', '/integrations/smtp', body);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: any) => e.field)).toContain(field);
    }
    expectProblem(await marketing.call('PUT', '/integrations/smtp', smtp), 403);
    expectProblem(await t.admin('GET', '/inbox?unread=maybe'), 400);
    expectProblem(await t.admin('GET', '/inbox?cursor=abc'), 400);
    expectProblem(await t.admin('GET', '/webhooks/nope/deliveries'), 404);
    expectProblem(await t.admin('DELETE', '/webhooks/nope'), 404);
  });

  it('takes the contract check’s subscription to an unreachable address; captures and hand-offs go on, the failure is logged', async () => {
    const created = await t.admin('POST', '/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['lead.created', 'handoff.created'],
      secret: 'contract-check',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      url: 'http://127.0.0.1:9/hook',
      events: ['lead.created', 'handoff.created'],
      createdAt: t.clock.now().toISOString(),
    });
    const list = await t.admin('GET', '/webhooks');
    expect(list.body.items.map((w: any) => w.id)).toContain(created.body.id);
    expect(list.text).not.toContain('contract-check');

    const { leadId, handoff } = await inquiry('钱总');
    expect(handoff).toMatchObject({ status: 'pending', repId: rep.id });
    const accepted = await rep.call('POST', `/handoffs/${handoff.id}/accept`, {});
    expect(accepted.status, accepted.text).toBe(200);
    expect((await rep.call('GET', `/leads/${leadId}`)).body.status).toBe('sql');

    const items = await waitFor(async () => {
      const all = await deliveries(created.body.id);
      return all.length === 2 && all.every((d) => d.attempts === 1) && all;
    }, 'two failed attempts');
    expect(items.map((d) => d.eventType).sort()).toEqual(['handoff.created', 'lead.created']);
    for (const d of items) {
      expect(d).toMatchObject({ status: 'pending', attempts: 1, deliveredAt: null });
      expect(d.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());
      expect(d.log).toEqual([
        expect.objectContaining({
          attempt: 1,
          ok: false,
          statusCode: null,
          error: expect.stringMatching(/ECONNREFUSED/),
        }),
      ]);
    }
    const removed = await t.admin('DELETE', `/webhooks/${created.body.id}`);
    expect(removed.status, removed.text).toBe(200);
    expect((await t.admin('GET', '/webhooks')).body.items.map((w: any) => w.id)).not.toContain(created.body.id);
  });

  it('POSTs each subscribed event as {id, type, occurredAt, data}, signed with HMAC-SHA256 of the raw body', async () => {
    const hook = await receiver();
    const secret = 'whsec_上海_42';
    const created = await t.admin('POST', '/webhooks', {
      url: `${hook.url}/leadloop?tenant=7`,
      events: ['handoff.created'],
      secret,
    });
    expect(created.status, created.text).toBe(201);
    const { leadId, handoff } = await inquiry('孙经理');

    const request = await waitFor(
      () => hook.requests.find((r) => r.json?.data?.handoff?.id === handoff.id),
      'the hook',
    );
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/leadloop?tenant=7');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.headers['x-leadloop-signature']).toBe(sign(request.raw, secret));
    expect(request.headers['x-leadloop-signature']).not.toBe(sign(request.raw, 'another secret'));
    expect(Object.keys(request.json)).toEqual(['id', 'type', 'occurredAt', 'data']);
    expect(request.json).toMatchObject({
      id: expect.any(String),
      type: 'handoff.created',
      occurredAt: t.clock.now().toISOString(),
      data: {
        handoff: { id: handoff.id, leadId, repId: rep.id, status: 'pending' },
        lead: { id: leadId, name: '孙经理', company: '上海云帆科技有限公司' },
      },
    });
    // Only subscribed types: no lead.created for this hook.
    await pause(300);
    expect(hook.requests.every((r) => r.json.type === 'handoff.created')).toBe(true);

    const log = await waitFor(async () => {
      const d = await deliveries(created.body.id);
      return d[0]?.status === 'delivered' && d;
    }, 'the delivery logged');
    expect(log[0]).toMatchObject({
      eventId: request.json.id,
      eventType: 'handoff.created',
      status: 'delivered',
      attempts: 1,
      lastError: null,
      log: [expect.objectContaining({ attempt: 1, ok: true, statusCode: 200, error: null })],
    });
    await t.admin('DELETE', `/webhooks/${created.body.id}`);
  });

  it('pushes status changes back to the origin and CRM: lead.status_changed and hand-off decisions', async () => {
    const crm = await receiver();
    const created = await t.admin('POST', '/webhooks', {
      url: `${crm.url}/crm`,
      events: ['lead.status_changed', 'handoff.accepted'],
      secret: 'crm',
    });
    const { leadId, handoff } = await inquiry('郑总');
    expect((await rep.call('POST', `/handoffs/${handoff.id}/accept`, {})).status).toBe(200);
    const accepted = await waitFor(() => crm.requests.find((r) => r.json.type === 'handoff.accepted'), 'accepted');
    expect(accepted.json.data.handoff).toMatchObject({ id: handoff.id, status: 'accepted' });
    const changed = await waitFor(
      () => crm.requests.find((r) => r.json.type === 'lead.status_changed' && r.json.data.to === 'sql'),
      'status changed',
    );
    expect(changed.json.data).toMatchObject({ leadId, from: 'mql', to: 'sql' });
    for (const r of crm.requests) expect(r.headers['x-leadloop-signature']).toBe(sign(r.raw, 'crm'));
    await t.admin('DELETE', `/webhooks/${created.body.id}`);
  });

  it('tells the notified users in their in-app inbox, newest first; read one, read all', async () => {
    await rep.call('POST', '/inbox/read-all');
    const first = await inquiry('冯总');
    const second = await inquiry('陈总');
    const inbox = await rep.call('GET', '/inbox?unread=true');
    expect(inbox.status, inbox.text).toBe(200);
    expect(inbox.body.unreadCount).toBe(2);
    expect(inbox.body.items.map((n: any) => [n.type, n.data.handoff.id])).toEqual([
      ['handoff.created', second.handoff.id],
      ['handoff.created', first.handoff.id],
    ]);
    const [newest, older] = inbox.body.items;
    expect(newest).toMatchObject({
      leadId: second.leadId,
      title: expect.any(String),
      readAt: null,
      createdAt: t.clock.now().toISOString(),
    });

    // Pages of one.
    const page1 = await rep.call('GET', '/inbox?unread=true&limit=1');
    expect(page1.body.items.map((n: any) => n.id)).toEqual([newest.id]);
    const page2 = await rep.call('GET', `/inbox?unread=true&limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((n: any) => n.id)).toEqual([older.id]);
    expect(page2.body.nextCursor).toBeNull();

    // Someone else's notification is not theirs to read.
    expectProblem(await sdr.call('POST', `/inbox/${newest.id}/read`), 404);
    expect((await sdr.call('GET', '/inbox')).body.items.map((n: any) => n.id)).not.toContain(newest.id);

    const read = await rep.call('POST', `/inbox/${newest.id}/read`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.readAt).toBe(t.clock.now().toISOString());
    const unread = await rep.call('GET', '/inbox?unread=true');
    expect(unread.body.items.map((n: any) => n.id)).toEqual([older.id]);
    expect(unread.body.unreadCount).toBe(1);
    const all = await rep.call('GET', '/inbox');
    expect(all.body.items.slice(0, 2).map((n: any) => n.id)).toEqual([newest.id, older.id]);

    const readAll = await rep.call('POST', '/inbox/read-all');
    expect(readAll.body).toEqual({ updated: 1 });
    expect((await rep.call('GET', '/inbox?unread=true')).body).toMatchObject({ items: [], unreadCount: 0 });

    // A rejection is told to the rep too (the lead left them; no SDR handed this one off).
    const reasons = await rep.call('GET', '/reasons/reject');
    const reason = reasons.body.items.find((r: any) => r.active).code;
    const rejected = await rep.call('POST', `/handoffs/${older.data.handoff.id}/reject`, { reason });
    expect(rejected.status, rejected.text).toBe(200);
    const after = await rep.call('GET', '/inbox?unread=true');
    expect(after.body.items.map((n: any) => [n.type, n.data.handoff.id])).toEqual([
      ['handoff.rejected', older.data.handoff.id],
    ]);
  });

  it('e-mails each notified user through the SMTP server, never showing the password', async () => {
    const smtp = await startFakeSmtp({ user: 'leadloop', password: 'p@ss 上海' });
    try {
      const put = await t.admin('PUT', '/integrations/smtp', {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: 'leadloop',
        password: 'p@ss 上海',
        from: 'LeadLoop <noreply@leadloop.test>',
        events: ['handoff.created'],
      });
      expect(put.status, put.text).toBe(200);
      expect(put.body).toMatchObject({ host: '127.0.0.1', port: smtp.port, user: 'leadloop', passwordSet: true });
      expect(put.text).not.toContain('p@ss');
      const got = await t.admin('GET', '/integrations/smtp');
      expect(got.body).toEqual(put.body);
      expect(got.text).not.toContain('p@ss');

      const { leadId, handoff } = await inquiry('何总');
      const mail = await waitFor(() => smtp.mails.find((m) => m.text.includes(handoff.id)), 'the e-mail');
      expect(mail.to).toEqual([rep.email]);
      expect(mail.from).toBe('noreply@leadloop.test');
      expect(mail.user).toBe('leadloop');
      expect(mail.subject).toContain('[LeadLoop]');
      expect(mail.subject).toContain('MQL');
      expect(mail.subject).toContain('何总');
      expect(mail.text).toContain('上海云帆科技有限公司');
      expect(mail.text).toContain(`/handoffs/${handoff.id}`);
      expect(mail.text).toContain(`${new URL(t.server.url).port}/handoffs/${handoff.id}`);
      expect(mail.text).toContain(`http://localhost:${new URL(t.server.url).port}/handoffs/${handoff.id}`);
      expect(mail.headers['content-type']).toMatch(/multipart\/alternative/);
      expect(leadId).toBeTruthy();

      // A PUT without a password keeps the stored one: mail still authenticates.
      const again = await t.admin('PUT', '/integrations/smtp', {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: 'leadloop',
        from: 'LeadLoop <noreply@leadloop.test>',
        events: ['handoff.created'],
      });
      expect(again.body.passwordSet).toBe(true);
      const next = await inquiry('吕总');
      await waitFor(() => smtp.mails.find((m) => m.text.includes(next.handoff.id)), 'the second e-mail');

      expect((await t.admin('DELETE', '/integrations/smtp')).status).toBe(200);
      expectProblem(await t.admin('GET', '/integrations/smtp'), 404);
      const count = smtp.mails.length;
      await inquiry('施总');
      await pause(1_300);
      expect(smtp.mails).toHaveLength(count);
    } finally {
      await smtp.close();
    }
  });
  it('retries a failed delivery after 1 min by the service clock and delivers it exactly once', async () => {
    const hook = await receiver([{ status: 500, body: { error: 'db down' } }, { status: 200 }]);
    const created = await t.admin('POST', '/webhooks', { url: hook.url, events: ['handoff.created'], secret: 'k' });
    expect(created.status, created.text).toBe(201);
    const { handoff } = await inquiry('周总');

    const failed = await waitFor(async () => {
      const d = await deliveries(created.body.id);
      return d[0]?.attempts === 1 && d[0];
    }, 'the first attempt');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 500') });
    expect(failed.log).toEqual([expect.objectContaining({ attempt: 1, ok: false, statusCode: 500 })]);
    expect(failed.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());
    expect(hook.requests).toHaveLength(1);

    // Not due yet at 59 s.
    expect((await t.admin('POST', '/admin/clock', { advance: '59s' })).status).toBe(200);
    await pause(1_300);
    expect(hook.requests).toHaveLength(1);

    expect((await t.admin('POST', '/admin/clock', { advance: '1s' })).status).toBe(200);
    const delivered = await waitFor(async () => {
      const d = await deliveries(created.body.id);
      return d[0]?.status === 'delivered' && d[0];
    }, 'the retry');
    expect(delivered.attempts).toBe(2);
    expect(delivered.log).toEqual([
      expect.objectContaining({ attempt: 1, ok: false, statusCode: 500 }),
      expect.objectContaining({ attempt: 2, ok: true, statusCode: 200 }),
    ]);
    expect(hook.requests).toHaveLength(2);
    // The same event both times: same id, same body, same signature.
    expect(hook.requests[1].raw).toBe(hook.requests[0].raw);
    expect(hook.requests[1].json.data.handoff.id).toBe(handoff.id);
    expect(hook.requests[1].headers['x-leadloop-signature']).toBe(sign(hook.requests[1].raw, 'k'));

    // Delivered once: later rounds leave it alone.
    expect((await t.admin('POST', '/admin/clock', { advance: '1d' })).status).toBe(200);
    await pause(1_300);
    expect(hook.requests).toHaveLength(2);
    await t.admin('DELETE', `/webhooks/${created.body.id}`);
  });

  it('gives up after the last backoff step and keeps every error in the log', async () => {
    const hook = await receiver([{ status: 503 }]);
    const created = await t.admin('POST', '/webhooks', { url: hook.url, events: ['handoff.created'], secret: 'k' });
    await inquiry('吴总');
    const expectAttempts = async (n: number) =>
      waitFor(async () => {
        const d = await deliveries(created.body.id);
        return d[0]?.attempts === n && d[0];
      }, `attempt ${n}`);
    await expectAttempts(1);
    for (const [step, n] of [
      ['1m', 2],
      ['5m', 3],
      ['30m', 4],
      ['2h', 5],
      ['12h', 6],
    ] as const) {
      await t.admin('POST', '/admin/clock', { advance: step });
      await expectAttempts(n);
    }
    const last = await expectAttempts(6);
    expect(last).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(last.log.map((a: any) => a.statusCode)).toEqual([503, 503, 503, 503, 503, 503]);
    await t.admin('POST', '/admin/clock', { advance: '2d' });
    await pause(1_300);
    expect(hook.requests).toHaveLength(6);
    await t.admin('DELETE', `/webhooks/${created.body.id}`);
  });
});
