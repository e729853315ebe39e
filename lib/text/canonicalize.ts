// Canonicalization: turning an imported source text into the one string all offsets refer to.
//
// Pipeline: drop BOMs, repair lone surrogates, NFC, unify line breaks, then reflow — join the
// hard-wrapped lines a PDF extractor leaves inside paragraphs and keep headings and paragraph
// breaks. The result is a CanonicalText: one block (heading or paragraph) per line of `text`.
//
// Invariants of every result (see types.ts; checked by validateCanonicalText):
// - `text` is NFC and well-formed Unicode (no lone surrogates, no U+FEFF).
// - text === blocks.map(b => text.slice(b.start, b.end)).join('\n'); no block is empty or
//   contains a line break, so line i of `text` is block i.
// - sha256 is sha256Hex(text).
// - Characters are never rewritten beyond NFC (and U+FEFF dropped, lone surrogates made
//   U+FFFD): no width folding (NFKC would turn （１） into (1) and ｶ into カ), no punctuation
//   changes; footnote digits and spaces inside lines stay. Only layout is touched: line breaks
//   inside paragraphs, blank lines, whitespace at line edges (reflow 'on' only), page-break
//   form feeds. Removing all whitespace from source and result leaves the same string.
// - Deterministic and pure (no locale, no clock): the same source and options always give
//   the same text and hash, which is what lets stored offsets outlive a re-import.
//
// Reflow is a heuristic over line geometry, tuned on hard-wrapped Japanese PDF text (lines of
// ~40 full-width characters, paragraphs not indented after extraction). What the geometry
// cannot show — a paragraph that ends exactly at a full line — stays joined; see
// canonicalize.test.ts for the corpus essay's cases.

import { sha256Hex } from './hash';
import type {
  AppliedReflow,
  Block,
  BlockKind,
  CanonicalizeOptions,
  CanonicalizeReport,
  CanonicalText,
} from './types';
import { displayWidth } from './width';

// A line whose last sentence is complete: 。．！？ (or ASCII .!? for mixed text), optionally
// followed by closing brackets/quotes, as in 「…した。」 or （…である。）.
const SENTENCE_FINAL = /[。．！？.!?][」』）)】〕〉》"'’”]*$/u;

// A line ending like this is mid-sentence, so it is never a heading.
const MID_SENTENCE_END = /[、，,；;：:・（(「『【〔［\[〈《…‥]$/u;

// Section numbers that open headings: 1．  2.3.  （1）  (2)  3)  第2章  一、  Ⅱ．  IV.
// A digit right after the dot means a decimal (3.5%), not a section number.
const SECTION_NUMBER = new RegExp(
  '^(?:' +
    [
      '[0-9０-９]+(?:[.．][0-9０-９]+)*[.．](?![0-9０-９])',
      '[（(][0-9０-９一二三四五六七八九十]+[)）]',
      '[0-9０-９]+[)）]',
      '第[0-9０-９一二三四五六七八九十百]+[章節部編項]',
      '[一二三四五六七八九十]+[、．.]',
      '[Ⅰ-Ⅻ][.．、]?',
      '[IVX]+[.．]',
    ].join('|') +
    ')',
  'u',
);

// List items are not headings even when short and unpunctuated.
const BULLET_START = /^[・•●○◎■□◆◇▪▫\-*+‐－]/u;

const LATIN_OR_DIGIT = /^[A-Za-z0-9\u00C0-\u024F]$/u;
const LATIN_LETTER = /^[A-Za-z\u00C0-\u024F]$/u;
const LATIN_CLAUSE_END = /^[,.;:!?)\]]$/u;

// Lone surrogates: valid in a JS string, not in Unicode; they would break UTF-8 hashing and
// code-point exports.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// ---------------------------------------------------------------------------------------------
// Source normalization shared by all reflow modes.

function normalizeSource(source: string): string {
  return (
    source
      // A BOM anywhere (mid-text ones come from concatenated files) is invisible noise that
      // would end up inside quotes; removing all keeps canonicalization idempotent.
      .replace(/\uFEFF/g, '')
      .replace(LONE_SURROGATE, '\uFFFD')
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // Unicode's own line and paragraph separators must not hide a break inside a block.
      .replace(/[\u2028\u0085]/g, '\n')
      .replace(/\u2029/g, '\n\n')
      // pdftotext marks page breaks with a form feed at the start of the next page's first
      // line; the page break says nothing about paragraphs.
      .replace(/\f/g, '')
  );
}

