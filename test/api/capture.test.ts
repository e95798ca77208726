import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, isProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

describe.each(engines())('lead capture over HTTP (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('creates a lead with normalised phone, e-mail, company and region, and both sources', async () => {
    const r = await t.admin('POST', '/leads', {
      name: ' 王 芳 ',
      phone: '+86 139-1234-5601',
      email: ' Wang.Fang@Example.CN ',
      company: '杭州云启科技有限公司',
      title: '采购经理',
      region: '浙江杭州',
      industry: 'manufacturing',
      employees: 350,
      channel: 'sem',
      utm: { source: 'baidu', medium: 'cpc', campaign: 'q1-crm', term: '线索管理', content: 'ad-1' },
      referrer: 'https://www.baidu.com/s?wd=crm',
      landingPage: 'https://example.cn/demo',
    });
    expect(r.status).toBe(201);
    expect(r.body.merged).toBe(false);
    const lead = r.body.lead;
    expect(lead).toMatchObject({
      status: 'new',
      ownerId: null,
      name: '王 芳',
      phone: '+8613912345601',
      email: 'wang.fang@example.cn',
      company: '杭州云启科技有限公司',
      region: '杭州市',
      regionCode: '3301',
      employees: 350,
      channel: 'sem',
      flags: [],
    });
    expect(lead.originalSource).toEqual({
      channel: 'sem',
      utm: { source: 'baidu', medium: 'cpc', campaign: 'q1-crm', term: '线索管理', content: 'ad-1' },
      referrer: 'https://www.baidu.com/s?wd=crm',
      landingPage: 'https://example.cn/demo',
      at: '2026-03-02T01:00:00.000Z',
    });
    expect(lead.latestSource).toEqual(lead.originalSource);
    expect(lead.createdAt).toBe('2026-03-02T01:00:00.000Z');
    const read = await t.admin('GET', `/leads/${lead.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(lead);
  });

  it('merges a repeat with the same phone written another way: 200, same id, new latest source, original kept', async () => {
    const first = await t.admin('POST', '/leads', { name: '李雷', phone: '13800001111', channel: 'content_download' });
    t.clock.advance(3_600_000);
    const repeat = await t.admin('POST', '/leads', {
      name: '李雷',
      phone: '0086 138 0000 1111',
      email: 'lilei@example.cn',
      title: 'CTO',
      channel: 'event_offline',
      utm: { campaign: 'shanghai-expo' },
    });
    expect(repeat.status).toBe(200);
    expect(repeat.body.merged).toBe(true);
    expect(repeat.body.lead.id).toBe(first.body.lead.id);
    expect(repeat.body.lead.originalSource.channel).toBe('content_download');
    expect(repeat.body.lead.latestSource.channel).toBe('event_offline');
    expect(repeat.body.lead.latestSource.utm.campaign).toBe('shanghai-expo');
    expect(repeat.body.lead.email).toBe('lilei@example.cn'); // an empty field is filled
    expect(repeat.body.lead.title).toBe('CTO');
    const timeline = await t.admin('GET', `/leads/${first.body.lead.id}/timeline`);
    expect(timeline.body.items.filter((e: any) => e.type === 'touch').map((e: any) => e.data.channel)).toEqual([
      'content_download',
      'event_offline',
    ]);
    const merge = timeline.body.items.find((e: any) => e.type === 'change' && e.data.action === 'lead.merged');
    expect(merge.data.reason).toBe('a repeat matched on phone');
  });

  it('merges on e-mail in any case, and on company + name across legal suffixes', async () => {
    const a = await t.admin('POST', '/leads', {
      name: '赵敏',
      email: 'zhaomin@corp.cn',
      company: '北京明教信息技术有限公司',
      channel: 'sem',
    });
    const byEmail = await t.admin('POST', '/leads', { name: 'Zhao Min', email: 'ZhaoMin@Corp.CN', channel: 'direct' });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.lead.id).toBe(a.body.lead.id);
    const byCompany = await t.admin('POST', '/leads', {
      name: '赵敏',
      phone: '13700002222',
      company: '北京明教信息技术股份有限公司',
      channel: 'hotline',
    });
    expect(byCompany.status).toBe(200);
    expect(byCompany.body.lead.id).toBe(a.body.lead.id);
    expect(byCompany.body.lead.name).toBe('赵敏'); // what a person typed stays
    expect(byCompany.body.lead.phone).toBe('+8613700002222');
  });

  it('does not merge a different person at the same company', async () => {
    const a = await t.admin('POST', '/leads', {
      name: '周芷若',
      email: 'zzr@emei.cn',
      company: '峨眉科技有限公司',
      channel: 'sem',
    });
    const b = await t.admin('POST', '/leads', {
      name: '灭绝',
      email: 'mj@emei.cn',
      company: '峨眉科技有限公司',
      channel: 'sem',
    });
    expect(b.status).toBe(201);
    expect(b.body.lead.id).not.toBe(a.body.lead.id);
  });

  it('treats 上海, 上海市 and Shanghai as one region', async () => {
    const regions = await Promise.all(
      ['上海', '上海市', 'Shanghai'].map((region, i) =>
        t.admin('POST', '/leads', { name: `区域${i}`, email: `region${i}@example.cn`, region, channel: 'sem' }),
      ),
    );
    expect(regions.map((r) => [r.body.lead.region, r.body.lead.regionCode])).toEqual([
      ['上海市', '31'],
      ['上海市', '31'],
      ['上海市', '31'],
    ]);
  });

  it('keeps an unknown region as typed, without a code', async () => {
    const r = await t.admin('POST', '/leads', {
      name: '海外',
      email: 'overseas@example.com',
      region: 'Atlantis',
      channel: 'sem',
    });
    expect(r.body.lead).toMatchObject({ region: 'Atlantis', regionCode: null });
  });

  it('infers UTM from the referrer when the lead has none ("UTM default" rules)', async () => {
    const r = await t.admin('POST', '/leads', {
      name: '搜索来',
      email: 'seo@example.cn',
      channel: 'organic_search',
      referrer: 'https://www.baidu.com/link?url=x',
    });
    expect(r.body.lead.originalSource.utm).toMatchObject({ source: 'baidu', medium: 'organic' });
    expect(r.body.lead.originalSource.inferredBy).toBeTruthy();
    const sent = await t.admin('POST', '/leads', {
      name: '带UTM',
      email: 'utm@example.cn',
      channel: 'sem',
      utm: { source: 'baidu', medium: 'cpc' },
      referrer: 'https://www.baidu.com/',
    });
    expect(sent.body.lead.originalSource.utm.medium).toBe('cpc');
    expect(sent.body.lead.originalSource.inferredBy).toBeUndefined();
  });

  it('accepts every built-in channel id of §10.1', async () => {
    const ids = [
      'organic_search',
      'direct',
      'hotline',
      'online_chat',
      'inbound_inquiry',
      'referral',
      'sem',
      'brand_zone',
      'event_online',
      'event_offline',
      'content_download',
      'partner',
      'outbound',
      'import',
    ];
    const channels = await t.admin('GET', '/channels');
    expect(channels.body.items.map((c: any) => c.id)).toEqual(expect.arrayContaining(ids));
    for (const id of ids) {
      const r = await t.admin('POST', '/leads', {
        name: `渠道 ${id}`,
        email: `${id}@channels.example.cn`,
        channel: id,
      });
      expect(r.status, id).toBe(201);
    }
  });

  it('lets an admin add a channel that leads can then use', async () => {
    const unknown = await t.admin('POST', '/leads', { name: '抖音', email: 'douyin@example.cn', channel: 'douyin' });
    expect(unknown.status).toBe(400);
    const added = await t.admin('POST', '/channels', {
      id: 'douyin',
      name: 'Douyin ads',
      nameZh: '抖音广告',
      kind: 'paid',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'douyin', builtIn: false, defaultPath: 'sdr_queue' });
    const r = await t.admin('POST', '/leads', { name: '抖音', email: 'douyin@example.cn', channel: 'douyin' });
    expect(r.status).toBe(201);
  });

  it('makes an outbound lead created by an SDR theirs, working', async () => {
    const sdr = await makeUser(t, 'sdr');
    const r = await sdr.call('POST', '/leads', { name: '陌拜', phone: '13600003333', channel: 'outbound' });
    expect(r.status).toBe(201);
    expect(r.body.lead).toMatchObject({ status: 'working', ownerId: sdr.id });
  });

  it('keeps custom attributes in fields, the external id, and finds a lead by external id', async () => {
    const r = await t.admin('POST', '/leads', {
      name: '字段',
      email: 'fields@example.cn',
      channel: 'partner',
      externalId: 'CRM-0042',
      fields: { 预算: '50万', seats: 120 },
    });
    expect(r.body.lead).toMatchObject({ externalId: 'CRM-0042', fields: { 预算: '50万', seats: 120 } });
    const found = await t.admin('GET', '/leads?externalId=CRM-0042');
    expect(found.body.items.map((l: any) => l.id)).toEqual([r.body.lead.id]);
  });

  describe('idempotency', () => {
    it('answers a retried request with the first answer and creates one lead', async () => {
      const body = { name: '重试', phone: '13500004444', channel: 'sem' };
      const key = { 'idempotency-key': 'retry-1' };
      const first = await t.admin('POST', '/leads', body, key);
      const again = await t.admin('POST', '/leads', body, key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.lead.id).toBe(first.body.lead.id);
      const list = await t.admin('GET', '/leads?q=13500004444');
      expect(list.body.items).toHaveLength(1);
      const touches = (await t.admin('GET', `/leads/${first.body.lead.id}/timeline`)).body.items.filter(
        (e: any) => e.type === 'touch',
      );
      expect(touches).toHaveLength(1);
    });

    it('refuses a key reused with another body (422)', async () => {
      await t.admin(
        'POST',
        '/leads',
        { name: '键', phone: '13500005555', channel: 'sem' },
        { 'idempotency-key': 'retry-2' },
      );
      const other = await t.admin(
        'POST',
        '/leads',
        { name: '键', phone: '13500006666', channel: 'sem' },
        { 'idempotency-key': 'retry-2' },
      );
      expect(other.status).toBe(422);
      expect(isProblem(other)).toBe(true);
    });
  });

  it('creates exactly one lead when the same person is captured concurrently', async () => {
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.admin('POST', '/leads', {
          name: '并发',
          phone: '13300007777',
          email: i % 2 ? 'conc@example.cn' : undefined,
          channel: 'sem',
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(11);
    expect(new Set(replies.map((r) => r.body.lead.id)).size).toBe(1);
  });
});

describe.each(engines())('merge revert (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('splits a wrong merge back into two leads and clears only the fields it filled', async () => {
    const original = await t.admin('POST', '/leads', {
      name: '陈静',
      phone: '13911112222',
      channel: 'sem',
      utm: { source: 'baidu' },
    });
    t.clock.advance(60_000);
    const repeat = await t.admin('POST', '/leads', {
      name: '陈静（前台）',
      phone: '139-1111-2222',
      email: 'reception@example.cn',
      title: '前台',
      channel: 'hotline',
    });
    expect(repeat.status).toBe(200);
    const merges = await t.admin('GET', `/leads/${original.body.lead.id}/merges`);
    expect(merges.body.items).toHaveLength(1);
    expect(merges.body.items[0]).toMatchObject({
      matchedOn: 'phone',
      filled: { email: 'reception@example.cn', title: '前台' },
      revertedAt: null,
    });

    const sdr = await makeUser(t, 'sdr');
    const denied = await sdr.call('POST', `/merges/${merges.body.items[0].id}/revert`);
    expect(denied.status).toBe(403);

    const reverted = await t.admin('POST', `/merges/${merges.body.items[0].id}/revert`);
    expect(reverted.status).toBe(200);
    expect(reverted.body.lead).toMatchObject({ id: original.body.lead.id, email: null, title: null, name: '陈静' });
    expect(reverted.body.lead.latestSource.channel).toBe('sem');
    expect(reverted.body.splitLead).toMatchObject({
      name: '陈静(前台)',
      email: 'reception@example.cn',
      title: '前台',
      phone: '+8613911112222',
      channel: 'hotline',
      status: 'new',
    });
    expect(reverted.body.splitLead.originalSource.channel).toBe('hotline');

    const again = await t.admin('POST', `/merges/${merges.body.items[0].id}/revert`);
    expect(again.status).toBe(409);
    const timeline = await t.admin('GET', `/leads/${original.body.lead.id}/timeline`);
    expect(timeline.body.items.filter((e: any) => e.type === 'touch')).toHaveLength(1);
    expect(timeline.body.items.some((e: any) => e.data.action === 'lead.merge_reverted')).toBe(true);
  });
});
