/**
 * Behaviour tracking through the API (SPEC §2, §10.1 POST /track): tracking sites, the origin
 * check and CORS, identity and type checks, rate limits refilled by the clock, stitching
 * anonymous visitors to leads (by e-mail, by leadId, and when the lead is captured later),
 * server events with a bearer token, and the /t.js snippet run in a sandbox and end to end.
 */
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

const origin = 'https://www.acme-demo.cn';

describe.each(engines())('behaviour tracking (%s)', (engine) => {
  let t: TestServer;
  let marketing: Awaited<ReturnType<typeof makeUser>>;
  let siteKey: string;

  /** POST /track as a browser (site key, Origin) or as a server (bearer token). */
  async function track(body: unknown, as: { key?: string; origin?: string; token?: string } = { key: siteKey }) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as.key) headers['x-leadloop-site-key'] = as.key;
    if (as.origin) headers.origin = as.origin;
    if (as.token) headers.authorization = `Bearer ${as.token}`;
    const res = await fetch(`${t.base}/track`, { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed, text, headers: res.headers };
  }

  async function newSite(extra: Record<string, unknown> = {}) {
    const r = await marketing.call('POST', '/tracking-sites', { name: 'site', allowedOrigins: [origin], ...extra });
    expect(r.status, r.text).toBe(201);
    return r.body.publicKey as string;
  }

  async function leadCount() {
    return (await t.admin('GET', '/leads?limit=500')).body.items.length as number;
  }

  async function behavioursOf(leadId: string) {
    const r = await t.admin('GET', `/leads/${leadId}/behaviours?limit=500`);
    expect(r.status, r.text).toBe(200);
    return r.body.items as any[];
  }

  async function newLead(email: string, name = '张伟') {
    const r = await t.admin('POST', '/leads', { name, email, channel: 'sem' });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  }

  beforeAll(async () => {
    t = await startTestServer(engine);
    marketing = await makeUser(t, 'marketing');
    siteKey = await newSite({ rateLimit: { perMinute: 10_000, perVisitorPerMinute: 10_000 } });
  });
  afterAll(async () => t?.stop());

  describe('tracking sites (settings)', () => {
    it('marketing registers a site: 201 with a public key and normalised origins; GET lists it', async () => {
      const r = await marketing.call('POST', '/tracking-sites', {
        name: '官网',
        allowedOrigins: ['HTTPS://WWW.Example.CN/', 'https://www.example.cn', 'http://localhost:5173'],
      });
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({
        id: expect.any(String),
        name: '官网',
        publicKey: expect.stringMatching(/^llpk_/),
        allowedOrigins: ['https://www.example.cn', 'http://localhost:5173'],
        createdAt: '2026-03-02T01:00:00.000Z',
      });
      const list = await t.admin('GET', '/tracking-sites');
      expect(list.status).toBe(200);
      expect(list.body.items.map((s: any) => s.id)).toContain(r.body.id);
    });

    it('refuses other roles (403) and an origin with a path (400 naming it)', async () => {
      const sdr = await makeUser(t, 'sdr');
      expectProblem(await sdr.call('POST', '/tracking-sites', { name: 'x', allowedOrigins: [origin] }), 403);
      expectProblem(await sdr.call('GET', '/tracking-sites'), 403);
      const bad = await marketing.call('POST', '/tracking-sites', {
        name: 'x',
        allowedOrigins: [origin, 'https://www.example.cn/landing'],
      });
      expectProblem(bad, 400);
      expect(bad.body.errors.map((e: any) => e.field)).toEqual(['allowedOrigins[1]']);
      expectProblem(await marketing.call('POST', '/tracking-sites', { name: 'x', allowedOrigins: [] }), 400);
    });
  });

  describe('POST /track from web pages', () => {
    it('accepts an allowed origin (with CORS headers) and a request without Origin; 403 for another origin', async () => {
      const ok = await track({ visitorId: 'v-origin', type: 'page_view', url: `${origin}/` }, { key: siteKey, origin });
      expect(ok.status, ok.text).toBe(202);
      expect(ok.body).toEqual({ id: expect.any(String), leadId: null, stitched: 0 });
      expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
      expect((await track({ visitorId: 'v-origin', type: 'page_view' })).status).toBe(202);
      const evil = await track(
        { visitorId: 'v-origin', type: 'page_view' },
        { key: siteKey, origin: 'https://evil.cn' },
      );
      expectProblem(evil, 403);
      expect(evil.body.detail).toContain('https://evil.cn');
    });

    it('answers the CORS preflight for allowed origins only', async () => {
      const preflight = (o: string) =>
        fetch(`${t.base}/track`, {
          method: 'OPTIONS',
          headers: {
            origin: o,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,x-leadloop-site-key',
          },
        });
      const ok = await preflight(origin);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
      expect(ok.headers.get('access-control-allow-headers')).toContain('x-leadloop-site-key');
      expect((await preflight('https://evil.cn')).status).toBe(403);
    });

    it('401 for an unknown site key or no credentials at all', async () => {
      expectProblem(await track({ visitorId: 'v', type: 'page_view' }, { key: 'llpk_nope' }), 401);
      expectProblem(await track({ visitorId: 'v', type: 'page_view' }, {}), 401);
    });

    it('400 naming visitorId, leadId and email when the event has no identity', async () => {
      const r = await track({ type: 'page_view', url: `${origin}/` }, { key: siteKey, origin });
      expectProblem(r, 400);
      expect(r.body.errors.map((e: any) => e.field)).toEqual(['visitorId', 'leadId', 'email']);
      expect(r.headers.get('access-control-allow-origin')).toBe(origin);
    });

    it('400 naming the field for an unknown type, a bad e-mail or an unknown field', async () => {
      const type = await track({ visitorId: 'v1', type: 'teleport' });
      expectProblem(type, 400);
      expect(type.body.errors[0].field).toBe('type');
      const email = await track({ visitorId: 'v1', type: 'form_submit', email: 'not-mail' });
      expect(email.body.errors.map((e: any) => e.field)).toEqual(['email']);
      const extra = await track({ visitorId: 'v1', type: 'page_view', cookie: 'x' });
      expect(extra.body.errors.map((e: any) => e.field)).toEqual(['cookie']);
      const meta = await track({ visitorId: 'v1', type: 'page_view', meta: 'x' });
      expect(meta.body.errors.map((e: any) => e.field)).toEqual(['meta']);
    });

    it('a site key may not date events in the future or over a day back (400 naming occurredAt)', async () => {
      for (const occurredAt of ['2026-03-02T02:00:00Z', '2026-02-20T00:00:00Z']) {
        const r = await track({ visitorId: 'v1', type: 'page_view', occurredAt });
        expectProblem(r, 400);
        expect(r.body.errors[0].field).toBe('occurredAt');
      }
      expect((await track({ visitorId: 'v1', type: 'page_view', occurredAt: '2026-03-02T00:30:00Z' })).status).toBe(
        202,
      );
    });

    it('an unknown leadId → 404', async () => {
      const r = await track({ leadId: '00000000-0000-0000-0000-000000000000', type: 'email_open' });
      expectProblem(r, 404);
      expect(r.body.detail).toContain('00000000-0000-0000-0000-000000000000');
    });
  });

  describe('rate limits per key', () => {
    it('429 with Retry-After over the site limit, accepted again once the clock refills the bucket', async () => {
      const key = await newSite({ rateLimit: { perMinute: 3 } });
      for (let i = 0; i < 3; i++)
        expect((await track({ visitorId: `rl-${i}`, type: 'page_view' }, { key })).status).toBe(202);
      const over = await track({ visitorId: 'rl-9', type: 'page_view' }, { key, origin });
      expectProblem(over, 429);
      expect(over.headers.get('retry-after')).toBe('20');
      // Refused before the body is read: even a bad body is a 429 now.
      expectProblem(await track({ type: 'nonsense' }, { key }), 429);
      t.clock.advance(19_000);
      expectProblem(await track({ visitorId: 'rl-9', type: 'page_view' }, { key }), 429);
      t.clock.advance(1_000);
      expect((await track({ visitorId: 'rl-9', type: 'page_view' }, { key })).status).toBe(202);
    });

    it('limits one busy visitor without stopping the others', async () => {
      const key = await newSite({ rateLimit: { perVisitorPerMinute: 2 } });
      expect((await track({ visitorId: 'busy', type: 'page_view' }, { key })).status).toBe(202);
      expect((await track({ visitorId: 'busy', type: 'page_view' }, { key })).status).toBe(202);
      const over = await track({ visitorId: 'busy', type: 'page_view' }, { key });
      expectProblem(over, 429);
      expect(Number(over.headers.get('retry-after'))).toBe(30);
      expect((await track({ visitorId: 'calm', type: 'page_view' }, { key })).status).toBe(202);
      t.clock.advance(30_000);
      expect((await track({ visitorId: 'busy', type: 'page_view' }, { key })).status).toBe(202);
    });
  });

  describe('stitching anonymous visitors (§2)', () => {
    it('by e-mail: earlier anonymous events move to the lead, later ones go straight to it, no new lead', async () => {
      const leadId = await newLead('wang.fang@acme-demo.cn', '王芳');
      const before = await leadCount();
      for (const path of ['/', '/pricing', '/cases']) {
        const r = await track({ visitorId: 'v-email', type: 'page_view', url: `${origin}${path}` });
        expect(r.body.leadId).toBeNull();
      }
      t.clock.advance(60_000);
      const form = await track({ visitorId: 'v-email', type: 'form_submit', email: ' Wang.Fang@ACME-demo.cn ' });
      expect(form.status, form.text).toBe(202);
      expect(form.body).toEqual({ id: expect.any(String), leadId, stitched: 3 });
      t.clock.advance(60_000);
      const later = await track({ visitorId: 'v-email', type: 'download', url: `${origin}/whitepaper.pdf` });
      expect(later.body).toEqual({ id: expect.any(String), leadId, stitched: 0 });

      const items = await behavioursOf(leadId);
      expect(items.map((b) => b.type)).toEqual(['download', 'form_submit', 'page_view', 'page_view', 'page_view']);
      expect(items.every((b) => b.visitorId === 'v-email')).toBe(true);
      expect(items[0]).toMatchObject({ url: `${origin}/whitepaper.pdf`, at: t.clock.now().toISOString(), meta: {} });
      expect(await leadCount()).toBe(before);

      const timeline = (await t.admin('GET', `/leads/${leadId}/timeline`)).body.items as any[];
      expect(timeline.filter((e) => e.type === 'behaviour')).toHaveLength(5);
      const stitch = timeline.find((e) => e.data.action === 'visitor.stitched');
      expect(stitch.data.reason).toMatch(/^visitor v-email stitched: 3 events/);
    });

    it('by leadId (an e-mail click): earlier events move, and the count of leads is unchanged', async () => {
      const leadId = await newLead('li.lei@acme-demo.cn', '李雷');
      const before = await leadCount();
      await track({ visitorId: 'v-lead', type: 'page_view' });
      await track({ visitorId: 'v-lead', type: 'chat', meta: { transcriptId: 'c-1' } });
      const click = await track({
        visitorId: 'v-lead',
        leadId,
        type: 'email_click',
        url: `${origin}/?utm_medium=email`,
      });
      expect(click.body).toEqual({ id: expect.any(String), leadId, stitched: 2 });
      expect((await behavioursOf(leadId)).map((b) => b.type).sort()).toEqual(['chat', 'email_click', 'page_view']);
      expect(await leadCount()).toBe(before);
      // Identifying again as the same lead moves nothing and records no second stitch.
      expect((await track({ visitorId: 'v-lead', leadId, type: 'email_open' })).body.stitched).toBe(0);
      const timeline = (await t.admin('GET', `/leads/${leadId}/timeline`)).body.items as any[];
      expect(timeline.filter((e) => e.data.action === 'visitor.stitched')).toHaveLength(1);
    });

    it('an e-mail no lead has yet is remembered; capturing the lead later stitches the visitor', async () => {
      const before = await leadCount();
      await track({ visitorId: 'v-later', type: 'page_view' });
      t.clock.advance(1_000);
      await track({ visitorId: 'v-later', type: 'download', url: `${origin}/report.pdf` });
      t.clock.advance(1_000);
      const identify = await track({ visitorId: 'v-later', type: 'identify', email: 'Zhao.Lei@acme-demo.cn' });
      expect(identify.body).toEqual({ id: null, leadId: null, stitched: 0 });
      await track({ visitorId: 'v-later', type: 'page_view', url: `${origin}/contact` });
      expect(await leadCount()).toBe(before);

      t.clock.advance(3_600_000);
      const captured = await t.admin('POST', '/leads', {
        name: '赵磊',
        email: 'zhao.lei@ACME-DEMO.cn',
        channel: 'sem',
      });
      expect(captured.status).toBe(201);
      const leadId = captured.body.lead.id;
      const items = await behavioursOf(leadId);
      expect(items.map((b) => b.type)).toEqual(['page_view', 'download', 'page_view']);
      const timeline = (await t.admin('GET', `/leads/${leadId}/timeline`)).body.items as any[];
      expect(timeline.find((e) => e.data.action === 'visitor.stitched').data.reason).toMatch(
        /^visitor v-later stitched: 3 events/,
      );
      // From now on the visitor's anonymous events go straight to the lead.
      expect((await track({ visitorId: 'v-later', type: 'page_view' })).body.leadId).toBe(leadId);
    });

    it('server events carrying only an e-mail wait for the lead, captured later by bulk', async () => {
      const sent = await track({ email: 'qian.jin@acme-demo.cn', type: 'email_open' }, { token: marketing.token });
      expect(sent.body.leadId).toBeNull();
      const bulk = await t.admin('POST', '/leads/bulk', {
        leads: [{ name: '钱进', email: 'qian.jin@acme-demo.cn', channel: 'event_online' }],
      });
      expect(bulk.body.created).toBe(1);
      const leadId = bulk.body.results[0].id;
      expect((await behavioursOf(leadId)).map((b) => b.type)).toEqual(['email_open']);
    });

    it('a visitor identifying while its events arrive at once loses and double-counts nothing', async () => {
      const leadId = await newLead('sun.li@acme-demo.cn', '孙丽');
      for (let i = 0; i < 5; i++) await track({ visitorId: 'v-race', type: 'page_view', url: `${origin}/${i}` });
      const burst = await Promise.all([
        track({ visitorId: 'v-race', type: 'form_submit', email: 'sun.li@acme-demo.cn' }),
        track({ visitorId: 'v-race', leadId, type: 'email_click' }),
        ...Array.from({ length: 8 }, (_, i) =>
          track({ visitorId: 'v-race', type: 'page_view', url: `${origin}/b${i}` }),
        ),
      ]);
      expect(burst.every((r) => r.status === 202)).toBe(true);
      const items = await behavioursOf(leadId);
      expect(items).toHaveLength(15);
      const stitchedByRequests = burst.reduce((n, r) => n + r.body.stitched, 0);
      const anonymousInBurst = burst.filter((r) => r.body.leadId === null).length;
      expect(stitchedByRequests).toBe(5 + anonymousInBurst);
      const timeline = (await t.admin('GET', `/leads/${leadId}/timeline`)).body.items as any[];
      expect(timeline.filter((e) => e.data.action === 'visitor.stitched')).toHaveLength(1);
    });
  });

  describe('server events with a bearer token', () => {
    it('a server may backfill an event for a lead; roles that may not report are refused (403)', async () => {
      const leadId = await newLead('zhou.jie@acme-demo.cn', '周杰');
      const r = await track(
        { leadId, type: 'event_attend', meta: { event: '2026 CIO 峰会' }, occurredAt: '2026-01-15T08:00:00+08:00' },
        { token: marketing.token },
      );
      expect(r.status, r.text).toBe(202);
      expect(r.body).toEqual({ id: expect.any(String), leadId, stitched: 0 });
      const demo = await track({ email: 'ZHOU.JIE@acme-demo.cn', type: 'demo_request' }, { token: adminToken });
      expect(demo.body.leadId).toBe(leadId);
      const items = await behavioursOf(leadId);
      expect(items.map((b) => [b.type, b.at])).toEqual([
        ['demo_request', t.clock.now().toISOString()],
        ['event_attend', '2026-01-15T00:00:00.000Z'],
      ]);
      expect(items[1]).toMatchObject({ meta: { event: '2026 CIO 峰会' }, visitorId: null, url: null });

      const sales = await makeUser(t, 'sales');
      expectProblem(await track({ leadId, type: 'page_view' }, { token: sales.token }), 403);
      expectProblem(await track({ leadId, type: 'page_view' }, { token: 'not-a-token' }), 401);
      const future = await track(
        { leadId, type: 'page_view', occurredAt: '2027-01-01T00:00:00Z' },
        { token: marketing.token },
      );
      expect(future.body.errors[0].field).toBe('occurredAt');
    });
  });

  describe('GET /leads/{id}/behaviours', () => {
    it('pages newest first with a cursor; a lead outside the caller’s scope is 403, an unknown one 404', async () => {
      const leadId = await newLead('page.me@acme-demo.cn', '翻页');
      for (let i = 0; i < 5; i++) {
        await track({ leadId, type: 'page_view', url: `${origin}/p${i}` });
        t.clock.advance(1_000);
      }
      const first = await t.admin('GET', `/leads/${leadId}/behaviours?limit=2`);
      expect(first.body.items.map((b: any) => b.url)).toEqual([`${origin}/p4`, `${origin}/p3`]);
      const second = await t.admin('GET', `/leads/${leadId}/behaviours?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((b: any) => b.url)).toEqual([`${origin}/p2`, `${origin}/p1`]);
      const third = await t.admin('GET', `/leads/${leadId}/behaviours?limit=2&cursor=${second.body.nextCursor}`);
      expect(third.body).toEqual({ items: [expect.objectContaining({ url: `${origin}/p0` })], nextCursor: null });
      expect((await t.admin('GET', `/leads/${leadId}/behaviours?type=download`)).body.items).toEqual([]);

      expect((await t.admin('GET', `/leads/${leadId}/behaviours?cursor=garbage`)).body.errors[0].field).toBe(
        'query.cursor',
      );
      expectProblem(await t.admin('GET', `/leads/${leadId}/behaviours?type=teleport`), 400);
      const sales = await makeUser(t, 'sales');
      expectProblem(await sales.call('GET', `/leads/${leadId}/behaviours`), 403);
      expectProblem(await t.admin('GET', '/leads/00000000-0000-0000-0000-000000000000/behaviours'), 404);
    });
  });

  describe('the /t.js snippet', () => {
    /** Runs the snippet in a sandbox page; answers the requests it made and the page's window. */
    async function runSnippet(
      script: string,
      page: { href: string; referrer?: string; storage?: Map<string, string>; cookieOnly?: boolean; jar?: string[] },
      send: (url: string, init: any) => Promise<{ ok: boolean; json(): Promise<unknown> }>,
    ) {
      const storage = page.storage ?? new Map<string, string>();
      const jar = page.jar ?? [];
      const requests: { url: string; init: any; body: any }[] = [];
      const localStorage = {
        getItem: (k: string) => {
          if (page.cookieOnly) throw new Error('SecurityError');
          return storage.get(k) ?? null;
        },
        setItem: (k: string, v: string) => {
          if (page.cookieOnly) throw new Error('SecurityError');
          storage.set(k, v);
        },
      };
      const document = {
        currentScript: {
          src: `${t.server.url}/t.js`,
          getAttribute: (name: string) => (name === 'data-site-key' ? siteKey : null),
        },
        getElementsByTagName: () => [],
        referrer: page.referrer ?? '',
        title: '产品介绍',
        get cookie() {
          return jar.map((c) => c.split(';')[0]).join('; ');
        },
        set cookie(value: string) {
          const name = value.split('=')[0];
          const at = jar.findIndex((c) => c.startsWith(`${name}=`));
          if (at >= 0) jar[at] = value;
          else jar.push(value);
        },
      };
      const url = new URL(page.href);
      const sandbox: Record<string, unknown> = {
        document,
        localStorage,
        location: { href: page.href, search: url.search },
        URL,
        URLSearchParams,
        crypto: { randomUUID: () => `vis-${Math.random().toString(16).slice(2, 10)}` },
        fetch: (u: string, init: any) => {
          const body = JSON.parse(init.body);
          requests.push({ url: u, init, body });
          return send(u, init);
        },
      };
      sandbox.window = sandbox;
      vm.runInNewContext(script, sandbox);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { requests, window: sandbox as any, storage, jar };
    }

    const offline = async () => ({ ok: true, json: async () => ({}) });

    it('is served as cacheable JavaScript', async () => {
      const res = await fetch(`${t.server.url}/t.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
      expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
      const again = await fetch(`${t.server.url}/t.js`, {
        headers: { 'if-none-match': res.headers.get('etag') ?? '' },
      });
      expect(again.status).toBe(304);
    });

    it('sends a page view on load and keeps the first visit’s utm and referrer on later page views', async () => {
      const script = await (await fetch(`${t.server.url}/t.js`)).text();
      const storage = new Map<string, string>();
      const first = await runSnippet(
        script,
        {
          href: `${origin}/?utm_source=baidu&utm_medium=cpc&utm_campaign=spring`,
          referrer: 'https://www.baidu.com/s?wd=leadloop',
          storage,
        },
        offline,
      );
      expect(first.requests).toHaveLength(1);
      const [view] = first.requests;
      expect(view.url).toBe(`${t.base}/track`);
      expect(view.init).toMatchObject({ method: 'POST', keepalive: true });
      expect(view.init.headers['x-leadloop-site-key']).toBe(siteKey);
      expect(view.body).toMatchObject({
        type: 'page_view',
        visitorId: expect.stringMatching(/^vis-/),
        url: `${origin}/?utm_source=baidu&utm_medium=cpc&utm_campaign=spring`,
        meta: {
          firstTouch: {
            utm: { source: 'baidu', medium: 'cpc', campaign: 'spring' },
            referrer: 'https://www.baidu.com/s?wd=leadloop',
          },
          utm: { source: 'baidu', medium: 'cpc', campaign: 'spring' },
        },
      });

      const second = await runSnippet(
        script,
        { href: `${origin}/pricing?utm_source=wechat&utm_medium=social`, referrer: `${origin}/`, storage },
        offline,
      );
      const again = second.requests[0].body;
      expect(again.visitorId).toBe(view.body.visitorId);
      expect(again.meta.firstTouch).toEqual(view.body.meta.firstTouch);
      expect(again.meta.utm).toEqual({ source: 'wechat', medium: 'social' });
      expect(again.meta.referrer).toBe(`${origin}/`);

      second.window.leadloop.track('download', { file: 'whitepaper.pdf' });
      second.window.leadloop.identify('someone@acme-demo.cn');
      expect(second.requests.slice(1).map((r) => r.body)).toEqual([
        expect.objectContaining({ type: 'download', meta: { file: 'whitepaper.pdf' }, visitorId: again.visitorId }),
        expect.objectContaining({ type: 'identify', email: 'someone@acme-demo.cn', visitorId: again.visitorId }),
      ]);
    });

    it('keeps the visitor in a cookie when localStorage is blocked', async () => {
      const script = await (await fetch(`${t.server.url}/t.js`)).text();
      const jar: string[] = [];
      const one = await runSnippet(script, { href: `${origin}/?utm_source=bing`, cookieOnly: true, jar }, offline);
      const two = await runSnippet(script, { href: `${origin}/about`, cookieOnly: true, jar }, offline);
      expect(jar.some((c) => c.startsWith('leadloop_vid='))).toBe(true);
      expect(two.requests[0].body.visitorId).toBe(one.requests[0].body.visitorId);
      expect(two.requests[0].body.meta.firstTouch.utm).toEqual({ source: 'bing' });
    });

    it('end to end: what the snippet sends is accepted by the server and stitched on identify', async () => {
      const script = await (await fetch(`${t.server.url}/t.js`)).text();
      const answers: Promise<any>[] = [];
      const viaServer = (u: string, init: any) => {
        const answer = fetch(u, { method: init.method, headers: { ...init.headers, origin }, body: init.body }).then(
          async (r) => ({ status: r.status, body: await r.json() }),
        );
        answers.push(answer);
        return answer.then((a) => ({ ok: a.status < 300, json: async () => a.body }));
      };
      const leadId = await newLead('snippet.user@acme-demo.cn', '吴敏');
      const page = await runSnippet(
        script,
        { href: `${origin}/?utm_source=baidu`, referrer: 'https://www.baidu.com/' },
        viaServer,
      );
      await page.window.leadloop.track('download', { file: 'case.pdf' });
      const identified = await page.window.leadloop.identify('Snippet.User@acme-demo.cn');
      expect((await Promise.all(answers)).map((a) => a.status)).toEqual([202, 202, 202]);
      expect(identified).toEqual({ id: null, leadId, stitched: 2 });
      const items = await behavioursOf(leadId);
      expect(items.map((b) => b.type).sort()).toEqual(['download', 'page_view']);
      const view = items.find((b) => b.type === 'page_view');
      expect(view.meta.firstTouch).toMatchObject({ utm: { source: 'baidu' }, referrer: 'https://www.baidu.com/' });
      expect(view.visitorId).toBe(page.window.leadloop.visitorId());
    });
  });
});
