// Entry point of lead file import: file bytes in, header and rows out (§2, §10.1 "Import files").
// No database and no validation of values here — the importer decides what a valid lead is;
// this module only promises that every data row comes back, either as values or as a RowError.

import { csvDialect, readCsvRecords } from './csv-records.js';
import { decodeText } from './decode-text.js';
import { describeFile, describeFileZh, detectFormat } from './detect-format.js';
import { buildRow, type ImportRow, isBlank, layoutColumns, type RowError, type SheetRecord } from './import-row.js';
import { UnreadableFile } from './unreadable-file.js';
import { readXlsxRecords } from './xlsx-records.js';

export { type ImportRow, isRowError, type RowError } from './import-row.js';
export { UnreadableFile } from './unreadable-file.js';

export interface LeadFile {
  format: 'csv' | 'xlsx';
  /** How CSV text was decoded; absent for XLSX. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'gbk';
  /** Header cells as written (trimmed), up to the last non-empty one. */
  headers: string[];
  /** The lead fields the columns fill (each once). */
  leadFields: string[];
  /** The keys under which ImportRow.fields holds the other columns' values. */
  customColumns: string[];
  /** How many items rows() yields: data rows, broken ones included, blank ones not. */
  totalRows: number;
  /** Data rows in file order. Can be iterated more than once. */
  rows(): AsyncIterable<ImportRow | RowError>;
}

/**
 * Reads a CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX lead file. Throws UnreadableFile when the
 * file as a whole cannot be used; problems of single rows come back from rows() as RowErrors.
 *
 * The file is parsed once, up front, into rows of text cells: that gives totalRows for a progress
 * bar without a second pass, and an XLSX can only be read as a stream anyway. The rows' objects
 * are built lazily while rows() is iterated.
 */
export async function readLeadFile(bytes: Uint8Array, fileName?: string): Promise<LeadFile> {
  const file = describeFile(fileName);
  const fileZh = describeFileZh(fileName);
  const format = detectFormat(bytes, fileName);

  let records: SheetRecord[];
  let encoding: LeadFile['encoding'];
  if (format === 'xlsx') {
    records = await readXlsxRecords(bytes, fileName);
  } else {
    const decoded = decodeText(bytes, fileName);
    // Text files have no NUL characters; binary files nearly always do. Without this check a
    // binary upload would "decode" as GBK into a table of garbage.
    if (decoded.text.includes('\u0000')) {
      throw new UnreadableFile(`${file} is not a CSV or XLSX file. Save the table from Excel as .xlsx or CSV.`, {
        messageZh: `${fileZh}不是 CSV 或 XLSX 文件。请在 Excel 中把表格另存为 .xlsx 或 CSV。`,
      });
    }
    encoding = decoded.encoding;
    const { delimiter, start } = csvDialect(decoded.text);
    records = [...readCsvRecords(decoded.text, delimiter, start)];
  }

  const headerAt = records.findIndex((record) => 'broken' in record || !isBlank(record.cells));
  if (headerAt === -1) {
    throw new UnreadableFile(`${file} is empty: it has no header row and no data.`, {
      messageZh: `${fileZh}是空的：没有表头行，也没有数据。`,
    });
  }
  const header = records[headerAt];
  if ('broken' in header) {
    throw new UnreadableFile(`The header row of ${file} cannot be read. ${header.broken}`, {
      messageZh: `${fileZh}的表头行无法读取。${header.brokenZh ?? header.broken}`,
    });
  }
  const layout = layoutColumns(header.cells);

  // Blank rows are skipped, not reported: Excel sheets are full of formatted empty rows.
  const data = records.slice(headerAt + 1).filter((record) => 'broken' in record || !isBlank(record.cells));

  return {
    format,
    ...(encoding && { encoding }),
    headers: layout.headers,
    leadFields: [...new Set(layout.columns.flatMap((c) => ('field' in c ? [c.field] : [])))],
    customColumns: layout.columns.flatMap((c) =>
      'custom' in c ? [c.custom] : c.spillKey !== undefined ? [c.spillKey] : [],
    ),
    totalRows: data.length,
    async *rows() {
      for (const record of data) yield buildRow(layout, record);
    },
  };
}
