// CSV tables, for spreadsheets and statistics: the ONE CSV writer of the project (map export,
// class export, agreement table, compare table), and the two tables of a map — units and
// relations. Export only (a table has no room for the text or the annotator). A map with the
// deeper model's shapes gets extra columns (premises, target kind, scheme, critical questions,
// implicit units' text); a map without them gets the first model's tables unchanged.
//
// RFC 4180: fields separated by commas, records by CRLF, a field quoted with `"` when it holds a
// comma, a quote, CR or LF (quotes inside doubled), and always a header row. Offsets are Unicode
// code points (columns `start_cp`, `end_cp`), so that Python's text[start:end] is the quote.
// UTF-8 with a byte-order mark by default: Excel (Japanese Windows in particular) reads a CSV
// without one as Shift_JIS and garbles every Japanese character.
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
// `-` or `@` (and one starting with tab or CR, which some strip first) as a formula — a student's
// display name `=HYPERLINK(…)` would run in the teacher's spreadsheet. Every *text* cell starting
// with one of these gets a leading `'`, which spreadsheets show as text and do not display.
// Numbers the program wrote (a JS number, e.g. -0.5) are not text and stay numbers: only
// `string` cells are neutralized, so callers pass figures as numbers, never pre-formatted.
import { makeOffsetConverter } from '@/lib/text/offsets';
import { isImplicit, unitText } from '@/lib/argument/types';
import type { AnnotatedMap } from './types';

export interface CsvOptions {
  /// Start with U+FEFF (default true).
  bom?: boolean;
}

/// A cell: text (neutralized and quoted as needed), a number or boolean written as is, or
/// nothing (null/undefined: an empty cell).
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/// One cell as it goes into the file.
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const s = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/// A whole table: rows of cells (the first is the header), CRLF after every record.
export function csvTable(rows: CsvCell[][], options: CsvOptions = {}): string {
  const body = rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\ufeff'}${body}\r\n`;
}

/// Whether the map has a shape of the deeper model (an implicit unit, several premises, a
/// relation as target, a scheme): its tables then have the extra columns below. A map without
/// one gets the first model's tables, byte for byte.
function isDeep(map: AnnotatedMap['map']): boolean {
  const relationIds = new Set(map.relations.map((r) => r.id));
  return map.units.some(isImplicit) || map.relations.some((r) => r.from.length > 1 || relationIds.has(r.to) || r.scheme !== undefined);
}

/// What joins several ids in one cell: never a formula start, never a CSV delimiter.
export const PREMISE_SEPARATOR = ' | ';

export function serializeUnits(input: AnnotatedMap, options: CsvOptions = {}): string {
  const { document, map } = input;
  const offsets = makeOffsetConverter(document.text);
  const deep = isDeep(map);
  return csvTable(
    [
      ['id', 'label', 'start_cp', 'end_cp', 'quote', 'note', 'main_claim', ...(deep ? ['implicit', 'implicit_text'] : [])],
      ...map.units.map((u) => {
        const main = u.id === map.mainClaimId;
        if (isImplicit(u)) return [u.id, u.label, null, null, '', u.note, main, true, u.text];
        const row: CsvCell[] = [u.id, u.label, offsets.toCodePoint(u.start), offsets.toCodePoint(u.end), document.text.slice(u.start, u.end), u.note, main];
        return deep ? [...row, false, ''] : row;
      }),
    ],
    options,
  );
}

/// Relations: `from` is the (first) premise, `to` the target. Deep maps add `premises` (every
/// premise id, in order, joined by PREMISE_SEPARATOR), `to_kind` (unit or relation), `scheme`
/// and `critical_questions` (the answers as JSON).
export function serializeRelations(input: AnnotatedMap, options: CsvOptions = {}): string {
  const { document, map } = input;
  const quote = new Map(map.units.map((u) => [u.id, unitText(u, document.text)]));
  const deep = isDeep(map);
  const relationIds = new Set(map.relations.map((r) => r.id));
  return csvTable(
    [
      ['id', 'type', 'from', 'to', 'from_quote', 'to_quote', 'note', ...(deep ? ['premises', 'to_kind', 'scheme', 'critical_questions'] : [])],
      ...map.relations.map((r) => {
        const row: CsvCell[] = [r.id, r.type, r.from[0], r.to, quote.get(r.from[0]) ?? '', quote.get(r.to) ?? '', r.note];
        if (!deep) return row;
        return [...row, r.from.join(PREMISE_SEPARATOR), relationIds.has(r.to) ? 'relation' : 'unit', r.scheme ?? '', r.criticalQuestions ? JSON.stringify(r.criticalQuestions) : ''];
      }),
    ],
    options,
  );
}

/// One record read from a CSV file: its cells and the line it starts on (1-based).
export interface CsvRecord {
  line: number;
  cells: string[];
}

/// Reads an RFC 4180 table (the inverse of csvTable, also with LF or CR line ends and without a
/// header): records with the line each starts on, so errors can name it. A leading BOM is
/// dropped. Fails, naming the line, on a quote left open or text after a closing quote.
export function parseCsv(text: string): { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let afterQuote = false;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
      }
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterQuote) {
      return { ok: false, line, message: 'text after a closing quote (a quote inside a quoted cell is written "")' };
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else {
      cell += c;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: 'a quoted cell is not closed' };
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}
