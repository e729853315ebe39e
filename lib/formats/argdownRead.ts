// Reading Argdown (https://argdown.org) into a map draft: our own export (./argdown.ts) back to
// the exact map, and Argdown as its users write it.
//
// A small line parser for the subset below, not @argdown/core: that package pulls a graph
// renderer and a highlighter into the server's dependencies, and its lexer drops comments, where
// our export keeps relation ids and notes. Where the subsets meet it reads as Argdown's lexer
// does (lib/formats/argdownRead.test.ts checks each case against @argdown/core). It runs where
// every import runs (the import route's worker, lib/server/importRequest), in passes linear in
// the input, within the import size limits.
//
// Lines. A line that starts nothing new — no relation (`+>`, `->`, `<+`, `<-`, `+`, `-`, `_>`,
// `<_`, `><`), no `--`, `(n)`, list item, `# ` heading, `[Title]` or `<Title>` — goes on with the
// element above it, indented or not, up to a blank line: a statement's or an argument's text, a
// premise's, its data on a line of its own. Lines are joined with a space, as Argdown does, but
// with none between two East Asian wide characters (a wrapped Japanese sentence). Comments
// (`//`, `/* */`, `<!-- -->`) between them change nothing. An inference runs from `--` to the
// next `--`, over as many lines as it takes (`--` / `Modus ponens {uses: [1, 2]}` / `--`). Data
// blocks `{…}` end where Argdown's lexer ends them and may span lines; they are YAML
// (./argdownYaml.ts). Front matter (`===` … `===` at the top) is skipped: Argdown reads settings
// there that change nothing a map reads.
//
// What is read:
// - Statements `[Title]: text #tag {data}` (and `[Title]` references, untitled text): one unit
//   per title. Its id is the data's `unit`, else the title; its label its first tag that names a
//   label (tags.ts; `#implicit` marks an implicit unit); its offsets the data's `start`/`end`
//   (code points). A statement without offsets is anchored by its text on import (anchor.ts) —
//   or, when its text is not in the document, it becomes an implicit unit. `// main claim` on
//   the line before a statement makes it the main claim.
// - Relations: indented lines under a statement or argument, `+>`/`->` (it supports/attacks the
//   line's target), `<+`/`+`, `<-`/`-` (the target supports/attacks it), `_>` (it undercuts the
//   argument named), `<_`/`_` (the target undercuts it). A trailing `// id` or `// id: note`
//   gives the relation's id and note (JSON-quoted when they would not read back as they are);
//   without one, the same relation said from both ends (`+>` under A, `<+` under B) is one.
// - Arguments `<Title>: … {data}` followed by a premise–conclusion structure `(1) … (n)` with one
//   inference (`----`, or `-- rules {data} --` on one line or several): a relation from the
//   premises, in order, to the conclusion; its id, type and note from the argument's data, its
//   scheme and critical questions from the inference's data, else the first rule (rules are
//   separated by commas) that names a catalogue scheme. A conclusion whose data says
//   `conclusionOf` is our export's stand-in for an attack: its one relation line is the
//   argument's target.
// - Left out, and said in the report: contradictions, relations that join arguments other than
//   by undercut, multi-step arguments, inference rules other than the scheme's, lists, data the
//   YAML reader does not read (with where it stopped). Refused with a coded error: a relation
//   line with nothing above it, an unclosed bracket or comment, a data block that does not end
//   before a blank line (Argdown would read a stray `{` as text, or swallow the statements after
//   it), an inference not closed before a blank line, a premise–conclusion structure without its
//   inference or conclusion (or a stand-in conclusion aimed at nothing or at two things), an
//   undercut of something that is not an argument with premises, a statement without text.
import { schemes } from '@/lib/argument/schemes';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { matchQuote, prepareSearchText } from './anchor';
import { formatError, stripBom } from './draft';
import { defaultLabelDefinitions } from './labels';
import { makeTagResolver } from './tags';
import { readYamlData } from './argdownYaml';
import type { FormatError, MapDraft, ParseResult, ReadOptions, RelationDraft, UnitDraft } from './types';