interface SourceLine {
  /// Content without edge whitespace.
  text: string;
  width: number;
  /// Started with an ideographic space: a Japanese paragraph indent that survived extraction.
  indented: boolean;
}

/// Lines for reflow: edge whitespace is layout (indents, the extractor's stray leading space
/// at page breaks, trailing spaces); whitespace-only lines are blank (null).
function reflowLines(normalized: string): (SourceLine | null)[] {
  return normalized.split('\n').map((raw) => {
    const lead = /^\s*/u.exec(raw)![0];
    const text = raw.slice(lead.length).trimEnd();
    if (text === '') return null;
    return { text, width: displayWidth(text), indented: lead.includes('\u3000') };
  });
}

/// The width of a full line. The most common rounded width among the longer half of the
/// lines, rather than a high percentile: hanging punctuation (、。 allowed past the margin)
/// makes a minority of lines one character over, and a percentile would land on them and
/// make ordinary full lines look short.
function typicalWidth(lines: SourceLine[]): number {
  if (lines.length === 0) return 0;
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const median = widths[Math.floor((widths.length - 1) / 2)];
  const counts = new Map<number, number>();
  for (const w of widths) {
    if (w < median) continue;
    const r = Math.round(w);
    counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [w, n] of counts) {
    if (n > bestCount || (n === bestCount && w > best)) {
      best = w;
      bestCount = n;
    }
  }
  return best;
}

interface Geometry {
  full: number;
  /// A line ending a sentence at least this much short of full ends its paragraph. Two
  /// characters, because half-width digits and the extractor's spaces make measured widths
  /// of full lines wobble by about one.
  shortBy: number;
  /// A line this much short ends its paragraph even without final punctuation: no wobble is
  /// that large, and a wrapped line only stops early where the paragraph stops.
  muchShortBy: number;
}

function geometry(lines: SourceLine[]): Geometry {
  const full = typicalWidth(lines);
  const shortBy = Math.max(2, full * 0.05);
  return { full, shortBy, muchShortBy: Math.max(shortBy, full * 0.25) };
}

// ---------------------------------------------------------------------------------------------
// Hard-wrap detection.

const MIN_WRAP_WIDTH = 12;

/// Whether `source` looks hard-wrapped: most lines have nearly the same width and sentences
/// run on across many of those line ends. Text with one paragraph per line fails both tests:
/// its line widths scatter and its lines end with sentences.
export function detectHardWrap(source: string): boolean {
  return looksHardWrapped(normalizeSource(source));
}

function looksHardWrapped(normalized: string): boolean {
  const lines = reflowLines(normalized);
  const present = lines.filter((l): l is SourceLine => l !== null);
  if (present.length < 3) return false;
  const { full } = geometry(present);
  if (full < MIN_WRAP_WIDTH) return false;
  let nearFull = 0;
  let runOn = 0;
  lines.forEach((line, i) => {
    if (line === null) return;
    if (Math.abs(line.width - full) <= 1.5) nearFull++;
    if (line.width >= full - 1.5 && lines[i + 1] && !SENTENCE_FINAL.test(line.text)) runOn++;
  });
  return nearFull >= present.length * 0.5 && runOn >= Math.max(2, present.length * 0.25);
}

// ---------------------------------------------------------------------------------------------
// Reflow 'on'.

function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0)!);
}

function lastChar(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  const cut = last >= 0xdc00 && last <= 0xdfff && s.length > 1 ? 2 : 1;
  return s.slice(s.length - cut);
}

/// Join two lines of one paragraph. Japanese is written without spaces, so a line break
/// between Japanese characters is no space at all; between Latin words it stood for a space.
function joinLines(left: string, right: string): string {
  const a = lastChar(left);
  const b = firstChar(right);
  const space =
    (LATIN_OR_DIGIT.test(a) && LATIN_OR_DIGIT.test(b)) ||
    (LATIN_CLAUSE_END.test(a) && LATIN_LETTER.test(b));
  return space ? `${left} ${right}` : left + right;
}

function couldBeHeading(line: SourceLine, maxWidth: number): boolean {
  return (
    line.width <= maxWidth &&
    !SENTENCE_FINAL.test(line.text) &&
    !MID_SENTENCE_END.test(line.text) &&
    !BULLET_START.test(line.text)
  );
}

interface DraftBlock {
  kind: BlockKind;
  text: string;
}

// Why the current line starts fresh (null: it continues a paragraph).
type Boundary = 'start' | 'blank' | 'heading' | 'paragraph' | null;

