// Re-anchoring on the essay: a file made on another version of the text is placed by its quotes
// — exact moves when text was inserted before, fuzzy moves (with their similarity) when a quote
// was edited, unplaced units and dropped relations when a quoted sentence was deleted — and
// every change is in the report, so the import needs the user's acceptance.
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenBoundaries } from '@/lib/argument/snap';
import { compareUnits, textUnits, type ArgumentUnit } from '@/lib/argument/types';
import { sha256Hex } from '@/lib/text/hash';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { tokenize } from '@/lib/tokens/kuromoji';
import { formats, importAnnotated } from '.';
import { anchorUnits, findFuzzy, matchQuote, prepareSearchText } from './anchor';
import { EXPORTED_AT, loadEssay, makeLargeMap } from './test-fixtures';
import type { AnnotatedDocument, AnnotatedMap } from './types';

let essay: AnnotatedDocument;
let boundaries: number[];
let large: AnnotatedMap;

beforeAll(async () => {
  ({ document: essay, boundaries } = await loadEssay());
  large = makeLargeMap(essay, boundaries, { units: 300, relations: 400 });
});

async function revised(text: string): Promise<{ document: AnnotatedDocument; boundaries: number[] }> {
  return { document: { ...essay, text, textSha256: sha256Hex(text) }, boundaries: tokenBoundaries(await tokenize(text)) };
}

const cpLength = (s: string) => [...s].length;

const A = 'とはいえ、これらすべてをハイブリッド戦争ということは適切ではないだろう。';
const B = 'ロシアの影響力が拡大した側面は少なからずあったはずである。';
const C = '他方で、欧米との関係は、特に 8月以降';
const D = 'ロシアのウラジミル・プーチン大統領は';

function smallEssayMap(): AnnotatedMap {
  const span = (quote: string) => {
    const start = essay.text.indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    expect(essay.text.indexOf(quote, start + 1), `${quote} is unique`).toBe(-1);
    return { start, end: start + quote.length };
  };
  const units: ArgumentUnit[] = [
    { id: 'A', label: 'claim', ...span(A), note: '' },
    { id: 'B', label: 'evidence', ...span(B), note: '' },
    { id: 'C', label: 'evidence', ...span(C), note: '' },
    { id: 'D', label: 'counterargument', ...span(D), note: '' },
  ];
  return {
    document: essay,
    annotator: { id: 'local', name: 'local' },
    labels: large.labels,
    map: {
      units: units.sort(compareUnits),
      relations: [
        { id: 'r1', type: 'support', from: ['A'], to: 'B', note: '' },
        { id: 'r2', type: 'attack', from: ['D'], to: 'A', note: '' },
        { id: 'r3', type: 'support', from: ['C'], to: 'B', note: '' },
        { id: 'r4', type: 'attack', from: ['B'], to: 'D', note: '' },
      ],
      mainClaimId: 'A',
    },
    comments: [],
  };
}

