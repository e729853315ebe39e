// Argdown (https://argdown.org): the map as text an Argdown editor or the Argdown CLI turns into
// an argument map. Argdown has no offsets: ours are in each statement's data, and relation ids
// and notes in comments, so that ./argdownRead.ts brings the exact map back.
//
// The deeper model: a relation with several premises, a scheme, or another relation aimed at
// it is an argument `<id>: <type> <id> {data}` with a premise–conclusion structure, premises in
// order; a support concludes its target, an attack a statement of its own (`[<id> conclusion]`)
// that attacks the target (`->`) or undercuts the attacked argument (`_> <id>`). The scheme is
// the inference rule (`-- Argument from example {"uses": [...], "scheme": ..., ...} --`). A lone
// undercutter is a `_> <id>` line under its premise. Implicit units are statements tagged
// `#implicit` with `"implicit": true` in their data and their own text.
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
// A relation's comment is `// <id>` or `// <id>: <note>`; the id, or the note, is written as a
// JSON string when it would not read back as itself (a line break, a leading quote, `: ` or
// space in an id, space at a note's ends). An implicit unit's text is also in its data as
// `"text"` when the one-line statement text would not give it back.
//
// Invariants. Titles are the unit ids, with `[`, `]`, `<`, `>` and line breaks replaced (a title ends at
// the first `]`) and a numeric suffix when that makes two equal. A quote is one line (line
// breaks become spaces: a new line starting with `+` or `-` would be read as a relation), with
// every character Argdown gives a meaning inside text escaped by a backslash (\ @ # * _ [ ] < >
// / { } =; `=` because `===` opens front matter anywhere). Labels are tags (`#claim`, or
// `#(…)` when the id is not a plain tag word). The YAML data after each statement is JSON
// (which YAML reads), with `{` and `}` inside strings written as \u007b / \u007d so the data
// block cannot end early, and NEL/LS/PS escaped too (YAML breaks lines at them); offsets there
// are Unicode code points.
import { makeOffsetConverter } from '@/lib/text/offsets';
import { isImplicit, type Relation } from '@/lib/argument/types';
import { schemeById } from '@/lib/argument/schemes';
import type { AnnotatedMap } from './types';

