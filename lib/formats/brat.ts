// brat standoff (`.txt` + `.ann`), the format of brat and of most argument-mining corpora built
// with it (e.g. the Argument Annotated Essays corpus: `supports` / `attacks` relations).
//
// Dialect, as brat itself writes and reads it:
// - `T<n>\t<Label> <start> <end>\t<text>` per unit, n = 1… in unit (text) order; the label is
//   our label id capitalized (`Claim`, `Evidence`, `Counterargument`, `Rebuttal`). Offsets are
//   Unicode code points into the .txt — brat is Python, and Python strings index code points.
// - A text-bound annotation cannot contain a line break (the .ann is line-based), so a unit that
//   spans one is written with brat's discontinuous fragments, `start end;start end`, split at the
//   breaks, its text being the fragments joined by one space (brat's DISCONT_SEP). Reading joins
//   fragments back into one span when only line breaks lie between them. Line breaks here are
//   everything Python's str.splitlines() splits at, because that is how brat reads the file.
// - `R<n>\tsupports Arg1:T<a> Arg2:T<b>` / `attacks`: Arg1 is the premise or attacker.
// - `A<n>\tMainClaim T<k>`: a binary attribute on the main claim.
// - The deeper model (issue 17). A relation with several premises, a scheme, a relation as
//   target or another relation aimed at it is an event: `E<n>\tSupport:T<trigger> Target:T<k>
//   Premise:T<a> Premise2:T<b> …` (Attack likewise; an undercutter's Target is an event), its
//   trigger an entity of type Support/Attack on the target's span (else the first premise in the
//   text's, else zero-width at 0); the scheme is `A<n>\tScheme E<k> <scheme id>`, the answered
//   critical questions `#<n>\tRontenCriticalQuestions E<k>\t<JSON>`. brat has no entity without
//   text, so an implicit unit is a zero-width entity at 0 of its label, its text in
//   AnnotatorNotes (raw, what brat shows) and `RontenImplicit` (exact), its note in RontenNote.
// - `#<n>\tAnnotatorNotes T<k>\t<note>` (or R<k>): notes, raw as brat writes and shows them —
//   brat has no escapes, so line breaks and tabs (which would end the line or the field) are
//   written as spaces; nothing else changes. brat's own notes are read raw.
// - Discontinuous spans from other files (fragments with text between them) cannot be one unit
//   of a map: they are read as the span from the first fragment's start to the last one's end,
//   and the report lists them (the import then needs the user's acceptance).
//
// Our round trip. brat has no ids of its own beyond T/R numbers, so every unit and relation also
// gets `#<n>\tRontenId T<k>\t<id>` (R<k> for relations); reading uses those ids, and `T<k>` /
// `R<k>` where they are absent (files from other tools). A unit whose span begins or ends with a
// line break cannot be expressed by fragments alone; it gets `#<n>\tRontenSpan T<k>\t<start>
// <end>` with its exact code-point span. A note that writing raw changed (it had line breaks or
// tabs) or that has a backslash also gets `#<n>\tRontenNote T<k>\t<note>` with the exact note;
// reading takes it while the AnnotatorNotes line still says what it was written from (a note
// edited in brat wins). RontenId and RontenNote texts escape `\` as `\\`, line breaks as `\n`,
// `\r` or `\uXXXX`, and tabs as `\t`, so that each stays on its line and is unambiguous. Files
// Ronten wrote before notes were raw (escaped AnnotatorNotes, no RontenNote) still read right:
// in a file with RontenId lines, an AnnotatorNotes without a RontenNote is unescaped when it is
// a well-formed escape (a raw note without backslashes is its own unescape).
// Comments ride on the unit or relation they are about as `#<n>\tRontenComment T<k>\t<JSON>`
// (id, author, createdAt, body; escaped like RontenId), brat keeping such lines as it keeps
// notes; a comment on the whole map rides on the first unit with `"about": "map"` (a map with
// no units carries none). The annotator is not carried (brat has no place for it).
//
// parse validates every line and reports `line N: …`: bad line shape, duplicate or unknown ids,
// offsets past the end of the text, text that does not match the .txt, unknown labels.
import { compareIds, isImplicit, textUnits, type Relation } from '@/lib/argument/types';
import { schemeIds } from '@/lib/argument/schemes';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { contextAround } from './anchor';
import { documentFromText, draftToAnnotated, formatError, stripBom } from './draft';
import { capitalizeLabel, defaultLabelDefinitions, resolveLabel } from './labels';
import type { AnnotatedMap, FormatAdapter, FormatError, LabelDefinition, MapComment, MapDraft, ParseResult, ReadOptions, RelationDraft, UnitDraft } from './types';

