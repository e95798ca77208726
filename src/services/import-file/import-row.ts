// Turns the cells of one spreadsheet row into an ImportRow, given the header row. Shared by the
// CSV and XLSX readers, which only have to produce plain string cells (a SheetRecord).

import type { FieldError } from '../../domain/errors.js';
import { fieldForHeader } from './lead-columns.js';

/** One data row. rowNumber is the row a person sees in Excel (header = 1, first data row = 2). */
export interface ImportRow {
  rowNumber: number;
  /** By lead field name (see lead-columns.ts); empty cells are left out. */
  values: Record<string, string>;
  /** Columns that are not lead fields, by their header text; empty cells are left out. */
  fields: Record<string, string>;
}

/** A row that could not be read; field is '_row' when the row as a whole is the problem. */
export interface RowError {
  rowNumber: number;
  field: string;
  message: string;
  /** The message in Chinese. */
  messageZh?: string;
}

/** Why a record could not be split into cells, as the error of its row as a whole. */
export function brokenRowError(record: { broken: string; brokenZh?: string }): FieldError {
  return {
    field: '_row',
    message: record.broken,
    ...(record.brokenZh !== undefined && { messageZh: record.brokenZh }),
  };
}

export function isRowError(item: ImportRow | RowError): item is RowError {
  return 'message' in item;
}

/** What a file reader hands over: a row's cells as text, or why the row could not be split into cells. */
export type SheetRecord =
  | { rowNumber: number; cells: string[] }
  | { rowNumber: number; broken: string; brokenZh?: string };

type Column = { field: string; spillKey?: string } | { custom: string };

export interface ColumnLayout {
  /** The header cells, trimmed, up to the last non-empty one. */
  headers: string[];
  columns: Column[];
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Excel's name for a column ("A", "Z", "AA"), which is what a person sees above a header-less column. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function layoutColumns(headerCells: readonly string[]): ColumnLayout {
  const headers = headerCells.map((cell) => cell.trim());
  // Trailing empty header cells are what a stray separator or a formatted-but-empty Excel column leaves.
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();

  const customKeys = new Set<string>();
  // Custom keys must be unique or one column would overwrite another: a second "备注" becomes "备注 (2)".
  const uniqueKey = (wanted: string) => {
    let key = wanted;
    for (let n = 2; customKeys.has(key); n++) key = `${wanted} (${n})`;
    customKeys.add(key);
    return key;
  };

  const targets = headers.map((header, i) =>
    // A header-less column in the middle still holds data; keep it under the column's letter.
    header === '' ? { custom: `(column ${columnLetter(i)})` } : fieldForHeader(header),
  );
  const columnsPerField = new Map<string, number>();
  for (const target of targets) {
    if ('field' in target) columnsPerField.set(target.field, (columnsPerField.get(target.field) ?? 0) + 1);
  }
  const columns = targets.map((target, i): Column => {
    if ('custom' in target) return { custom: uniqueKey(target.custom) };
    // Two columns for one field (手机 and 电话 is common): the first non-empty one fills the field
    // and the other value is kept under its own header, so nothing the person sent is dropped.
    return (columnsPerField.get(target.field) ?? 0) > 1
      ? { field: target.field, spillKey: uniqueKey(headers[i]) }
      : target;
  });
  return { headers, columns };
}

export function buildRow(layout: ColumnLayout, record: SheetRecord): ImportRow | RowError {
  const { rowNumber } = record;
  if ('broken' in record) return { rowNumber, ...brokenRowError(record) };

  const { cells } = record;
  const { columns } = layout;
  for (let i = columns.length; i < cells.length; i++) {
    // Extra empty cells (trailing separators) are harmless; extra data means the row is shifted,
    // usually by an unquoted separator inside a value, so no cell can be trusted to be in its column.
    if (cells[i].trim() !== '') {
      const count = cells.length - countTrailingEmpty(cells);
      return {
        rowNumber,
        field: '_row',
        message:
          `This row has ${count} cells but the header has ${columns.length} columns, so its values cannot be matched ` +
          'to columns. A value probably contains an unquoted separator (e.g. a comma in a company name or address).',
        messageZh:
          `这一行有 ${count} 个单元格，但表头只有 ${columns.length} 列，无法把值对应到列上。` +
          '多半是某个值里有未加引号的分隔符（如公司名称或地址中的逗号）。',
      };
    }
  }

  const values: Record<string, string> = {};
  const fields: [string, string][] = [];
  for (let i = 0; i < columns.length && i < cells.length; i++) {
    const value = cells[i].trim();
    if (value === '') continue;
    const column = columns[i];
    if ('custom' in column) fields.push([column.custom, value]);
    else if (values[column.field] === undefined) values[column.field] = value;
    else if (column.spillKey !== undefined) fields.push([column.spillKey, value]);
  }
  // fromEntries defines own properties, so a column named "__proto__" is data, not a prototype.
  return { rowNumber, values, fields: Object.fromEntries(fields) };
}

function countTrailingEmpty(cells: readonly string[]): number {
  let n = 0;
  while (n < cells.length && cells[cells.length - 1 - n].trim() === '') n++;
  return n;
}
