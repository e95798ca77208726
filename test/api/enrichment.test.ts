/**
 * Enrichment over HTTP (SPEC §3 first bullet): the company directory (JSON and a GBK CSV), the
 * generic HTTP JSON provider against a real HTTP server on loopback (mapping, a slow server, a
 * 500 and garbage), fills that never overwrite what a person typed, the record of which
 * provider filled what, and capture that never waits for any of it.
 */
import { execSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  engines,
  expectProblem,
  makeUser,
  type Reply,
  startTestServer,
  type TestServer,
} from '../support/server.js';

/** GBK bytes as Chinese Excel writes them, encoded by Python's codec (not by the code under test). */
const gbk = (text: string): Uint8Array =>
  new Uint8Array(
    execSync(`python3 -c "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gbk'))"`, { input: text }),
  );

const mobile = (n: number) => `137${String(10_000_000 + n).padStart(8, '0')}`;

const heyueCode = '91310000MA1FL0000X';
const yunfanCode = '91330100MA2AB1234C';
const xingheCode = '91440300MA5EX7788K';

const jsonDirectory = [
  {
    name: '上海合约检查科技股份有限公司',
    aliases: ['合约检查', 'HeyueCheck'],
    creditCode: heyueCode,
    industry: '企业软件',
    employees: '100-499人',
    registeredCapital: '1000万人民币',
    city: '上海',
    website: 'https://heyue.example.cn',
    fundingRound: 'B轮',
  },
  { name: '杭州云帆数据有限公司', creditCode: yunfanCode, industry: '大数据', employees: 80, city: '杭州' },
];

/** A stand-in for a commercial business-data API, on a random loopback port. */
interface FakeApi {
  base: string;
  requests: { path: string; query: URLSearchParams; authorization: string | undefined }[];
  stop(): Promise<void>;
}

async function startFakeApi(): Promise<FakeApi> {
  const requests: FakeApi['requests'] = [];
  const pending = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/lookup') {
      if (url.searchParams.get('name') !== '深圳星河机器人有限公司') return json(404, { error: 'not found' });
      return json(200, {
        code: 0,
        data: {
          industry: '机器人',
          staff_size: '200-499人',
          location: { city: '深圳' },
          capital: 5000,
          rounds: [{ name: 'A轮' }],
          site: 'https://xinghe.example.cn',
        },
      });
    }
    if (url.pathname === '/slow') {
      const timer = setTimeout(() => {
        pending.delete(timer);
        json(200, { data: { industry: '太迟了' } });
      }, 10_000);
      pending.add(timer);
      return;
    }
    if (url.pathname === '/broken') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end('internal error');
    }
    if (url.pathname === '/garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('<html>surprise</html>');
    }
    json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function uploadDirectory(call: Client, bytes: Uint8Array, fileName = 'directory.csv'): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart]), fileName);
  return call('PUT', '/enrichment/directory', form);
}

