import { describe, expect, it } from 'vitest';
import { csvDialect, maxMultilineCell, readCsvRecords } from './csv-records.js';

const records = (text: string) => {
  const { delimiter, start } = csvDialect(text);
  return [...readCsvRecords(text, delimiter, start)];
};
const cells = (text: string) => records(text).map((r) => ('cells' in r ? r.cells : r.broken));

describe('csvDialect', () => {
  it.each([
    ['name,phone,email\n', ','],
    ['name\tphone\temail\n', '\t'],
    ['name;phone;email\n', ';'],
    ['name\n', ','],
    ['"a,b";c;d\n', ';'], // separators inside quotes don't count
    ['\n\n姓名\t手机\n', '\t'], // blank lines before the header are skipped
    ['name,phone\tx\n', ','], // ties go to the comma
    ['name,title;role,x;y\n', ','],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(csvDialect(text)).toEqual({ delimiter, start: 0 });
  });

  it('honours an Excel "sep=" line and skips it', () => {
    const text = 'sep=;\r\nname;phone\r\n';
    expect(csvDialect(text)).toEqual({ delimiter: ';', start: 7 });
    expect(cells(text)).toEqual([['name', 'phone']]);
  });
});

describe('readCsvRecords', () => {
  it('splits rows and cells with LF, CRLF and lone CR line ends', () => {
    expect(cells('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('numbers rows as Excel does: blank lines count, multi-line cells do not', () => {
    const rows = records('h1,h2\n\na,"line 1\nline 2"\nb,c\n');
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(rows[1]).toEqual({ rowNumber: 2, cells: [''] });
    expect(rows[2]).toEqual({ rowNumber: 3, cells: ['a', 'line 1\nline 2'] });
  });

  it('reads quoted cells with separators, doubled quotes and surrounding spaces', () => {
    // Not trimmed here (the row builder trims), so the space after "c" stays, as in Excel.
    expect(cells('"a,b","say ""hi""", "c" ,""\n')).toEqual([['a,b', 'say "hi"', 'c ', '']]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(cells('a,,c,\n,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', ''],
    ]);
  });

  it('treats a quote in the middle of an unquoted cell as a character, as Excel does', () => {
    expect(cells('27" monitor,ab"c,x\n')).toEqual([['27" monitor', 'ab"c', 'x']]);
  });

  it('appends text after a closing quote on the same line, as Excel does', () => {
    expect(cells('"ACME" Inc,x\n')).toEqual([['ACME Inc', 'x']]);
  });

  it('unwraps ="..." cells that exports use to keep long numbers as text', () => {
    expect(cells('="13900000001","=""0012""",=1+1\n')).toEqual([['13900000001', '0012', '=1+1']]);
  });

  it('uses the given delimiter only', () => {
    expect([...readCsvRecords('a,b\tc\nd,e\tf\n', '\t')].map((r) => 'cells' in r && r.cells)).toEqual([
      ['a,b', 'c'],
      ['d,e', 'f'],
    ]);
  });

  it('reports an unterminated quote as one broken row and reads on from the next line', () => {
    const text = 'name,phone\na,1\nb,2\nc,"3\nd,4\ne,5\n';
    const rows = records(text);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['name', 'phone'] },
      { rowNumber: 2, cells: ['a', '1'] },
      { rowNumber: 3, cells: ['b', '2'] },
      {
        rowNumber: 4,
        broken: expect.stringContaining('never closed'),
        brokenZh: expect.stringContaining('没有在单元格结尾处闭合'),
      },
      { rowNumber: 5, cells: ['d', '4'] },
      { rowNumber: 6, cells: ['e', '5'] },
    ]);
    expect((rows[3] as { broken: string }).broken).toContain('The row starts: c,"3');
    expect((rows[3] as { brokenZh: string }).brokenZh).toContain('该行开头为：c,"3');
  });

  it('does not let an unclosed quote swallow rows up to the next quote further down', () => {
    // The quote opening row 4's "北京" would "close" row 2's cell; text after it gives it away.
    const rows = records('h,x\nc,"3\nd,4\ne,"北京",5\n');
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['h', 'x'] },
      { rowNumber: 2, broken: expect.any(String), brokenZh: expect.any(String) },
      { rowNumber: 3, cells: ['d', '4'] },
      { rowNumber: 4, cells: ['e', '北京', '5'] },
    ]);
  });

  it('treats a quoted cell that crosses lines and outgrows an Excel cell as unclosed', () => {
    const filler = `${'x'.repeat(100)}\n`.repeat(Math.ceil(maxMultilineCell / 100));
    const rows = records(`h\n"open\n${filler}"\nlast\n`);
    expect(rows[1]).toEqual({ rowNumber: 2, broken: expect.any(String), brokenZh: expect.any(String) });
    expect(rows.at(-1)).toEqual({ rowNumber: rows.length, cells: ['last'] });
    expect(rows.filter((r) => 'cells' in r && r.cells[0] === 'x'.repeat(100))).toHaveLength(
      Math.ceil(maxMultilineCell / 100),
    );
  });

  it('accepts a long quoted cell on one line', () => {
    const long = 'y'.repeat(maxMultilineCell * 2);
    expect(cells(`"${long}",z\n`)).toEqual([[long, 'z']]);
  });

  it('reads a large file in linear time, broken rows included', () => {
    const lines = ['姓名,手机,备注'];
    for (let i = 0; i < 200_000; i++) {
      lines.push(i % 1000 === 7 ? `坏${i},"139${i},unclosed` : `张${i},139${i},"备注, 第${i}行"`);
    }
    const started = performance.now();
    const rows = records(lines.join('\n'));
    expect(rows).toHaveLength(200_001);
    expect(rows.filter((r) => 'broken' in r)).toHaveLength(200);
    expect(rows.at(-1)).toEqual({ rowNumber: 200_001, cells: ['张199999', '139199999', '备注, 第199999行'] });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
