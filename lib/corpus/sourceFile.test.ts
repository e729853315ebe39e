import { describe, expect, it } from 'vitest';
import { decodeSourceFile, maxSourceBytes, SourceFileError } from './sourceFile';

const utf8 = (s: string) => new TextEncoder().encode(s);

function problemOf(bytes: Uint8Array) {
  try {
    decodeSourceFile(bytes, 'x.txt');
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(SourceFileError);
    return { problem: (e as SourceFileError).problem, message: (e as Error).message };
  }
}

describe('decodeSourceFile', () => {
  it('decodes UTF-8 with non-BMP characters unchanged', () => {
    expect(decodeSourceFile(utf8('𠮷野家で𩸽を食べた👍\r\n'))).toBe('𠮷野家で𩸽を食べた👍\r\n');
  });

  it.each([
    ['empty', new Uint8Array(), 'empty'],
    ['whitespace only', utf8(' \n\u3000\n'), 'empty'],
    ['BOM only', utf8('\uFEFF'), 'empty'],
    ['Shift_JIS bytes', new Uint8Array([0x93, 0xfa, 0x96, 0x7b]), 'not-utf8'],
    ['truncated sequence', new Uint8Array([0xe3, 0x81]), 'not-utf8'],
    ['too large', new Uint8Array(maxSourceBytes + 1).fill(0x61), 'too-large'],
    ['U+0000 (which PostgreSQL cannot store)', utf8('本文\u0000です'), 'not-storable'],
  ])('refuses %s', (_name, bytes, problem) => {
    const result = problemOf(bytes);
    expect(result?.problem).toBe(problem);
    expect(result?.message).toContain('x.txt');
    expect(result?.message).not.toContain('\n');
  });

  it('points at the first bad byte', () => {
    const bytes = new Uint8Array([...utf8('あい'), 0xff, 0x61]);
    expect(problemOf(bytes)?.message).toContain('offset 6');
  });
});
