// CSV tables of a map, for spreadsheets and statistics: one of units, one of relations. Export
// only (a table has no room for the text, the scheme or the annotator).
//
// RFC 4180: fields separated by commas, records by CRLF, a field quoted with `"` when it holds a
// comma, a quote, CR or LF (quotes inside doubled), and always a header row. Offsets are Unicode
// code points (columns `start_cp`, `end_cp`), so that Python's text[start:end] is the quote.
// UTF-8 with a byte-order mark by default: Excel (Japanese Windows in particular) reads a CSV
// without one as Shift_JIS and garbles every Japanese character.
import { makeOffsetConverter } from '@/lib/text/offsets';
import type { AnnotatedMap } from './types';

export interface CsvOptions {
  /// Start with U+FEFF (default true).
  bom?: boolean;
}

export function csvField(value: string | number | boolean): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(rows: Array<Array<string | number | boolean>>, options: CsvOptions): string {
  const body = rows.map((r) => r.map(csvField).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\ufeff'}${body}\r\n`;
}

export function serializeUnits(input: AnnotatedMap, options: CsvOptions = {}): string {
  const { document, map } = input;
  const offsets = makeOffsetConverter(document.text);
  return table(
    [
      ['id', 'label', 'start_cp', 'end_cp', 'quote', 'note', 'main_claim'],
      ...map.units.map((u) => [u.id, u.label, offsets.toCodePoint(u.start), offsets.toCodePoint(u.end), document.text.slice(u.start, u.end), u.note, u.id === map.mainClaimId]),
    ],
    options,
  );
}

export function serializeRelations(input: AnnotatedMap, options: CsvOptions = {}): string {
  const { document, map } = input;
  const quote = new Map(map.units.map((u) => [u.id, document.text.slice(u.start, u.end)]));
  return table(
    [['id', 'type', 'from', 'to', 'from_quote', 'to_quote', 'note'], ...map.relations.map((r) => [r.id, r.type, r.from, r.to, quote.get(r.from) ?? '', quote.get(r.to) ?? '', r.note])],
    options,
  );
}
