import { describe, expect, it } from 'vitest';
import { type ImportRow, isRowError, type RowError, readLeadFile, UnreadableFile } from './read-lead-file.js';
import { collect, concatBytes, gbk, utf8, utf8WithBom, xlsx } from './test-fixtures.js';

const leadsCsv = [
  '姓名,手机(必填),邮箱,公司,职位,地区,行业,员工数,渠道,utm_source,落地页,备注',
  '张三,13900000001,zhang@example.com,上海某某科技有限公司,销售总监,上海,制造业,500,sem,baidu,/landing/a,老客户介绍',
  '李四,13900000002,,"北京某某, 有限公司",,北京,,,,,,',
  '',
].join('\r\n');

const expectedLeads: ImportRow[] = [
  {
    rowNumber: 2,
    values: {
      name: '张三',
      phone: '13900000001',
      email: 'zhang@example.com',
      company: '上海某某科技有限公司',
      title: '销售总监',
      region: '上海',
      industry: '制造业',
      employees: '500',
      channel: 'sem',
      utm_source: 'baidu',
      landingPage: '/landing/a',
    },
    fields: { 备注: '老客户介绍' },
  },
  {
    rowNumber: 3,
    values: { name: '李四', phone: '13900000002', company: '北京某某, 有限公司', region: '北京' },
    fields: {},
  },
];

const rowsOf = async (bytes: Uint8Array, name?: string) => collect((await readLeadFile(bytes, name)).rows());

describe('readLeadFile: CSV encodings', () => {
  it.each([
    ['UTF-8', utf8, 'utf-8'],
    ['UTF-8 with BOM', utf8WithBom, 'utf-8-bom'],
    ['GBK', gbk, 'gbk'],
  ] as const)('reads %s', async (_name, encode, encoding) => {
    const file = await readLeadFile(encode(leadsCsv), 'leads.csv');
    expect(file).toMatchObject({ format: 'csv', encoding, totalRows: 2 });
    expect(file.headers).toEqual([
      '姓名',
      '手机(必填)',
      '邮箱',
      '公司',
      '职位',
      '地区',
      '行业',
      '员工数',
      '渠道',
      'utm_source',
      '落地页',
      '备注',
    ]);
    expect(await collect(file.rows())).toEqual(expectedLeads);
  });

  it('keeps a GBK row with a truncated character and reads the rest of the file', async () => {
    const bytes = concatBytes(
      gbk('姓名,手机,公司\n王五,13900000003,'),
      new Uint8Array([0xc9]), // first half of a two-byte character, then the line ends
      gbk('\n赵六,13900000004,杭州某某\n'),
    );
    const file = await readLeadFile(bytes);
    expect(file.encoding).toBe('gbk');
    expect(await collect(file.rows())).toEqual([
      { rowNumber: 2, values: { name: '王五', phone: '13900000003', company: '\uFFFD' }, fields: {} },
      { rowNumber: 3, values: { name: '赵六', phone: '13900000004', company: '杭州某某' }, fields: {} },
    ]);
  });
});

