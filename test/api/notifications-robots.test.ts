import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeReceiver, startFakeReceiver, waitFor } from '../support/fake-http-receiver.js';
import { engines, makeUser, startTestServer, type TestServer } from '../support/server.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = {
  wecom: { status: 200, body: { errcode: 0, errmsg: 'ok' } },
  dingtalk: { status: 200, body: { errcode: 0, errmsg: 'ok' } },
  feishu: { status: 200, body: { code: 0, data: {}, msg: 'success' } },
  slack: { status: 200, body: 'ok' },
};

describe.each(engines())('team-chat robots: WeCom, DingTalk, Feishu, Slack (%s)', (engine) => {
  let t: TestServer;
  let port: string;
  let phone = 13900095000;
  const fakes: FakeReceiver[] = [];

  beforeAll(async () => {
    // No reps at all: every inbound inquiry becomes a dispatch request.
    t = await startTestServer(engine);
    port = new URL(t.server.url).port;
    await makeUser(t, 'sales_ops', { name: '运营小周' });
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
  const addRobot = async (body: Record<string, unknown>) => {
    const r = await t.admin('POST', '/integrations/robots', body);
    expect(r.status, r.text).toBe(201);
    return r.body.id as string;
  };
  const capture = async (lead: Record<string, unknown>) => {
    phone += 1;
    const r = await t.admin('POST', '/leads', { phone: String(phone), region: '上海', ...lead });
    expect(r.status, r.text).toBe(201);
    return r.body.lead;
  };
  const deliveries = async (robotId: string) =>
    (await t.admin('GET', `/integrations/robots/${robotId}/deliveries`)).body.items as any[];

  it('posts a dispatch request as a lead card to each robot, in each vendor’s documented JSON, signed where set', async () => {
    const wecom = await fake([ok.wecom]);
    const ding = await fake([ok.dingtalk]);
    const feishu = await fake([ok.feishu]);
    const slack = await fake([ok.slack]);
    const events = ['dispatch.requested'];
    const ids = [
      await addRobot({ kind: 'wecom', name: '华东销售群', url: `${wecom.url}/cgi-bin/webhook/send?key=wk-1`, events }),
      await addRobot({
        kind: 'dingtalk',
        url: `${ding.url}/robot/send?access_token=dt-1`,
        events,
        secret: 'SECdingding',
      }),
      await addRobot({
        kind: 'feishu',
        url: `${feishu.url}/open-apis/bot/v2/hook/fs-1`,
        events,
        secret: 'feishu-secret',
      }),
      await addRobot({ kind: 'slack', url: `${slack.url}/services/T0/B0/xyz`, events }),
    ];
    const robots = await t.admin('GET', '/integrations/robots');
    expect(robots.body.items.map((r: any) => [r.kind, r.signed]).sort()).toEqual([
      ['dingtalk', true],
      ['feishu', true],
      ['slack', false],
      ['wecom', false],
    ]);
    expect(robots.body.items.find((r: any) => r.kind === 'wecom').name).toBe('华东销售群');
    expect(robots.text).not.toContain('SECdingding');
    expect(robots.text).not.toContain('feishu-secret');

    const lead = await capture({
      name: '王经理',
      channel: 'inbound_inquiry',
      company: '上海云帆科技有限公司',
      industry: '企业服务/软件',
      title: 'CTO',
    });
    const handoff = (await t.admin('GET', `/leads/${lead.id}/handoffs`)).body.items[0];
    expect(handoff).toMatchObject({ kind: 'dispatch', repId: null });
    const link = `http://localhost:${port}/handoffs/${handoff.id}`;
    const now = t.clock.now().getTime();

    // WeCom group robot: {msgtype: markdown, markdown: {content}}.
    const w = await waitFor(() => wecom.requests[0], 'WeCom');
    expect(w.url).toBe('/cgi-bin/webhook/send?key=wk-1');
    expect(Object.keys(w.json)).toEqual(['msgtype', 'markdown']);
    expect(w.json.msgtype).toBe('markdown');
    const content: string = w.json.markdown.content;
    for (const part of [
      '王经理',
      '上海云帆科技有限公司',
      '上海',
      '企业服务/软件',
      'CTO',
      `评分`,
      '为何无人匹配',
      `(${link})`,
    ])
      expect(content).toContain(part);
    expect(content).toContain(String(lead.score));
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);

    // DingTalk: markdown {title, text}; the URL signed with timestamp and sign.
    const d = await waitFor(() => ding.requests[0], 'DingTalk');
    const q = new URL(d.url, 'http://x').searchParams;
    expect(q.get('access_token')).toBe('dt-1');
    expect(q.get('timestamp')).toBe(String(now));
    expect(q.get('sign')).toBe(createHmac('sha256', 'SECdingding').update(`${now}\nSECdingding`).digest('base64'));
    expect(d.json).toEqual({ msgtype: 'markdown', markdown: { title: expect.any(String), text: expect.any(String) } });
    expect(d.json.markdown.text).toContain('上海云帆科技有限公司');
    expect(d.json.markdown.text).toContain(`(${link})`);

    // Feishu: an interactive card; timestamp (seconds) and sign in the body.
    const f = await waitFor(() => feishu.requests[0], 'Feishu');
    const seconds = Math.floor(now / 1000);
    expect(f.json.timestamp).toBe(String(seconds));
    expect(f.json.sign).toBe(createHmac('sha256', `${seconds}\nfeishu-secret`).update('').digest('base64'));
    expect(f.json.msg_type).toBe('interactive');
    expect(f.json.card.header.title).toEqual({ tag: 'plain_text', content: expect.stringContaining('分配') });
    const div = f.json.card.elements.find((e: any) => e.tag === 'div');
    expect(div.text.tag).toBe('lark_md');
    expect(div.text.content).toContain('上海云帆科技有限公司');
    const button = f.json.card.elements.find((e: any) => e.tag === 'action').actions[0];
    expect(button).toMatchObject({ tag: 'button', url: link, text: { tag: 'plain_text' } });

    // Slack: {text, blocks} with mrkdwn sections and a <url|label> link.
    const s = await waitFor(() => slack.requests[0], 'Slack');
    expect(s.json.text).toEqual(expect.any(String));
    expect(s.json.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(s.json.blocks[0].text.text).toContain('上海云帆科技有限公司');
    expect(s.json.blocks[0].text.text).toContain(`<${link}|`);

    for (const id of ids) {
      const log = await waitFor(async () => {
        const items = await deliveries(id);
        return items[0]?.status === 'delivered' && items;
      }, 'delivered');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ eventType: 'dispatch.requested', attempts: 1 });
      expect(log[0].log[0]).toMatchObject({ ok: true, statusCode: 200 });
    }
    for (const id of ids) expect((await t.admin('DELETE', `/integrations/robots/${id}`)).status).toBe(200);
  });

  it('treats a vendor error code in a 200 answer as a failure and retries it; a dead robot never blocks a capture', async () => {
    const wecom = await fake([{ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } }, ok.wecom]);
    const ding = await fake([{ status: 200, body: { errcode: 310000, errmsg: 'sign not match' } }, ok.dingtalk]);
    const feishu = await fake([
      {
        status: 200,
        body: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
      },
      ok.feishu,
    ]);
    const slack = await fake([{ status: 404, body: 'no_service' }, ok.slack]);
    const events = ['lead.created'];
    const robots = [
      [await addRobot({ kind: 'wecom', url: `${wecom.url}/send?key=1`, events }), 'errcode 93000'],
      [
        await addRobot({ kind: 'dingtalk', url: `${ding.url}/robot/send?access_token=2`, events, secret: 's' }),
        'errcode 310000',
      ],
      [await addRobot({ kind: 'feishu', url: `${feishu.url}/hook/3`, events }), 'code 19021'],
      [await addRobot({ kind: 'slack', url: `${slack.url}/services/4`, events }), 'HTTP 404'],
    ] as const;
    const dead = await addRobot({ kind: 'wecom', url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=dead', events });

    const lead = await capture({ name: '冯总', channel: 'sem', company: '杭州数澜' });
    expect(lead.status).toBe('new');
    for (const [id, error] of robots) {
      const first = await waitFor(
        async () => (await deliveries(id))[0]?.attempts === 1 && (await deliveries(id))[0],
        error,
      );
      expect(first.status).toBe('pending');
      expect(first.lastError).toContain(error);
      expect(first.log[0]).toMatchObject({ ok: false, statusCode: expect.any(Number) });
    }
    await t.admin('POST', '/admin/clock', { advance: '1m' });
    for (const [id] of robots) {
      const done = await waitFor(
        async () => (await deliveries(id))[0]?.status === 'delivered' && (await deliveries(id))[0],
        'retried',
      );
      expect(done.attempts).toBe(2);
    }
    const deadLog = await deliveries(dead);
    expect(deadLog[0]).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/ECONNREFUSED/) });
    for (const [id] of robots) {
      const r = await t.admin('DELETE', `/integrations/robots/${id}`);
      expect(r.status, r.text).toBe(200);
    }
    expect((await t.admin('DELETE', `/integrations/robots/${dead}`)).status).toBe(200);
    expect((await t.admin('GET', `/integrations/robots/${dead}/deliveries`)).status).toBe(404);
    expect((await t.admin('GET', '/integrations/robots')).body.items).toEqual([]);
  });

  it('keeps a WeCom robot within 20 requests a minute: 25 events in a minute are batched, none lost', async () => {
    const wecom = await fake([ok.wecom]);
    const id = await addRobot({ kind: 'wecom', url: `${wecom.url}/send?key=limit`, events: ['lead.created'] });
    const names = Array.from({ length: 25 }, (_, i) => `限流客户${String(i + 1).padStart(2, '0')}`);
    const started = t.clock.now().getTime();
    for (const [i, name] of names.entries()) {
      await capture({ name, channel: 'sem' });
      await t.admin('POST', '/admin/clock', { advance: '1s' });
      if (i < 20) await waitFor(() => wecom.requests.length === i + 1, `request ${i + 1}`);
    }
    expect(t.clock.now().getTime() - started).toBeLessThan(60_000);
    await pause(1_500);
    // The 21st to 25th wait: 20 requests were made within the minute.
    expect(wecom.requests).toHaveLength(20);
    const waiting = (await deliveries(id)).filter((d) => d.status === 'pending');
    expect(waiting).toHaveLength(5);
    expect(waiting.every((d) => d.attempts === 0)).toBe(true);

    // A minute after the first requests, the five go out together as one message.
    await t.admin('POST', '/admin/clock', { advance: '60s' });
    await waitFor(() => wecom.requests.length === 21, 'the batch');
    await pause(1_200);
    expect(wecom.requests).toHaveLength(21);
    const batch: string = wecom.requests[20].json.markdown.content;
    for (const name of names.slice(20)) expect(batch).toContain(name);
    // Every event delivered exactly once.
    const all = wecom.requests.map((r) => r.json.markdown.content as string).join('\n');
    for (const name of names) expect(all.split(name).length - 1).toBe(1);
    const log = await deliveries(id);
    expect(log.filter((d) => d.status === 'delivered')).toHaveLength(25);
    await t.admin('DELETE', `/integrations/robots/${id}`);
  });
});
