// Checks an imported text file before anything is derived from it: it must be UTF-8, not
// empty, within the size limit, and storable (no U+0000: lib/text/safeText). Errors carry a
// code and a one-line message for the CLI/UI.

import { unsafeTextProblem } from '@/lib/text/safeText';

export const maxSourceBytes = 1024 * 1024;

export type SourceProblem = 'empty' | 'too-large' | 'not-utf8' | 'not-storable';

export class SourceFileError extends Error {
  constructor(
    readonly problem: SourceProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SourceFileError';
  }
}

/// Decodes the bytes of a `.txt` source, refusing anything a student's essay should not be.
export function decodeSourceFile(bytes: Uint8Array, name = 'the file'): string {
  if (bytes.byteLength > maxSourceBytes) {
    throw new SourceFileError(
      'too-large',
      `${name} is ${bytes.byteLength} bytes; the limit is ${maxSourceBytes} bytes (1 MiB)`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    throw new SourceFileError('not-utf8', `${name} is not valid UTF-8 (first bad byte at offset ${at}); save it as UTF-8 and try again`);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new SourceFileError('empty', `${name} is empty`);
  // Valid UTF-8 holds no lone surrogates, but may hold U+0000, which PostgreSQL cannot store.
  const unsafe = unsafeTextProblem(text);
  if (unsafe) throw new SourceFileError('not-storable', `${name} ${unsafe}: it is not a plain text file`);
  return text;
}

/// Offset of the first byte that breaks UTF-8, so the message can point at it.
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
