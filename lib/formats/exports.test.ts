// Two exports checked on their own terms: CSV (export only; read back with an RFC 4180 reader) and Argdown (checked line by
// line against the syntax it must keep: one statement per unit, relations under the premise,
// nothing in a quote that Argdown would read as syntax).
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeArgdownText, serializeArgdown } from './argdown';
import { readRelationComment } from './argdownRead';
import { csvCell, csvTable, serializeRelations, serializeUnits } from './csv';
import { loadEssay, makeLargeMap, smallMap } from './test-fixtures';
import type { AnnotatedMap } from './types';
import { textUnits, unitText } from '@/lib/argument/types';

/// RFC 4180, strictly: CRLF between records, quoted fields with doubled quotes, nothing after a
/// closing quote but a separator.
function readCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= input.length) throw new Error('unterminated quoted field');
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += input[i++];
      }
    } else {
      while (i < input.length && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n') {
        if (input[i] === '"') throw new Error(`bare quote in an unquoted field at ${i}`);
        field += input[i++];
      }
    }
    row.push(field);
    if (input[i] === ',') {
      i++;
      continue;
    }
    if (input.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === input.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i} (got ${JSON.stringify(input.slice(i, i + 5))})`);
  }
}

let large: AnnotatedMap;
beforeAll(async () => {
  const { document, boundaries } = await loadEssay();
  large = makeLargeMap(document, boundaries, { units: 300, relations: 400 });
});

describe('CSV', () => {
  it('quotes exactly the fields that need it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell('tab\there')).toBe('tab\there');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('units: BOM, header, every unit back with code-point offsets that slice to the quote', () => {
    const csv = serializeUnits(large);
    expect(csv.startsWith('\ufeffid,label,start_cp,end_cp,quote,note,main_claim\r\n')).toBe(true);
    const [header, ...rows] = readCsv(csv.slice(1));
    expect(header).toEqual(['id', 'label', 'start_cp', 'end_cp', 'quote', 'note', 'main_claim']);
    const cps = [...large.document.text];
    expect(rows).toHaveLength(large.map.units.length);
    rows.forEach(([id, label, start, end, quote, note, main], i) => {
      const u = textUnits(large.map.units)[i];
      expect({ id, label, note, main }).toEqual({ id: u.id, label: u.label, note: u.note, main: String(u.id === large.map.mainClaimId) });
      expect(cps.slice(Number(start), Number(end)).join('')).toBe(quote);
      expect(quote).toBe(large.document.text.slice(u.start, u.end));
    });
  });

  it('relations: every relation back with both quotes; no BOM when asked', () => {
    const csv = serializeRelations(large, { bom: false });
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...rows] = readCsv(csv);
    expect(header).toEqual(['id', 'type', 'from', 'to', 'from_quote', 'to_quote', 'note']);
    const quote = (id: string) => {
      const u = large.map.units.find((x) => x.id === id)!;
      return unitText(u, large.document.text);
    };
    expect(rows).toEqual(large.map.relations.map((r) => [r.id, r.type, r.from[0], r.to, quote(r.from[0]), quote(r.to), r.note]));
  });
});

describe('Argdown', () => {
  it('escapes everything Argdown reads as syntax and keeps a quote on one line', () => {
    expect(escapeArgdownText('a #tag [t] <a> *b* _i_ // c /* d */ {x} === @[m] \\')).toBe(
      'a \\#tag \\[t\\] \\<a\\> \\*b\\* \\_i\\_ \\/\\/ c \\/\\* d \\*\\/ \\{x\\} \\=\\=\\= \\@\\[m\\] \\\\',
    );
    expect(escapeArgdownText('一行目\n二行目')).toBe('一行目 二行目');
  });

  it('writes the main claim first, one statement per unit, relations as +> / -> under the premise', () => {
    const out = serializeArgdown(large);
    expect(out.endsWith('\n')).toBe(true);
    const blocks = out.trimEnd().split('\n\n');
    expect(blocks[0]).toMatch(/^\/\/ Ronten argument map: /);
    const statements = blocks.slice(1).map((b) => b.split('\n').filter((l) => !l.startsWith('// ')));
    expect(statements).toHaveLength(large.map.units.length);
    const titleOf = new Map<string, string>();
    for (const [definition] of statements) {
      const m = /^\[([^\]]+)\]: (.*) (#[\w-]+|#\([^)]*\)) (\{.*\})$/.exec(definition);
      expect(m, definition).not.toBeNull();
      const data = JSON.parse(m![4]);
      titleOf.set(data.unit, m![1]);
      const u = textUnits(large.map.units).find((x) => x.id === data.unit)!;
      expect(m![3]).toBe(`#${u.label}`);
      expect([...large.document.text].slice(data.start, data.end).join('')).toBe(large.document.text.slice(u.start, u.end));
      expect(data.note ?? '').toBe(u.note);
      // No unescaped syntax character in the statement text.
      expect(m![2].replace(/\\./g, '')).not.toMatch(/[\\@#*_[\]<>/{}=\n]/);
    }
    expect(JSON.parse(/\{.*\}$/.exec(statements[0][0])![0]).unit).toBe(large.map.mainClaimId);
    expect(new Set(titleOf.values()).size).toBe(large.map.units.length);
    let relationLines = 0;
    for (const lines of statements) {
      const from = JSON.parse(/\{.*\}$/.exec(lines[0])![0]).unit;
      for (const line of lines.slice(1)) {
        const m = /^ {4}(\+>|->) \[([^\]]+)\] \/\/ (.*)$/.exec(line);
        expect(m, line).not.toBeNull();
        const said = readRelationComment(m![3])!;
        const r = large.map.relations.find((x) => x.id === said.id)!;
        expect(said.note).toBe(r.note);
        expect(r.from).toEqual([from]);
        expect(m![1]).toBe(r.type === 'support' ? '+>' : '->');
        expect(m![2]).toBe(titleOf.get(r.to));
        relationLines++;
      }
    }
    expect(relationLines).toBe(large.map.relations.length);
  });

  it('the small map reads as intended', () => {
    expect(serializeArgdown(smallMap())).toContain('[u1]: 𠮷野家の𩸽は安い。 #evidence {"unit":"u1","start":7,"end":16,"note":"tab\\there, \\"quoted\\", comma"}\n    +> [u2] // r1');
  });
});

describe('CSV formula injection (OWASP): text starting with = + - @ tab CR gets a leading quote', () => {
  const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

  it.each(FORMULAS)('neutralizes the text cell %j; numbers written by the program stay numbers', (cell) => {
    const [row] = readCsv(csvTable([[cell, -0.25, 3, true]], { bom: false }));
    expect(row).toEqual([`'${cell}`, '-0.25', '3', 'true']);
    expect(Number(row[1])).toBe(-0.25);
  });

  it('every unit and relation note starting with one of them comes out neutralized', () => {
    const input = smallMap();
    input.map.units = input.map.units.map((u, i) => ({ ...u, note: FORMULAS[i % FORMULAS.length] }));
    input.map.relations = input.map.relations.map((r, i) => ({ ...r, note: FORMULAS[(i + 1) % FORMULAS.length] }));
    const tables = [
      { csv: serializeUnits(input), note: 5, count: input.map.units.length },
      { csv: serializeRelations(input), note: 6, count: input.map.relations.length },
    ];
    for (const { csv, note, count } of tables) {
      const rows = readCsv(csv.slice(1)).slice(1);
      expect(rows).toHaveLength(count);
      for (const row of rows) expect(row[note].startsWith("'")).toBe(true);
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