type Element = { kind: 'statement' | 'argument'; title: string };
type Op = '+>' | '->' | '<+' | '<-' | '_>' | '<_' | '><';

interface Statement {
  title: string;
  text: string;
  tags: string[];
  data: Record<string, unknown> | null;
  line: number;
}

interface Argument {
  title: string;
  data: Record<string, unknown> | null;
  line: number;
  premises: string[];
  conclusion: string | null;
  inference: { rules: string[]; data: Record<string, unknown> | null } | null;
  steps: number;
}

interface RawRelation {
  from: Element;
  op: Op;
  to: Element;
  comment: string | null;
  line: number;
}

/// A physical line (or several, when a data block spans lines) split into its content and its
/// `//` comment; block comments removed; each data block replaced by a placeholder
/// `\uFDD0<k>\uFDD1` for `blocks[k]` (so the lines around it can be joined and searched freely;
/// a literal U+FDD0 in the text is kept escaped). `blank`: nothing but white space (a blank line
/// ends a block; a comment-only line does not).
interface ScannedLine {
  n: number;
  content: string;
  comment: string | null;
  blank: boolean;
}

interface DataBlock {
  text: string;
  line: number;
}

const PLACEHOLDER = /\uFDD0(\d+)\uFDD1/y;
/// The characters scanLines stops at: line breaks, escapes, data, comments, placeholder marks.
const PLAIN = /[\n\r\\{/<\uFDD0\uFDD1]/g;

/// The lines of `text` as Argdown's lexer sees them. Data blocks end where its Data token ends
/// (`{((?!}\s[^,}])(.|\n))*}(?!\s*(,|}))`: at the last `}` before the first `}` that is followed
/// by white space and a character other than `,` or `}`, and not itself followed by `,` or `}`),
/// found in one pass: the first such stop only moves forward, and each block's backward search
/// covers text no other block's does. A data block that does not end, or crosses a blank line,
/// is unclosed (Argdown would swallow the statements after it).
function scanLines(text: string): { lines: ScannedLine[]; blocks: DataBlock[]; unclosed: number | null } {
  const lines: ScannedLine[] = [];
  const blocks: DataBlock[] = [];
  const isStop = (p: number) => text[p] === '}' && /\s/.test(text[p + 1] ?? '') && p + 2 < text.length && text[p + 2] !== ',' && text[p + 2] !== '}';
  const closes = (e: number) => {
    if (text[e] !== '}') return false;
    let j = e + 1;
    while (j < text.length && /\s/.test(text[j])) j++;
    return text[j] !== ',' && text[j] !== '}';
  };
  let stop = 0;
  const dataEnd = (start: number): number => {
    if (stop <= start) stop = start + 1;
    while (stop < text.length && !isStop(stop)) stop++;
    for (let e = Math.min(stop, text.length - 1); e > start; e--) if (closes(e)) return e + 1;
    return -1;
  };
  const breaks = (from: number, to: number) => (text.slice(from, to).match(/\r\n|\n|\r/g) ?? []).length;
  const LINE_END = /[\n\r]/g;
  const lineEnd = (from: number) => {
    LINE_END.lastIndex = from;
    return LINE_END.exec(text)?.index ?? text.length;
  };
  let n = 1;
  let i = 0;
  while (i <= text.length) {
    const line: ScannedLine = { n, content: '', comment: null, blank: true };
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n' || c === '\r') break;
      if (line.blank && !/\s/.test(c)) line.blank = false;
      const commentEnd = text.startsWith('/*', i) ? '*/' : text.startsWith('<!--', i) ? '-->' : null;
      if (c === '\\' && i + 1 < text.length && !/[\n\r]/.test(text[i + 1])) {
        line.content += text.slice(i, i + 2);
        i += 2;
      } else if (c === '\uFDD0' || c === '\uFDD1') {
        line.content += `\\${c}`;
        i++;
      } else if (c === '{') {
        const end = dataEnd(i);
        const block = end < 0 ? '' : text.slice(i, end);
        if (end < 0 || /\n[ \t]*\n/.test(block.replace(/\r\n?/g, '\n'))) return { lines, blocks, unclosed: n };
        line.content += `\uFDD0${blocks.length}\uFDD1`;
        blocks.push({ text: block, line: n });
        n += breaks(i, end);
        i = end;
      } else if (text.startsWith('//', i)) {
        const stopAt = lineEnd(i);
        line.comment = text.slice(i + 2, stopAt).trim();
        i = stopAt;
      } else if (commentEnd) {
        // The lines inside a block comment say nothing: the line goes on after it.
        const close = text.indexOf(commentEnd, i + 2);
        if (close < 0) return { lines, blocks, unclosed: n };
        n += breaks(i, close);
        i = close + commentEnd.length;
      } else {
        // Plain text up to the next character that means something here.
        PLAIN.lastIndex = i + 1;
        const end = PLAIN.exec(text)?.index ?? text.length;
        const chunk = text.slice(i, end);
        if (line.blank && /\S/.test(chunk)) line.blank = false;
        line.content += chunk;
        i = end;
      }
    }
    lines.push(line);
    if (i >= text.length) break;
    i += text.startsWith('\r\n', i) ? 2 : 1;
    n++;
  }
  return { lines, blocks, unclosed: null };
}

