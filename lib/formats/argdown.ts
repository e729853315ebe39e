// Argdown (https://argdown.org): the map as text an Argdown editor or the Argdown CLI turns into
// an argument map. Export only: Argdown has no offsets, so it cannot bring a map back.
//
// Dialect (Argdown's default "loose" mode, where relations between statements are support and
// attack): one top-level statement per unit, the main claim first, then the others in text
// order, blocks separated by blank lines:
//
//   [u-thesis]: 単純には結論づけられない。 #claim {"unit": "u-thesis", "start": 346, "end": 427}
//
//   [u-1]: …の根拠。 #evidence {"unit": "u-1", "start": 10, "end": 30, "note": "…"}
//       +> [u-thesis] // r1
//       -> [u-7] // r2: note
//
// A relation is written under its premise (or attacker) as an outgoing relation: in Argdown,
// `[A]` followed by an indented `+> [B]` means "A supports B", `-> [B]` "A attacks B" (an
// indented `+ [B]` / `<+ [B]` would mean the opposite direction: B supports A).
//
// Invariants. Titles are the unit ids, with `[`, `]` and line breaks replaced (a title ends at
// the first `]`) and a numeric suffix when that makes two equal. A quote is one line (line
// breaks become spaces: a new line starting with `+` or `-` would be read as a relation), with
// every character Argdown gives a meaning inside text escaped by a backslash (\ @ # * _ [ ] < >
// / { } =; `=` because `===` opens front matter anywhere). Labels are tags (`#claim`, or
// `#(…)` when the id is not a plain tag word). The YAML data after each statement is JSON
// (which YAML reads), with `{` and `}` inside strings written as \u007b / \u007d so the data
// block cannot end early, and NEL/LS/PS escaped too (YAML breaks lines at them); offsets there
// are Unicode code points.
import { makeOffsetConverter } from '@/lib/text/offsets';
import type { AnnotatedMap } from './types';
import { v1Map } from './v1Shape';

const ARGDOWN_SPECIAL = /[\\@#*_[\]<>/{}=]/g;

/// `text` as Argdown statement text: one line, syntax characters escaped.
export function escapeArgdownText(text: string): string {
  return text.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ').replace(ARGDOWN_SPECIAL, (c) => `\\${c}`);
}

function titleFor(id: string): string {
  return id.replace(/[[\]\n\r\u2028\u2029]/g, '_').trim() || '_';
}

function tagFor(label: string): string {
  if (/^[A-Za-z0-9-]+$/.test(label)) return `#${label}`;
  return `#(${label.replace(/[()\n\r]/g, ' ')})`;
}

function dataFor(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(/[{}\u0085\u2028\u2029]/g, (c, offset: number, all: string) => {
    // Only the braces inside strings: the outer pair delimits the block.
    if ((c === '{' && offset === 0) || (c === '}' && offset === all.length - 1)) return c;
    // JSON leaves NEL, LS and PS raw, but YAML (which reads the block) breaks lines at them.
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function oneLine(s: string): string {
  return s.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ');
}

export function serializeArgdown(input: AnnotatedMap): string {
  const { document } = input;
  const map = v1Map(input.map, 'Argdown');
  const offsets = makeOffsetConverter(document.text);
  const titles = new Map<string, string>();
  const used = new Set<string>();
  for (const u of map.units) {
    const base = titleFor(u.id);
    let title = base;
    for (let k = 2; used.has(title); k++) title = `${base} (${k})`;
    used.add(title);
    titles.set(u.id, title);
  }
  const outgoing = new Map<string, typeof map.relations>();
  for (const r of map.relations) outgoing.set(r.from, [...(outgoing.get(r.from) ?? []), r]);

  const header = [
    `// Ronten argument map: ${oneLine(document.title)}`,
    `// document ${oneLine(document.id)} (sha256 ${document.textSha256}), annotator ${oneLine(input.annotator.name || input.annotator.id)}`,
    '// offsets in the data blocks are Unicode code points into the document text',
  ].join('\n');
  const ordered = map.mainClaimId === null ? [...map.units] : [...map.units.filter((u) => u.id === map.mainClaimId), ...map.units.filter((u) => u.id !== map.mainClaimId)];
  const blocks = ordered.map((u) => {
    const data: Record<string, unknown> = { unit: u.id, start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end) };
    if (u.note) data.note = u.note;
    const lines = [`${u.id === map.mainClaimId ? '// main claim\n' : ''}[${titles.get(u.id)}]: ${escapeArgdownText(document.text.slice(u.start, u.end))} ${tagFor(u.label)} ${dataFor(data)}`];
    for (const r of outgoing.get(u.id) ?? []) {
      lines.push(`    ${r.type === 'support' ? '+>' : '->'} [${titles.get(r.to)}] // ${oneLine(r.id)}${r.note ? `: ${oneLine(r.note)}` : ''}`);
    }
    return lines.join('\n');
  });
  return `${[header, ...blocks].join('\n\n')}\n`;
}