function reflowOn(normalized: string): DraftBlock[] {
  const lines = reflowLines(normalized);
  const present = lines.filter((l): l is SourceLine => l !== null);
  const { full, shortBy, muchShortBy } = geometry(present);
  const numberedMax = full * 0.75;
  const plainMax = full * 0.6;

  const blocks: DraftBlock[] = [];
  let para: string | null = null;
  let boundary: Boundary = 'start';
  const flush = () => {
    if (para !== null) blocks.push({ kind: 'paragraph', text: para });
    para = null;
  };
  let lastPresent = lines.length - 1;
  while (lastPresent >= 0 && lines[lastPresent] === null) lastPresent--;

  lines.forEach((line, i) => {
    if (line === null) {
      flush();
      boundary = boundary === 'start' ? 'start' : 'blank';
      return;
    }
    if (line.indented && para !== null) {
      flush();
      boundary = 'paragraph';
    }

    let heading = false;
    if (SECTION_NUMBER.test(line.text)) {
      // After a complete sentence, even a full-length one, a short numbered line is a new
      // section; mid-sentence it is a wrapped enumeration like "…第\n2章では…".
      const afterSentence = para !== null && SENTENCE_FINAL.test(para);
      heading = (boundary !== null || afterSentence) && couldBeHeading(line, numberedMax);
    } else if (couldBeHeading(line, plainMax)) {
      // Unnumbered headings (むすびに代えて) need a clear section break: a blank line or the
      // start before them, or a blank line after a paragraph's end; and something to head.
      const blankAfter = lines[i + 1] === null;
      heading =
        i < lastPresent &&
        (boundary === 'start' ||
          boundary === 'blank' ||
          boundary === 'heading' ||
          (boundary === 'paragraph' && blankAfter));
    }
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: line.text });
      boundary = 'heading';
      return;
    }

    para = para === null ? line.text : joinLines(para, line.text);
    boundary = null;
    const shortfall = full - line.width;
    if (
      (SENTENCE_FINAL.test(line.text) && shortfall >= shortBy) ||
      shortfall >= muchShortBy
    ) {
      flush();
      boundary = 'paragraph';
    }
  });
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Reflow 'off'.

const OFF_NUMBERED_MAX = 40;
const OFF_PLAIN_MAX = 25;

/// One block per non-blank line, content untouched. Lines here are whole paragraphs, so a
/// short unpunctuated line between finished sentences is a heading.
function reflowOff(normalized: string): DraftBlock[] {
  const lines = normalized.split('\n').filter((l) => /\S/u.test(l));
  const blocks: DraftBlock[] = [];
  lines.forEach((raw, i) => {
    const probe: SourceLine = { text: raw.trim(), width: displayWidth(raw.trim()), indented: false };
    const prev = blocks[blocks.length - 1];
    const prevDone = !prev || prev.kind === 'heading' || SENTENCE_FINAL.test(prev.text.trimEnd());
    const heading = SECTION_NUMBER.test(probe.text)
      ? couldBeHeading(probe, OFF_NUMBERED_MAX)
      : couldBeHeading(probe, OFF_PLAIN_MAX) && prevDone && i < lines.length - 1;
    blocks.push({ kind: heading ? 'heading' : 'paragraph', text: raw });
  });
  return blocks;
}

// ---------------------------------------------------------------------------------------------

function assemble(drafts: DraftBlock[]): CanonicalText {
  const blocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const draft of drafts) {
    // Per block, after joining: a line may begin with a combining mark that composes with
    // the previous line's last character. '\n' never composes, so NFC per block equals NFC
    // of the whole text.
    const content = draft.text.normalize('NFC');
    blocks.push({ kind: draft.kind, start: offset, end: offset + content.length });
    parts.push(content);
    offset += content.length + 1;
  }
  const text = parts.join('\n');
  return { text, blocks, sha256: sha256Hex(text) };
}

/// Canonicalize and report which reflow was applied ('auto' resolved).
export function canonicalizeDetailed(
  source: string,
  opts: CanonicalizeOptions = {},
): CanonicalizeReport {
  const reflow = opts.reflow ?? 'auto';
  const normalized = normalizeSource(source);
  const applied: AppliedReflow =
    reflow === 'auto' ? (looksHardWrapped(normalized) ? 'on' : 'off') : reflow;
  const drafts = applied === 'on' ? reflowOn(normalized) : reflowOff(normalized);
  return { canonical: assemble(drafts), reflowApplied: applied };
}

/// The canonical text of `source`. Default reflow 'auto'.
export function canonicalize(source: string, opts: CanonicalizeOptions = {}): CanonicalText {
  return canonicalizeDetailed(source, opts).canonical;
}