const ARGDOWN_SPECIAL = /[\\@#*_[\]<>/{}=]/g;

/// `text` as Argdown statement text: one line, syntax characters escaped.
export function escapeArgdownText(text: string): string {
  return text.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ').replace(ARGDOWN_SPECIAL, (c) => `\\${c}`);
}

function titleFor(id: string): string {
  return id.replace(/[[\]<>\n\r\u2028\u2029]/g, '_').trim() || '_';
}

function tagFor(label: string): string {
  if (/^[A-Za-z0-9-]+$/.test(label)) return `#${label}`;
  return `#(${label.replace(/[()\n\r]/g, ' ')})`;
}

function dataFor(value: Record<string, unknown>): string {
  // Only the braces inside strings are escaped: the others delimit the block and its objects.
  // JSON leaves NEL, LS and PS raw, but YAML (which reads the block) breaks lines at them.
  return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, (str) => str.replace(/[{}\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function oneLine(s: string): string {
  return s.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ');
}

/// A JSON string that stays on one line for Argdown (whose comments end at \n or \r only, but
/// keep NEL/LS/PS out all the same).
function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/// The comment after a relation line: its id and note, each as it is when that reads back as
/// itself, else as a JSON string (argdownRead.ts readRelationComment).
function relationComment(r: Relation): string {
  const id = /^[^\s"][^\s]*$/.test(r.id) && !r.id.includes(': ') && !r.id.endsWith(':') ? r.id : quoted(r.id);
  if (!r.note) return id;
  const note = oneLine(r.note) === r.note && r.note.trim() === r.note && !r.note.startsWith('"') ? r.note : quoted(r.note);
  return `${id}: ${note}`;
}

/// A relation Argdown says as a relation line under its premise (`+>`, `->`, or `_>` for an
/// undercutter): one premise, no scheme, and nothing aimed at it. The rest are arguments.
function isSimple(r: Relation, targeted: ReadonlySet<string>): boolean {
  return r.from.length === 1 && r.scheme === undefined && !targeted.has(r.id);
}

export function serializeArgdown(input: AnnotatedMap): string {
  const { document, map } = input;
  const offsets = makeOffsetConverter(document.text);
  const titles = new Map<string, string>();
  const used = new Set<string>();
  const unique = (base: string) => {
    let title = base;
    for (let k = 2; used.has(title); k++) title = `${base} (${k})`;
    used.add(title);
    return title;
  };
  for (const u of map.units) titles.set(u.id, unique(titleFor(u.id)));
  const relationIds = new Set(map.relations.map((r) => r.id));
  const targeted = new Set(map.relations.map((r) => r.to).filter((to) => relationIds.has(to)));
  const argumentTitles = new Map<string, string>();
  const usedArguments = new Set<string>();
  for (const r of map.relations) {
    if (isSimple(r, targeted)) continue;
    const base = titleFor(r.id);
    let title = base;
    for (let k = 2; usedArguments.has(title); k++) title = `${base} (${k})`;
    usedArguments.add(title);
    argumentTitles.set(r.id, title);
  }
  const pointer = (r: Relation) => (relationIds.has(r.to) ? `_> <${argumentTitles.get(r.to)}>` : `${r.type === 'support' ? '+>' : '->'} [${titles.get(r.to)}]`);
  const outgoing = new Map<string, Relation[]>();
  for (const r of map.relations) if (isSimple(r, targeted)) outgoing.set(r.from[0], [...(outgoing.get(r.from[0]) ?? []), r]);

  const header = [
    `// Ronten argument map: ${oneLine(document.title)}`,
    `// document ${oneLine(document.id)} (sha256 ${document.textSha256}), annotator ${oneLine(input.annotator.name || input.annotator.id)}`,
    '// offsets in the data blocks are Unicode code points into the document text',
    ...(map.units.some(isImplicit) ? ['// statements tagged #implicit are unstated in the text (reconstructed premises or conclusions)'] : []),
  ].join('\n');
  const ordered = map.mainClaimId === null ? [...map.units] : [...map.units.filter((u) => u.id === map.mainClaimId), ...map.units.filter((u) => u.id !== map.mainClaimId)];
  const blocks = ordered.map((u) => {
    const data: Record<string, unknown> = isImplicit(u) ? { unit: u.id, implicit: true } : { unit: u.id, start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end) };
    if (isImplicit(u) && oneLine(u.text).trim() !== u.text) data.text = u.text;
    if (u.note) data.note = u.note;
    const said = isImplicit(u) ? `${escapeArgdownText(u.text)} ${tagFor(u.label)} #implicit` : `${escapeArgdownText(document.text.slice(u.start, u.end))} ${tagFor(u.label)}`;
    const lines = [`${u.id === map.mainClaimId ? '// main claim\n' : ''}[${titles.get(u.id)}]: ${said} ${dataFor(data)}`];
    for (const r of outgoing.get(u.id) ?? []) {
      lines.push(`    ${pointer(r)} // ${relationComment(r)}`);
    }
    return lines.join('\n');
  });
  // Arguments: premise–conclusion structures, premises in order; a support concludes its
  // target, an attack a statement of its own that attacks (or undercuts) the target. The
  // scheme is the inference rule, with its id and answered critical questions as its data.
  for (const r of map.relations) {
    const title = argumentTitles.get(r.id);
    if (title === undefined) continue;
    const data: Record<string, unknown> = { relation: r.id, type: r.type };
    if (r.note) data.note = r.note;
    const premises = r.from.map((p, k) => `(${k + 1}) [${titles.get(p)}]`);
    const n = r.from.length + 1;
    const scheme = r.scheme !== undefined ? schemeById(r.scheme) : undefined;
    const inference =
      r.scheme === undefined
        ? '----'
        : `-- ${escapeArgdownText(scheme?.name.en ?? r.scheme)} ${dataFor({ uses: r.from.map((_, k) => k + 1), scheme: r.scheme, ...(r.criticalQuestions ? { criticalQuestions: r.criticalQuestions } : {}) })} --`;
    const conclusion =
      r.type === 'support' && !relationIds.has(r.to)
        ? [`(${n}) [${titles.get(r.to)}]`]
        : [`(${n}) [${unique(`${titleFor(r.id)} conclusion`)}]: ${escapeArgdownText(`${r.id}: the premises ${r.type === 'support' ? 'support' : 'attack'} ${relationIds.has(r.to) ? `the inference ${r.to}` : r.to}`)} ${dataFor({ conclusionOf: r.id })}`, `    ${pointer(r)}`];
    blocks.push([`<${title}>: ${r.type} ${escapeArgdownText(oneLine(r.id))} ${dataFor(data)}`, '', ...premises, inference, ...conclusion].join('\n'));
  }
  return `${[header, ...blocks].join('\n\n')}\n`;
}
