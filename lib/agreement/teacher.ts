// Agreement a teacher can read: which of the reference map's units and relations a student
// found, with a span match that forgives boundary choices. The research figures (match.ts,
// compare.ts: exact and ≥ ½-overlap matching over characters) stay as they are; this is the
// second, teacher-facing reading that the compare view, the agreement panel, the dashboard and
// the rubric suggestions (teacherMatch) share. Pure.
//
// Why another match: a student who tags exactly the thesis clause 「それがロシアの求心力低下による
// ものかどうかは、単純には結論づけられないと思われる」 (386–426 of russia-diplomacy-2020) against a
// reference thesis that also holds the preceding clause 「そして、2020年後半に…が、」 (346–427) shares
// 40 of the reference's 81 characters — under half of the longer span, so the ≥ ½ rule scores a
// correct answer as "missed" and "extra".
//
// Definitions (spans half-open, offsets UTF-16 code units as everywhere in the core):
// - Content words. The tokens given (the document's stored kuromoji tokens) minus whitespace and
//   the tokens that carry no content of their own: 記号 (punctuation, symbols), 助詞 (particles),
//   助動詞 (auxiliaries) and 接続詞 (connectives such as そして). Where a token has no part of
//   speech (codePointTokens, other tokenizers) every non-whitespace token is a content word.
//   Boundary choices are mostly about exactly these: whether 「、」, 「は」 or 「そして」 belongs in.
// - words(U): the content words lying wholly inside U (start ≥ U.start, end ≤ U.end). Units sit
//   on token boundaries, so words(U) is a contiguous run of the content words.
// - shared(R, S) = |words(R) ∩ words(S)|;  Dice(R, S) = 2·shared / (|words(R)| + |words(S)|)
//   (the F1 of the student's words against the reference's words).
// - head(R): R's LAST content word. Japanese is head-final: the predicate that carries a
//   clause, and a sentence's main clause, comes last, so the last content word of a unit is the
//   predicate of its core clause (思わ/れる in 「…と思われる」).
// - R is FOUND by S (a "found pair") when any of
//     (a) same span (start and end equal) — so a unit with no content words can still be found;
//     (b) shared ≥ ½·max(|words(R)|, |words(S)|) — the research criterion, counted in words;
//     (c) the CORE CLAUSE is covered: S contains head(R) and Dice(R, S) ≥ ½. For a student's
//         span lying inside the reference span, Dice ≥ ½ ⇔ S covers at least ⅓ of R's content
//         words — so a student who marked the clause that carries R's predicate, and not its
//         preamble, finds R; one who marked only the preamble (no head) does not.
//   The test is in integers (2·shared ≥ max; 4·shared ≥ |R| + |S|): no rounding decides.
//   Labels play no part in finding; a found pair with another label is counted as "labelled
//   differently", a found pair with other boundaries as "boundaries differ".
// - One-to-one: a reference unit is found by at most one student unit and vice versa, the
//   pairing chosen by optimalMatching (assignment.ts) maximizing, in order, the number of
//   found pairs, the sum of Dice (rounded to 1/10,000 — it only ranks candidates), the number of
//   exact pairs, the number with equal labels. Inputs are sorted canonically first.
// - Relations are matched through the unit pairing as compare.ts's "typed" (relations.ts): the
//   found pairs, plus implicit units paired by label and role, map premises and targets; an
//   undercutter pairs only with an undercutter of a paired relation; each pair earns the Dice
//   overlap of its premise sets. A reference relation is FOUND when its pair earns full credit
//   (the same premise set), PARTLY FOUND when it earns less (a student who gave one of a linked
//   argument's premises); `credit` sums both for a share that gives partial credit.
// - The main claim is found when the reference's main claim unit is found (any label).

import { textUnits, type ArgumentMap } from '@/lib/argument/types';
import { optimalMatching, type PrioritizedEdge } from './assignment';
import { lowerBound, upperBound } from './bounds';
import { compareSpanUnits, type SpanUnit } from './match';
import { matchImplicitUnits, matchRelations, unpairedImplicitUnits } from './relations';

/// What the matching needs of a token: its span, and its part of speech and surface when known.
export interface WordToken {
  start: number;
  end: number;
  pos?: string;
  surface?: string;
}

/// Parts of speech that are not content words (see the header).
export const FUNCTION_POS: readonly string[] = ['記号', '助詞', '助動詞', '接続詞'];

