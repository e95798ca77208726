import { describe, expect, it } from 'vitest';
import { buildRow, columnLetter, isBlank, isRowError, layoutColumns } from './import-row.js';

const row = (headers: string[], cells: string[], rowNumber = 2) =>
  buildRow(layoutColumns(headers), { rowNumber, cells });

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%d → %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});

describe('layoutColumns', () => {
  it('trims headers and drops trailing empty ones', () => {
    expect(layoutColumns([' 姓名 ', '手机', '', '  ']).headers).toEqual(['姓名', '手机']);
  });
});

describe('buildRow', () => {
  it('puts lead fields in values and other columns in fields, trimmed, empty cells left out', () => {
    expect(
      row(['姓名', '手机*', '邮箱', '备注', 'utmSource'], [' 张三 ', '13900000001', '', '老客户介绍', 'baidu']),
    ).toEqual({
      rowNumber: 2,
      values: { name: '张三', phone: '13900000001', utm_source: 'baidu' },
      fields: { 备注: '老客户介绍' },
    });
  });

  it('accepts rows shorter than the header', () => {
    expect(row(['name', 'phone', 'email'], ['张三'])).toEqual({ rowNumber: 2, values: { name: '张三' }, fields: {} });
  });

  it('accepts extra cells when they are empty (trailing separators)', () => {
    expect(row(['name'], ['张三', '', ' '])).toEqual({ rowNumber: 2, values: { name: '张三' }, fields: {} });
  });

  it('refuses a row with more non-empty cells than the header has columns', () => {
    const result = row(['姓名', '公司'], ['张三', '上海某某', '有限公司'], 7);
    expect(result).toEqual({
      rowNumber: 7,
      field: '_row',
      message: expect.stringContaining('3 cells'),
      messageZh: expect.stringContaining('这一行有 3 个单元格，但表头只有 2 列'),
    });
    expect(isRowError(result)).toBe(true);
  });

  it('passes a broken record on as a row error', () => {
    expect(buildRow(layoutColumns(['a']), { rowNumber: 4, broken: 'bad quote' })).toEqual({
      rowNumber: 4,
      field: '_row',
      message: 'bad quote',
    });
  });

  it('fills a field from the first non-empty of two columns and keeps the other value', () => {
    const headers = ['手机', '电话', '姓名'];
    expect(row(headers, ['13900000001', '021-55556666', '张三'])).toEqual({
      rowNumber: 2,
      values: { phone: '13900000001', name: '张三' },
      fields: { 电话: '021-55556666' },
    });
    expect(row(headers, ['', '021-55556666', '张三'])).toEqual({
      rowNumber: 2,
      values: { phone: '021-55556666', name: '张三' },
      fields: {},
    });
  });

  it('keeps duplicate custom columns apart and names header-less columns by letter', () => {
    expect(row(['备注', '', '备注', 'name'], ['a', 'b', 'c', 'd'])).toEqual({
      rowNumber: 2,
      values: { name: 'd' },
      fields: { 备注: 'a', '(column B)': 'b', '备注 (2)': 'c' },
    });
  });

  it('stores a column called __proto__ as data', () => {
    const result = row(['name', '__proto__'], ['张三', 'x']);
    expect(isRowError(result)).toBe(false);
    if (!isRowError(result)) {
      expect(Object.getPrototypeOf(result.fields)).toBe(Object.prototype);
      expect(Object.keys(result.fields)).toEqual(['__proto__']);
    }
  });
});

describe('isBlank', () => {
  it('is true for rows of empty or whitespace cells only', () => {
    expect(isBlank([])).toBe(true);
    expect(isBlank(['', ' ', '\u3000'])).toBe(true);
    expect(isBlank(['', 'x'])).toBe(false);
  });
});