export interface BratFiles {
  txt: string;
  ann: string;
}

// What Python's str.splitlines() breaks at (brat reads .ann files line by line with it).
const LINE_BREAKS = /[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+/g;

export function escapeBratText(s: string): string {
  return s.replace(/[\\\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '\t':
        return '\\t';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

/// The inverse of escapeBratText; null when an escape is malformed.
export function unescapeBratText(s: string): string | null {
  let bad = false;
  const out = s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e === '\\') return '\\';
    if (e === 't') return '\t';
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    bad = true;
    return '';
  });
  return bad || /\\$/.test(s.replace(/\\\\/g, '')) ? null : out;
}

/// A note as brat shows it: on one line, in one field (line breaks and tabs become spaces).
export function rawBratNote(s: string): string {
  return s.replace(/\r\n|[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g, ' ');
}

/// AnnotatorNotes (raw) and, when the raw line is not the exact note, RontenNote (escaped).
function noteLines(target: string, note: string): string[] {
  const raw = rawBratNote(note);
  const lines = [`AnnotatorNotes ${target}\t${raw}`];
  if (raw !== note || note.includes('\\')) lines.push(`RontenNote ${target}\t${escapeBratText(note)}`);
  return lines;
}

/// The fragments of [start, end) (UTF-16) between line breaks, as code-point pairs.
function fragmentsOf(text: string, start: number, end: number, toCp: (i: number) => number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(LINE_BREAKS)) {
    const at = start + m.index!;
    if (at > from) out.push([toCp(from), toCp(at)]);
    from = at + m[0].length;
  }
  if (end > from) out.push([toCp(from), toCp(end)]);
  return out;
}

/// Whether a relation must be an event (E line) rather than a binary relation (R line): several
/// premises, a relation as target, a scheme, or another relation aimed at it.
function needsEvent(r: Relation, targeted: ReadonlySet<string>, relationIds: ReadonlySet<string>): boolean {
  return r.from.length > 1 || relationIds.has(r.to) || r.scheme !== undefined || targeted.has(r.id);
}

export function serializeBrat(input: AnnotatedMap): BratFiles {
  const { document } = input;
  const map = input.map;
  const text = document.text;
  const offsets = makeOffsetConverter(text);
  const toCp = (i: number) => offsets.toCodePoint(i);
  const lines: string[] = [];
  const notes: string[] = [];
  const tOf = new Map<string, string>();
  const units = textUnits(map.units);
  const implicitUnits = map.units.filter(isImplicit);
  [...units, ...implicitUnits].forEach((u, i) => tOf.set(u.id, `T${i + 1}`));
  units.forEach((u) => {
    const t = tOf.get(u.id)!;
    let fragments = fragmentsOf(text, u.start, u.end, toCp);
    const span: [number, number] = [toCp(u.start), toCp(u.end)];
    const exact = fragments.length > 0 && fragments[0][0] === span[0] && fragments[fragments.length - 1][1] === span[1];
    // A unit of line breaks alone has no fragment; brat still needs one, so it gets an empty
    // one at its start, and the RontenSpan note carries the truth.
    if (fragments.length === 0) fragments = [[span[0], span[0]]];
    const fragmentText = fragments.map(([s, e]) => text.slice(offsets.toUtf16(s), offsets.toUtf16(e))).join(' ');
    lines.push(`${t}\t${capitalizeLabel(u.label)} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${fragmentText}`);
    notes.push(`RontenId ${t}\t${escapeBratText(u.id)}`);
    if (!exact) notes.push(`RontenSpan ${t}\t${span[0]} ${span[1]}`);
    if (u.note) notes.push(...noteLines(t, u.note));
  });
  // Implicit units: brat has no entity without text, so each is a zero-width entity at the
  // start of the text whose own text rides in notes (AnnotatorNotes for brat's reader, raw;
  // RontenImplicit, exact).
  implicitUnits.forEach((u) => {
    const t = tOf.get(u.id)!;
    lines.push(`${t}\t${capitalizeLabel(u.label)} 0 0\t`);
    notes.push(`RontenId ${t}\t${escapeBratText(u.id)}`);
    notes.push(`RontenImplicit ${t}\t${escapeBratText(u.text)}`);
    notes.push(`AnnotatorNotes ${t}\t${rawBratNote(u.text)}`);
    if (u.note) notes.push(`RontenNote ${t}\t${escapeBratText(u.note)}`);
  });
  const relationIds = new Set(map.relations.map((r) => r.id));
  const targeted = new Set(map.relations.map((r) => r.to).filter((to) => relationIds.has(to)));
  const binary = map.relations.filter((r) => !needsEvent(r, targeted, relationIds));
  const events = map.relations.filter((r) => needsEvent(r, targeted, relationIds));
  const rOf = new Map<string, string>([...binary.map((r, i) => [r.id, `R${i + 1}`] as const), ...events.map((r, i) => [r.id, `E${i + 1}`] as const)]);
  binary.forEach((r) => {
    const rid = rOf.get(r.id)!;
    lines.push(`${rid}\t${r.type === 'support' ? 'supports' : 'attacks'} Arg1:${tOf.get(r.from[0])} Arg2:${tOf.get(r.to)}`);
    notes.push(`RontenId ${rid}\t${escapeBratText(r.id)}`);
    if (r.note) notes.push(...noteLines(rid, r.note));
  });
  // Arguments as events: a trigger entity of type Support or Attack on the target's span (or
  // the first premise of the text's, or zero-width at the start), `Target` the unit or the
  // event attacked, `Premise`, `Premise2`, … the premises in order. The scheme is an attribute.
  const attributes: string[] = [];
  let nextT = tOf.size + 1;
  const triggers: string[] = [];
  const eventLines: string[] = [];
  const spanOf = (id: string) => units.find((u) => u.id === id);
  events.forEach((r) => {
    const eid = rOf.get(r.id)!;
    const on = spanOf(r.to) ?? r.from.map(spanOf).find((u) => u !== undefined);
    const trigger = `T${nextT++}`;
    const type = r.type === 'support' ? 'Support' : 'Attack';
    if (on) {
      const fragments = fragmentsOf(text, on.start, on.end, toCp);
      const first = fragments[0] ?? [toCp(on.start), toCp(on.start)];
      triggers.push(`${trigger}\t${type} ${first[0]} ${first[1]}\t${text.slice(offsets.toUtf16(first[0]), offsets.toUtf16(first[1]))}`);
    } else triggers.push(`${trigger}\t${type} 0 0\t`);
    const target = tOf.get(r.to) ?? rOf.get(r.to)!;
    eventLines.push(`${eid}\t${type}:${trigger} Target:${target} ${r.from.map((p, k) => `Premise${k === 0 ? '' : k + 1}:${tOf.get(p)}`).join(' ')}`);
    notes.push(`RontenId ${eid}\t${escapeBratText(r.id)}`);
    if (r.scheme !== undefined) attributes.push(`Scheme ${eid} ${r.scheme}`);
    if (r.criticalQuestions) notes.push(`RontenCriticalQuestions ${eid}\t${escapeBratText(JSON.stringify(r.criticalQuestions))}`);
    if (r.note) notes.push(...noteLines(eid, r.note));
  });
  lines.push(...triggers, ...eventLines);
  if (map.mainClaimId !== null) attributes.unshift(`MainClaim ${tOf.get(map.mainClaimId)}`);
  attributes.forEach((a, i) => lines.push(`A${i + 1}\t${a}`));
  for (const c of input.comments) {
    const on = c.targetKind === 'unit' ? tOf.get(c.targetId ?? '') : c.targetKind === 'relation' ? rOf.get(c.targetId ?? '') : tOf.size ? 'T1' : undefined;
    if (on === undefined) continue;
    const about = c.targetKind === 'map' ? { about: 'map', ...(c.targetId !== null ? { targetId: c.targetId } : {}) } : {};
    notes.push(`RontenComment ${on}\t${escapeBratText(JSON.stringify({ id: c.id, author: c.author, createdAt: c.createdAt, body: c.body, ...about }))}`);
  }
  notes.forEach((n, i) => lines.push(`#${i + 1}\t${n}`));
  return { txt: text, ann: lines.length ? `${lines.join('\n')}\n` : '' };
}

/// brat's annotation.conf for a label scheme: the entity types, the two relations (any entity to
/// any entity), overlapping spans allowed (units may overlap and nest), the MainClaim attribute.
export function bratAnnotationConf(labels: readonly LabelDefinition[]): string {
  return [
    '# Ronten label scheme for brat. Offsets in the .ann files are Unicode code points.',
    '# AnnotatorNotes are written raw, as brat shows them: line breaks and tabs in a note become',
    '# spaces there (RontenNote lines keep the exact note for Ronten).',
    '[entities]',
    ...labels.map((l) => capitalizeLabel(l.id)),
    '',
    '[relations]',
    'supports Arg1:<ENTITY>, Arg2:<ENTITY>',
    'attacks Arg1:<ENTITY>, Arg2:<ENTITY>',
    '<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '# Arguments with several premises, undercutters and arguments with a scheme (Ronten v2):',
    '# the trigger is on the target (or a premise), Premise+ the premises in order.',
    'Support\tTarget:<ENTITY>, Premise+:<ENTITY>',
    'Attack\tTarget:<ENTITY>|Support|Attack, Premise+:<ENTITY>',
    '',
    '[attributes]',
    'MainClaim Arg:<ENTITY>',
    `Scheme Arg:Support, Value:${schemeIds.join('|')}`,
    '',
  ].join('\n');
}

interface TextBound {
  line: number;
  label: string;
  start: number;
  end: number;
}

/// The pair as a draft on its .txt (checked line by line against it).
export function readBrat(input: unknown, options: ReadOptions = {}): ParseResult<MapDraft> {
  if (typeof input !== 'object' || input === null || typeof (input as BratFiles).txt !== 'string' || typeof (input as BratFiles).ann !== 'string') {
    return { ok: false, errors: [formatError('(file)', 'bratFiles')] };
  }
  const txt = stripBom((input as BratFiles).txt);
  const ann = stripBom((input as BratFiles).ann);
  const labels = options.labels ?? defaultLabelDefinitions;
  const offsets = makeOffsetConverter(txt);
  const cpLength = offsets.codePointLength;
  const errors: FormatError[] = [];
  const skipped: FormatError[] = [];
  const textBounds = new Map<string, TextBound>();
  const relationLines: Array<{ line: number; id: string; type: 'support' | 'attack'; arg1: string; arg2: string }> = [];
  const mainClaims: Array<{ line: number; target: string }> = [];
  const triggers = new Map<string, { line: number; type: 'support' | 'attack' }>();
  const eventLines: Array<{ line: number; id: string; type: 'support' | 'attack'; trigger: string; target: string; premises: string[] }> = [];
  const schemeLines: Array<{ line: number; target: string; scheme: string }> = [];
  const notes: Array<{ line: number; kind: string; target: string; text: string }> = [];
  const seen = new Set<string>();

  const rawLines = ann.split('\n');
  rawLines.forEach((raw, index) => {
    const n = index + 1;
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineText.trim() === '') return;
    const at = `line ${n}`;
    const tab = lineText.indexOf('\t');
    if (tab <= 0) {
      errors.push(formatError(at, 'bratId', { got: JSON.stringify(lineText.slice(0, 40)) }));
      return;
    }
    const id = lineText.slice(0, tab);
    const rest = lineText.slice(tab + 1);
    const tab2 = rest.indexOf('\t');
    const data = tab2 === -1 ? rest : rest.slice(0, tab2);
    const tail = tab2 === -1 ? null : rest.slice(tab2 + 1);
    if (!/^([TRAME]\d+|#\d*)$/.test(id)) {
      errors.push(/^[N*]/.test(id) ? formatError(at, 'bratNoCounterpart', { id }) : formatError(at, 'bratBadId', { id }));
      return;
    }
    if (id !== '#' && seen.has(id)) {
      errors.push(formatError(at, 'bratDuplicateId', { id }));
      return;
    }
    seen.add(id);
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
      if (!m || tail === null) {
        errors.push(formatError(at, 'bratLine', { shape: `${id}\\t<Label> <start> <end>[;<start> <end>…]\\t<text>` }));
        return;
      }
      const label = resolveLabel(m[1], labels);
      const triggerType = label === null ? eventType(m[1]) : null;
      if (triggerType) {
        // An event's trigger (checked to be one once every line is read).
        triggers.set(id, { line: n, type: triggerType });
        return;
      }
      if (label === null) {
        errors.push(formatError(at, 'unknownLabel', { label: m[1], expected: labels.map((l) => capitalizeLabel(l.id)).join(', ') }));
        return;
      }
      const fragments = m[2].split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      for (const [s, e] of fragments) {
        if (s > e || e > cpLength) {
          errors.push(formatError(at, 'offsetsOutOfText', { start: s, end: e, length: cpLength }));
          return;
        }
      }
      for (let k = 1; k < fragments.length; k++) {
        if (fragments[k][0] < fragments[k - 1][1]) {
          errors.push(formatError(at, 'bratFragments'));
          return;
        }
      }
      const slice = (s: number, e: number) => txt.slice(offsets.toUtf16(s), offsets.toUtf16(e));
      const expected = fragments.map(([s, e]) => slice(s, e)).join(' ');
      if (tail !== expected) {
        errors.push(formatError(at, 'bratTextMismatch', { text: JSON.stringify(tail), span: m[2], expected: JSON.stringify(expected) }));
        return;
      }
      for (let k = 1; k < fragments.length; k++) {
        const gap = slice(fragments[k - 1][1], fragments[k][0]);
        if (gap.replace(LINE_BREAKS, '') !== '') {
          const [s, e] = [fragments[0][0], fragments[fragments.length - 1][1]];
          skipped.push(formatError(at, 'bratDiscontinuous', { id, spans: m[2], start: s, end: e }));
          break;
        }
      }
      textBounds.set(id, { line: n, label, start: fragments[0][0], end: fragments[fragments.length - 1][1] });
    } else if (id.startsWith('R')) {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(data.trim());
      if (!m) {
        errors.push(formatError(at, 'bratLine', { shape: `${id}\\tsupports|attacks Arg1:T<a> Arg2:T<b>` }));
        return;
      }
      const kind = m[1].toLowerCase();
      const type = kind === 'supports' || kind === 'support' ? 'support' : kind === 'attacks' || kind === 'attack' ? 'attack' : null;
      if (!type) {
        errors.push(formatError(at, 'bratRelationType', { type: m[1] }));
        return;
      }
      relationLines.push({ line: n, id, type, arg1: m[2], arg2: m[3] });
    } else if (id.startsWith('E')) {
      const args = data.trim().split(/ +/).map((a) => /^([^:\s]+):(\S+)$/.exec(a));
      const [head, ...roles] = args;
      const type = head ? eventType(head[1]) : null;
      const targets = roles.filter((r) => r?.[1] === 'Target');
      const premises = roles.filter((r) => r !== null && /^Premise\d*$/.test(r[1]));
      if (!head || !type || roles.some((r) => r === null) || targets.length !== 1 || premises.length === 0 || targets.length + premises.length !== roles.length) {
        errors.push(formatError(at, 'bratEvent', { id }));
        return;
      }
      eventLines.push({ line: n, id, type, trigger: head[2], target: targets[0]![2], premises: premises.map((p) => p![2]) });
    } else if (id.startsWith('A') || id.startsWith('M')) {
      const m = /^(\S+) (\S+)(?: (\S+))?$/.exec(data.trim());
      if (!m) {
        errors.push(formatError(at, 'bratLine', { shape: `${id}\\t<Attribute> T<k>` }));
        return;
      }
      if (m[1] === 'Scheme' && m[3] !== undefined) {
        schemeLines.push({ line: n, target: m[2], scheme: m[3] });
        return;
      }
      if (m[1] !== 'MainClaim') {
        errors.push(formatError(at, 'bratAttribute', { name: m[1] }));
        return;
      }
      if (m[3] !== undefined && !/^(true|yes|1)$/i.test(m[3])) return; // MainClaim false
      mainClaims.push({ line: n, target: m[2] });
    } else {
      const m = /^(\S+) (\S+)$/.exec(data.trim());
      if (!m || tail === null) {
        errors.push(formatError(at, 'bratLine', { shape: `${id}\\t<NoteType> <T or R id>\\t<text>` }));
        return;
      }
      if (!['AnnotatorNotes', 'RontenId', 'RontenSpan', 'RontenNote', 'RontenComment', 'RontenImplicit', 'RontenCriticalQuestions'].includes(m[1])) {
        errors.push(formatError(at, 'bratNoteType', { type: m[1] }));
        return;
      }
      // brat's own notes are raw; ours are escaped (they must stay on one line exactly).
      const text = m[1] === 'AnnotatorNotes' ? tail : unescapeBratText(tail);
      if (text === null) {
        errors.push(formatError(at, 'bratEscape'));
        return;
      }
      notes.push({ line: n, kind: m[1], target: m[2], text });
    }
  });

  // References are resolved once every line is read: brat does not require T lines first.
  const relationIds = new Set([...relationLines.map((r) => r.id), ...eventLines.map((e) => e.id)]);
  const implicitText = new Map<string, string>();
  const answersOf = new Map<string, string>();
  const unitIds = new Map<string, string>();
  const relationIdOf = new Map<string, string>();
  const unitNotes = new Map<string, string[]>();
  const relationNotes = new Map<string, string[]>();
  const spanOverride = new Map<string, { line: number; start: number; end: number }>();
  const exactNotes = new Map<string, string[]>();
  const madeByRonten = notes.some((n) => n.kind === 'RontenId');
  const commentLines: Array<{ line: number; target: string; isUnit: boolean; text: string }> = [];
  for (const note of notes) {
    const at = `line ${note.line}`;
    const isUnit = textBounds.has(note.target);
    const isRelation = relationIds.has(note.target);
    if (!isUnit && !isRelation) {
      errors.push(formatError(at, 'bratUnknownRef', { id: note.target }));
      continue;
    }
    if (note.kind === 'RontenImplicit' && isUnit) {
      implicitText.set(note.target, note.text);
    } else if (note.kind === 'RontenCriticalQuestions' && isRelation) {
      answersOf.set(note.target, note.text);
    } else if (note.kind === 'RontenComment') {
      commentLines.push({ line: note.line, target: note.target, isUnit, text: note.text });
    } else if (note.kind === 'RontenId') {
      const map = isUnit ? unitIds : relationIdOf;
      if (map.has(note.target)) errors.push(formatError(at, 'bratSecondId', { id: note.target }));
      else if (note.text === '') errors.push(formatError(at, 'bratEmptyId'));
      else map.set(note.target, note.text);
    } else if (note.kind === 'RontenSpan') {
      const m = /^(\d+) (\d+)$/.exec(note.text);
      const tb = textBounds.get(note.target);
      if (!isUnit || !m || !tb) {
        errors.push(formatError(at, 'bratSpanNote'));
        continue;
      }
      const [s, e] = [Number(m[1]), Number(m[2])];
      if (s >= e || e > cpLength || s > tb.start || e < tb.end) {
        errors.push(formatError(at, 'bratSpanOutside', { start: s, end: e, id: note.target }));
        continue;
      }
      const outside = txt.slice(offsets.toUtf16(s), offsets.toUtf16(tb.start)) + txt.slice(offsets.toUtf16(tb.end), offsets.toUtf16(e));
      if (outside.replace(LINE_BREAKS, '') !== '') {
        errors.push(formatError(at, 'bratSpanLines', { start: s, end: e, id: note.target }));
        continue;
      }
      spanOverride.set(note.target, { line: note.line, start: s, end: e });
    } else {
      const map = note.kind === 'RontenNote' ? exactNotes : isUnit ? unitNotes : relationNotes;
      (map.get(note.target) ?? map.set(note.target, []).get(note.target)!).push(note.text);
    }
  }
  // The exact note stands in for the raw one it was written with; an old Ronten file's escaped
  // note is unescaped (see the header); anything else is brat's raw text.
  for (const map of [unitNotes, relationNotes]) {
    for (const [target, raws] of map) {
      const exact = exactNotes.get(target) ?? [];
      map.set(
        target,
        raws.map((raw) => exact.find((e) => rawBratNote(e) === raw) ?? (madeByRonten && !exactNotes.size ? (unescapeBratText(raw) ?? raw) : raw)),
      );
    }
  }

  const units: UnitDraft[] = [];
  for (const [t, tb] of textBounds) {
    const own = implicitText.get(t);
    if (own !== undefined) {
      // An implicit unit: its text from the note, its note only from RontenNote (AnnotatorNotes
      // shows brat's reader the text).
      units.push({ id: unitIds.get(t) ?? t, label: tb.label, note: (exactNotes.get(t) ?? []).join('\n'), quote: '', start: null, end: null, text: own, at: `line ${tb.line} (${t})` });
      continue;
    }
    const span = spanOverride.get(t) ?? tb;
    if (span.start === span.end) {
      errors.push(formatError(`line ${tb.line}`, 'bratEmptySpan', { id: t }));
      continue;
    }
    const s = offsets.toUtf16(span.start);
    const e = offsets.toUtf16(span.end);
    units.push({
      id: unitIds.get(t) ?? t,
      label: tb.label,
      note: (unitNotes.get(t) ?? []).join('\n'),
      quote: txt.slice(s, e),
      start: span.start,
      end: span.end,
      ...contextAround(txt, offsets, s, e),
      at: `line ${tb.line} (${t})`,
    });
  }
  const relations: RelationDraft[] = [];
  for (const r of relationLines) {
    const at = `line ${r.line}`;
    const missing = [r.arg1, r.arg2].filter((a) => !textBounds.has(a));
    if (missing.length) {
      errors.push(formatError(at, 'bratUnknownT', { ids: missing.join(', ') }));
      continue;
    }
    const id = relationIdOf.get(r.id) ?? r.id;
    relations.push({ id, type: r.type, from: [unitIds.get(r.arg1) ?? r.arg1], to: unitIds.get(r.arg2) ?? r.arg2, note: (relationNotes.get(r.id) ?? []).join('\n'), at: `${at} (${r.id})` });
  }
  const usedTriggers = new Set<string>();
  const schemeOf = new Map(schemeLines.map((l) => [l.target, l]));
  for (const l of schemeLines) if (!eventLines.some((e) => e.id === l.target)) errors.push(formatError(`line ${l.line}`, 'bratUnknownRef', { id: l.target }));
  for (const e of eventLines) {
    const at = `line ${e.line}`;
    const missing = [...e.premises, e.target].filter((a) => !textBounds.has(a) && !(a === e.target && relationIds.has(a)));
    if (!triggers.has(e.trigger)) missing.push(e.trigger);
    if (missing.length) {
      errors.push(formatError(at, 'bratUnknownT', { ids: missing.join(', ') }));
      continue;
    }
    usedTriggers.add(e.trigger);
    const id = relationIdOf.get(e.id) ?? e.id;
    const scheme = schemeOf.get(e.id)?.scheme;
    let criticalQuestions: Array<{ id: string; answer: string }> | undefined;
    const answers = answersOf.get(e.id);
    if (answers !== undefined) {
      let v: unknown = null;
      try {
        v = JSON.parse(answers);
      } catch {
        v = null;
      }
      if (!Array.isArray(v) || !v.every((a) => typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.answer === 'string')) {
        errors.push(formatError(at, 'bratEvent', { id: e.id }));
        continue;
      }
      criticalQuestions = v.map((a: { id: string; answer: string }) => ({ id: a.id, answer: a.answer }));
    }
    const target = textBounds.has(e.target) ? (unitIds.get(e.target) ?? e.target) : (relationIdOf.get(e.target) ?? e.target);
    relations.push({
      id,
      type: e.type,
      from: e.premises.map((p) => unitIds.get(p) ?? p),
      to: target,
      ...(scheme !== undefined ? { scheme } : {}),
      ...(criticalQuestions ? { criticalQuestions } : {}),
      note: (relationNotes.get(e.id) ?? []).join('\n'),
      at: `${at} (${e.id})`,
    });
  }
  for (const [t, trigger] of triggers) {
    if (!usedTriggers.has(t)) errors.push(formatError(`line ${trigger.line}`, 'unknownLabel', { label: trigger.type === 'support' ? 'Support' : 'Attack', expected: labels.map((l) => capitalizeLabel(l.id)).join(', ') }));
  }
  let mainClaimId: string | null = null;
  for (const m of mainClaims) {
    if (!textBounds.has(m.target)) errors.push(formatError(`line ${m.line}`, 'bratUnknownT', { ids: m.target }));
    else if (mainClaimId !== null) errors.push(formatError(`line ${m.line}`, 'bratSecondMainClaim'));
    else mainClaimId = unitIds.get(m.target) ?? m.target;
  }
  const comments: MapComment[] = [];
  for (const c of commentLines) {
    let v: unknown;
    try {
      v = JSON.parse(c.text);
    } catch {
      v = null;
    }
    const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    if (![o.id, o.author, o.createdAt, o.body].every((x) => typeof x === 'string')) {
      errors.push(formatError(`line ${c.line}`, 'bratComment'));
      continue;
    }
    const aboutMap = o.about === 'map';
    comments.push({
      id: o.id as string,
      targetKind: aboutMap ? 'map' : c.isUnit ? 'unit' : 'relation',
      targetId: aboutMap ? (typeof o.targetId === 'string' ? o.targetId : null) : c.isUnit ? (unitIds.get(c.target) ?? c.target) : (relationIdOf.get(c.target) ?? c.target),
      author: o.author as string,
      body: o.body as string,
      createdAt: o.createdAt as string,
    });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => lineOf(a.at) - lineOf(b.at)) };
  return {
    ok: true,
    value: {
      source: { text: txt, textSha256: documentFromText(txt).textSha256 },
      units,
      relations: relations.sort(compareIds),
      mainClaimId,
      comments,
      skipped,
    },
  };
}

/// An event type's relation type (brat capitalizes types; we write Support and Attack).
function eventType(name: string): 'support' | 'attack' | null {
  const lower = name.toLowerCase();
  return lower === 'support' || lower === 'supports' ? 'support' : lower === 'attack' || lower === 'attacks' ? 'attack' : null;
}

function lineOf(at: string): number {
  const m = /^line (\d+)/.exec(at);
  return m ? Number(m[1]) : 0;
}

/// Strict: the units on the .txt. `options.document` supplies the document's id, title and
/// language when it is the same text (otherwise the .txt stands alone).
export function parseBrat(input: unknown, options: ReadOptions = {}): ParseResult<AnnotatedMap> {
  const read = readBrat(input, options);
  if (!read.ok) return read;
  const txt = read.value.source.text!;
  const document = options.document && options.document.text === txt ? options.document : documentFromText(txt);
  return draftToAnnotated(read.value, document, options.labels ?? defaultLabelDefinitions);
}

export const bratFormat: FormatAdapter<BratFiles> = { serialize: serializeBrat, parse: parseBrat };