/// The data of an element's blocks, merged (later keys win, as Argdown merges them), and where
/// the first block that could not be read stopped.
function dataCollector(blocks: readonly DataBlock[]) {
  const out = { data: null as Record<string, unknown> | null, foreignData: null as string | null };
  /// Reads the block whose placeholder starts at s[i]; its length, or 0 when there is none.
  const at = (s: string, i: number): number => {
    if (s[i] !== '\uFDD0') return 0;
    PLACEHOLDER.lastIndex = i;
    const placeholder = PLACEHOLDER.exec(s);
    if (!placeholder) return 0;
    const read = readYamlData(blocks[Number(placeholder[1])].text);
    if (read.ok) out.data = { ...(out.data ?? {}), ...read.value };
    else out.foreignData ??= read.near;
    return placeholder[0].length;
  };
  return { out, at };
}

/// CSS Text 3's rule for a line break inside text: between two East Asian wide, fullwidth or
/// halfwidth characters (Han, kana, their punctuation; not Hangul) it is no space — a Japanese
/// sentence wrapped over two lines is one sentence. Else a space, as Argdown joins a statement's
/// lines.
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF9F\uFFE0-\uFFE6]/u;
function joinLines(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  const last = [...a.slice(-2)].pop()!;
  const first = String.fromCodePoint(b.codePointAt(0)!);
  return WIDE.test(last) && WIDE.test(first) ? a + b : `${a} ${b}`;
}

/// Statement or argument text: its tags, its data (YAML, else null and `foreignData` saying
/// where it could not be read) and its text without them, escapes resolved.
function readText(s: string, blocks: readonly DataBlock[]): { text: string; tags: string[]; data: Record<string, unknown> | null; foreignData: string | null } {
  const tags: string[] = [];
  const data = dataCollector(blocks);
  let text = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const block = data.at(s, i);
    if (c === '\\' && i + 1 < s.length) {
      text += s[i + 1];
      i += 2;
    } else if (block) i += block;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) {
      const m = /^#(?:\(([^)]*)\)|([\p{L}\p{N}_-]+))/u.exec(s.slice(i, i + 1024));
      if (!m) {
        text += c;
        i++;
        continue;
      }
      tags.push((m[1] ?? m[2]).trim());
      i += m[0].length;
    } else {
      text += c;
      i++;
    }
  }
  return { text: text.trim(), tags, ...data.out };
}

