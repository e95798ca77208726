/**
 * Bad input gets a clear 4xx problem+json naming the field, never a 500 (SPEC §10, §11); and
 * GET /leads pages with a cursor and filters (SPEC §10.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

/** 400 problem+json whose errors[].field names `field`. */
function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(
    expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
  );
}

const valid = { name: '张伟', phone: '13912340000', channel: 'sem' };

describe.each(engines())('bad input over HTTP (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  describe('POST /leads names every invalid field (§2, §11)', () => {
    it.each([
      ['a missing name', { phone: '13912340001', channel: 'sem' }, 'name'],
      ['a blank name', { name: '   ', phone: '13912340001', channel: 'sem' }, 'name'],
      ['a number for the name', { ...valid, name: 42 }, 'name'],
      ['a number for the company', { ...valid, company: 12345 }, 'company'],
      ['an unknown top-level field', { ...valid, nickname: '小张' }, 'nickname'],
      ['an invalid phone', { ...valid, phone: '12' }, 'phone'],
      ['a phone of words', { ...valid, phone: 'call me maybe' }, 'phone'],
      ['an invalid e-mail', { name: '张伟', email: 'not-an-email', channel: 'sem' }, 'email'],
      ['an unknown channel', { ...valid, channel: 'carrier_pigeon' }, 'channel'],
      ['a missing channel', { name: '张伟', phone: '13912340001' }, 'channel'],
      ['negative employees', { ...valid, employees: -5 }, 'employees'],
      ['fractional employees', { ...valid, employees: 2.5 }, 'employees'],
      ['employees as text', { ...valid, employees: 'many' }, 'employees'],
      ['a utm.source over 200 characters', { ...valid, utm: { source: 'x'.repeat(201) } }, 'utm.source'],
      ['an unknown utm field', { ...valid, utm: { sauce: 'baidu' } }, 'utm.sauce'],
      ['utm as a string', { ...valid, utm: 'baidu' }, 'utm'],
      ['fields as an array', { ...valid, fields: ['a'] }, 'fields'],
    ])('%s → 400 naming the field', async (_, body, field) => {
      const r = await t.admin('POST', '/leads', body);
      expectFieldError(r, field);
      expect(r.body.type).not.toBe('about:blank');
    });

    it('neither phone nor e-mail → 400 naming the contact field', async () => {
      const r = await t.admin('POST', '/leads', { name: '无联系', company: '某公司', channel: 'sem' });
      expectProblem(r, 400);
      expect(r.body.errors.map((e: any) => e.field)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(phone|email)$/)]),
      );
    });

    it('names every field at fault at once', async () => {
      const r = await t.admin('POST', '/leads', {
        name: '多错',
        phone: '12',
        email: 'nope',
        channel: 'carrier_pigeon',
      });
      expectProblem(r, 400);
      expect(r.body.errors.map((e: any) => e.field).sort()).toEqual(['channel', 'email', 'phone']);
    });

    it('stores nothing for a refused lead', async () => {
      await t.admin('POST', '/leads', { ...valid, phone: '13912340099', employees: -1 });
      expect((await t.admin('GET', '/leads?q=13912340099')).body.items).toEqual([]);
    });
  });

  describe('bodies that are not a lead at all', () => {
    it('malformed JSON → 400 problem', async () => {
      const r = await t.admin('POST', '/leads', '{"name": "张伟", ');
      expectProblem(r, 400);
      expect(r.body.errors?.[0]?.field).toBe('body');
    });

    it('an empty JSON body → 400 problem', async () => {
      expectProblem(await t.admin('POST', '/leads', ''), 400);
    });

    it.each([['null'], ['[]'], ['"a lead"'], ['42']])('the JSON value %s → 400 problem', async (json) => {
      expectProblem(await t.admin('POST', '/leads', json), 400);
    });

    it('a body over the 16 MiB limit → 413 problem+json', async () => {
      const big = JSON.stringify({ ...valid, fields: { notes: 'x'.repeat(16 * 1024 * 1024 + 1) } });
      expectProblem(await t.admin('POST', '/leads', big), 413);
      expectProblem(
        await t.admin(
          'POST',
          '/leads/bulk',
          JSON.stringify({ leads: [{ ...valid, name: 'x'.repeat(17 * 1024 * 1024) }] }),
        ),
        413,
      );
    });

    it.each([
      ['text/plain', JSON.stringify(valid)],
      ['application/xml', '<lead><name>张伟</name></lead>'],
      ['application/x-www-form-urlencoded', 'name=%E5%BC%A0%E4%BC%9F&phone=13912340000&channel=sem'],
    ])('a %s body → a 4xx problem, never a 500', async (contentType, body) => {
      const r = await t.admin('POST', '/leads', body, { 'content-type': contentType });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expectProblem(r, r.status);
    });

    it('an Idempotency-Key over 200 characters → 400 naming the header', async () => {
      expectFieldError(
        await t.admin('POST', '/leads', valid, { 'idempotency-key': 'k'.repeat(201) }),
        'header.idempotency-key',
      );
    });
  });

  describe('GET /leads query parameters', () => {
    it.each([['limit=0'], ['limit=abc'], ['limit=501'], ['limit=2.5'], ['limit=-1']])(
      '%s → 400 naming query.limit',
      async (query) => {
        expectFieldError(await t.admin('GET', `/leads?${query}`), 'query.limit');
      },
    );

    it('a garbage cursor → 400 naming query.cursor', async () => {
      for (const cursor of ['garbage', 'eyJub3QiOiJhIGN1cnNvciJ9', Buffer.from('{"id":1}').toString('base64url')]) {
        expectFieldError(await t.admin('GET', `/leads?cursor=${cursor}`), 'query.cursor');
      }
    });

    it.each([['99999-01-01'], ['-000001-01-01T00:00:00.000Z']])(
      'a hand-made cursor at the time %s → a page or 400 naming query.cursor, never a 500',
      async (createdAt) => {
        await t.admin('POST', '/leads', { ...valid, phone: '13912340055' });
        const forged = Buffer.from(JSON.stringify({ createdAt, id: 'x' })).toString('base64url');
        const r = await t.admin('GET', `/leads?cursor=${forged}`);
        expect([200, 400], r.text).toContain(r.status);
        if (r.status === 400) expectFieldError(r, 'query.cursor');
      },
    );

    it.each([
      ['status=bogus', 'query.status'],
      ['createdFrom=yesterday', 'query.createdFrom'],
      ['history=maybe', 'query.history'],
      [`q=${'x'.repeat(101)}`, 'query.q'],
      ['sort=name', 'query.sort'],
    ])('%s → 400 naming %s', async (query, field) => {
      expectFieldError(await t.admin('GET', `/leads?${query}`), field);
    });
  });

  describe('routes and paths', () => {
    it('an unknown route → 404 problem, with or without a token', async () => {
      expectProblem(await t.admin('GET', '/no-such-thing'), 404);
      expectProblem(await t.as(null)('GET', '/no-such-thing'), 404);
      expectProblem(await t.admin('POST', '/leads/some-id/no-such-action', {}), 404);
      expectProblem(await t.admin('DELETE', '/leads'), 404);
    });

    it('an unknown lead → 404 problem', async () => {
      const r = await t.admin('GET', '/leads/00000000-0000-0000-0000-000000000000');
      expectProblem(r, 404);
      expect(r.body.detail).toContain('00000000-0000-0000-0000-000000000000');
      expectProblem(await t.admin('GET', '/leads/00000000-0000-0000-0000-000000000000/timeline'), 404);
    });

    it('an over-long lead id → a 4xx problem+json, never a bare framework error', async () => {
      const r = await t.admin('GET', `/leads/${'a'.repeat(150)}`);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expectProblem(r, r.status);
    });
  });

  describe('POST /leads/bulk', () => {
    it('refuses 10,001 leads: 400 naming leads, and stores none of them', async () => {
      const leads = Array.from({ length: 10_001 }, (_, i) => ({
        name: `批量${i}`,
        email: `bulk-over-${i}@example.cn`,
        channel: 'sem',
      }));
      const r = await t.admin('POST', '/leads/bulk', { leads });
      expectFieldError(r, 'leads');
      expect((await t.admin('GET', '/leads?q=bulk-over-')).body.items).toEqual([]);
    });

    it.each([
      ['an empty list', { leads: [] }, 'leads'],
      ['no list', {}, 'leads'],
      ['a list that is an object', { leads: { a: 1 } }, 'leads'],
      ['an unknown top-level field', { leads: [valid], dryRun: true }, 'dryRun'],
    ])('refuses %s (400 naming %s)', async (_, body, field) => {
      expectFieldError(await t.admin('POST', '/leads/bulk', body), field);
    });

    it('takes the good items and reports the bad ones by index (200)', async () => {
      const r = await t.admin('POST', '/leads/bulk', {
        leads: [
          { name: '好一', phone: '13912341001', company: '批量好公司', channel: 'sem' },
          { name: '缺渠道', phone: '13912341002' },
          { name: '好二', email: 'good.two@example.cn', company: '批量好公司', channel: 'hotline' },
          { name: '坏电话', phone: '12', channel: 'sem' },
          42,
          { name: '未知字段', phone: '13912341003', channel: 'sem', nickname: 'x' },
          { name: '好一', phone: '+86 139 1234 1001', channel: 'event_offline' },
        ],
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body.created).toBe(2);
      expect(r.body.merged).toBe(1);
      expect(r.body.failed.map((f: any) => f.index)).toEqual([1, 3, 4, 5]);
      const failedFields = Object.fromEntries(
        r.body.failed.map((f: any) => [f.index, f.errors.map((e: any) => e.field)]),
      );
      expect(failedFields[1]).toContain('channel');
      expect(failedFields[3]).toContain('phone');
      expect(failedFields[5]).toContain('nickname');
      expect(
        r.body.failed.every(
          (f: any) => f.errors.length > 0 && f.errors.every((e: any) => typeof e.message === 'string'),
        ),
      ).toBe(true);

      expect(r.body.results.map((x: any) => x.index)).toEqual([0, 2, 6]);
      const [first, second, repeat] = r.body.results;
      expect(repeat).toMatchObject({ id: first.id, merged: true });
      for (const [result, name] of [
        [first, '好一'],
        [second, '好二'],
      ] as const) {
        const lead = await t.admin('GET', `/leads/${result.id}`);
        expect(lead.status).toBe(200);
        expect(lead.body.name).toBe(name);
      }
      const listed = await t.admin('GET', `/leads?q=${encodeURIComponent('批量好公司')}`);
      expect(listed.body.items.map((l: any) => l.id).sort()).toEqual([first.id, second.id].sort());
    });
  });

  describe('other endpoints name their fields too', () => {
    it('POST /users: missing name, unknown field, short password', async () => {
      expectFieldError(await t.admin('POST', '/users', { email: 'n@example.cn', role: 'sdr' }), 'name');
      expectFieldError(
        await t.admin('POST', '/users', { name: 'N', email: 'n@example.cn', role: 'sdr', nickname: 'x' }),
        'nickname',
      );
      expectFieldError(
        await t.admin('POST', '/users', { name: 'N', email: 'n@example.cn', role: 'sdr', password: 'short' }),
        'password',
      );
    });

    it('POST /channels: a bad id and a bad kind', async () => {
      expectFieldError(await t.admin('POST', '/channels', { id: 'Bad Id!', name: 'x', kind: 'paid' }), 'id');
      expectFieldError(await t.admin('POST', '/channels', { id: 'good_id', name: 'x', kind: 'expensive' }), 'kind');
    });

    it('GET /audit: a bad limit', async () => {
      expectFieldError(await t.admin('GET', '/audit?limit=0'), 'query.limit');
    });

    it('POST /imports without a multipart file → 400 naming file', async () => {
      expectFieldError(await t.admin('POST', '/imports', { rows: [] }), 'file');
    });
  });
});