/** GET /leads/{id}/enrichment until `done` holds, with a deadline. */
async function waitForEnrichment(call: Client, leadId: string, done: (body: any) => boolean, ms = 15_000) {
  const deadline = performance.now() + ms;
  for (;;) {
    const r = await call('GET', `/leads/${leadId}/enrichment`);
    expect(r.status, r.text).toBe(200);
    if (done(r.body)) return r.body;
    if (performance.now() > deadline) throw new Error(`enrichment of ${leadId} not done in ${ms} ms: ${r.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const fieldsOf = (body: any) =>
  Object.fromEntries(body.items.map((i: any) => [i.field, { provider: i.provider, value: i.value }]));

describe.each(engines())('enrichment (%s)', (engine) => {
  let t: TestServer;
  let api: FakeApi;
  let n = 0;
  const capture = (extra: Record<string, unknown>) =>
    t.admin('POST', '/leads', { name: `客户${++n}`, phone: mobile(n), channel: 'sem', ...extra });

  beforeAll(async () => {
    [t, api] = await Promise.all([startTestServer(engine), startFakeApi()]);
  });
  afterAll(async () => {
    await t?.stop();
    await api?.stop();
  });

  describe('the company directory', () => {
    it('loads from JSON and finds companies by name, alias (normalised) and credit code', async () => {
      const load = await t.admin('PUT', '/enrichment/directory', jsonDirectory);
      expect(load.status, load.text).toBe(200);
      expect(load.body).toEqual({ companies: 2, format: 'json' });
      expect((await t.admin('GET', '/enrichment/directory')).body).toEqual({ companies: 2 });

      const byAlias = await t.admin(
        'GET',
        `/enrichment/directory/companies?q=${encodeURIComponent('HeyueCheck Co., Ltd.')}`,
      );
      expect(byAlias.body.items.map((c: any) => c.name)).toEqual(['上海合约检查科技股份有限公司']);
      expect(byAlias.body.items[0]).toMatchObject({
        aliases: ['合约检查', 'HeyueCheck'],
        creditCode: heyueCode,
        employees: 100,
        employeeBand: '100-499人',
        city: '上海',
      });
      const byName = await t.admin(
        'GET',
        `/enrichment/directory/companies?q=${encodeURIComponent('上海合约检查科技有限公司')}`,
      );
      expect(byName.body.items.map((c: any) => c.creditCode)).toEqual([heyueCode]);
      const byCode = await t.admin('GET', `/enrichment/directory/companies?q=${yunfanCode.toLowerCase()}`);
      expect(byCode.body.items.map((c: any) => c.name)).toEqual(['杭州云帆数据有限公司']);
      const partial = await t.admin('GET', `/enrichment/directory/companies?q=${encodeURIComponent('云帆')}`);
      expect(partial.body).toMatchObject({ total: 1, items: [{ name: '杭州云帆数据有限公司' }] });
      const all = await t.admin('GET', '/enrichment/directory/companies?limit=1');
      expect(all.body.total).toBe(2);
      expect(all.body.items).toHaveLength(1);
    });

    it('refuses a bad directory naming the row and field, and keeps the one in use', async () => {
      const bad = await t.admin('PUT', '/enrichment/directory', [
        { name: '好公司' },
        { industry: '无名' },
        { name: '坏公司', employees: '很多', creditCode: 'abc' },
        { name: '重复', creditCode: heyueCode },
        { name: '又重复', creditCode: heyueCode },
      ]);
      expectProblem(bad, 400);
      expect(bad.body.errors.map((e: any) => e.field)).toEqual([
        '[1].name',
        '[2].creditCode',
        '[2].employees',
        '[4].creditCode',
      ]);
      expectProblem(await t.admin('PUT', '/enrichment/directory', { name: 'not a list' }), 400);
      expect((await t.admin('GET', '/enrichment/directory')).body).toEqual({ companies: 2 });
    });

    it('is loaded by admins and sales ops only, and looked up by anyone', async () => {
      const sdr = await makeUser(t, 'sdr');
      expectProblem(await sdr.call('PUT', '/enrichment/directory', []), 403);
      expect((await sdr.call('GET', '/enrichment/directory/companies?q=x')).status).toBe(200);
    });
  });

  describe('filling leads from the directory', () => {
    it('enriches a captured lead named by an alias, in the background', async () => {
      const lead = await capture({ company: '合约检查' });
      expect(lead.status).toBe(201);
      expect(lead.body.lead.industry).toBeNull();
      const id = lead.body.lead.id;

      const body = await waitForEnrichment(t.admin, id, (b) => b.items.length > 0);
      expect(fieldsOf(body)).toEqual({
        industry: { provider: 'directory', value: '企业软件' },
        employees: { provider: 'directory', value: 100 },
        employeeBand: { provider: 'directory', value: '100-499人' },
        region: { provider: 'directory', value: '上海市' },
        website: { provider: 'directory', value: 'https://heyue.example.cn' },
        registeredCapital: { provider: 'directory', value: '1000万人民币' },
        fundingRound: { provider: 'directory', value: 'B轮' },
        creditCode: { provider: 'directory', value: heyueCode },
      });
      expect(body.attempts).toEqual([expect.objectContaining({ provider: 'directory', status: 'filled' })]);

      const read = await t.admin('GET', `/leads/${id}`);
      expect(read.body).toMatchObject({
        industry: '企业软件',
        employees: 100,
        region: '上海市',
        regionCode: '31',
        fields: {
          website: 'https://heyue.example.cn',
          registeredCapital: '1000万人民币',
          fundingRound: 'B轮',
          creditCode: heyueCode,
          employeeBand: '100-499人',
        },
      });
      const timeline = await t.admin('GET', `/leads/${id}/timeline`);
      const fills = timeline.body.items.filter((e: any) => e.data.action === 'lead.enriched');
      expect(fills).toHaveLength(8);
      expect(fills.map((e: any) => e.data.to)).toContainEqual({ region: '上海市', regionCode: '31' });
    });

    it('never overwrites what a person typed', async () => {
      const lead = await capture({
        company: '上海合约检查科技有限公司',
        industry: '制造业',
        employees: 20,
        region: '北京',
      });
      const id = lead.body.lead.id;
      const body = await waitForEnrichment(t.admin, id, (b) => b.attempts.length > 0);
      expect(Object.keys(fieldsOf(body)).sort()).toEqual([
        'creditCode',
        'fundingRound',
        'registeredCapital',
        'website',
      ]);
      const read = await t.admin('GET', `/leads/${id}`);
      expect(read.body).toMatchObject({ industry: '制造业', employees: 20, region: '北京市', regionCode: '11' });
    });

    it('loads a GBK CSV with Chinese headers, replacing the directory, and matches on a credit code the lead carries', async () => {
      const csv = [
        '公司名称,别名,统一社会信用代码,行业,人员规模,注册资本,城市,官网,融资轮次,备注',
        `深圳星河机器人有限公司,星河机器人;Xinghe Robotics,${xingheCode},机器人,500-999人,8000万,深圳,https://xh.example.cn,C轮,重点客户`,
        `杭州云帆数据有限公司,云帆,${yunfanCode},大数据,80,,杭州市,,,`,
        '',
      ].join('\r\n');
      const load = await uploadDirectory(t.admin, gbk(csv));
      expect(load.status, load.text).toBe(200);
      expect(load.body).toEqual({ companies: 2, format: 'csv', encoding: 'gbk' });
      const old = await t.admin('GET', `/enrichment/directory/companies?q=${encodeURIComponent('合约检查')}`);
      expect(old.body.items).toEqual([]);
      const alias = await t.admin(
        'GET',
        `/enrichment/directory/companies?q=${encodeURIComponent('Xinghe Robotics Ltd')}`,
      );
      expect(alias.body.items[0]).toMatchObject({
        name: '深圳星河机器人有限公司',
        employees: 500,
        fundingRound: 'C轮',
      });

      // The company is written differently, but the credit code (an imported column) is decisive.
      const lead = await capture({ company: '星河科技', fields: { 统一社会信用代码: xingheCode } });
      const body = await waitForEnrichment(t.admin, lead.body.lead.id, (b) => b.attempts.length > 0);
      expect(fieldsOf(body)).toMatchObject({
        industry: { provider: 'directory', value: '机器人' },
        region: { provider: 'directory', value: '深圳市' },
      });
      expect(fieldsOf(body).creditCode).toBeUndefined();
    });

    it('enriches leads from bulk capture and from imports too', async () => {
      const bulk = await t.admin('POST', '/leads/bulk', {
        leads: [{ name: '批量一', phone: mobile(900), channel: 'sem', company: '云帆' }],
      });
      expect(bulk.status, bulk.text).toBe(200);
      const form = new FormData();
      form.append('file', new Blob([`姓名,手机,公司\r\n导入一,${mobile(901)},Xinghe Robotics\r\n`]), 'leads.csv');
      const imported = await t.admin('POST', '/imports', form);
      expect(imported.status, imported.text).toBe(201);
      const list = await t.admin('GET', '/leads?limit=100');
      const idOf = (name: string) => list.body.items.find((l: any) => l.name === name).id;
      const fromBulk = await waitForEnrichment(t.admin, idOf('批量一'), (b) => b.items.length > 0);
      expect(fieldsOf(fromBulk).industry).toEqual({ provider: 'directory', value: '大数据' });
      const fromImport = await waitForEnrichment(t.admin, idOf('导入一'), (b) => b.items.length > 0);
      expect(fieldsOf(fromImport).industry).toEqual({ provider: 'directory', value: '机器人' });
    });

    it('refuses a CSV without a company name column', async () => {
      const r = await uploadDirectory(t.admin, gbk('行业,城市\r\n软件,上海\r\n'));
      expectProblem(r, 400);
      expect(r.body.errors[0].field).toBe('file');
    });
  });

  describe('the generic HTTP JSON provider', () => {
    const secret = 'Bearer sk-test-0123456789abcd';

    it('is configured as data, shown without its secret, after the directory', async () => {
      const r = await t.admin('POST', '/enrichment/providers', {
        id: 'bizdata',
        kind: 'http_json',
        urlTemplate: `${api.base}/lookup?name={company}&code={creditCode}`,
        headers: { Authorization: secret },
        fieldMap: {
          industry: 'data.industry',
          employees: 'data.staff_size',
          city: 'data.location.city',
          registeredCapital: 'data.capital',
          fundingRound: 'data.rounds.0.name',
          website: 'data.site',
        },
        timeoutMs: 3000,
      });
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({ id: 'bizdata', enabled: true, headers: { Authorization: '****abcd' } });
      const chain = await t.admin('GET', '/enrichment/providers');
      expect(chain.body.items.map((p: any) => p.id)).toEqual(['directory', 'bizdata']);
      expect(chain.text).not.toContain('sk-test');
      const audit = await t.admin('GET', '/audit?entityType=enrichment_provider');
      expect(audit.text).not.toContain('sk-test');
    });

    it('fills from the mapped answer what the directory does not know', async () => {
      await t.admin('PUT', '/enrichment/directory', []);
      const lead = await capture({ company: '深圳星河机器人有限公司' });
      const id = lead.body.lead.id;
      const body = await waitForEnrichment(t.admin, id, (b) => b.attempts.length >= 2);
      expect(body.attempts.map((a: any) => [a.provider, a.status])).toEqual([
        ['directory', 'no_match'],
        ['bizdata', 'filled'],
      ]);
      expect(fieldsOf(body)).toEqual({
        industry: { provider: 'bizdata', value: '机器人' },
        employees: { provider: 'bizdata', value: 200 },
        employeeBand: { provider: 'bizdata', value: '200-499人' },
        region: { provider: 'bizdata', value: '深圳市' },
        registeredCapital: { provider: 'bizdata', value: '5000' },
        fundingRound: { provider: 'bizdata', value: 'A轮' },
        website: { provider: 'bizdata', value: 'https://xinghe.example.cn' },
      });
      expect((await t.admin('GET', `/leads/${id}`)).body).toMatchObject({ regionCode: '4403', employees: 200 });
      const seen = api.requests.filter((r) => r.query.get('name') === '深圳星河机器人有限公司');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0].authorization).toBe(secret);
      expect(seen[0].query.get('code')).toBe('');
    });

    it('keeps the stored secret when its masked form is sent back', async () => {
      const current = (await t.admin('GET', '/enrichment/providers')).body.items.find((p: any) => p.id === 'bizdata');
      const { createdAt, updatedAt, ...config } = current;
      const r = await t.admin('PUT', '/enrichment/providers/bizdata', { ...config, order: 20 });
      expect(r.status, r.text).toBe(200);
      const before = api.requests.length;
      const lead = await capture({ company: '深圳星河机器人有限公司', email: `x${n}@xinghe.example.cn` });
      const sdr = await makeUser(t, 'sdr');
      await waitForEnrichment(t.admin, lead.body.lead.id, (b) => b.attempts.length >= 2);
      const run = await t.admin('POST', `/leads/${lead.body.lead.id}/enrich`);
      expect(run.status, run.text).toBe(200);
      expect(api.requests.slice(before).map((q) => q.authorization)).toContain(secret);
      // Everything the API knows is filled already: it answers, nothing more is filled.
      expect(run.body.attempts.map((a: any) => [a.provider, a.status])).toEqual([
        ['directory', 'no_match'],
        ['bizdata', 'matched'],
      ]);
      expect(run.body.filled).toEqual([]);
      expectProblem(await sdr.call('POST', '/enrichment/providers', { id: 'x1', kind: 'directory' }), 403);
    });

    it('records a timeout, a 500 and garbage as failed attempts, while capture answers at once', async () => {
      const slow = await t.admin('PUT', '/enrichment/providers/bizdata', {
        kind: 'http_json',
        urlTemplate: `${api.base}/slow?name={company}`,
        fieldMap: { industry: 'data.industry' },
        timeoutMs: 1500,
      });
      expect(slow.status, slow.text).toBe(200);
      for (const [id, path, order] of [
        ['broken', 'broken', 30],
        ['garbage', 'garbage', 40],
      ] as const) {
        const r = await t.admin('POST', '/enrichment/providers', {
          id,
          kind: 'http_json',
          urlTemplate: `${api.base}/${path}?name={company}`,
          fieldMap: { industry: 'data.industry' },
          order,
        });
        expect(r.status, r.text).toBe(201);
      }
      const started = performance.now();
      const lead = await capture({ company: '慢吞吞科技有限公司' });
      const took = performance.now() - started;
      expect(lead.status).toBe(201);
      expect(took).toBeLessThan(1500);

      const body = await waitForEnrichment(t.admin, lead.body.lead.id, (b) => b.attempts.length >= 4);
      expect(body.items).toEqual([]);
      const byProvider = Object.fromEntries(body.attempts.map((a: any) => [a.provider, a]));
      expect(byProvider.directory.status).toBe('no_match');
      expect(byProvider.bizdata).toMatchObject({ status: 'failed', error: 'timed out after 1500 ms' });
      expect(byProvider.bizdata.durationMs).toBeGreaterThanOrEqual(1400);
      expect(byProvider.broken).toMatchObject({ status: 'failed', error: expect.stringContaining('HTTP 500') });
      expect(byProvider.garbage).toMatchObject({ status: 'failed', error: expect.stringContaining('not JSON') });
      const read = await t.admin('GET', `/leads/${lead.body.lead.id}`);
      expect(read.body).toMatchObject({ status: expect.any(String), industry: null, company: '慢吞吞科技有限公司' });
    });

    it('names the field of a bad provider configuration (400)', async () => {
      const base = { kind: 'http_json', fieldMap: { industry: 'data.industry' } };
      const placeholder = await t.admin('POST', '/enrichment/providers', {
        ...base,
        id: 'bad1',
        urlTemplate: `${api.base}/lookup?name={companyName}`,
      });
      expectProblem(placeholder, 400);
      expect(placeholder.body.errors).toEqual([
        {
          field: 'urlTemplate',
          message: expect.stringContaining('{companyName}'),
          messageZh: expect.stringContaining('未知的占位符 {companyName}'),
        },
      ]);
      const target = await t.admin('POST', '/enrichment/providers', {
        id: 'bad2',
        kind: 'http_json',
        urlTemplate: `${api.base}/lookup?name={company}`,
        fieldMap: { industry: 'data.industry', staffSize: 'data.staff_size' },
      });
      expectProblem(target, 400);
      expect(target.body.errors).toEqual([
        {
          field: 'fieldMap.staffSize',
          message: expect.stringContaining('employees'),
          messageZh: expect.stringContaining('不是公司信息字段'),
        },
      ]);
      const noMap = await t.admin('POST', '/enrichment/providers', { id: 'bad3', kind: 'http_json', urlTemplate: 'x' });
      expectProblem(noMap, 400);
      expect(noMap.body.errors.map((e: any) => e.field)).toEqual(['urlTemplate', 'fieldMap']);
      const kind = await t.admin('POST', '/enrichment/providers', { id: 'second_directory', kind: 'directory' });
      expect(kind.body.errors.map((e: any) => e.field)).toEqual(['kind']);
      const id = await t.admin('POST', '/enrichment/providers', {
        ...base,
        id: 'Bad Id',
        urlTemplate: 'http://h/{company}',
      });
      expect(id.body.errors.map((e: any) => e.field)).toEqual(['id']);
      const timeout = await t.admin('POST', '/enrichment/providers', {
        ...base,
        id: 'bad4',
        urlTemplate: 'http://h/{company}',
        timeoutMs: 0,
      });
      expect(timeout.body.errors.map((e: any) => e.field)).toEqual(['timeoutMs']);
      expect(
        (await t.admin('POST', '/enrichment/providers', { id: 'garbage', ...base, urlTemplate: 'http://h/{company}' }))
          .status,
      ).toBe(409);
      expectProblem(await t.admin('DELETE', '/enrichment/providers/directory'), 409);
      expect((await t.admin('DELETE', '/enrichment/providers/garbage')).status).toBe(200);
      expectProblem(await t.admin('DELETE', '/enrichment/providers/garbage'), 404);
    });
  });

  describe('running the chain by hand', () => {
    it('lets an SDR enrich an unowned lead, and refuses roles that may not', async () => {
      await t.admin('PUT', '/enrichment/providers/bizdata', {
        kind: 'http_json',
        urlTemplate: `${api.base}/lookup?name={company}`,
        fieldMap: { industry: 'data.industry' },
        enabled: false,
      });
      await t.admin('DELETE', '/enrichment/providers/broken');
      await t.admin('PUT', '/enrichment/directory', jsonDirectory);
      const sdr = await makeUser(t, 'sdr');
      const marketing = await makeUser(t, 'marketing');
      const lead = await capture({ company: '杭州云帆数据有限公司', industry: '已填' });
      const id = lead.body.lead.id;
      const run = await sdr.call('POST', `/leads/${id}/enrich`);
      expect(run.status, run.text).toBe(200);
      expect(run.body.attempts.map((a: any) => a.provider)).toEqual(['directory']);
      expectProblem(await marketing.call('POST', `/leads/${id}/enrich`), 403);
      expectProblem(await t.admin('POST', '/leads/no-such-lead/enrich'), 404);
      // Whichever ran first (the queue or the SDR) filled the lead; nothing is filled twice.
      const body = await waitForEnrichment(t.admin, id, (b) => b.attempts.length >= 2);
      expect(body.items.filter((i: any) => i.field === 'employees')).toEqual([
        expect.objectContaining({ provider: 'directory', value: 80 }),
      ]);
      expect(body.items.some((i: any) => i.field === 'industry')).toBe(false);
    });
  });
});
