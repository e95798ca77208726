// Reads the first worksheet of an XLSX workbook as rows of text cells.
//
// exceljs's streaming reader, not Workbook.xlsx.load(): on a 200k-row sheet the in-memory model
// needs about 4x the memory (1.3 GB vs 0.3 GB measured) and twice the time, because it keeps a
// full object per cell with styles. We keep only the text.

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import { describeFile, describeFileZh } from './detect-format.js';
import type { SheetRecord } from './import-row.js';
import { UnreadableFile } from './unreadable-file.js';
import { findZipDamage } from './zip-check.js';

export async function readXlsxRecords(bytes: Uint8Array, fileName?: string): Promise<SheetRecord[]> {
  const file = describeFile(fileName);
  const fileZh = describeFileZh(fileName);
  const damaged = (cause?: unknown) =>
    new UnreadableFile(
      `${file} could not be opened as an Excel workbook; it may be damaged or incomplete. Open it in Excel and save it again as .xlsx or CSV.`,
      {
        cause,
        messageZh: `${fileZh}无法作为 Excel 工作簿打开，可能已损坏或不完整。请在 Excel 中打开后重新另存为 .xlsx 或 CSV。`,
      },
    );
  // Checked first because the streaming reader can hang on a damaged archive (see zip-check.ts).
  const damage = await findZipDamage(bytes);
  if (damage) throw damaged(new Error(damage));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles tell which numbers are dates. Hyperlinked cells already hold their text; the link
      // targets live elsewhere and we don't want them.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    },
  );

  let records: SheetRecord[] | undefined;
  let lastRowNumber = 0;
  try {
    for await (const worksheet of reader) {
      // Only the first sheet is imported, but the others are still read to the end: the reader
      // parks sheets in temporary files and removes each one only once it has been consumed.
      const rows: SheetRecord[] = [];
      for await (const row of worksheet) {
        if (records) continue;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellText(cell.value, cell.numFmt);
        });
        // eachCell skips empty cells, leaving holes; holes are empty strings to everyone else.
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        // The r attribute is optional in the file format; without it a row follows the previous one.
        lastRowNumber = Number.isInteger(row.number) ? row.number : lastRowNumber + 1;
        rows.push({ rowNumber: lastRowNumber, cells });
      }
      records ??= rows;
    }
  } catch (error) {
    // The zip or XML inside is damaged. What exactly broke ("FILE_ENDED", a SAX position) means
    // nothing to the person, so it goes in `cause` only.
    throw damaged(error);
  }
  if (!records) {
    throw new UnreadableFile(`${file} is a zip archive without any worksheet, not an Excel workbook.`, {
      messageZh: `${fileZh}是不含任何工作表的 zip 压缩包，不是 Excel 工作簿。`,
    });
  }
  return records;
}
