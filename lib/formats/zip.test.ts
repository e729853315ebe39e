import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, zip } from './zip';

/// Reads entries back through the central directory, as unzip tools do.
function readZip(bytes: Uint8Array): Array<{ name: string; text: string; crc: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const localNameLength = view.getUint16(local + 26, true);
    const data = bytes.subarray(local + 30 + localNameLength, local + 30 + localNameLength + size);
    expect(crc32(data)).toBe(crc);
    out.push({ name, text: new TextDecoder().decode(data), crc });
    at += 46 + nameLength;
  }
  return out;
}

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes entries with UTF-8 names that read back exactly', () => {
    const bytes = zip([
      { name: '2020年のロシア外交.txt', data: '𠮷野家で𩸽を食べた\n' },
      { name: 'a/b.ann', data: 'T1\tClaim 0 3\t𠮷野家\n' },
      { name: 'empty', data: new Uint8Array() },
    ]);
    expect(readZip(bytes).map(({ name, text }) => [name, text])).toEqual([
      ['2020年のロシア外交.txt', '𠮷野家で𩸽を食べた\n'],
      ['a/b.ann', 'T1\tClaim 0 3\t𠮷野家\n'],
      ['empty', ''],
    ]);
  });

  it('is deterministic and refuses duplicate names', () => {
    const entries = [{ name: 'x', data: 'y' }];
    expect(zip(entries)).toEqual(zip(entries));
    expect(() => zip([...entries, ...entries])).toThrow(/duplicate/);
  });

  it('is a zip that Python reads, when python3 is here', () => {
    let python = true;
    try {
      execFileSync('python3', ['--version']);
    } catch {
      python = false;
    }
    if (!python) return;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-zip-')), 't.zip');
    fs.writeFileSync(file, zip([{ name: '主張.csv', data: 'id,label\nu1,claim\n' }]));
    const listing = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(z.read("主張.csv").decode())', file]).toString();
    expect(listing).toBe('None\nid,label\nu1,claim\n\n');
  });
});