describe('readLeadFile: CSV structure', () => {
  it('detects tab- and semicolon-separated files', async () => {
    for (const sep of ['\t', ';']) {
      const rows = await rowsOf(utf8(`name${sep}phone${sep}company\n张三${sep}13900000001${sep}A, B${sep}\n`));
      expect(rows).toEqual([
        { rowNumber: 2, values: { name: '张三', phone: '13900000001', company: 'A, B' }, fields: {} },
      ]);
    }
  });

  it('skips blank lines but keeps the row numbers a person sees', async () => {
    const file = await readLeadFile(utf8('name,phone\n\n张三,1\n , \n\n李四,2\n\n'));
    expect(file.totalRows).toBe(2);
    expect((await collect(file.rows())).map((r) => r.rowNumber)).toEqual([3, 6]);
  });

  it('reports broken quoting in the 3rd data row and still delivers the rows after it', async () => {
    const csv = [
      '姓名,手机,公司',
      '张三,13900000001,甲公司',
      '李四,13900000002,"乙公司"',
      '王五,13900000003,"丙公司', // the quote is never closed
      '赵六,13900000004,丁公司',
      '钱七,13900000005,"戊公司"',
    ].join('\n');
    for (const bytes of [utf8(csv), gbk(csv)]) {
      const file = await readLeadFile(bytes);
      expect(file.totalRows).toBe(5);
      const rows = await collect(file.rows());
      expect(rows.map((r) => (isRowError(r) ? `error ${r.rowNumber}` : r.values.name))).toEqual([
        '张三',
        '李四',
        'error 4',
        '赵六',
        '钱七',
      ]);
      expect(rows[2]).toEqual({
        rowNumber: 4,
        field: '_row',
        message: expect.stringContaining('王五,13900000003,"丙公司'),
        messageZh: expect.stringContaining('王五,13900000003,"丙公司'),
      });
      expect(rows[4]).toMatchObject({ rowNumber: 6, values: { company: '戊公司' } });
    }
  });

  it('lands a row with a quote in the middle of an unquoted cell, quote included', async () => {
    expect(await rowsOf(utf8('name,company\n张三,ab"c公司\n李四,x\n'))).toEqual([
      { rowNumber: 2, values: { name: '张三', company: 'ab"c公司' }, fields: {} },
      { rowNumber: 3, values: { name: '李四', company: 'x' }, fields: {} },
    ]);
  });

  it('reports a row with more cells than the header has columns', async () => {
    const rows = await rowsOf(utf8('name,company\n张三,北京某某,有限公司\n李四,x\n'));
    expect(rows[0]).toEqual({
      rowNumber: 2,
      field: '_row',
      message: expect.stringContaining('3 cells'),
      messageZh: expect.stringContaining('3 个单元格'),
    });
    expect(rows[1]).toMatchObject({ rowNumber: 3, values: { name: '李四' } });
  });

  it('reads a history file: outcome column, no contact details, other columns as fields', async () => {
    const rows = await rowsOf(gbk('外部编号,结果,行业,成交周期\nCRM-1,已转化,制造业,45\nCRM-2,,零售,\n'));
    expect(rows).toEqual([
      {
        rowNumber: 2,
        values: { externalId: 'CRM-1', outcome: '已转化', industry: '制造业' },
        fields: { 成交周期: '45' },
      },
      { rowNumber: 3, values: { externalId: 'CRM-2', industry: '零售' }, fields: {} },
    ]);
  });

  it('gives a file with a header and no data zero rows', async () => {
    const file = await readLeadFile(utf8('姓名,手机\n\n'));
    expect(file.totalRows).toBe(0);
    expect(await collect(file.rows())).toEqual([]);
  });

  it('can iterate the rows more than once', async () => {
    const file = await readLeadFile(utf8(leadsCsv));
    expect(await collect(file.rows())).toEqual(await collect(file.rows()));
  });

  it('reads 200k rows in one pass without slowing down', async () => {
    const lines = ['姓名,手机,邮箱,公司,备注'];
    for (let i = 0; i < 200_000; i++) {
      lines.push(`张${i},${13900000000 + i},u${i}@example.com,"公司${i}, 有限公司",第${i}行`);
    }
    const bytes = utf8(lines.join('\n'));
    const started = performance.now();
    const file = await readLeadFile(bytes);
    expect(file.totalRows).toBe(200_000);
    let count = 0;
    let last: ImportRow | RowError | undefined;
    for await (const row of file.rows()) {
      count++;
      last = row;
    }
    expect(count).toBe(200_000);
    expect(last).toEqual({
      rowNumber: 200_001,
      values: { name: '张199999', phone: '13900199999', email: 'u199999@example.com', company: '公司199999, 有限公司' },
      fields: { 备注: '第199999行' },
    });
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('readLeadFile: XLSX', () => {
  it('reads the first worksheet with the same rules as CSV', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('线索');
      sheet.addRow(['姓名*', '手机', '邮箱', '公司', '注册日期', '备注']);
      sheet.addRow([
        '张三',
        13900000001,
        { text: 'zhang@example.com', hyperlink: 'mailto:zhang@example.com' },
        { richText: [{ text: '上海' }, { text: '某某' }] },
        new Date(Date.UTC(2024, 4, 1)),
        '',
      ]);
      sheet.getCell('E2').numFmt = 'yyyy/m/d';
      sheet.addRow([]);
      sheet.addRow(['李四', { formula: '13900000000+2', result: 13900000002 }, null, null, null, '回访']);
      sheet.addRow(['王五', '13900000003', null, null, null, null, '多出来的']);
    });
    const file = await readLeadFile(bytes, 'leads.xlsx');
    expect(file.format).toBe('xlsx');
    expect('encoding' in file).toBe(false);
    expect(file.headers).toEqual(['姓名*', '手机', '邮箱', '公司', '注册日期', '备注']);
    expect(file.totalRows).toBe(3);
    expect(await collect(file.rows())).toEqual([
      {
        rowNumber: 2,
        values: { name: '张三', phone: '13900000001', email: 'zhang@example.com', company: '上海某某' },
        fields: { 注册日期: '2024-05-01' },
      },
      { rowNumber: 4, values: { name: '李四', phone: '13900000002' }, fields: { 备注: '回访' } },
      {
        rowNumber: 5,
        field: '_row',
        message: expect.stringContaining('6 columns'),
        messageZh: expect.stringContaining('6 列'),
      },
    ]);
  });

  it('is recognised by its bytes even with a .csv name', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.addRow(['name', 'phone']);
      sheet.addRow(['张三', 13900000001]);
    });
    expect(await rowsOf(bytes, 'leads.csv')).toEqual([
      { rowNumber: 2, values: { name: '张三', phone: '13900000001' }, fields: {} },
    ]);
  });
});

describe('readLeadFile: unreadable files', () => {
  const unreadable = async (bytes: Uint8Array, message: RegExp, name?: string) => {
    const error = await readLeadFile(bytes, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect((error as Error).message).toMatch(message);
  };

  it('refuses an empty file or one with blank lines only', async () => {
    await unreadable(new Uint8Array(), /"a\.csv" is empty/, 'a.csv');
    await unreadable(utf8('\r\n \r\n,,\r\n'), /empty: it has no header row/);
    await unreadable(utf8WithBom(''), /empty/);
  });

  it('refuses a header row with broken quoting', async () => {
    await unreadable(utf8('"name,phone\n张三,1\n'), /header row .* cannot be read/);
  });

  it('refuses binary files and workbooks that do not open', async () => {
    await unreadable(new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x00]), /not a CSV or XLSX file/);
    await unreadable(utf8('%PDF-1.4'), /PDF/);
    await unreadable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /could not be opened as an Excel workbook/);
    const workbook = await xlsx((wb) => wb.addWorksheet('S').addRow(['name']));
    await unreadable(workbook.subarray(0, 200), /could not be opened/, 'x.xlsx');
  });

  it('refuses a workbook whose first sheet is empty', async () => {
    await unreadable(await xlsx((wb) => wb.addWorksheet('S')), /empty/);
  });
});
