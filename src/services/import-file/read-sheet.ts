/**
 * A sheet uploaded for an import other than leads (CRM accounts, channel spend): CSV in UTF-8,
 * UTF-8 with BOM or GBK (the lead importer's encoding detection and CSV dialect) or XLSX, read
 * into its header row and the records below it. An unreadable file, an empty one or a broken
 * header row is bad input naming `file`.
 */
import { InvalidInput } from '../../domain/errors.js';
import { csvDialect, readCsvRecords } from './csv-records.js';
import { decodeText } from './decode-text.js';
import { describeFile, describeFileZh, detectFormat } from './detect-format.js';
import { isBlank, type SheetRecord } from './import-row.js';
import { UnreadableFile } from './unreadable-file.js';
import { readXlsxRecords } from './xlsx-records.js';

export interface Sheet {
  header: string[];
  /** The records after the header row, in file order. */
  records: SheetRecord[];
}

export async function readSheet(file: { bytes: Uint8Array; name?: string }): Promise<Sheet> {
  let records: SheetRecord[];
  try {
    records = await readRecords(file.bytes, file.name);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new InvalidInput([error.fieldError()]);
    throw error;
  }
  const headerAt = records.findIndex((r) => 'broken' in r || !isBlank(r.cells));
  const header = records[headerAt];
  if (header === undefined) {
    throw new InvalidInput([
      {
        field: 'file',
        message: `${describeFile(file.name)} is empty: it has no header row.`,
        messageZh: `${describeFileZh(file.name)}是空的：没有表头行。`,
      },
    ]);
  }
  if ('broken' in header) {
    throw new InvalidInput([
      {
        field: 'file',
        message: `the header row cannot be read: ${header.broken}`,
        messageZh: `表头行无法读取：${header.brokenZh ?? header.broken}`,
      },
    ]);
  }
  return { header: header.cells, records: records.slice(headerAt + 1) };
}

async function readRecords(bytes: Uint8Array, fileName?: string): Promise<SheetRecord[]> {
  if (detectFormat(bytes, fileName) === 'xlsx') return readXlsxRecords(bytes, fileName);
  const { text } = decodeText(bytes, fileName);
  if (text.includes('\u0000')) {
    throw new UnreadableFile(
      `${describeFile(fileName)} is not a CSV or XLSX file. Save the table from Excel as .xlsx or CSV.`,
      { messageZh: `${describeFileZh(fileName)}不是 CSV 或 XLSX 文件。请在 Excel 中把表格另存为 .xlsx 或 CSV。` },
    );
  }
  const { delimiter, start } = csvDialect(text);
  return [...readCsvRecords(text, delimiter, start)];
}
