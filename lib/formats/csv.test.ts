// The CSV reader against the writer (round trip of awkward cells) and the line numbers it names.
import { describe, expect, it } from 'vitest';
import { csvTable, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads back what csvTable writes: commas, quotes, line breaks, non-BMP text, empty cells', () => {
    const rows = [
      ['名前', 'メモ'],
      ['佐藤, 花子', '「引用」と "quote"'],
      ['𠮷田', 'two\nlines'],
      ['', 'x'],
    ];
    const parsed = parseCsv(csvTable(rows));
    expect(parsed).toEqual({ ok: true, records: rows.map((cells, i) => ({ line: i === 3 ? 5 : i + 1, cells })) });
  });

  it('takes LF and CR line ends, and a last line without one', () => {
    expect(parseCsv('a,b\rc,d\ne')).toEqual({ ok: true, records: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['c', 'd'] }, { line: 3, cells: ['e'] }] });
  });

  it('names the line of a quote left open or text after a closing quote', () => {
    expect(parseCsv('a\n"b\nc')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a\nb\n"c"d')).toMatchObject({ ok: false, line: 3 });
  });
});
