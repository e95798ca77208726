// Decides whether an upload is an XLSX workbook or CSV text from its first bytes. The bytes win
// over the file name: CRMs export CSV named ".xls", people rename files, browsers send no name.
// The name only helps us say something useful about files we cannot read at all.

import { UnreadableFile } from './unreadable-file.js';

export type FileFormat = 'csv' | 'xlsx';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// Formats people upload by mistake. Reading them as text would decode (as GBK, which accepts
// nearly anything) into a "CSV" of garbage, so they are refused by signature instead.
const otherFormats: { magic: number[]; what: string; whatZh: string }[] = [
  { magic: ascii('%PDF'), what: 'a PDF document', whatZh: 'PDF 文档' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', whatZh: 'PNG 图片' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image', whatZh: 'JPEG 图片' },
  { magic: ascii('GIF8'), what: 'a GIF image', whatZh: 'GIF 图片' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive', whatZh: 'gzip 压缩包' },
  { magic: ascii('Rar!'), what: 'a RAR archive', whatZh: 'RAR 压缩包' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7z archive', whatZh: '7z 压缩包' },
];

const zipLocalFile = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: every XLSX is a zip
const zipEmpty = [0x50, 0x4b, 0x05, 0x06]; // PK\5\6: a zip with no entries
// OLE2 compound file: Excel 97-2003 .xls, and also any password-protected .xlsx.
const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf8Bom = [0xef, 0xbb, 0xbf];
// Many Chinese back offices "export to Excel" as an HTML table or SpreadsheetML 2003 XML saved
// as .xls; Excel opens those, we don't.
const markupStart = /^\s*<(?:!doctype|html|table|meta|\?xml)/i;

/** How to refer to the upload in a message. */
export function describeFile(fileName?: string): string {
  return fileName ? `"${fileName}"` : 'The file';
}

/** The same in Chinese. */
export function describeFileZh(fileName?: string): string {
  return fileName ? `文件“${fileName}”` : '文件';
}

export function detectFormat(bytes: Uint8Array, fileName?: string): FileFormat {
  const file = describeFile(fileName);
  const fileZh = describeFileZh(fileName);
  if (bytes.length === 0) throw new UnreadableFile(`${file} is empty.`, { messageZh: `${fileZh}是空的。` });
  if (startsWith(bytes, zipLocalFile)) return 'xlsx';
  if (startsWith(bytes, zipEmpty)) {
    throw new UnreadableFile(`${file} is an empty zip archive, not an Excel workbook.`, {
      messageZh: `${fileZh}是一个空的 zip 压缩包，不是 Excel 工作簿。`,
    });
  }
  if (startsWith(bytes, ole2)) {
    throw new UnreadableFile(
      `${file} is an Excel 97-2003 (.xls) or password-protected workbook, which cannot be imported. ` +
        'Open it in Excel, remove any password and save it as .xlsx or CSV.',
      {
        messageZh: `${fileZh}是 Excel 97-2003（.xls）或设有密码的工作簿，无法导入。请在 Excel 中打开，去掉密码后另存为 .xlsx 或 CSV。`,
      },
    );
  }
  for (const { magic, what, whatZh } of otherFormats) {
    if (startsWith(bytes, magic)) {
      throw new UnreadableFile(`${file} is ${what}, not a CSV or XLSX file.`, {
        messageZh: `${fileZh}是${whatZh}，不是 CSV 或 XLSX 文件。`,
      });
    }
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(startsWith(bytes, utf8Bom) ? 3 : 0, 512));
  if (markupStart.test(head)) {
    throw new UnreadableFile(
      `${file} is a web page or XML file saved under a spreadsheet name. Open it in Excel and save it as .xlsx or CSV.`,
      { messageZh: `${fileZh}其实是网页或 XML 文件，只是用了表格的文件名。请在 Excel 中打开并另存为 .xlsx 或 CSV。` },
    );
  }
  return 'csv';
}
