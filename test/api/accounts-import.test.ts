import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbk, utf8WithBom, xlsx } from '../../src/services/import-file/test-fixtures.js';
import {
  type Client,
  engines,
  expectProblem,
  makeUser,
  type Reply,
  startTestServer,
  type TestServer,
} from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

function upload(call: Client, bytes: Uint8Array, fileName: string): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart]), fileName);
  return call('POST', '/accounts/import', form);
}

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const CODE_JIA = '91310115MA1K4ABC1B';

describe.each(engines())('CRM accounts import: POST /accounts/import (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let sdr: User;
  let repA: User;
  let repB: User;
  let file: Uint8Array;

  beforeAll(async () => {
    t = await startTestServer(engine);
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    sdr = await makeUser(t, 'sdr', { name: '林晓' });
    repA = await makeUser(t, 'sales', { name: '张三', email: 'zhang.san@example.cn' });
    repB = await makeUser(t, 'sales', { name: '李四' });
    file = gbk(
      csv([
        '客户名称,别名,统一社会信用代码,负责人,最近活动时间,联系人,备注',
        `上海甲科技有限公司,甲科技、Jia Tech,${CODE_JIA},ZHANG.SAN@example.cn,2026-02-20 10:30,张总:总经理; 李工：IT经理,重点客户`,
        `北京乙软件有限公司,,,${repB.id},2026/2/1,王五,`,
        '杭州丙贸易有限公司,,,,2026-13-01,,',
        '深圳丁电子有限公司,,ABC123,,,,',
        '广州戊物流有限公司,,,nobody@example.cn,,,',
        ',,,,,,只有备注',
      ]),
    );
  });
  afterAll(async () => t?.stop());

  const find = async (q: string) => {
    const r = await ops.call('GET', `/accounts?q=${encodeURIComponent(q)}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.items).toHaveLength(1);
    return r.body.items[0];
  };

  it('imports a GBK CSV with Chinese headers; bad rows come back with their row number and field', async () => {
    const r = await upload(ops.call, file, '客户.csv');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(r.body.failed.map((f: { row: number; errors: { field: string }[] }) => [f.row, f.errors[0].field])).toEqual([
      [4, 'lastActivityAt'],
      [5, 'creditCode'],
      [6, 'owner'],
      [7, 'name'],
    ]);
    expect(r.body.failed[2].errors[0].message).toContain('nobody@example.cn');

    const jia = await find('甲科技');
    expect(jia).toMatchObject({
      name: '上海甲科技有限公司',
      aliases: ['甲科技', 'Jia Tech'],
      creditCode: CODE_JIA,
      ownerId: repA.id,
      lastActivityAt: '2026-02-20T02:30:00.000Z', // 10:30 China time
      contacts: [
        { name: '张总', title: '总经理', seniority: 'c_level' },
        { name: '李工', title: 'IT经理', seniority: 'manager' },
      ],
    });
    expect(await find('北京乙软件')).toMatchObject({
      ownerId: repB.id,
      lastActivityAt: '2026-01-31T16:00:00.000Z',
      contacts: [{ name: '王五', title: null }],
    });
  });

  it('importing the same file again changes nothing', async () => {
    const r = await upload(ops.call, file, '客户.csv');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(r.body.failed).toHaveLength(4);
    const audit = await t.admin('GET', `/audit?entityType=account&entityId=${(await find('甲科技')).id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['account.created']);
  });

  it('imports an XLSX with English headers: updates by credit code, creates the new one', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Accounts');
      sheet.addRow(['name', 'creditCode', 'owner', 'lastActivityAt', 'contacts', 'phone']);
      sheet.addRow([
        '上海甲科技股份有限公司',
        CODE_JIA,
        repB.id,
        new Date(Date.UTC(2026, 1, 25, 9, 0)),
        '张总:CEO',
        '021-12345678',
      ]);
      sheet.addRow(['Acme Robotics Ltd', null, 'zhang.san@example.cn', '2026-02-26T08:00:00Z', null, null]);
    });
    const r = await upload(ops.call, bytes, 'accounts.xlsx');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ created: 1, updated: 1, unchanged: 0, failed: [] });
    expect(await find(CODE_JIA)).toMatchObject({
      name: '上海甲科技股份有限公司',
      aliases: ['甲科技', 'Jia Tech'], // no aliases column: kept
      ownerId: repB.id,
      lastActivityAt: '2026-02-25T01:00:00.000Z', // a zone-less Excel time, read in China time
      contacts: [{ name: '张总', title: 'CEO', seniority: 'c_level' }],
    });
    expect(await find('Acme Robotics')).toMatchObject({ ownerId: repA.id, lastActivityAt: '2026-02-26T08:00:00.000Z' });
  });

  it('refuses a file without a name column, a request without a file, and an SDR', async () => {
    const noName = await upload(ops.call, utf8WithBom(csv(['负责人,联系人', `${repA.email},张总:CEO`])), 'x.csv');
    expectProblem(noName, 400);
    expect(noName.body.errors[0]).toMatchObject({ field: 'file', message: expect.stringContaining('客户名称') });

    const noFile = await ops.call('POST', '/accounts/import', { name: 'x' });
    expectProblem(noFile, 400);
    expect(noFile.body.errors[0].field).toBe('file');

    expectProblem(await upload(sdr.call, file, '客户.csv'), 403);
  });
});
