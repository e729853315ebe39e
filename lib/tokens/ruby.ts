// Furigana: the reading of each word written with kanji, placed over its kanji only (the kana
// written around them, okurigana, keep no ruby: 振り返っ gets ふりかえ over 振り返), with the
// school grade of its hardest kanji, so the reader can ask for readings only beyond a grade. The
// server computes them from the stored packed tokens and the text (the grade list, ./kanjiGrades,
// never ships to the browser); the browser draws them as decorations that are not document
// text, so they never enter a selection, a quote, a copy or an export.
//
// Invariants: each ruby's [start, end) lies within one token and on code-point boundaries,
// holds at least one kanji, and rubies come in text order without overlapping; `reading` is
// hiragana and never empty.

import { JOYO_SECONDARY, KYOIKU } from './kanjiGrades';
import { toHiragana } from './fromKuromoji';
import { SAME, type PackedTokens } from './wire';

/// Grades: 1–6 the kyōiku kanji of that school year, 7 the other jōyō kanji (secondary school),
/// 8 any other kanji.
export type KanjiGrade = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const BEYOND_JOYO = 8;

/// One word's furigana: the reading of text.slice(start, end) and the grade of its hardest kanji.
export interface Ruby {
  start: number;
  end: number;
  reading: string;
  grade: KanjiGrade;
}

let grades: Map<string, KanjiGrade> | null = null;

/// The grade a kanji is taught in (see KanjiGrade).
export function kanjiGrade(kanji: string): KanjiGrade {
  if (!grades) {
    grades = new Map();
    KYOIKU.forEach((list, i) => {
      for (const k of list) grades!.set(k, (i + 1) as KanjiGrade);
    });
    for (const k of JOYO_SECONDARY) grades.set(k, 7);
  }
  return grades.get(kanji) ?? BEYOND_JOYO;
}

// 々 (the repeat mark) and 〆 are read as part of a kanji word; ヶ (as in 関ヶ原) too.
const KANJI = /[\p{Script=Han}々〆ヶ]/u;
// 々 and 〆 are Script=Han too, but marks, not kanji with a grade.
const GRADED = /^(?![々〆])\p{Script=Han}$/u;

/// The furigana of one token: its kanji part and reading, or null when it has no kanji or no
/// reading to give (an unknown word), or when its reading does not fit its kana.
export function tokenRuby(surface: string, reading: string, at: number): Ruby | null {
  if (!KANJI.test(surface) || reading === '') return null;
  const chars = [...surface];
  const kana = chars.map((c) => toHiragana(c));
  const read = [...reading];
  // Strip the kana the surface and the reading share at both ends (okurigana, a kana prefix).
  let head = 0;
  while (head < chars.length && head < read.length && !KANJI.test(chars[head]) && kana[head] === read[head]) head++;
  let tail = 0;
  while (
    tail < chars.length - head &&
    tail < read.length - head &&
    !KANJI.test(chars[chars.length - 1 - tail]) &&
    kana[chars.length - 1 - tail] === read[read.length - 1 - tail]
  ) {
    tail++;
  }
  const base = chars.slice(head, chars.length - tail);
  const ruby = read.slice(head, read.length - tail).join('');
  if (base.length === 0 || ruby === '' || ruby === base.map((c) => toHiragana(c)).join('')) return null;
  let grade: KanjiGrade = 1;
  for (const c of base) if (GRADED.test(c)) grade = Math.max(grade, kanjiGrade(c)) as KanjiGrade;
  const start = at + chars.slice(0, head).join('').length;
  return { start, end: start + base.join('').length, reading: ruby, grade };
}

/// Every word's furigana, from the packed tokens of `text`. Linear in the tokens.
export function rubiesOf(text: string, packed: Pick<PackedTokens, 'len' | 'reading'>): Ruby[] {
  const out: Ruby[] = [];
  let at = 0;
  for (let i = 0; i < packed.len.length; i++) {
    const end = at + packed.len[i];
    const surface = text.slice(at, end);
    const stored = packed.reading[i];
    const reading = stored === SAME ? toHiragana(surface) : stored;
    const ruby = tokenRuby(surface, reading, at);
    if (ruby) out.push(ruby);
    at = end;
  }
  return out;
}

/// The wire form: [start, end, grade, reading] a ruby (what /api/documents/:id/ruby sends).
export type RubyRow = [number, number, KanjiGrade, string];

export function toRubyRows(rubies: readonly Ruby[]): RubyRow[] {
  return rubies.map((r) => [r.start, r.end, r.grade, r.reading]);
}
