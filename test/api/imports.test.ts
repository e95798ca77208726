/**
 * CSV / XLSX import over HTTP (SPEC §2 capture paths, §10.1 "Import files" and POST /imports):
 * encodings, header spellings, defaults, row-level failures with a downloadable error report,
 * de-duplication, and refusal of files that are not lead tables.
 */
import { execSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  engines,
  isProblem,
  makeUser,
  type Reply,
  startTestServer,
  type TestServer,
} from '../support/server.js';

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
const utf8WithBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
/** GBK bytes as Chinese Excel writes them, encoded by Python's codec (not by the code under test). */
const gbk = (text: string): Uint8Array =>
  new Uint8Array(
    execSync(`python3 -c "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gbk'))"`, { input: text }),
  );

/** A valid Chinese mobile, unique per n; each test uses its own block of n. */
const mobile = (n: number) => `139${String(10_000_000 + n).padStart(8, '0')}`;
const e164 = (n: number) => `+86${mobile(n)}`;

function upload(
  call: Client,
  bytes: Uint8Array,
  fileName = 'leads.csv',
  extra: Record<string, string> = {},
): Promise<Reply> {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('file', new Blob([bytes as BlobPart]), fileName);
  return call('POST', '/imports', form);
}

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe.each(engines())('lead import over HTTP (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  /** Every live lead the admin can see, all pages. */
  async function allLeads(): Promise<any[]> {
    const out: any[] = [];
    let cursor: string | null = null;
    do {
      const r: Reply = await t.admin('GET', `/leads?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(r.status).toBe(200);
      out.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return out;
  }

  /** The one lead with this phone (searched by its digits). */
  async function leadByPhone(n: number) {
    const r = await t.admin('GET', `/leads?q=${mobile(n)}`);
    expect(r.status).toBe(200);
    expect(r.body.items, `leads with phone ${mobile(n)}`).toHaveLength(1);
    return r.body.items[0];
  }

  async function noLeadWithPhone(n: number) {
    const r = await t.admin('GET', `/leads?q=${mobile(n)}`);
    expect(r.status).toBe(200);
    expect(r.body.items, `leads with phone ${mobile(n)}`).toHaveLength(0);
  }

  async function errorReport(url: string, token: string | null = 'admin'): Promise<Response> {
    const headers: Record<string, string> = {};
    if (token === 'admin') headers.authorization = 'Bearer test-admin-token-0123456789abcdef';
    else if (token) headers.authorization = `Bearer ${token}`;
    return fetch(new URL(url, t.server.url), { headers });
  }

  // Row 2's phone is written with spaces; built here so it stays a valid, unique number.
  const spacedPhone = (n: number) => {
    const m = mobile(n);
    return `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
  };
  const chineseRows = (base: number) =>
    csv([
      '姓名,手机,邮箱,公司,职位,地区,行业,员工数,渠道',
      `王小明,${spacedPhone(base + 1)},Wang.XM${base}@Example.CN,上海云帆${base}信息技术有限公司,采购经理,上海,制造业,350,sem`,
      `李娜,+86 ${mobile(base + 2)},,北京星河${base}科技有限公司,技术总监,北京,软件,"1,200",event_offline`,
    ]);

  it.each([
    ['UTF-8', utf8, 100],
    ['UTF-8 with BOM', utf8WithBom, 200],
    ['GBK', gbk, 300],
  ] as const)(
    'imports a %s CSV with Chinese headers, normalising phone, e-mail and region',
    async (_label, encode, base) => {
      const r = await upload(t.admin, encode(chineseRows(base)), '线索.csv');
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({
        status: 'completed',
        mode: 'live',
        totalRows: 2,
        created: 2,
        merged: 0,
        failed: 0,
        errorReportUrl: null,
        errors: [],
      });
      expect(typeof r.body.id).toBe('string');

      const wang = await leadByPhone(base + 1);
      expect(wang).toMatchObject({
        name: '王小明',
        phone: e164(base + 1),
        email: `wang.xm${base}@example.cn`,
        company: `上海云帆${base}信息技术有限公司`,
        title: '采购经理',
        region: '上海市',
        regionCode: '31',
        industry: '制造业',
        employees: 350,
        channel: 'sem',
        status: 'new',
      });
      expect(wang.originalSource.channel).toBe('sem');

      const li = await leadByPhone(base + 2);
      expect(li).toMatchObject({
        name: '李娜',
        phone: e164(base + 2),
        email: null,
        company: `北京星河${base}科技有限公司`,
        title: '技术总监',
        region: '北京市',
        employees: 1200,
        channel: 'event_offline',
      });
      expect(typeof li.employees).toBe('number');

      const byName = await t.admin('GET', `/leads?q=${encodeURIComponent('王小明')}`);
      expect(byName.body.items.map((l: any) => l.id)).toContain(wang.id);
    },
  );

  it('reads English field-name headers: externalId, channel and utm_source', async () => {
    const file = csv([
      'name,phone,email,company,channel,externalId,utm_source',
      `Alice Chen,${mobile(401)},Alice.Chen@Acme.example,"Acme Robotics Co., Ltd.",partner,EXT-401,linkedin`,
      `Bob Li,,bob.li@acme.example,Acme Robotics,sem,EXT-402,baidu`,
    ]);
    const r = await upload(t.admin, utf8(file), 'leads-en.csv');
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ created: 2, merged: 0, failed: 0 });

    const alice = await t.admin('GET', '/leads?externalId=EXT-401');
    expect(alice.body.items).toHaveLength(1);
    expect(alice.body.items[0]).toMatchObject({
      name: 'Alice Chen',
      phone: e164(401),
      email: 'alice.chen@acme.example',
      channel: 'partner',
      externalId: 'EXT-401',
    });
    expect(alice.body.items[0].originalSource.utm.source).toBe('linkedin');

    const bob = await t.admin('GET', '/leads?externalId=EXT-402');
    expect(bob.body.items).toHaveLength(1);
    expect(bob.body.items[0]).toMatchObject({
      name: 'Bob Li',
      phone: null,
      email: 'bob.li@acme.example',
      channel: 'sem',
    });
    expect(bob.body.items[0].originalSource.utm.source).toBe('baidu');
  });

  it('imports an XLSX workbook; a phone stored as a number cell comes out as that phone', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['姓名', '手机', '邮箱', '公司', '地区', '员工数', '渠道']);
    sheet.addRow([
      '陈一',
      Number(mobile(501)),
      'chenyi@example.cn',
      '深圳前海数据有限公司',
      '广东深圳',
      80,
      'event_online',
    ]);
    sheet.addRow(['林二', mobile(502), null, '杭州某某科技有限公司', '上海', '45', null]);
    sheet.addRow(['坏号', 'n/a', null, null, null, null, null]); // Excel row 4
    sheet.addRow([]); // Excel row 5: blank, skipped without a report
    sheet.addRow([null, Number(mobile(506)), null, null, null, null, null]); // Excel row 6: no name
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const r = await upload(t.admin, bytes, 'leads.xlsx');
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ totalRows: 4, created: 2, failed: 2 });
    expect(r.body.errors.map((e: any) => [e.rowNumber, e.field])).toEqual([
      [4, 'phone'],
      [6, 'name'],
    ]);
    await noLeadWithPhone(506);

    const chen = await leadByPhone(501);
    expect(chen).toMatchObject({
      name: '陈一',
      phone: e164(501),
      employees: 80,
      channel: 'event_online',
      region: '深圳市',
    });
    const lin = await leadByPhone(502);
    expect(lin).toMatchObject({ name: '林二', phone: e164(502), employees: 45, channel: 'import', region: '上海市' });
  });

  it('defaults a missing channel column to `import` and keeps unknown columns in fields under their header', async () => {
    const file = csv(['姓名,手机,备注,预算（万元）', `赵六,${mobile(601)},展会名片,50`, `钱七,${mobile(602)},,`]);
    const r = await upload(t.admin, utf8(file));
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ created: 2, failed: 0 });
    const zhao = await leadByPhone(601);
    expect(zhao.channel).toBe('import');
    expect(zhao.originalSource.channel).toBe('import');
    expect(zhao.fields).toEqual({ 备注: '展会名片', '预算（万元）': '50' });
    const qian = await leadByPhone(602);
    expect(qian.channel).toBe('import');
    expect(qian.fields).toEqual({});
  });

  it('reads channels by their name or Chinese name in any case, and employee bands as their lower bound', async () => {
    const file = csv([
      '姓名,手机,渠道,员工数',
      `孔一,${mobile(651)},SEM,100-499人`,
      `孔二,${mobile(652)},线下活动,1000人以上`,
      `孔三,${mobile(653)},抖音,20`,
    ]);
    const r = await upload(t.admin, utf8(file));
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ created: 2, failed: 1 });
    expect(await leadByPhone(651)).toMatchObject({
      channel: 'sem',
      employees: 100,
      fields: { employeeBand: '100-499人' },
    });
    expect(await leadByPhone(652)).toMatchObject({ channel: 'event_offline', employees: 1000 });
    expect(r.body.errors).toEqual([
      { rowNumber: 4, field: 'channel', message: 'unknown channel "抖音"', messageZh: '未知渠道“抖音”' },
    ]);
  });

  it('lands the good rows, fails the bad ones per row, and serves an error report with Excel row numbers', async () => {
    const file = csv([
      '姓名,手机,邮箱,公司,员工数', // row 1
      `孙一,${mobile(701)},,好公司甲,10`, // row 2: good
      '孙二,12345,,好公司乙,20', // row 3: invalid phone
      `,${mobile(704)},nobody704@example.cn,好公司丙,30`, // row 4: no name
      `"孙四,${mobile(705)},,坏引号公司,40`, // row 5: quote never closed
      `孙五,${mobile(706)},,好公司丁,很多`, // row 6: 员工数 not a number
      `孙六,${mobile(707)},sun6@example.cn,好公司戊,1000`, // row 7: good
    ]);
    const r = await upload(t.admin, utf8(file), 'mixed.csv');
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ status: 'completed', totalRows: 6, created: 2, merged: 0, failed: 4 });
    expect(r.body.errorReportUrl).toBe(`/api/v1/imports/${r.body.id}/errors.csv`);
    expect(r.body.errors.map((e: any) => [e.rowNumber, e.field])).toEqual([
      [3, 'phone'],
      [4, 'name'],
      [5, '_row'],
      [6, 'employees'],
    ]);
    for (const e of r.body.errors) expect(e.message.length).toBeGreaterThan(0);

    // the good rows are there, the bad ones are not
    expect((await leadByPhone(701)).name).toBe('孙一');
    expect(await leadByPhone(707)).toMatchObject({ name: '孙六', employees: 1000 });
    await noLeadWithPhone(704);
    await noLeadWithPhone(705);
    await noLeadWithPhone(706);

    const report = await errorReport(r.body.errorReportUrl);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = (await report.text()).replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toBe('row,field,message');
    const rows = lines.slice(1).map((l) => /^(\d+),([^,]+),(.+)$/.exec(l)?.slice(1, 3));
    expect(rows).toEqual([
      ['3', 'phone'],
      ['4', 'name'],
      ['5', '_row'],
      ['6', 'employees'],
    ]);
    expect(text).toContain('很多'); // the message says which value was wrong

    // the report is not public
    expect((await errorReport(r.body.errorReportUrl, null)).status).toBe(401);

    const again = await t.admin('GET', `/imports/${r.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: r.body.id,
      status: 'completed',
      totalRows: 6,
      created: 2,
      merged: 0,
      failed: 4,
      errorReportUrl: r.body.errorReportUrl,
    });
    expect(again.body.finishedAt).toEqual(expect.any(String));

    const missing = await t.admin('GET', '/imports/no-such-import');
    expect(missing.status).toBe(404);
    expect(isProblem(missing)).toBe(true);
  });

  it('counts repeats inside the file and of existing leads as merged, never creating a second lead', async () => {
    const existing = await t.admin('POST', '/leads', { name: '周八', phone: mobile(801), channel: 'sem' });
    expect(existing.status).toBe(201);
    const file = csv([
      '姓名,手机,邮箱,渠道',
      `周八,${spacedPhone(801)},zhouba@example.cn,event_offline`, // existing lead, by phone
      `吴九,${mobile(802)},wujiu@example.cn,`, // new
      `吴九,+86${mobile(802)},,`, // same person again in the file
      '郑十,,zhengshi@example.cn,', // new
      'Zheng Shi,,ZhengShi@Example.CN,', // same e-mail in another case
    ]);
    const r = await upload(t.admin, utf8(file));
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ totalRows: 5, created: 2, merged: 3, failed: 0 });

    const zhou = await leadByPhone(801);
    expect(zhou.id).toBe(existing.body.lead.id);
    expect(zhou.email).toBe('zhouba@example.cn'); // an empty field is filled by the repeat
    expect(zhou.originalSource.channel).toBe('sem');
    expect(zhou.latestSource.channel).toBe('event_offline');
    await leadByPhone(802);
    const zheng = await t.admin('GET', '/leads?q=zhengshi@example.cn');
    expect(zheng.body.items).toHaveLength(1);

    // importing the same file again creates nothing
    const twice = await upload(t.admin, utf8(file));
    expect(twice.body).toMatchObject({ created: 0, merged: 5, failed: 0 });
    await leadByPhone(802);
  });

  it('never leaves a half-written lead from a half-broken CSV', async () => {
    const before = new Set((await allLeads()).map((l) => l.id));
    const file = [
      '姓名,手机,邮箱,公司,地区',
      `完好一,${mobile(901)},,半坏测试公司,上海`, // good
      `"未闭合,${mobile(902)},a902@example.cn,半坏测试公司,上海`, // broken quote
      `错位,${mobile(903)},qian903@example.cn,某某,有限公司,上海`, // one cell too many: shifted
      `,${mobile(904)},nobody904@example.cn,半坏测试公司,`, // no name
      '无联系,,,半坏测试公司,北京', // no way to reach them
      `短行,${mobile(906)}`, // short row: name and phone are enough
      '坏手机,abc,,,', // unreadable phone, nothing else
      '坏邮箱,,not-an-email,,', // unreadable e-mail, nothing else
      `完好二,${mobile(909)},ok909@example.cn,半坏测试公司,北京`, // good
      '截断,139100', // file cut off mid-row (no newline)
    ].join('\n');
    const r = await upload(t.admin, utf8(file), 'half-broken.csv');
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ totalRows: 10, created: 3, merged: 0, failed: 7 });
    expect(r.body.errors.map((e: any) => e.rowNumber)).toEqual(expect.arrayContaining([3, 4, 5, 6, 8, 9, 11]));
    expect(new Set(r.body.errors.map((e: any) => e.rowNumber))).toEqual(new Set([3, 4, 5, 6, 8, 9, 11]));

    const created = (await allLeads()).filter((l) => !before.has(l.id));
    expect(created.map((l) => l.name).sort()).toEqual(['完好一', '完好二', '短行'].sort());
    for (const lead of created) {
      expect(lead.name, JSON.stringify(lead)).toBeTruthy();
      expect(lead.phone || lead.email, JSON.stringify(lead)).toBeTruthy();
      expect(lead.channel).toBe('import');
    }
    await noLeadWithPhone(902);
    await noLeadWithPhone(903);
  });

  it('imports the same people concurrently into one lead each', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `并发${i},${mobile(1100 + i)},,并发公司${i}`);
    const file = utf8(csv(['姓名,手机,邮箱,公司', ...rows]));
    const [a, b] = await Promise.all([upload(t.admin, file, 'a.csv'), upload(t.admin, file, 'b.csv')]);
    expect(a.status, a.text).toBe(201);
    expect(b.status, b.text).toBe(201);
    expect(a.body.created + b.body.created).toBe(40);
    expect(a.body.merged + b.body.merged).toBe(40);
    for (const i of [0, 17, 39]) await leadByPhone(1100 + i);
  });

  describe('refusals', () => {
    async function expectNoWrite(action: () => Promise<void>) {
      const before = (await allLeads()).length;
      await action();
      expect((await allLeads()).length).toBe(before);
    }

    const fileError = (r: Reply) => {
      expect(r.status, r.text).toBe(400);
      expect(isProblem(r)).toBe(true);
      expect(r.body.errors?.map((e: any) => e.field)).toContain('file');
    };

    it('refuses a PNG named .csv with a 400 naming `file`', async () => {
      const png = new Uint8Array([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        0,
        0,
        0,
        13,
        0x49,
        0x48,
        0x44,
        0x52,
        ...utf8(`姓名,手机\n某人,${mobile(1001)}\n`),
      ]);
      await expectNoWrite(async () => fileError(await upload(t.admin, png, 'leads.csv')));
    });

    it('refuses binary bytes with NUL characters with a 400 naming `file`', async () => {
      const noise = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 37 + 11) % 256));
      noise.set(utf8(`name,phone\r\nX,${mobile(1002)}\r\n`), 0); // looks like a header at first
      noise[200] = 0;
      await expectNoWrite(async () => fileError(await upload(t.admin, noise, 'leads.csv')));
      await noLeadWithPhone(1002);
    });

    it('refuses an empty file and a damaged workbook with a 400 naming `file`', async () => {
      await expectNoWrite(async () => fileError(await upload(t.admin, new Uint8Array(), 'empty.csv')));
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('s').addRow(['姓名', '手机']);
      const whole = new Uint8Array(await workbook.xlsx.writeBuffer());
      await expectNoWrite(async () =>
        fileError(await upload(t.admin, whole.subarray(0, Math.floor(whole.length / 2)), 'cut.xlsx')),
      );
    });

    it('answers 400 naming `file` when the multipart body has no field `file`', async () => {
      const form = new FormData();
      form.append('mode', 'live');
      form.append('upload', new Blob([utf8(`姓名,手机\n某人,${mobile(1003)}\n`)]), 'leads.csv');
      await expectNoWrite(async () => fileError(await t.admin('POST', '/imports', form)));
      await noLeadWithPhone(1003);
    });

    it('answers a 4xx problem for a body that is not multipart', async () => {
      const json = await t.admin('POST', '/imports', { file: `姓名,手机\n某人,${mobile(1004)}\n` });
      expect([400, 415]).toContain(json.status);
      expect(isProblem(json)).toBe(true);
      const raw = await t.admin('POST', '/imports', `姓名,手机\n某人,${mobile(1004)}\n`, {
        'content-type': 'text/csv',
      });
      expect([400, 415]).toContain(raw.status);
      expect(isProblem(raw)).toBe(true);
      await noLeadWithPhone(1004);
    });

    // SPEC §11: bad input always gets a 4xx problem, never a 500. A client that sets
    // "Content-Type: multipart/form-data" by hand (no boundary) or an upload cut off mid-way
    // is bad input.
    it.each([
      [
        'without a boundary',
        'multipart/form-data',
        `--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n姓名,手机\r\n某人,${mobile(1007)}\r\n--x--\r\n`,
      ],
      [
        'cut off mid-part',
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n姓名,手机\r\n某人,${mobile(1007)}`,
      ],
      ['that is not multipart at all', 'multipart/form-data; boundary=x', 'garbage'],
    ])('answers a 4xx problem, not a 500, to a multipart body %s', async (_label, contentType, body) => {
      await expectNoWrite(async () => {
        const r = await t.admin('POST', '/imports', body, { 'content-type': contentType });
        expect(r.status, r.text).toBeGreaterThanOrEqual(400);
        expect(r.status, r.text).toBeLessThan(500);
        expect(isProblem(r)).toBe(true);
      });
      await noLeadWithPhone(1007);
    });

    it('refuses a sales user (403 with a reason) and an anonymous caller (401)', async () => {
      const sales = await makeUser(t, 'sales');
      const file = utf8(`姓名,手机\n某人,${mobile(1005)}\n`);
      const r = await upload(sales.call, file);
      expect(r.status).toBe(403);
      expect(isProblem(r)).toBe(true);
      expect(r.body.detail).toMatch(/sales/);
      const anonymous = await upload(t.as(null), file);
      expect(anonymous.status).toBe(401);
      expect(isProblem(anonymous)).toBe(true);
      await noLeadWithPhone(1005);
    });

    it('lets a marketing user import', async () => {
      const marketing = await makeUser(t, 'marketing');
      const r = await upload(marketing.call, utf8(`姓名,手机\n市场导入,${mobile(1006)}\n`));
      expect(r.status, r.text).toBe(201);
      expect(r.body.created).toBe(1);
      await leadByPhone(1006);
    });
  });
});
