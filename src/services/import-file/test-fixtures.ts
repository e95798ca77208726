// Builders for the real file bytes the tests feed in. Test support only; nothing imports it at run time.

import { execSync } from 'node:child_process';
import ExcelJS from 'exceljs';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const utf8WithBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** GBK bytes as Chinese Excel writes them, encoded by Python's codec, not by our own code. */
export function gbk(text: string): Uint8Array {
  return new Uint8Array(
    execSync(`python3 -c "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gbk'))"`, { input: text }),
  );
}

export const concatBytes = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** An .xlsx file whose worksheets are filled by `build`, written by exceljs. */
export async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