/// An inference's inside (between `--` and `--`): its rules, separated by commas, and its data.
function readInference(s: string, blocks: readonly DataBlock[]): { rules: string[]; data: Record<string, unknown> | null; foreignData: string | null } {
  const rules: string[] = [];
  const data = dataCollector(blocks);
  let rule = '';
  for (let i = 0; i < s.length; ) {
    const block = data.at(s, i);
    if (s[i] === '\\' && i + 1 < s.length) {
      rule += s[i + 1];
      i += 2;
    } else if (block) i += block;
    else if (s[i] === ',') {
      rules.push(rule.trim());
      rule = '';
      i++;
    } else rule += s[i++];
  }
  rules.push(rule.trim());
  return { rules: rules.filter((r) => r !== ''), ...data.out };
}

/// `// id` or `// id: note` after a relation (either JSON-quoted when it has to be: ./argdown.ts).
export function readRelationComment(comment: string): { id: string; note: string } | null {
  const jsonString = (s: string): [string, string] | null => {
    if (!s.startsWith('"')) return null;
    const m = /^"(?:[^"\\]|\\.)*"/.exec(s);
    if (!m) return null;
    try {
      return [JSON.parse(m[0]) as string, s.slice(m[0].length)];
    } catch {
      return null;
    }
  };
  const quotedId = jsonString(comment);
  let id: string;
  let rest: string;
  if (quotedId) [id, rest] = quotedId;
  else {
    const colon = comment.indexOf(': ');
    id = (colon < 0 ? comment : comment.slice(0, colon)).trim();
    rest = colon < 0 ? '' : comment.slice(colon);
  }
  if (id === '' || (/\s/.test(id) && !quotedId)) return null;
  if (rest === '') return { id, note: '' };
  if (!rest.startsWith(': ')) return null;
  const noteText = rest.slice(2);
  const quotedNote = jsonString(noteText);
  return { id, note: quotedNote && quotedNote[1] === '' ? quotedNote[0] : noteText };
}

const ELEMENT = /^(?:\[([^\]]*)\]|<([^>]*)>)(?::\s*|\s+|$)/;
/// Argdown's relation tokens (its lexer: `-` is an attack whatever follows, but `--` starts an
/// inference; `_` before white space is `<_`).
const RELATION = /^(\+>|->|<\+|<-|_>|<_|><|\+|-(?!-)|_(?=\s))\s*/;
const PCS_ITEM = /^\((\d+)\)\s*/;
/// What starts an element at the start of a line (Argdown's line-start tokens, and a title): any
/// other line continues the element above it — its text, its data — until a blank line.
const STARTS = /^(?:\+|-|<[+\-_]|><|_>|_(?=\s)|\(\d+\)|\d+\.(?=\s)|\*(?=\s)|\[[^\]]*\]|<[^>]*>)/;
/// Front matter: YAML between `===` lines at the top (after blank lines). Argdown reads it as
/// settings (title, author, the map's look, the model's mode); none of them changes what a map
/// reads — in Argdown's "strict" mode `+>`/`->` between statements are entailment and
/// contrariety, still support and attack for a map — so it is skipped.
const FRONT_MATTER = /^(?:[ \t]*(?:\r\n|\n|\r))*[ \t]*===+[\s\S]*?===+[^\n\r]*/;

/// The start of the `--` (or longer) that ends an inference, in the text after its opening
/// `--`, or -1.
function inferenceEnd(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '-' && s[i + 1] === '-') return i;
  }
  return -1;
}

