import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { xlsx } from './test-fixtures.js';
import { findZipDamage } from './zip-check.js';

const workbook = () =>
  xlsx((wb) => {
    const sheet = wb.addWorksheet('S');
    for (let i = 0; i < 2000; i++) sheet.addRow([`name ${i}`, 13900000000 + i]);
  });

/** Offset of the named entry's local header: its name's first occurrence, after the 30 fixed header bytes. */
const localHeaderOf = (bytes: Uint8Array, name: string) => {
  const at = Buffer.from(bytes).indexOf(name) - 30;
  expect(Buffer.from(bytes).readUInt32LE(at)).toBe(0x04034b50);
  return at;
};

/** A zip written by Python's zipfile: stored (uncompressed) entries, as some tools write them. */
const storedZip = () =>
  new Uint8Array(
    execSync(
      `python3 -c "import io, sys, zipfile; b = io.BytesIO(); z = zipfile.ZipFile(b, 'w', zipfile.ZIP_STORED); z.writestr('a.txt', 'hello world'); z.close(); sys.stdout.buffer.write(b.getvalue())"`,
    ),
  );

describe('findZipDamage', () => {
  it('passes a whole workbook and a whole stored zip', async () => {
    expect(await findZipDamage(await workbook())).toBeUndefined();
    expect(await findZipDamage(storedZip())).toBeUndefined();
  });

  it('finds a cut-off file', async () => {
    const bytes = await workbook();
    expect(await findZipDamage(bytes.subarray(0, bytes.length - 100))).toMatch(/cut off/);
  });

  it('finds compressed data that does not inflate or fails its checksum', async () => {
    const bytes = new Uint8Array(await workbook());
    const sheet = localHeaderOf(bytes, 'xl/worksheets/sheet1.xml');
    for (let i = sheet + 900; i < sheet + 1300; i++) bytes[i] ^= 0xff;
    expect(await findZipDamage(bytes)).toMatch(/xl\/worksheets\/sheet1\.xml (does not decompress|fails its checksum)/);
  });

  it('finds a changed byte in a stored entry by its checksum', async () => {
    const bytes = storedZip();
    bytes[Buffer.from(bytes).indexOf('hello world')] = 0x48; // "Hello world"
    expect(await findZipDamage(bytes)).toBe('a.txt fails its checksum');
  });

  it('finds a damaged local header', async () => {
    const bytes = new Uint8Array(await workbook());
    const sheet = localHeaderOf(bytes, 'xl/worksheets/sheet1.xml');
    bytes[sheet + 18] ^= 0x01; // compressed size
    expect(await findZipDamage(bytes)).toBe('the local header of xl/worksheets/sheet1.xml is damaged');
  });
});