describe('re-anchoring an import made on another version of the text', () => {
  it('a sentence inserted before everything: every unit moves exactly, by its length', async () => {
    const preface = '序文として𠮷野家の一文を加える。\n';
    const target = await revised(preface + essay.text);
    const result = importAnnotated(formats.json.files(large, { exportedAt: EXPORTED_AT })[0].content, { format: 'json', document: target.document, labels: large.labels, boundaries: target.boundaries });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.needsAcceptance).toBe(true);
    expect(result.report.reanchored).toEqual({ kind: 'otherText', fileSha256: essay.textSha256, textSha256: target.document.textSha256 });
    expect(result.report.unplaced).toEqual([]);
    expect(result.report.droppedRelations).toEqual([]);
    expect(result.report.unchanged).toBe(0);
    expect(result.report.moved).toHaveLength(large.map.units.length);
    const shift = cpLength(preface);
    for (const m of result.report.moved) {
      expect(m.how, m.unitId).toBe('exact');
      expect(m.similarity).toBe(1);
      expect(m.to, m.unitId).toEqual({ start: m.from!.start + shift, end: m.from!.end + shift });
    }
    // Repeated quotes (units sharing a span, short quotes) landed on their own occurrence.
    const byId = new Map(textUnits(result.value.map.units).map((u) => [u.id, u]));
    for (const u of textUnits(large.map.units)) {
      const placed = byId.get(u.id)!;
      expect(placed.start - u.start, u.id).toBe(preface.length);
      expect(target.document.text.slice(placed.start, placed.end)).toBe(essay.text.slice(u.start, u.end));
    }
    expect(result.value.map.relations).toEqual(large.map.relations);
    expect(result.value.map.mainClaimId).toBe(large.map.mainClaimId);
  });

  it('a changed character inside a quote moves fuzzily, a deleted quoted sentence is unplaced with its relations and main claim', async () => {
    const map = smallEssayMap();
    const changed = B.replace('拡大', '増大');
    const target = await revised(essay.text.replace(A, '').replace(B, changed));
    const result = importAnnotated(formats.w3c.files(map, { exportedAt: EXPORTED_AT })[0].content, { format: 'w3c', document: target.document, labels: map.labels, boundaries: target.boundaries });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { report } = result;
    expect(result.needsAcceptance).toBe(true);
    expect(report.unplaced).toEqual([{ unitId: 'A', quote: A, reason: 'quoteNotFound' }]);
    expect(report.droppedRelations.map((r) => r.relationId)).toEqual(['r1', 'r2']);
    expect(report.droppedRelations[0].missing).toEqual(['A']);
    expect(report.mainClaimDropped).toBe('A');
    expect(result.value.map.mainClaimId).toBeNull();
    expect(report.unchanged).toBe(1); // C, before both edits
    const moved = new Map(report.moved.map((m) => [m.unitId, m]));
    const b = moved.get('B')!;
    expect(b.how).toBe('fuzzy');
    expect(b.similarity).toBeGreaterThanOrEqual(0.75);
    expect(b.similarity).toBeLessThan(1);
    expect(b.similarity).toBe(Math.round((1 - 1 / cpLength(B)) * 1000) / 1000);
    expect(b.to).toEqual({ start: b.from!.start - cpLength(A), end: b.from!.end - cpLength(A) });
    const d = moved.get('D')!;
    expect(d).toMatchObject({ how: 'exact', similarity: 1 });
    expect(d.to.start).toBe(d.from!.start - cpLength(A));
    const placedB = textUnits(result.value.map.units).find((u) => u.id === 'B')!;
    expect(target.document.text.slice(placedB.start, placedB.end)).toBe(changed);
    expect(result.value.map.relations.map((r) => r.id)).toEqual(['r3', 'r4']);
  });

  it('a quote changed beyond the similarity threshold is unplaced, not forced somewhere', async () => {
    const map = smallEssayMap();
    const target = await revised(essay.text.replace(B, 'ロシアの存在感が増した面も多少はあったと言える。'));
    const result = importAnnotated(formats.aif.files(map, { exportedAt: EXPORTED_AT })[0].content, { format: 'aif', document: target.document, labels: map.labels, boundaries: target.boundaries });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.unplaced.map((u) => u.unitId)).toEqual(['B']);
    expect(result.report.droppedRelations.map((r) => r.relationId)).toEqual(['r1', 'r3', 'r4']);
  });

  it('the same text with offsets off token boundaries snaps them and says so', () => {
    const map = smallEssayMap();
    const file = JSON.parse(formats.w3c.files(map, { exportedAt: EXPORTED_AT })[0].content);
    const unit = file.first.items.find((a: { id: string }) => a.id.endsWith(':C'));
    const [quote, position] = unit.target.selector;
    // Cut one character off each end: still a quote of this text, but mid-word.
    quote.exact = [...quote.exact].slice(1, -1).join('');
    position.start += 1;
    position.end -= 1;
    const result = importAnnotated(file, { format: 'w3c', document: essay, labels: map.labels, boundaries });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.reanchored).toBeNull();
    expect(result.report.moved).toEqual([{ unitId: 'C', from: { start: position.start, end: position.end }, to: expect.any(Object), how: 'snapped', similarity: 1, snapped: true }]);
    const c = textUnits(result.value.map.units).find((u) => u.id === 'C')!;
    expect(essay.text.slice(c.start, c.end)).toContain(quote.exact);
    expect(result.needsAcceptance).toBe(true);
  });

  it('plain AIF without offsets is anchored by quote, reported with no "from"', () => {
    const map = smallEssayMap();
    const file = JSON.parse(formats.aif.files(map)[0].content);
    for (const n of file.AIF.nodes) delete n.ronten;
    delete file.ronten;
    file.text = file.text.replace(/<span data-ronten="[^"]*"><\/span>/, ''); // the copy that rides in the text for OVA3
    const result = importAnnotated(file, { format: 'aif', document: essay, labels: map.labels, boundaries });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.moved.map((m) => [m.from, m.how])).toEqual(map.map.units.map(() => [null, 'exact']));
    expect(textUnits(result.value.map.units).map((u) => [u.label, essay.text.slice(u.start, u.end)])).toEqual(textUnits(map.map.units).map((u) => ['claim', essay.text.slice(u.start, u.end)]));
    expect(result.value.map.relations.map((r) => [r.type, essay.text.slice(...span(result.value.map.units, r.from[0])), essay.text.slice(...span(result.value.map.units, r.to))])).toEqual(
      map.map.relations.map((r) => [r.type, essay.text.slice(...span(map.map.units, r.from[0])), essay.text.slice(...span(map.map.units, r.to))]),
    );
  });
});

