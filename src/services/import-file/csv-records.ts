// Splits CSV text into rows of cells (RFC 4180 plus what Excel does), recovering from broken quoting.
//
// Why not csv-parse: with relax_quotes / skip_records_with_error it survives a stray quote, but an
// unterminated quote swallows the rest of the file into one cell and the error names only the last
// line, so every row after the damage is lost. Here a row with broken quoting costs that row only:
// it is reported and reading starts again on the next physical line. One pass, linear in the text.

import type { SheetRecord } from './import-row.js';

export type Delimiter = ',' | '\t' | ';';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;

// A quoted cell may legitimately contain line breaks (notes, addresses). Excel's cell limit is
// 32,767 characters, so a quoted cell that has crossed a line break and runs longer than that is
// an unclosed quote eating the rows below. The bound also keeps recovery linear: no single broken
// row makes us scan to the end of a large file and back.
export const maxMultilineCell = 32_767;

/**
 * The delimiter, and where the data starts. Excel honours a first line "sep=;" and so do we;
 * otherwise the header line decides: comma, unless it has more tabs or semicolons than commas
 * (tab-separated exports, and European Excel which writes ";").
 */
export function csvDialect(text: string): { delimiter: Delimiter; start: number } {
  const sep = /^sep=([,;\t])[ \t]*(?:\r\n|\n|\r|$)/i.exec(text);
  if (sep) return { delimiter: sep[1] as Delimiter, start: sep[0].length };

  const counts = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  let sawContent = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') {
      if (sawContent) break; // end of the header line; blank lines before it don't count
    } else if (c === ',' || c === '\t' || c === ';') {
      counts[c]++;
      sawContent = true;
    } else if (c.trim() !== '') sawContent = true;
  }
  const delimiter: Delimiter =
    counts['\t'] > counts[','] && counts['\t'] >= counts[';'] ? '\t' : counts[';'] > counts[','] ? ';' : ',';
  return { delimiter, start: 0 };
}

/**
 * Every row of the text in order, blank lines included (they are rows in Excel too, so
 * rowNumber stays what a person sees when opening the file). Cells are not trimmed.
 */
export function* readCsvRecords(text: string, delimiter: Delimiter, start = 0): Generator<SheetRecord> {
  const sep = delimiter.charCodeAt(0);
  let rowNumber = 0;
  for (let pos = start; pos < text.length; ) {
    rowNumber++;
    const record = scanRecord(text, pos, sep);
    if (record) {
      yield { rowNumber, cells: record.cells.map(unwrapFormulaText) };
      pos = record.end;
    } else {
      yield {
        rowNumber,
        broken:
          'A quote (") in this row is never closed where a cell ends, so the row was skipped. ' +
          `The row starts: ${firstLine(text, pos)}`,
        brokenZh: `这一行有引号（"）没有在单元格结尾处闭合，已跳过该行。该行开头为：${firstLine(text, pos)}`,
      };
      pos = nextLineStart(text, pos);
    }
  }
}

/** One record starting at `start` (always the start of a line), or null if its quoting is broken. */
function scanRecord(text: string, start: number, sep: number): { cells: string[]; end: number } | null {
  const n = text.length;
  const cells: string[] = [];
  let i = start;
  for (;;) {
    let j = i;
    while (j < n && text.charCodeAt(j) === SPACE && sep !== SPACE) j++;
    if (j < n && text.charCodeAt(j) === QUOTE) {
      const cell = scanQuoted(text, j, sep);
      if (!cell) return null;
      cells.push(cell.value);
      i = cell.end;
    } else {
      // Unquoted: runs to the separator or line end. A quote inside is an ordinary character
      // (5" screen, ab"c), as in Excel.
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === LF || c === CR) break;
        j++;
      }
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) return { cells, end: n };
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    return { cells, end: c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
  }
}

/** A quoted cell opening at `open`; ends on the separator / line end after it, or null if broken. */
function scanQuoted(text: string, open: number, sep: number): { value: string; end: number } | null {
  const n = text.length;
  let value = '';
  let from = open + 1;
  let multiline = false;
  let limit = n; // lowered once the cell crosses a line break, see maxMultilineCell
  let k = from;
  for (;;) {
    if (k >= limit) return null; // never closed (or closed absurdly far away)
    const c = text.charCodeAt(k);
    if (c === QUOTE) {
      if (text.charCodeAt(k + 1) !== QUOTE) break;
      value += text.slice(from, k + 1); // "" is one literal quote
      k += 2;
      from = k;
      continue;
    }
    if ((c === LF || c === CR) && !multiline) {
      multiline = true;
      limit = Math.min(n, open + maxMultilineCell + 1);
    }
    k++;
  }
  value += text.slice(from, k);

  // Text between the closing quote and the separator: Excel appends it ("ACME" Inc → ACME Inc),
  // and so do we on a single line. After a multi-line cell it means the quote we took as closing
  // was really the opening quote of a cell further down, i.e. the opening quote was never closed.
  let end = k + 1;
  while (end < n) {
    const c = text.charCodeAt(end);
    if (c === sep || c === LF || c === CR) break;
    end++;
  }
  const tail = text.slice(k + 1, end);
  if (multiline && tail.trim() !== '') return null;
  return { value: value + tail, end };
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

function firstLine(text: string, from: number): string {
  const line = text.slice(from, Math.min(nextLineStart(text, from), from + 200)).replace(/[\r\n]+$/, '');
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

// Exports that must keep long digit strings away from Excel's number conversion write them as
// ="13900000001" (or put a tab before them, which trimming removes). The value is the inner text.
function unwrapFormulaText(cell: string): string {
  const m = /^\s*="(.*)"\s*$/s.exec(cell);
  return m ? m[1].replace(/""/g, '"') : cell;
}
