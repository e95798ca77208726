/**
 * The pool listing, tags and saved segments through the API (SPEC §7): filters by channel,
 * region, industry, score, tags and name/company, cursor pagination, segments saved, applied,
 * overridden and deleted, and a segment's CSV export for marketing automation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('pool filters and segments (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let marketing: User;
  let sales: User;
  let phone = 13300030000;
  /** 上海 互联网 总经理 1000 人 (60), 杭州 制造业 经理 (23), 北京 金融 (13). */
  const lead: Record<'sh' | 'hz' | 'bj', string> = { sh: '', hz: '', bj: '' };

  const pooled = async (body: Record<string, unknown>) => {
    phone += 1;
    const r = await t.admin('POST', '/leads', { phone: String(phone), channel: 'nurture_list', ...body });
    expect(r.status, r.text).toBe(201);
    expect(r.body.lead.status).toBe('nurturing');
    return r.body.lead as { id: string; score: number };
  };
  const ids = async (query: string, who: User = sdr) => {
    const r = await who.call('GET', `/pool?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body.items.map((l: { id: string }) => l.id);
  };

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    marketing = await makeUser(t, 'marketing');
    sales = await makeUser(t, 'sales');
    expect(
      (await t.admin('POST', '/channels', { id: 'nurture_list', name: 'Nurture', kind: 'free', defaultPath: 'pool' }))
        .status,
    ).toBe(201);
    const sh = await pooled({
      name: '上海客户',
      company: '筛选甲科技',
      region: '上海',
      industry: '互联网',
      title: '总经理',
      employees: 1000,
    });
    const hz = await pooled({
      name: '杭州客户',
      company: '筛选乙制造',
      region: '杭州',
      industry: '制造业',
      title: '经理',
    });
    const bj = await pooled({ name: '北京客户', company: '筛选丙金融', region: '北京', industry: '金融' });
    expect([sh.score, hz.score, bj.score]).toEqual([60, 23, 13]);
    Object.assign(lead, { sh: sh.id, hz: hz.id, bj: bj.id });
  });
  afterAll(async () => t?.stop());

  it('lists the pool highest score first, shaped like leads, and filters by channel, region, industry and score', async () => {
    const all = await sdr.call('GET', '/pool?q=筛选');
    expect(all.body.items.map((l: any) => l.id)).toEqual([lead.sh, lead.hz, lead.bj]);
    expect(all.body.items[0]).toMatchObject({ status: 'nurturing', ownerId: null, tags: [], doNotContact: false });
    expect(all.body.nextCursor).toBeNull();

    expect(await ids('q=筛选&channel=nurture_list')).toEqual([lead.sh, lead.hz, lead.bj]);
    expect(await ids('q=筛选&channel=sem')).toEqual([]);
    expect(await ids('q=筛选&region=浙江')).toEqual([lead.hz]);
    expect(await ids('q=筛选&region=33')).toEqual([lead.hz]);
    expect(await ids('q=筛选&region=上海市')).toEqual([lead.sh]);
    expect(await ids('q=筛选&industry=制造业')).toEqual([lead.hz]);
    expect(await ids('q=筛选&minScore=23')).toEqual([lead.sh, lead.hz]);
    expect(await ids('q=筛选&maxScore=23')).toEqual([lead.hz, lead.bj]);
    expect(await ids('q=筛选&minScore=14&maxScore=59')).toEqual([lead.hz]);
    expect(await ids('q=乙制造')).toEqual([lead.hz]);
    expect(await ids('q=北京客户')).toEqual([lead.bj]);
    expect(await ids('q=筛选', marketing)).toHaveLength(3);
  });

  it('pages with a cursor through the same order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await sdr.call('GET', `/pool?q=筛选&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status, r.text).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...r.body.items.map((l: any) => l.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([lead.sh, lead.hz, lead.bj]);
  });

  it('answers bad queries with a 400 naming the parameter, and roles outside the pool with a 403', async () => {
    const bad = async (query: string, field: string) => {
      const r = await sdr.call('GET', `/pool?${query}`);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad('minScore=50&maxScore=10', 'query.maxScore');
    await bad('minScore=high', 'query.minScore');
    await bad('limit=0', 'query.limit');
    await bad('cursor=not-a-cursor', 'query.cursor');
    await bad('resurfaced=maybe', 'query.resurfaced');
    await bad('colour=red', 'query.colour');
    await bad(`tag=${'x'.repeat(41)}`, 'query.tag[0]');
    expectProblem(await sales.call('GET', '/pool'), 403);
    expectProblem(await sdr.call('GET', '/pool?segment=no-such-segment'), 404);
  });

  it('tags a lead (trimmed, duplicates dropped) and filters by every tag given', async () => {
    const r = await sdr.call('PUT', `/leads/${lead.sh}/tags`, { tags: [' webinar-2026 ', '高意向', 'Webinar-2026'] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.tags).toEqual(['webinar-2026', '高意向']);
    expect((await sdr.call('PUT', `/leads/${lead.hz}/tags`, { tags: ['webinar-2026'] })).status).toBe(200);
    expect((await sdr.call('GET', `/leads/${lead.sh}`)).body.tags).toEqual(['webinar-2026', '高意向']);
    expect(await ids('tag=webinar-2026')).toEqual([lead.sh, lead.hz]);
    expect(await ids(`tag=webinar-2026,${encodeURIComponent('高意向')}`)).toEqual([lead.sh]);
    const timeline = (await sdr.call('GET', `/leads/${lead.hz}/timeline`)).body.items;
    expect(timeline.find((e: any) => e.data.action === 'lead.tags_changed')).toMatchObject({
      actorId: sdr.id,
      data: { from: { tags: [] }, to: { tags: ['webinar-2026'] } },
    });

    const bad = async (tags: unknown, field: string) => {
      const res = await sdr.call('PUT', `/leads/${lead.bj}/tags`, { tags });
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad(['ok', '  '], 'tags[1]');
    await bad(['a,b'], 'tags[0]');
    await bad(['x'.repeat(41)], 'tags[0]');
    await bad(
      Array.from({ length: 21 }, (_, i) => `t${i}`),
      'tags',
    );
    await bad('vip', 'tags');
    expectProblem(await sales.call('PUT', `/leads/${lead.bj}/tags`, { tags: ['x'] }), 403);
    expectProblem(await sdr.call('PUT', '/leads/nope/tags', { tags: ['x'] }), 404);
  });

  it('saves segments, applies them (query filters win), lists and deletes them', async () => {
    const saved = await sdr.call('POST', '/pool/segments', {
      name: '上海高分',
      filters: { region: '上海', minScore: 50, q: '筛选' },
    });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.body).toMatchObject({
      name: '上海高分',
      filters: { region: '上海', minScore: 50, q: '筛选' },
      createdBy: sdr.id,
    });
    const id = saved.body.id as string;
    const dup = await marketing.call('POST', '/pool/segments', { name: '上海高分', filters: {} });
    expectProblem(dup, 409);

    expect(await ids(`segment=${id}`)).toEqual([lead.sh]);
    const overridden = await sdr.call('GET', `/pool?segment=${id}&region=${encodeURIComponent('浙江')}&minScore=0`);
    expect(overridden.body.items.map((l: any) => l.id)).toEqual([lead.hz]);
    expect(overridden.body.filters).toEqual({ region: '浙江', minScore: 0, q: '筛选' });

    const list = await marketing.call('GET', '/pool/segments');
    expect(list.body.items.map((s: any) => s.name)).toContain('上海高分');

    const bad = async (body: unknown, field: string) => {
      const r = await sdr.call('POST', '/pool/segments', body);
      expectProblem(r, 400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ name: '坏', filters: { minScore: 80, maxScore: 10 } }, 'filters.maxScore');
    await bad({ name: '坏', filters: { colour: 'red' } }, 'filters.colour');
    await bad({ name: '坏', filters: { minScore: 'high' } }, 'filters.minScore');
    await bad({ name: '坏', filters: { tags: [' '] } }, 'filters.tags[0]');
    await bad({ name: '   ', filters: {} }, 'name');
    await bad({ filters: {} }, 'name');
    expectProblem(await sales.call('POST', '/pool/segments', { name: '销售', filters: {} }), 403);

    const colleague = await makeUser(t, 'sdr', { team: '华东SDR组' });
    expectProblem(await colleague.call('DELETE', `/pool/segments/${id}`), 403);
    const removed = await sdr.call('DELETE', `/pool/segments/${id}`);
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body).toEqual({ removed: id });
    expect((await sdr.call('GET', '/pool/segments')).body.items.map((s: any) => s.id)).not.toContain(id);
    expectProblem(await sdr.call('DELETE', `/pool/segments/${id}`), 404);
    expectProblem(await sdr.call('GET', `/pool?segment=${id}`), 404);
  });

  it('exports a segment as CSV for marketing automation, leaving out do-not-contact leads', async () => {
    const formula = await pooled({ name: '=HYPERLINK("x")', company: '筛选丁', region: '上海' });
    await sdr.call('PUT', `/leads/${formula.id}/tags`, { tags: ['webinar-2026'] });
    const segment = await marketing.call('POST', '/pool/segments', {
      name: 'Webinar 2026',
      filters: { tags: ['webinar-2026'] },
    });
    expect(segment.status, segment.text).toBe(201);
    const url = `/pool/segments/${segment.body.id}/export`;

    const csv = await marketing.call('GET', url);
    expect(csv.status, csv.text).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect(csv.headers.get('x-leadloop-excluded-do-not-contact')).toBe('0');
    const lines = (csv.text as string)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,name,phone,email,company,title,region,industry,employees,channel,score,grade,tags,status,createdAt',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1].startsWith(`${lead.sh},上海客户,+86`)).toBe(true);
    expect(lines[1]).toContain('"webinar-2026;高意向"');
    expect(lines.find((l) => l.startsWith(formula.id))).toContain(`"'=HYPERLINK(""x"")"`);

    const flagged = await sdr.call('PUT', `/leads/${lead.hz}/contact-preferences`, {
      doNotContact: true,
      reason: '退订',
    });
    expect(flagged.status, flagged.text).toBe(200);
    const after = await marketing.call('GET', url);
    expect(after.headers.get('x-leadloop-excluded-do-not-contact')).toBe('1');
    const rows = (after.text as string)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .slice(1);
    expect(rows.map((l) => l.split(',')[0]).sort()).toEqual([lead.sh, formula.id].sort());
    expect(await ids('tag=webinar-2026')).toContain(lead.hz);

    expectProblem(await sales.call('GET', url), 403);
    expectProblem(await marketing.call('GET', '/pool/segments/nope/export'), 404);
    const audit = await t.admin('GET', `/audit?entityType=segment&entityId=${segment.body.id}`);
    const exported = audit.body.items.filter((e: any) => e.action === 'segment.exported');
    expect(exported).toHaveLength(2);
    expect(exported[1]).toMatchObject({ actorId: marketing.id, to: { rows: 2, excludedDoNotContact: 1 } });
  });
});
