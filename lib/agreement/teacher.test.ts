// teacherMatch and spanFound, hand-computed: the thesis case on the real kuromoji tokens
// of russia-diplomacy-2020 (offsets 346–427), and small cases on synthetic tokens.
import { describe, expect, it } from 'vitest';
import type { ArgumentMap, ArgumentUnit, Relation, TextUnit } from '@/lib/argument/types';
import { contentWords, spanFound, teacherMatch, type WordToken } from './teacher';

// The tokens of 「そして、2020年後半に…と思われる。」 as the stored document has them.
const THESIS_TOKENS: WordToken[] = (
  '346-349:そして/接続詞 349-350:、/記号 350-354:2020/名詞 354-355:年/名詞 355-357:後半/名詞 357-358:に/助詞 358-359:旧/接頭詞 ' +
  '359-361:ソ連/名詞 361-363:諸国/名詞 363-364:で/助詞 364-365:の/助詞 365-368:相次い/動詞 368-369:だ/助動詞 369-371:混乱/名詞 ' +
  '371-372:は/助詞 372-375:ロシア/名詞 375-376:の/助詞 376-378:頭痛/名詞 378-379:の/助詞 379-380:種/名詞 380-381:に/助詞 ' +
  '381-383:なっ/動詞 383-384:た/助動詞 384-385:が/助詞 385-386:、/記号 386-388:それ/名詞 388-389:が/助詞 389-392:ロシア/名詞 ' +
  '392-393:の/助詞 393-396:求心力/名詞 396-398:低下/名詞 398-401:による/助詞 401-403:もの/名詞 403-404:か/助詞 404-406:どう/副詞 ' +
  '406-407:か/助詞 407-408:は/助詞 408-409:、/記号 409-411:単純/名詞 411-412:に/助詞 412-413:は/助詞 413-417:結論づけ/動詞 ' +
  '417-419:られ/動詞 419-421:ない/助動詞 421-422:と/助詞 422-424:思わ/動詞 424-426:れる/動詞 426-427:。/記号'
)
  .split(' ')
  .map((s) => {
    const [, start, end, surface, pos] = /^(\d+)-(\d+):(.+)\/(.+)$/.exec(s)!;
    return { start: Number(start), end: Number(end), surface, pos };
  });

const unit = (id: string, start: number, end: number, label = 'claim'): TextUnit => ({ id, label, start, end, note: '' });
const rel = (id: string, from: string, to: string, type: Relation['type'] = 'support'): Relation => ({ id, type, from: [from], to, note: '' });
const map = (units: ArgumentUnit[], relations: Relation[] = [], mainClaimId: string | null = null): ArgumentMap => ({ units, relations, mainClaimId });

// One-character word tokens 0–1, 1–2, … (no part of speech: every token is a content word).
const letters = (n: number): WordToken[] => Array.from({ length: n }, (_, i) => ({ start: i, end: i + 1, surface: 'あ' }));

describe('the issue’s thesis case', () => {
  const words = contentWords(THESIS_TOKENS);
  // Content words of 346–427: 23 (そして, particles, auxiliaries and punctuation dropped);
  // of 386–426: それ ロシア 求心力 低下 もの どう 単純 結論づけ られ 思わ れる = 11, all inside.
  it('counts content words by hand', () => {
    expect(words.filter((w) => w.start >= 346 && w.end <= 427)).toHaveLength(23);
    expect(words.filter((w) => w.start >= 386 && w.end <= 426)).toHaveLength(11);
  });

  it('is found: the student’s clause holds the reference’s head (れる) and Dice = 22/34 ≥ ½', () => {
    const reference = map([unit('thesis', 346, 427)], [], 'thesis');
    const student = map([unit('s', 386, 426)]);
    const m = teacherMatch(reference, student, THESIS_TOKENS);
    expect(m.units.found).toBe(1);
    expect(m.units.boundariesDiffer).toBe(1);
    expect(m.units.pairs[0]).toMatchObject({ reference: 'thesis', student: 's', referenceWords: 23, studentWords: 11, shared: 11, exact: false, sameLabel: true });
    expect(m.units.pairs[0].dice).toBeCloseTo(22 / 34, 12);
    expect(m.units.missing).toEqual([]);
    expect(m.units.extra).toEqual([]);
    expect(m.mainClaim).toEqual({ reference: 'thesis', student: 's' });
  });

  it('a subordinate clause without the head is not found, though its Dice is as high', () => {
    // 350–372 「2020年後半に旧ソ連諸国での相次いだ混乱は」: 8 words (2020 年 後半 旧 ソ連 諸国 相次い
    // 混乱), inside the reference: 2·8 < 23, Dice = 16/31 ≥ ½, but the head れる is not in it.
    expect(spanFound(unit('r', 346, 427), unit('s', 350, 372), THESIS_TOKENS)).toBe(false);
    // With the head, the last 9 words (求心力 … れる, 393–426) are found: 4·9 = 36 ≥ 23 + 9.
    expect(spanFound(unit('r', 346, 427), unit('s', 393, 426), THESIS_TOKENS)).toBe(true);
  });

  it('a student who stops before 「と思われる」 still shares over half the longer span', () => {
    // 386–421: それ … られ = 9 words of 11; against the 11-word clause reference: 2·9 ≥ 11.
    expect(spanFound(unit('r', 386, 426), unit('s', 386, 421), THESIS_TOKENS)).toBe(true);
  });
});

