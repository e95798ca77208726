import { describe, expect, it } from 'vitest';
import { cellText, formatDate, formatNumber, isDateFormat } from './cell-text.js';

describe('formatNumber', () => {
  it.each([
    [13900000001, '13900000001'],
    [8613900000001, '8613900000001'],
    [500, '500'],
    [2.5, '2.5'],
    [-3, '-3'],
    [0.1 + 0.2, '0.3'], // binary noise beyond Excel's 15 digits
    [1.1000000000000001, '1.1'],
    [110101199001011000, '110101199001011000'], // an 18-digit ID typed as a number, as Excel keeps it
    [1e21, '1000000000000000000000'],
    [Number.NaN, ''],
  ])('%d → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe('formatDate', () => {
  it('gives a calendar date as yyyy-mm-dd', () => {
    expect(formatDate(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
  });
  it('keeps a time of day, rounded to the second', () => {
    expect(formatDate(new Date(Date.UTC(2024, 2, 5, 10, 29, 59, 700)))).toBe('2024-03-05T10:30:00');
  });
  it('gives a bare time for a time without a date', () => {
    expect(formatDate(new Date(Date.UTC(1899, 11, 30, 9, 15)))).toBe('09:15:00');
  });
});

describe('isDateFormat', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['m/d/yy', true],
    ['yyyy"年"m"月"d"日"', true],
    ['h:mm', true],
    ['General', false],
    ['0.00', false],
    ['"¥"#,##0.00', false],
    ['[Red]0', false],
    ['@', false],
    [undefined, false],
  ])('%s → %s', (format, isDate) => {
    expect(isDateFormat(format)).toBe(isDate);
  });
});

describe('cellText', () => {
  it('passes strings through and formats numbers, booleans and dates', () => {
    expect(cellText('张三')).toBe('张三');
    expect(cellText(13900000001)).toBe('13900000001');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2023, 11, 31)))).toBe('2023-12-31');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it('joins rich text runs', () => {
    expect(cellText({ richText: [{ text: '上海' }, { font: { bold: true }, text: '某某' }, { text: '公司' }] })).toBe(
      '上海某某公司',
    );
  });

  it('gives a formula its result', () => {
    expect(cellText({ formula: 'A1&B1', result: '张三' })).toBe('张三');
    expect(cellText({ formula: '1+1', result: 2 })).toBe('2');
    expect(cellText({ sharedFormula: 'C2', result: 13900000002 })).toBe('13900000002');
    expect(cellText({ formula: 'X()' })).toBe('');
    expect(cellText({ formula: 'VLOOKUP()', result: { error: '#N/A' } })).toBe('');
  });

  it('turns a date-formatted formula result into a date (exceljs leaves it a serial number)', () => {
    expect(cellText({ formula: 'DATE(2024,1,15)', result: 45306 }, 'yyyy-mm-dd')).toBe('2024-01-15');
    expect(cellText({ formula: 'DATE(2024,1,15)', result: 45306 }, 'General')).toBe('45306');
  });

  it('gives a hyperlink its text, not its address', () => {
    expect(cellText({ text: '官网', hyperlink: 'https://example.com' })).toBe('官网');
    expect(cellText({ text: { richText: [{ text: 'a@' }, { text: 'b.cn' }] }, hyperlink: 'mailto:a@b.cn' })).toBe(
      'a@b.cn',
    );
  });

  it('gives error cells no value', () => {
    expect(cellText({ error: '#REF!' })).toBe('');
  });
});
