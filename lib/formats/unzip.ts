// Reads back the archives lib/formats/zip.ts writes (stored entries, UTF-8 names) through the
// central directory, as unzip tools do, checking each entry's CRC-32. For tests and tools that
// open Ronten's own exports; it refuses compressed entries rather than pretend to read them.
import { crc32 } from './zip';

/// The entries by name, in archive order. Throws on anything that is not such an archive.
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) throw new Error('unzip: no end-of-central-directory record (or an archive comment)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`unzip: bad central directory entry ${i}`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0) throw new Error(`unzip: ${name} is compressed (method ${method}); only stored entries are read`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, dataStart + size);
    if (crc32(data) !== crc) throw new Error(`unzip: CRC mismatch in ${name}`);
    out.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/// The entries as UTF-8 text.
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const decoder = new TextDecoder();
  return new Map([...unzip(bytes)].map(([name, data]) => [name, decoder.decode(data)]));
}