describe('spanFound on synthetic tokens', () => {
  const words = letters(20);
  it.each([
    // [reference, student, found, why]
    [[0, 12], [8, 12], true, 'inside, holds the head, 4 of 12 words: 4·4 = 16 ≥ 16'],
    [[0, 12], [9, 12], false, 'inside, holds the head, 3 of 12: 12 < 15'],
    [[0, 12], [0, 6], true, 'first half: 2·6 ≥ 12 (rule b) though it lacks the head'],
    [[0, 12], [0, 5], false, 'first 5 words, no head'],
    [[4, 8], [0, 12], true, 'the student took the reference and as much again on each side: Dice = 8/16 = ½'],
    [[4, 8], [0, 13], false, 'one word more: 4·4 = 16 < 17'],
    [[5, 5], [5, 5], true, 'an empty span found by the same span'],
    [[0, 4], [4, 8], false, 'adjacent, nothing shared'],
  ] as const)('%j found by %j → %s (%s)', (r, s, found, _why) => {
    expect(spanFound(unit('r', r[0], r[1]), unit('s', s[0], s[1]), words)).toBe(found);
  });
});

describe('teacherMatch', () => {
  const tokens = letters(40);

  it('pairs one to one on the best overlap, and words the counts', () => {
    // Reference: a claim 0–12 (main), evidence 12–20, evidence 20–30, a rebuttal 30–40.
    // Student: the claim's last third 8–12 (found, boundaries differ), evidence 12–20 exactly,
    // 20–30 as a claim (found, label differs), and 0–12 twice? no — one extra unit 34–36
    // (2 of 10 words of the rebuttal: not found).
    const reference = map([unit('c', 0, 12), unit('e1', 12, 20, 'evidence'), unit('e2', 20, 30, 'evidence'), unit('rb', 30, 40, 'rebuttal')], [rel('r1', 'e1', 'c'), rel('r2', 'e2', 'c'), rel('r3', 'rb', 'c', 'attack')], 'c');
    const student = map([unit('a', 8, 12), unit('b', 12, 20, 'evidence'), unit('d', 20, 30), unit('x', 34, 36, 'rebuttal')], [rel('s1', 'b', 'a'), rel('s2', 'd', 'a', 'attack'), rel('s3', 'x', 'a', 'attack')]);
    const m = teacherMatch(reference, student, tokens);
    expect(m.units).toMatchObject({ reference: 4, student: 4, found: 3, exact: 2, boundariesDiffer: 1, labelDiffers: 1, missing: ['rb'], extra: ['x'] });
    // Dice: 8/16, 1, 1 → mean 5/6.
    expect(m.units.meanDice).toBeCloseTo(5 / 6, 12);
    expect(m.units.byLabel).toEqual({ claim: { reference: 1, found: 1 }, evidence: { reference: 2, found: 2 }, rebuttal: { reference: 1, found: 0 } });
    // r1 found through (e1→b, c→a); r2 has the wrong type; r3's premise was not found.
    expect(m.relations).toEqual({ reference: 3, student: 3, found: 1, partlyFound: 0, credit: 1, pairs: [{ reference: 'r1', student: 's1', credit: 1 }], missing: ['r2', 'r3'], extra: ['s2', 's3'] });
    expect(m.mainClaim).toEqual({ reference: 'c', student: 'a' });
  });

  it('a student unit finds at most one reference unit: the one it overlaps best', () => {
    // Nested reference units 0–12 and 8–12; the student marked 8–12 only.
    const m = teacherMatch(map([unit('outer', 0, 12), unit('inner', 8, 12)]), map([unit('s', 8, 12)]), tokens);
    expect(m.units.pairs.map((p) => [p.reference, p.student, p.exact])).toEqual([['inner', 's', true]]);
    expect(m.units.missing).toEqual(['outer']);
  });

  it('prefers more pairs over a better single pair', () => {
    // Reference 0–10 and 4–12; student 2–10 and 0–6 — the greedy best (0–10 with 2–10) would
    // leave 4–12 unfound; the optimum finds both.
    const m = teacherMatch(map([unit('r1', 0, 10), unit('r2', 4, 12)]), map([unit('s1', 2, 10), unit('s2', 0, 6)]), tokens);
    expect(m.units.found).toBe(2);
  });

  it('empty maps: nothing to find, nothing found; no main claim', () => {
    const m = teacherMatch(map([]), map([]), tokens);
    expect(m.units).toMatchObject({ found: 0, meanDice: null, missing: [], extra: [] });
    expect(m.mainClaim).toBeNull();
  });

  it('a linked argument half given is partly found; implicit premises pair by label and role', () => {
    // Reference: 0–4 supported by 4–8, 8–12 and an unstated premise together; student: by 4–8
    // and its own unstated premise. Premises mapped {4–8, implicit} ∩ student's = 2 of 3 and 2:
    // credit 2·2/(3+2) = 4/5 — partly found, not found.
    const imp = (id: string): ArgumentUnit => ({ id, label: 'evidence', implicit: true, text: '前提', note: '' });
    const ref = map([unit('c', 0, 4), unit('a', 4, 8, 'evidence'), unit('b', 8, 12, 'evidence'), imp('i')], [{ id: 'R', type: 'support', from: ['a', 'b', 'i'], to: 'c', note: '' }]);
    const stu = map([unit('C', 0, 4), unit('A', 4, 8, 'evidence'), imp('j')], [{ id: 'S', type: 'support', from: ['A', 'j'], to: 'C', note: '' }]);
    const m = teacherMatch(ref, stu, tokens);
    expect(m.units).toMatchObject({ reference: 3, student: 2, found: 2 });
    expect(m.implicitUnits).toEqual({ reference: 1, student: 1, found: 1, pairs: [{ reference: 'i', student: 'j' }], missing: [], extra: [] });
    expect(m.relations).toMatchObject({ found: 0, partlyFound: 1, pairs: [{ reference: 'R', student: 'S', credit: 0.8 }] });
  });
});