export function readArgdown(input: unknown, options: ReadOptions = {}): ParseResult<MapDraft> {
  if (typeof input !== 'string') return { ok: false, errors: [formatError('(file)', 'argdownNotText')] };
  const labels = options.labels ?? defaultLabelDefinitions;
  const text = stripBom(input);
  const front = FRONT_MATTER.exec(text);
  const { lines, blocks, unclosed } = scanLines(front ? front[0].replace(/[^\r\n]/g, '') + text.slice(front[0].length) : text);
  const errors: FormatError[] = [];
  const skipped: FormatError[] = [];
  const statements = new Map<string, Statement>();
  const args = new Map<string, Argument>();
  const relations: RawRelation[] = [];
  const source: MapDraft['source'] = {};
  let mainClaimTitle: string | null = null;
  let untitled = 0;

  const statement = (title: string, rest: string, line: number): void => {
    const { text, tags, data, foreignData } = readText(rest, blocks);
    if (foreignData !== null) skipped.push(formatError(`line ${line}`, 'argdownForeignData', { got: foreignData }));
    const known = statements.get(title);
    if (!known) statements.set(title, { title, text, tags, data, line });
    else {
      if (known.text === '' && text !== '') known.text = text;
      if (tags.length && !known.tags.length) known.tags = tags;
      if (data && !known.data) known.data = data;
    }
  };
  /// The element a line starts with (statement or argument, defined or referred to) and its text.
  const element = (body: string, n: number): Element => {
    const m = ELEMENT.exec(body);
    if (m) {
      const rest = body.slice(m[0].length);
      if (m[1] !== undefined) {
        statement(m[1].trim(), rest, n);
        return { kind: 'statement', title: m[1].trim() };
      }
      const title = m[2].trim();
      const known = args.get(title);
      const { data, foreignData } = readText(rest, blocks);
      if (foreignData !== null) skipped.push(formatError(`line ${n}`, 'argdownForeignData', { got: foreignData }));
      if (!known) args.set(title, { title, data, line: n, premises: [], conclusion: null, inference: null, steps: 0 });
      else if (data && !known.data) known.data = data;
      return { kind: 'argument', title };
    }
    if (/^[[<]/.test(body)) errors.push(formatError(`line ${n}`, 'argdownUnclosed'));
    const title = `Untitled ${++untitled}`;
    statement(title, body, n);
    return { kind: 'statement', title };
  };

  let stack: Array<{ indent: number; element: Element }> = [];
  let lastArgument: string | null = null;
  let pcs: Argument | null = null;
  let pendingMain = false;

  /// One element's lines: its first line's number and indentation, its text joined, the last
  /// `//` comment on them; an inference (`--` …) goes on until its closing `--`.
  interface Logical {
    n: number;
    indent: number;
    body: string;
    comment: string | null;
    inference: 'open' | 'closed' | null;
  }
  let current: Logical | null = null;
  const flush = () => {
    if (current) readLogical(current);
    current = null;
  };
  for (const line of lines) {
    const body = line.content.trim();
    if (body === '') {
      if (line.blank) {
        // A blank line ends a block (a comment-only line does not).
        flush();
        stack = [];
        pcs = null;
      } else if (line.comment !== null) {
        if (line.comment === 'main claim') {
          flush();
          pendingMain = true;
        }
        header(line.comment);
      }
      continue;
    }
    if (current && (current.inference === 'open' || (current.inference === null && !STARTS.test(body) && !/^#+ /.test(line.content)))) {
      current.body = current.inference === 'open' ? `${current.body} ${body}` : joinLines(current.body, body);
      if (current.inference === 'open' && inferenceEnd(body) >= 0) current.inference = 'closed';
      current.comment = line.comment ?? current.comment;
      continue;
    }
    flush();
    const indent = /^[ \t]*/.exec(line.content)![0].replace(/\t/g, '    ').length;
    const inference = body.startsWith('--') ? (inferenceEnd(body.slice(2)) >= 0 ? 'closed' : 'open') : null;
    current = { n: line.n, indent, body, comment: line.comment, inference };
  }
  flush();
  if (unclosed !== null) errors.push(formatError(`line ${unclosed}`, 'argdownUnclosed'));

  function readLogical({ n, indent, body, comment, inference }: Logical): void {
    const relation = inference ? null : RELATION.exec(body);
    if (relation && indent === 0) {
      errors.push(formatError(`line ${n}`, 'argdownOrphanRelation'));
      return;
    }
    if (relation) {
      const parent = [...stack].reverse().find((s) => s.indent < indent);
      if (!parent) {
        errors.push(formatError(`line ${n}`, 'argdownOrphanRelation'));
        return;
      }
      const target = element(body.slice(relation[0].length), n);
      const op = (relation[1] === '+' ? '<+' : relation[1] === '-' ? '<-' : relation[1] === '_' ? '<_' : relation[1]) as Op;
      relations.push({ from: parent.element, op, to: target, comment, line: n });
      stack = [...stack.filter((s) => s.indent < indent), { indent, element: target }];
      return;
    }
    // Other lines may be indented (Argdown ignores it): they start a block.
    const pcsItem = PCS_ITEM.exec(body);
    if (pcsItem || inference) {
      if (!pcs) {
        const title = lastArgument ?? `Argument ${args.size + 1}`;
        pcs = args.get(title) ?? { title, data: null, line: n, premises: [], conclusion: null, inference: null, steps: 0 };
        args.set(title, pcs);
        if (pcs.premises.length || pcs.inference) {
          errors.push(formatError(`line ${n}`, 'argdownPcs'));
          pcs = null;
          return;
        }
      }
      lastArgument = null;
      if (inference === 'open') {
        errors.push(formatError(`line ${n}`, 'argdownPcs'));
        return;
      }
      if (inference) {
        if (pcs.conclusion === null && pcs.premises.length === 0) errors.push(formatError(`line ${n}`, 'argdownPcs'));
        if (pcs.inference) pcs.steps++;
        if (pcs.conclusion !== null) pcs.premises.push(pcs.conclusion);
        pcs.conclusion = null;
        const inner = body.slice(2);
        const said = readInference(inner.slice(0, inferenceEnd(inner)), blocks);
        if (said.foreignData !== null) skipped.push(formatError(`line ${n}`, 'argdownForeignData', { got: said.foreignData }));
        pcs.inference = { rules: said.rules, data: said.data };
        stack = [];
        return;
      }
      const item = element(body.slice(pcsItem![0].length), n);
      if (item.kind !== 'statement') {
        errors.push(formatError(`line ${n}`, 'argdownPcs'));
        return;
      }
      if (pcs.inference && pcs.conclusion === null) pcs.conclusion = item.title;
      else if (pcs.inference) {
        // A statement after a conclusion: that conclusion is a premise of a next step.
        pcs.premises.push(pcs.conclusion!, item.title);
        pcs.conclusion = null;
      } else pcs.premises.push(item.title);
      stack = [{ indent: 0, element: item }];
      return;
    }
    if (/^#{1,6}\s/.test(body)) {
      stack = [];
      return;
    }
    if (/^(?:\*|\d+\.)\s/.test(body)) {
      skipped.push(formatError(`line ${n}`, 'argdownList'));
      return;
    }
    pcs = null;
    const top = element(body, n);
    if (top.kind === 'statement' && pendingMain) mainClaimTitle = top.title;
    pendingMain = false;
    lastArgument = top.kind === 'argument' ? top.title : null;
    stack = [{ indent: 0, element: top }];
  }

  function header(comment: string) {
    const title = /^Ronten argument map: (.*)$/.exec(comment);
    if (title) source.title = title[1];
    const doc = /^document (.*) \(sha256 ([0-9a-f]{64})\)/.exec(comment);
    if (doc) {
      source.documentId = doc[1];
      source.textSha256 = doc[2];
    }
  }

  // Units.
  const tagResolver = makeTagResolver(labels, options.labelMap);
  const target = options.document ? prepareSearchText(options.document.text) : null;
  const docOffsets = options.document ? makeOffsetConverter(options.document.text) : null;
  const unitOf = new Map<string, string>();
  const conclusionOf = new Map<string, string>();
  const leftOut = new Set<string>();
  const units: UnitDraft[] = [];
  for (const s of statements.values()) {
    const data = s.data ?? {};
    if (typeof data.conclusionOf === 'string') {
      conclusionOf.set(s.title, data.conclusionOf);
      continue;
    }
    const at = `line ${s.line}`;
    const id = typeof data.unit === 'string' && data.unit !== '' ? data.unit : s.title;
    unitOf.set(s.title, id);
    const implicit = data.implicit === true || s.tags.includes('implicit');
    const labelTags = s.tags.filter((t) => t !== 'implicit');
    let label: string;
    if (labelTags.length === 0) {
      label = labels[0]?.id ?? 'claim';
      skipped.push(formatError(at, 'untagged', { label }));
    } else {
      const resolved = tagResolver.resolve(labelTags);
      if (!('label' in resolved)) {
        leftOut.add(s.title);
        continue;
      }
      label = resolved.label;
    }
    const note = typeof data.note === 'string' ? data.note : '';
    const start = Number.isInteger(data.start) ? (data.start as number) : null;
    const end = Number.isInteger(data.end) ? (data.end as number) : null;
    const offsets = !implicit && start !== null && end !== null;
    // A span of white space has no statement text; its offsets say where it is.
    if (s.text === '' && typeof data.text !== 'string' && !offsets) {
      errors.push(formatError(at, 'argdownNoText', { title: s.title }));
      continue;
    }
    if (implicit) {
      units.push({ id, label, note, quote: '', start: null, end: null, at, text: typeof data.text === 'string' ? data.text : s.text });
      continue;
    }
    if (start !== null && end !== null) {
      // Our export writes the quote on one line: the document's own slice, when it is that.
      let quote = s.text;
      if (options.document && docOffsets && start >= 0 && start < end && end <= docOffsets.codePointLength) {
        const slice = options.document.text.slice(docOffsets.toUtf16(start), docOffsets.toUtf16(end));
        if (slice.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ').trim() === quote) quote = slice;
      }
      units.push({ id, label, note, quote, start, end, at });
    } else if (target && !matchQuote(target, s.text)) {
      // Not in the text: a reconstructed statement, kept as an implicit unit.
      units.push({ id, label, note, quote: '', start: null, end: null, at, text: s.text });
    } else units.push({ id, label, note, quote: s.text, start: null, end: null, at });
  }

  // Arguments: a relation each, from its premises to its conclusion (or, for our stand-in
  // conclusion, to what that attacks or undercuts).
  const relationOf = new Map<string, string>();
  const drafts: RelationDraft[] = [];
  for (const a of args.values()) {
    const at = `line ${a.line}`;
    if (a.premises.length === 0 && a.inference === null) continue;
    if (a.inference === null || a.conclusion === null) {
      errors.push(formatError(at, 'argdownPcs'));
      continue;
    }
    const data = a.data ?? {};
    if (a.steps > 0) {
      skipped.push(formatError(at, 'argdownSteps', { title: a.title }));
      continue;
    }
    const id = typeof data.relation === 'string' && data.relation !== '' ? data.relation : a.title;
    relationOf.set(a.title, id);
    const inference = a.inference?.data ?? {};
    // The scheme: the data's, else the first rule that names one; the other rules are left out.
    const namedBy = (rule: string) => schemes.find((s) => s.name.en === rule || s.name.ja === rule);
    const rules = a.inference?.rules ?? [];
    const named = rules.map(namedBy).find((s) => s !== undefined);
    const scheme = typeof inference.scheme === 'string' ? inference.scheme : named?.id;
    if (typeof inference.scheme !== 'string') for (const rule of rules) if (namedBy(rule) !== named || named === undefined) skipped.push(formatError(at, 'argdownRule', { rule }));
    const criticalQuestions = Array.isArray(inference.criticalQuestions) ? (inference.criticalQuestions as Array<{ id: string; answer: string }>) : undefined;
    const draft: RelationDraft = {
      id,
      type: data.type === 'attack' ? 'attack' : 'support',
      from: a.premises,
      to: a.conclusion,
      ...(scheme !== undefined ? { scheme } : {}),
      ...(criticalQuestions ? { criticalQuestions } : {}),
      note: typeof data.note === 'string' ? data.note : '',
      at,
    };
    drafts.push(draft);
  }
  const standIns = new Map<string, RelationDraft>();
  const byConclusion = new Map(drafts.map((d) => [`${d.id}\u0000${d.to}`, d]));
  for (const [title, rid] of conclusionOf) {
    const draft = byConclusion.get(`${rid}\u0000${title}`);
    if (draft) standIns.set(title, draft);
    else errors.push(formatError(`line ${statements.get(title)!.line}`, 'argdownPcs'));
  }
  /// Relations aimed at an argument (undercutters), by the argument's title.
  const argumentTargets = new Map<RelationDraft, string>();
  const seen = new Set<string>();

  // Relation lines.
  const used = new Set<string>([...units.map((u) => u.id), ...drafts.map((d) => d.id)]);
  const fresh = () => {
    let k = drafts.length + 1;
    while (used.has(`r${k}`)) k++;
    used.add(`r${k}`);
    return `r${k}`;
  };
  for (const r of relations) {
    const at = `line ${r.line}`;
    if (r.op === '><') {
      skipped.push(formatError(at, 'argdownContradiction'));
      continue;
    }
    const incoming = r.op === '<+' || r.op === '<-' || r.op === '<_';
    const [from, to] = incoming ? [r.to, r.from] : [r.from, r.to];
    const undercut = r.op === '_>' || r.op === '<_';
    if (from.kind !== 'statement' || (undercut ? to.kind !== 'argument' : to.kind !== 'statement')) {
      if (undercut && from.kind === 'statement') errors.push(formatError(at, 'argdownUndercut'));
      else skipped.push(formatError(at, 'argdownArgumentRelation'));
      continue;
    }
    const type = r.op === '+>' || r.op === '<+' ? 'support' : 'attack';
    const standIn = standIns.get(from.title);
    if (standIn) {
      // Our export's attack: the argument's target is what its stand-in conclusion aims at.
      if (standIn.to !== from.title) errors.push(formatError(at, 'argdownPcs'));
      standIn.to = to.title;
      standIn.type = type;
      if (undercut) argumentTargets.set(standIn, to.title);
      continue;
    }
    const said = r.comment !== null ? readRelationComment(r.comment) : null;
    // The same relation said twice (`[A] +> [B]` and, under B, `<+ [A]`) is one, as in Argdown.
    const key = `${r.op === '_>' || r.op === '<_' ? 'undercut' : type}\u0000${from.title}\u0000${to.title}`;
    if (said === null && seen.has(key)) continue;
    seen.add(key);
    const draft: RelationDraft = { id: said?.id ?? fresh(), type, from: [from.title], to: to.title, note: said?.note ?? '', at };
    used.add(draft.id);
    drafts.push(draft);
    if (undercut) argumentTargets.set(draft, to.title);
  }
  // A stand-in conclusion aimed at nothing.
  for (const [title, d] of standIns) if (d.to === title) errors.push(formatError(d.at, 'argdownPcs'));
  // Titles to ids: statements to units, arguments to their relations.
  const ends = (d: RelationDraft): boolean => {
    const gone = d.from.filter((t) => leftOut.has(t));
    const toTitle = argumentTargets.get(d) ?? null;
    if (toTitle === null && leftOut.has(d.to)) gone.push(d.to);
    if (gone.length) {
      skipped.push(formatError(d.at, 'relationUnitLeftOut', { units: gone.map((t) => unitOf.get(t) ?? t).join(', ') }));
      return false;
    }
    if (toTitle !== null) {
      const rid = relationOf.get(toTitle);
      if (rid === undefined) {
        errors.push(formatError(d.at, 'argdownUndercut'));
        return false;
      }
      d.to = rid;
    } else d.to = unitOf.get(d.to) ?? d.to;
    d.from = d.from.map((t) => unitOf.get(t) ?? t);
    return true;
  };
  const kept = drafts.filter(ends);
  if (errors.length) return { ok: false, errors };

  let mainClaimId: string | null = null;
  if (mainClaimTitle !== null) {
    if (leftOut.has(mainClaimTitle)) skipped.push(formatError('mainClaim', 'mainClaimLeftOut', { id: mainClaimTitle }));
    else mainClaimId = unitOf.get(mainClaimTitle) ?? null;
  }
  return {
    ok: true,
    value: {
      source,
      units,
      relations: kept,
      mainClaimId,
      comments: [],
      skipped,
      ...tagResolver.summary(),
    },
  };
}