describe.each(engines())('listing leads: cursor pagination and filters (%s)', (engine) => {
  let t: TestServer;
  let sdr: Awaited<ReturnType<typeof makeUser>>;
  /** The seven paged leads in creation order (oldest first). */
  const paged: string[] = [];
  let coldCall: string;
  let expo: string;

  beforeAll(async () => {
    t = await startTestServer(engine);
    for (let i = 1; i <= 7; i++) {
      const r = await t.admin('POST', '/leads', {
        name: `分页${i}`,
        phone: `1370000000${i}`,
        channel: 'content_download',
      });
      expect(r.status).toBe(201);
      paged.push(r.body.lead.id);
      t.clock.advance(60_000);
    }
    sdr = await makeUser(t, 'sdr');
    const cold = await sdr.call('POST', '/leads', {
      name: '陌拜客户',
      phone: '13811112222',
      company: '远山贸易有限公司',
      channel: 'outbound',
    });
    expect(cold.body.lead).toMatchObject({ status: 'working', ownerId: sdr.id });
    coldCall = cold.body.lead.id;
    t.clock.advance(60_000);
    expo = (
      await t.admin('POST', '/leads', {
        name: 'Expo Visitor',
        email: 'visitor@blueharbor.com.cn',
        company: 'Blue Harbor Logistics',
        channel: 'event_offline',
      })
    ).body.lead.id;
  });
  afterAll(async () => t?.stop());

  const ids = (r: Reply) => r.body.items.map((l: any) => l.id);

  async function allPages(path: string, limit: number) {
    const pages: Reply[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const r: Reply = await t.admin(
        'GET',
        `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status, r.text).toBe(200);
      pages.push(r);
      cursor = r.body.nextCursor;
      expect(pages.length).toBeLessThan(20);
    } while (cursor);
    return pages;
  }

  it('pages 7 leads by 3 as 3, 3, 1, newest first, without duplicates, ending with nextCursor null', async () => {
    const pages = await allPages('/leads?channel=content_download', 3);
    expect(pages.map((p) => p.body.items.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.body.nextCursor === null)).toEqual([false, false, true]);
    const seen = pages.flatMap(ids);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual([...paged].reverse());
    const times = pages.flatMap((p) => p.body.items.map((l: any) => Date.parse(l.createdAt)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages everything the caller may see, exactly once', async () => {
    const pages = await allPages('/leads', 4);
    expect(pages.map((p) => p.body.items.length)).toEqual([4, 4, 1]);
    expect(pages.flatMap(ids)).toEqual([expo, coldCall, ...[...paged].reverse()]);
  });

  it('answers one page with nextCursor null when everything fits', async () => {
    const r = await t.admin('GET', '/leads?channel=content_download&limit=7');
    expect(ids(r)).toHaveLength(7);
    expect(r.body.nextCursor).toBeNull();
  });

  it('filters by status', async () => {
    expect(ids(await t.admin('GET', '/leads?status=working'))).toEqual([coldCall]);
    expect(ids(await t.admin('GET', '/leads?status=new&limit=100'))).toHaveLength(8);
    expect(ids(await t.admin('GET', '/leads?status=won'))).toEqual([]);
  });

  it('filters by channel', async () => {
    expect(ids(await t.admin('GET', '/leads?channel=event_offline'))).toEqual([expo]);
    expect(ids(await t.admin('GET', '/leads?channel=outbound'))).toEqual([coldCall]);
  });

  it('filters by owner: me, none, or a user id', async () => {
    expect(ids(await sdr.call('GET', '/leads?ownerId=me'))).toEqual([coldCall]);
    expect(ids(await t.admin('GET', '/leads?ownerId=me'))).toEqual([]);
    expect(ids(await t.admin('GET', `/leads?ownerId=${sdr.id}`))).toEqual([coldCall]);
    const unowned = ids(await t.admin('GET', '/leads?ownerId=none&limit=100'));
    expect(unowned).toEqual([expo, ...[...paged].reverse()]);
  });

  it('searches by phone digits, by company and by e-mail', async () => {
    expect(ids(await t.admin('GET', '/leads?q=13811112222'))).toEqual([coldCall]);
    expect(ids(await t.admin('GET', '/leads?q=1111222'))).toEqual([coldCall]);
    expect(ids(await t.admin('GET', `/leads?q=${encodeURIComponent('+8613811112222')}`))).toEqual([coldCall]);
    expect(ids(await t.admin('GET', `/leads?q=${encodeURIComponent('远山贸易')}`))).toEqual([coldCall]);
    expect(ids(await t.admin('GET', `/leads?q=${encodeURIComponent('blue harbor')}`))).toEqual([expo]);
    expect(ids(await t.admin('GET', '/leads?q=visitor%40blueharbor'))).toEqual([expo]);
    expect(ids(await t.admin('GET', '/leads?q=no-such-lead-anywhere'))).toEqual([]);
    // LIKE wildcards are taken literally
    expect(ids(await t.admin('GET', '/leads?q=%25'))).toEqual([]);
  });

  it('combines filters with pagination', async () => {
    const pages = await allPages('/leads?status=new&ownerId=none&channel=content_download', 5);
    expect(pages.map((p) => p.body.items.length)).toEqual([5, 2]);
    expect(pages.flatMap(ids)).toEqual([...paged].reverse());
  });
});
