// Turns CSV bytes into text. Chinese Excel saves "CSV" in the ANSI code page, i.e. GBK, while
// everything else writes UTF-8 (Excel's "CSV UTF-8" adds a BOM). No header says which, so:
// a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (GBK text of any length practically
// never is); anything else is read as GBK.

import { describeFile, describeFileZh } from './detect-format.js';
import { UnreadableFile } from './unreadable-file.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gbk';

export function decodeText(bytes: Uint8Array, fileName?: string): { text: string; encoding: TextEncodingName } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // Excel's "Unicode text" export. Refused rather than guessed at: the contract names three encodings.
    throw new UnreadableFile(
      `${describeFile(fileName)} is UTF-16 text (Excel's "Unicode Text"). Save it as "CSV UTF-8" or .xlsx instead.`,
      {
        messageZh: `${describeFileZh(fileName)}是 UTF-16 文本（Excel 的“Unicode 文本”）。请改存为“CSV UTF-8”或 .xlsx。`,
      },
    );
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // Non-fatal: the BOM is a clear statement, so a damaged byte becomes U+FFFD in its row only.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  const utf8 = utf8OrNull(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // Decoded with Node's GB18030 decoder: a superset of GBK and GB2312 that also reads four-byte
  // sequences (rare CJK, e.g. names) and maps a hundred codes to real characters where Node's
  // "gbk" decoder yields private-use ones. It never throws: a broken multibyte sequence becomes
  // U+FFFD and the following ASCII byte (a comma, a newline) is kept, so damage stays in one cell.
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
}

/**
 * The text if the bytes are UTF-8, else null. A sequence cut off at the very end (a truncated
 * upload) still counts as UTF-8: streaming mode holds an incomplete tail back instead of failing,
 * and we turn it into U+FFFD, rather than reading the whole file as GBK mojibake.
 */
function utf8OrNull(bytes: Uint8Array): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  try {
    text = decoder.decode(bytes, { stream: true });
  } catch {
    return null;
  }
  try {
    return text + decoder.decode();
  } catch {
    return `${text}\uFFFD`;
  }
}