/// The content words of `tokens`, sorted by start (see the header).
export function contentWords(tokens: readonly WordToken[]): WordToken[] {
  const words = tokens.filter((t) => t.end > t.start && !(t.pos !== undefined && FUNCTION_POS.includes(t.pos)) && !(t.surface !== undefined && t.surface.trim() === ''));
  // Stored tokens are in text order already: sort only when they are not.
  for (let i = 1; i < words.length; i++) {
    if (words[i - 1].start > words[i].start) return words.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return words;
}

/// A reference unit and the student unit that found it.
export interface FoundPair {
  reference: string;
  student: string;
  /// Content words of each and in common.
  referenceWords: number;
  studentWords: number;
  shared: number;
  /// 2·shared / (referenceWords + studentWords); 1 when both have none (an exact pair).
  dice: number;
  /// Same start and end.
  exact: boolean;
  sameLabel: boolean;
}

export interface TeacherMatch {
  units: {
    /// Units of the reference and of the student's map.
    reference: number;
    student: number;
    /// Reference units found; of those, with exactly the same boundaries, and with another label.
    found: number;
    exact: number;
    boundariesDiffer: number;
    labelDiffers: number;
    /// Mean Dice over the found pairs; null when nothing was found.
    meanDice: number | null;
    /// In reference text order.
    pairs: FoundPair[];
    /// Reference units nobody found, student units that found nothing (text order).
    missing: string[];
    extra: string[];
    /// Per reference label (every label the reference uses): its units and how many were found.
    byLabel: Record<string, { reference: number; found: number }>;
  };
  relations: {
    reference: number;
    student: number;
    /// Reference relations paired with the same premise set (full credit), and with an
    /// overlapping one (partial credit); `credit` sums the pairs' credit.
    found: number;
    partlyFound: number;
    credit: number;
    pairs: Array<{ reference: string; student: string; credit: number }>;
    missing: string[];
    extra: string[];
  };
  /// Implicit units (no span; counted apart from units): of the reference, of the student's
  /// map, and reference ones paired with a student's (same label and role, relations.ts); the
  /// pairs, and the unpaired ones of each side (id order).
  implicitUnits: { reference: number; student: number; found: number; pairs: Array<{ reference: string; student: string }>; missing: string[]; extra: string[] };
  /// Null when the reference names no main claim.
  mainClaim: { reference: string; student: string | null } | null;
}

/// Content-word runs of units: words(U) as an index range [lo, hi) into the content words.
function wordRange(starts: readonly number[], ends: readonly number[], u: { start: number; end: number }): [number, number] {
  const lo = lowerBound(starts, u.start);
  const hi = upperBound(ends, u.end);
  return [lo, Math.max(lo, hi)];
}

/// Whether `reference` is found by `student` (rules (a)–(c) of the header), given their word
/// ranges; the shared count when it is, −1 when not.
function foundShared(r: SpanUnit, s: SpanUnit, [rlo, rhi]: [number, number], [slo, shi]: [number, number]): number {
  const shared = Math.max(0, Math.min(rhi, shi) - Math.max(rlo, slo));
  if (r.start === s.start && r.end === s.end) return shared;
  const nr = rhi - rlo;
  const ns = shi - slo;
  if (shared === 0) return -1;
  if (2 * shared >= Math.max(nr, ns)) return shared;
  const head = rhi - 1;
  if (slo <= head && head < shi && 4 * shared >= nr + ns) return shared;
  return -1;
}

/// The content words of a text, ready to test many spans against each other (majority.ts).
export interface WordIndex {
  /// words(U) as an index range [lo, hi) into the content words.
  range(u: { start: number; end: number }): [number, number];
  /// Whether `reference` is found by `student` (rules (a)–(c)).
  found(reference: SpanUnit, student: SpanUnit): boolean;
}

/// A WordIndex over `tokens` (all of a text's tokens; content words are picked here). Build it
/// once per text when matching many maps (a class): picking the words is the costly part.
export function wordIndex(tokens: readonly WordToken[]): WordIndex {
  const words = contentWords(tokens);
  const starts = words.map((w) => w.start);
  const ends = words.map((w) => w.end);
  const range = (u: { start: number; end: number }) => wordRange(starts, ends, u);
  return { range, found: (r, s) => foundShared(r, s, range(r), range(s)) >= 0 };
}

/// Whether `reference` is found by `student` over `tokens` (see the header).
export function spanFound(reference: SpanUnit, student: SpanUnit, tokens: readonly WordToken[]): boolean {
  return wordIndex(tokens).found(reference, student);
}

/// Which reference units and relations `student` found (see the header). `tokens`: the
/// document's tokens (all of them; content words are picked here), or their wordIndex.
export function teacherMatch(reference: ArgumentMap, student: ArgumentMap, tokens: readonly WordToken[] | WordIndex): TeacherMatch {
  const { range } = 'range' in tokens ? tokens : wordIndex(tokens);
  // Implicit units have no words to find (lib/argument/types): only units of the text take part.
  const ref = textUnits(reference.units).sort(compareSpanUnits);
  const stu = textUnits(student.units).sort(compareSpanUnits);
  const refRanges = ref.map(range);
  const stuRanges = stu.map(range);

  const pairOf = (i: number, j: number, shared: number): FoundPair => {
    const nr = refRanges[i][1] - refRanges[i][0];
    const ns = stuRanges[j][1] - stuRanges[j][0];
    return {
      reference: ref[i].id,
      student: stu[j].id,
      referenceWords: nr,
      studentWords: ns,
      shared,
      dice: nr + ns === 0 ? 1 : (2 * shared) / (nr + ns),
      exact: ref[i].start === stu[j].start && ref[i].end === stu[j].end,
      sameLabel: ref[i].label === stu[j].label,
    };
  };
  const edges: PrioritizedEdge[] = [];
  const candidates = new Map<string, FoundPair>();
  for (let i = 0; i < ref.length; i++) {
    // Sorted by start: a student unit starting at or after the reference's end can share no
    // word with it (and is not the same span unless the reference is empty).
    for (let j = 0; j < stu.length && stu[j].start < Math.max(ref[i].end, ref[i].start + 1); j++) {
      const shared = foundShared(ref[i], stu[j], refRanges[i], stuRanges[j]);
      if (shared < 0) continue;
      const p = pairOf(i, j, shared);
      candidates.set(`${i}:${j}`, p);
      edges.push({ left: i, right: j, priority: [Math.round(p.dice * 10_000), p.exact ? 1 : 0, p.sameLabel ? 1 : 0] });
    }
  }
  const chosen = optimalMatching(ref.length, stu.length, edges);
  const pairs = chosen.map(([i, j]) => candidates.get(`${i}:${j}`)!);
  const foundRef = new Set(pairs.map((p) => p.reference));
  const foundStu = new Set(pairs.map((p) => p.student));

  const byLabel: Record<string, { reference: number; found: number }> = {};
  for (const u of ref) {
    const entry = (byLabel[u.label] ??= { reference: 0, found: 0 });
    entry.reference++;
    if (foundRef.has(u.id)) entry.found++;
  }
  const exact = pairs.filter((p) => p.exact).length;

  const partner = new Map(pairs.map((p) => [p.reference, p.student]));
  const implicitPairs = matchImplicitUnits(reference, student, partner);
  const relations = matchRelations(reference, student, new Map([...partner, ...implicitPairs]), true);
  const relationPairs = relations.pairs.map((p) => ({ reference: p.reference, student: p.candidate, credit: p.credit }));

  const main = reference.mainClaimId;
  return {
    units: {
      reference: ref.length,
      student: stu.length,
      found: pairs.length,
      exact,
      boundariesDiffer: pairs.length - exact,
      labelDiffers: pairs.filter((p) => !p.sameLabel).length,
      meanDice: pairs.length ? pairs.reduce((s, p) => s + p.dice, 0) / pairs.length : null,
      pairs,
      missing: ref.filter((u) => !foundRef.has(u.id)).map((u) => u.id),
      extra: stu.filter((u) => !foundStu.has(u.id)).map((u) => u.id),
      byLabel,
    },
    relations: {
      reference: reference.relations.length,
      student: student.relations.length,
      found: relationPairs.filter((p) => p.credit === 1).length,
      partlyFound: relationPairs.filter((p) => p.credit < 1).length,
      credit: relations.credit,
      pairs: relationPairs,
      missing: relations.missing,
      extra: relations.extra,
    },
    implicitUnits: {
      reference: reference.units.length - ref.length,
      student: student.units.length - stu.length,
      found: implicitPairs.length,
      pairs: implicitPairs.map(([r, s]) => ({ reference: r, student: s })),
      ...unpairedImplicitUnits(reference, student, implicitPairs),
    },
    mainClaim: main && ref.some((u) => u.id === main) ? { reference: main, student: partner.get(main) ?? null } : null,
  };
}

/// What the teacher's views say of one student: the counts of a TeacherMatch, without the ids.
export interface TeacherSummary {
  referenceUnits: number;
  found: number;
  boundariesDiffer: number;
  labelDiffers: number;
  /// Mean content-word Dice of the found pairs; null when nothing was found.
  meanDice: number | null;
  referenceRelations: number;
  relationsFound: number;
  /// Reference relations paired with an overlapping, not equal, premise set (partial credit).
  relationsPartlyFound: number;
  /// Implicit units of the reference, and how many of them the student's map has too (paired by
  /// label and role, relations.ts).
  referenceImplicitUnits: number;
  implicitUnitsFound: number;
  /// Null when the reference names no main claim.
  mainClaimFound: boolean | null;
}

export function teacherSummary(m: TeacherMatch): TeacherSummary {
  return {
    referenceUnits: m.units.reference,
    found: m.units.found,
    boundariesDiffer: m.units.boundariesDiffer,
    labelDiffers: m.units.labelDiffers,
    meanDice: m.units.meanDice,
    referenceRelations: m.relations.reference,
    relationsFound: m.relations.found,
    relationsPartlyFound: m.relations.partlyFound,
    referenceImplicitUnits: m.implicitUnits.reference,
    implicitUnitsFound: m.implicitUnits.found,
    mainClaimFound: m.mainClaim && m.mainClaim.student !== null,
  };
}
