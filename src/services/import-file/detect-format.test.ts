import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';
import { concatBytes, gbk, utf8, utf8WithBom, xlsx } from './test-fixtures.js';
import { UnreadableFile } from './unreadable-file.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('detectFormat', () => {
  it('recognises an XLSX workbook by its zip signature, whatever the name says', async () => {
    const workbook = await xlsx((wb) => wb.addWorksheet('S').addRow(['姓名']));
    expect(detectFormat(workbook)).toBe('xlsx');
    expect(detectFormat(workbook, 'leads.csv')).toBe('xlsx');
  });

  it('treats text as CSV, also when it is named like a spreadsheet', () => {
    expect(detectFormat(utf8('姓名,手机\n张三,139\n'))).toBe('csv');
    expect(detectFormat(utf8WithBom('姓名\n'), 'leads.xlsx')).toBe('csv');
    expect(detectFormat(gbk('姓名\t手机\n'), '导出.xls')).toBe('csv');
  });

  it('refuses an empty file', () => {
    expect(() => detectFormat(new Uint8Array(), 'leads.csv')).toThrow(
      new UnreadableFile('"leads.csv" is empty.', { messageZh: '文件“leads.csv”是空的。' }),
    );
  });

  it('refuses legacy .xls and password-protected workbooks with advice', () => {
    const ole2 = concatBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(512));
    expect(() => detectFormat(ole2, 'old.xls')).toThrow(/Excel 97-2003.*save it as \.xlsx or CSV/);
  });

  it.each([
    ['PDF', utf8('%PDF-1.7\n...'), /a PDF document/],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), /a PNG image/],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), /a JPEG image/],
    ['gzip', bytes(0x1f, 0x8b, 8, 0), /a gzip archive/],
    ['empty zip', bytes(0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)), /empty zip archive/],
  ])('refuses a %s', (_kind, file, message) => {
    expect(() => detectFormat(file)).toThrow(UnreadableFile);
    expect(() => detectFormat(file)).toThrow(message);
  });

  it('refuses HTML or XML tables saved as .xls, as many back offices export them', () => {
    const html = utf8('<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    expect(() => detectFormat(html, 'export.xls')).toThrow(/"export\.xls" is a web page or XML file/);
    expect(() => detectFormat(utf8WithBom('  <?xml version="1.0"?><Workbook/>'))).toThrow(UnreadableFile);
    expect(() => detectFormat(utf8('<!DOCTYPE html>'))).toThrow(UnreadableFile);
  });
});