function span(units: readonly ArgumentUnit[], id: string): [number, number] {
  const u = textUnits(units).find((x) => x.id === id)!;
  return [u.start, u.end];
}

describe('matchQuote', () => {
  it('tells repeated occurrences apart by their context, even with a wrong hint', () => {
    const target = prepareSearchText(essay.text);
    const quote = 'ロシア';
    const occurrences = [...essay.text.matchAll(/ロシア/g)].map((m) => m.index!);
    expect(occurrences.length).toBeGreaterThan(20);
    const offsets = makeOffsetConverter(essay.text);
    for (const at of occurrences.slice(0, 15)) {
      const prefix = essay.text.slice(Math.max(0, at - 32), at);
      const suffix = essay.text.slice(at + 3, at + 35);
      const hit = matchQuote(target, quote, { hint: 0, prefix, suffix });
      expect(hit && hit.start, `occurrence at ${at}`).toBe(at);
      expect(offsets.toCodePoint(hit!.start)).toBe(at); // the essay is BMP-only
    }
  });

  it('without context takes the occurrence nearest the hint', () => {
    const target = prepareSearchText(essay.text);
    const occurrences = [...essay.text.matchAll(/ロシア/g)].map((m) => m.index!);
    expect(matchQuote(target, 'ロシア', { hint: occurrences[10] + 2 })!.start).toBe(occurrences[10]);
  });

  it('finds approximate matches across characters outside the BMP, in code points', () => {
    const text = '前置き。𠮷野家で𩸽を食べた👍🏽。後書き。';
    const hit = findFuzzy(prepareSearchText(text), '𠮷野屋で𩸽を食べた👍🏽', {});
    expect(hit).toMatchObject({ how: 'fuzzy' });
    expect(text.slice(hit!.start, hit!.end)).toBe('𠮷野家で𩸽を食べた👍🏽');
    expect(hit!.similarity).toBeCloseTo(1 - 1 / [...'𠮷野屋で𩸽を食べた👍🏽'].length, 6);
  });

  it('reports units in the order of the file and counts the unchanged ones', () => {
    const text = 'あいうえお。かきくけこ。';
    const result = anchorUnits(
      [
        { id: 'x', label: 'claim', note: '', quote: 'かきくけこ', start: 6, end: 11, at: 'x' },
        { id: 'y', label: 'claim', note: '', quote: 'さしすせそ', start: 0, end: 5, at: 'y' },
        { id: 'z', label: 'claim', note: '', quote: 'あいうえお', start: 0, end: 5, at: 'z' },
      ],
      text,
      { trustOffsets: true },
    );
    expect(result.unchanged).toBe(2);
    expect(result.unplaced.map((u) => u.unitId)).toEqual(['y']);
  });
});
