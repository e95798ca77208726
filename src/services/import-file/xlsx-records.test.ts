import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { xlsx } from './test-fixtures.js';
import { UnreadableFile } from './unreadable-file.js';
import { readXlsxRecords } from './xlsx-records.js';

describe('readXlsxRecords', () => {
  it('reads the cells of the first worksheet as text', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('线索');
      sheet.addRow(['姓名', '手机', '员工数', '注册日期', '公司', '官网', '评分', '是否付费', '日期公式']);
      sheet.addRow([
        '张三',
        13900000001, // a phone typed into a General cell is a number
        500,
        new Date(Date.UTC(2024, 0, 15)),
        { richText: [{ text: '上海' }, { font: { bold: true }, text: '某某' }, { text: '有限公司' }] },
        { text: '官网', hyperlink: 'https://example.com' },
        { formula: 'C2/100', result: 5 },
        true,
        { formula: 'D2+1', result: 45307 },
      ]);
      sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
      sheet.getCell('I2').numFmt = 'yyyy"年"m"月"d"日"';
    });
    expect(await readXlsxRecords(bytes)).toEqual([
      { rowNumber: 1, cells: ['姓名', '手机', '员工数', '注册日期', '公司', '官网', '评分', '是否付费', '日期公式'] },
      {
        rowNumber: 2,
        cells: ['张三', '13900000001', '500', '2024-01-15', '上海某某有限公司', '官网', '5', 'TRUE', '2024-01-16'],
      },
    ]);
  });

  it('keeps real row numbers and fills gaps between cells with empty strings', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.getCell('A1').value = 'name';
      sheet.getCell('C1').value = 'email';
      sheet.getCell('A4').value = '李四';
      sheet.getCell('C4').value = 'li@example.com';
    });
    expect(await readXlsxRecords(bytes)).toEqual([
      { rowNumber: 1, cells: ['name', '', 'email'] },
      { rowNumber: 4, cells: ['李四', '', 'li@example.com'] },
    ]);
  });

  it('ignores every sheet but the first', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Leads').addRow(['name']);
      wb.addWorksheet('说明').addRow(['请勿修改表头']);
    });
    expect(await readXlsxRecords(bytes)).toEqual([{ rowNumber: 1, cells: ['name'] }]);
  });

  it('refuses a damaged workbook', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('S');
      for (let i = 0; i < 2000; i++) sheet.addRow([`name ${i}`, 13900000000 + i]);
    });
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expect(readXlsxRecords(truncated, 'leads.xlsx')).rejects.toThrow(UnreadableFile);
    await expect(readXlsxRecords(truncated, 'leads.xlsx')).rejects.toThrow(/"leads\.xlsx" could not be opened/);
  });

  it('refuses a damaged workbook whose zip directory is intact', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('S');
      for (let i = 0; i < 2000; i++) sheet.addRow([`name ${i}`, 13900000000 + i]);
    });
    const damaged = new Uint8Array(bytes);
    for (let i = 2000; i < 2400; i++) damaged[i] ^= 0xff; // inside the compressed worksheet
    await expect(readXlsxRecords(damaged)).rejects.toThrow(/could not be opened as an Excel workbook/);
  });

  it('refuses a zip without worksheets', async () => {
    const zip = new Uint8Array(
      execSync(
        `python3 -c "import io, sys, zipfile; b = io.BytesIO(); z = zipfile.ZipFile(b, 'w'); z.writestr('readme.txt', 'hello'); z.close(); sys.stdout.buffer.write(b.getvalue())"`,
      ),
    );
    await expect(readXlsxRecords(zip)).rejects.toThrow(/without any worksheet/);
  });
});
