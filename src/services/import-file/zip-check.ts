// Checks that a zip archive is whole before exceljs's streaming reader gets it.
//
// Why: that reader hangs for ever — no error, no end — on some damage. A corrupt deflate stream
// in a worksheet it parks in a temporary file is one (the entry's error is never listened to), and
// it leaves those temporary files behind when an archive breaks off. A damaged upload must become
// an UnreadableFile, not a stuck import. Here every entry is checked against the central
// directory: headers agree, data inflates, CRC-32 matches. Costs one extra decompression.

import { crc32, createInflateRaw } from 'node:zlib';

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;
const zip64Marker = 0xffffffff;

/** Why the archive is damaged, or undefined when it is whole (or uses ZIP64, which we leave to the reader). */
export async function findZipDamage(bytes: Uint8Array): Promise<string | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const end = findEnd(view);
  if (end < 0) return 'no end-of-central-directory record: the file is cut off';
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (count === 0xffff || directoryStart === zip64Marker) return undefined;
  if (directoryStart + directorySize > end) return 'the central directory lies outside the file';

  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== centralHeader) return `central directory entry ${i + 1} is damaged`;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);

    if (compressedSize === zip64Marker || size === zip64Marker || local === zip64Marker) continue;
    if (local + 30 > directoryStart || u32(local) !== localHeader || u16(local + 8) !== method) {
      return `the local header of ${name} is damaged`;
    }
    // A local header may leave its size out (bit 3: sizes follow the data; or a ZIP64 marker, as
    // Java-based writers put in) — but if it states one, it must be the directory's.
    const localSize = u32(local + 18);
    if (localSize !== compressedSize && localSize !== 0 && localSize !== zip64Marker) {
      return `the local header of ${name} is damaged`;
    }
    if (flags & 1) return `${name} is encrypted`;
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + compressedSize > directoryStart) return `${name} lies outside the file`;
    const data = bytes.subarray(dataStart, dataStart + compressedSize);

    let content: { crc: number; size: number };
    if (method === 0) content = { crc: crc32(data), size: data.length };
    else if (method === 8) {
      try {
        content = await inflate(data);
      } catch (error) {
        return `${name} does not decompress (${(error as Error).message})`;
      }
    } else return `${name} uses an unsupported compression method (${method})`;
    if (content.crc !== crc || content.size !== size) return `${name} fails its checksum`;
  }
  return undefined;
}

/** The end record is 22 bytes plus a comment of up to 64 KiB, so it is searched for from the back. */
function findEnd(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === endOfCentralDirectory) return at;
  }
  return -1;
}

/** CRC-32 and length of the inflated data, streamed so a 100 MB worksheet is never one buffer. */
function inflate(data: Uint8Array): Promise<{ crc: number; size: number }> {
  return new Promise((resolve, reject) => {
    let crc = 0;
    let size = 0;
    const inflater = createInflateRaw();
    inflater.on('data', (chunk: Buffer) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
    });
    inflater.on('end', () => resolve({ crc, size }));
    inflater.on('error', reject);
    inflater.end(data);
  });
}
