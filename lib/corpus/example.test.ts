// The shipped example map (corpus/russia-diplomacy-2020.example.argmap.json): it imports, it is
// anchored to the canonical essay on token boundaries, it reads as one connected argument, and
// it is exactly what scripts/build-example-map.ts makes from the spec (so nobody hand-edits it).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBoundary, tokenBoundaries } from '@/lib/argument/snap';
import { parseNative } from '@/lib/formats/native';
import type { AnnotatedMap } from '@/lib/formats/types';
import { canonicalize, sha256Hex } from '@/lib/text';
import { makeOffsetConverter } from '@/lib/text/offsets';
import type { Reflow } from '@/lib/text/types';
import { tokenize } from '@/lib/tokens/kuromoji';
import type { Token } from '@/lib/tokens/types';
import { isImplicit, relationKey, textUnits, type ArgumentMap } from '@/lib/argument/types';
import { schemeById } from '@/lib/argument/schemes';
import { anchorQuote, buildAnnotatedExample, buildExampleMap, readCorpusText } from '@/scripts/build-example-map';
import { russiaDiplomacy2020Example as spec } from '@/corpus/russia-diplomacy-2020.example.quotes';

const corpusDir = path.join(process.cwd(), 'corpus');
const exampleFile = path.join(corpusDir, 'russia-diplomacy-2020.example.argmap.json');

let canonicalText: string;
let tokens: Token[];
let boundaries: number[];
let fileText: string;
let example: AnnotatedMap;
let raw: { units: Array<{ id: string; label: string; start: number; end: number; quote: string }>; mainClaim: string | null };

beforeAll(async () => {
  const meta = JSON.parse(fs.readFileSync(path.join(corpusDir, 'russia-diplomacy-2020.meta.json'), 'utf8')) as { source: string; reflow?: Reflow };
  const source = fs.readFileSync(path.join(corpusDir, meta.source), 'utf8');
  canonicalText = canonicalize(source, { reflow: meta.reflow ?? 'auto' }).text;
  tokens = await tokenize(canonicalText);
  boundaries = tokenBoundaries(tokens);
  fileText = fs.readFileSync(exampleFile, 'utf8');
  raw = JSON.parse(fileText);
  const parsed = parseNative(raw);
  if (!parsed.ok) throw new Error(`example does not import: ${JSON.stringify(parsed.errors)}`);
  example = parsed.value;
});

describe('the example map file', () => {
  it('imports with parseNative', () => {
    expect(parseNative(JSON.parse(fileText)).ok).toBe(true);
  });

  it('is anchored to the canonical essay', () => {
    expect(example.document.id).toBe('russia-diplomacy-2020');
    expect(example.document.text).toBe(canonicalText);
    expect(example.document.textSha256).toBe(sha256Hex(canonicalText));
  });

  it('puts every unit on token boundaries (offsets in code points)', () => {
    const offsets = makeOffsetConverter(canonicalText);
    // Implicit units have no place in the text.
    for (const unit of raw.units.filter((u) => !('implicit' in u))) {
      const start = offsets.toUtf16(unit.start);
      const end = offsets.toUtf16(unit.end);
      expect(isBoundary(boundaries, start), `${unit.id} start`).toBe(true);
      expect(isBoundary(boundaries, end), `${unit.id} end`).toBe(true);
      expect(canonicalText.slice(start, end)).toBe(unit.quote);
    }
  });

  it('has a main claim labelled claim', () => {
    expect(example.map.mainClaimId).toBe('u-thesis');
    const main = example.map.units.find((u) => u.id === example.map.mainClaimId);
    expect(main?.label).toBe('claim');
  });

  it('uses every label of its scheme, and only those', () => {
    const used = new Set(example.map.units.map((u) => u.label));
    expect([...used].sort()).toEqual(example.labels.map((l) => l.id).sort());
  });

  it('has the size of a worked example', () => {
    expect(textUnits(example.map.units).length).toBeGreaterThanOrEqual(25);
    expect(textUnits(example.map.units).length).toBeLessThanOrEqual(40);
    expect(example.map.units.filter(isImplicit).length).toBeLessThanOrEqual(3);
    expect(example.map.relations.length).toBeGreaterThanOrEqual(25);
    expect(example.map.relations.length).toBeLessThanOrEqual(45);
    expect(example.map.units.every((u) => u.note.trim() !== '')).toBe(true);
  });

  it('involves every unit in at least one relation', () => {
    const related = new Set(example.map.relations.flatMap((r) => [...r.from, r.to]));
    expect(example.map.units.filter((u) => !related.has(u.id)).map((u) => u.id)).toEqual([]);
  });

  it('is one connected argument (relations taken undirected)', () => {
    // Units and relations are nodes: a relation joins its premises and its target (a unit, or
    // the relation an undercutter attacks).
    const neighbours = new Map<string, string[]>([...example.map.units, ...example.map.relations].map((x) => [x.id, []]));
    const join = (a: string, b: string) => (neighbours.get(a)!.push(b), neighbours.get(b)!.push(a));
    for (const r of example.map.relations) {
      join(r.id, r.to);
      for (const p of r.from) join(p, r.id);
    }
    const seen = new Set<string>([example.map.mainClaimId!]);
    const queue = [example.map.mainClaimId!];
    while (queue.length) for (const next of neighbours.get(queue.pop()!)!) if (!seen.has(next)) seen.add(next), queue.push(next);
    expect(example.map.units.filter((u) => !seen.has(u.id)).map((u) => u.id)).toEqual([]);
  });

  it('attacks only from counterarguments, rebuttals and claims, and every rebuttal attacks a counterargument', () => {
    const label = new Map(example.map.units.map((u) => [u.id, u.label]));
    for (const r of example.map.relations.filter((x) => x.type === 'attack')) {
      expect(['counterargument', 'rebuttal', 'claim'], r.id).toContain(label.get(r.from[0]));
    }
    // A rebuttal attacks a counterargument, or the inference to one (an undercutter).
    const relationTo = new Map(example.map.relations.map((r) => [r.id, r.to]));
    for (const u of example.map.units.filter((x) => x.label === 'rebuttal')) {
      const attacks = example.map.relations.filter((r) => r.type === 'attack' && r.from.includes(u.id));
      expect(attacks.some((r) => label.get(r.to) === 'counterargument' || label.get(relationTo.get(r.to) ?? '') === 'counterargument'), u.id).toBe(true);
    }
  });

  it('is exactly what the build script makes from the spec', async () => {
    expect(await buildExampleMap({ tokens })).toBe(fileText);
  });
});

describe('the example map the spec builds (the deeper model, issue 17)', () => {
  let map: ArgumentMap;
  beforeAll(() => {
    map = buildAnnotatedExample(spec, readCorpusText(spec.documentId), tokens).map;
  });

  it('has a linked argument for the thesis, resting on an implicit premise', () => {
    const thesis = map.relations.filter((r) => r.to === spec.mainClaim && r.type === 'support' && r.from.length >= 2);
    expect(thesis.map((r) => r.id)).toEqual(['r2']);
    const implicit = map.units.filter(isImplicit);
    expect(implicit.map((u) => u.id)).toEqual(['i-one-cause']);
    expect(thesis[0].from).toContain('i-one-cause');
    expect(implicit[0].text.length).toBeGreaterThan(0);
  });

  it('has an undercutter: an attack on an inference, from a rebuttal', () => {
    const relations = new Map(map.relations.map((r) => [r.id, r]));
    const undercutters = map.relations.filter((r) => relations.has(r.to));
    expect(undercutters.map((r) => [r.id, r.type, r.to])).toEqual([['r40', 'attack', 'r39']]);
    expect(map.units.find((u) => u.id === undercutters[0].from[0])?.label).toBe('rebuttal');
  });

  it('names schemes from the catalogue, with every critical question answered', () => {
    const withScheme = map.relations.filter((r) => r.scheme !== undefined);
    expect(withScheme.map((r) => [r.id, r.scheme])).toEqual([['r38', 'example'], ['r39', 'sign']]);
    for (const r of withScheme) {
      const questions = schemeById(r.scheme!)!.criticalQuestions.map((q) => q.id);
      expect(r.criticalQuestions?.map((a) => a.id), r.id).toEqual(questions);
      for (const a of r.criticalQuestions!) expect(a.answer.trim().length, `${r.id} ${a.id}`).toBeGreaterThan(0);
    }
  });

  it('gives every new shape a note saying why', () => {
    const deep = map.relations.filter((r) => r.from.length >= 2 || r.scheme !== undefined || map.relations.some((x) => x.id === r.to));
    expect(deep.length).toBeGreaterThanOrEqual(4);
    for (const r of deep) expect(r.note.length, r.id).toBeGreaterThan(10);
    for (const u of map.units.filter(isImplicit)) expect(u.note.length, u.id).toBeGreaterThan(10);
  });

  it('keeps the v1 example’s forty text units, and no two relations share a shape', () => {
    const textIds = map.units.filter((u) => !isImplicit(u)).map((u) => u.id);
    expect(textIds).toEqual(textUnits(example.map.units).map((u) => u.id));
    expect(textIds).toHaveLength(40);
    expect(new Set(map.relations.map(relationKey)).size).toBe(map.relations.length);
  });
});

describe('anchorQuote', () => {
  const cases: Array<{ name: string; quote: string; occurrence?: number; error?: RegExp; start?: number }> = [
    { name: 'a missing quote', quote: 'ロシアは月に行った', error: /not found/ },
    { name: 'an ambiguous quote', quote: 'ロシアの影響力', error: /occurs \d+ times/ },
    { name: 'an occurrence out of range', quote: '4．旧ソ連地域の混乱', occurrence: 2, error: /occurrence 2/ },
    { name: 'a quote starting inside a word', quote: 'シアの求心力低下によるものかどうかは', error: /not on token boundaries/ },
    { name: 'a quote ending inside a word', quote: 'それがロシアの求心力低下によるものかどうかは、単純には結論', error: /not on token boundaries/ },
    { name: 'a repeated quote with its occurrence', quote: 'ロシアの影響力', occurrence: 1 },
  ];
  it.each(cases)('$name', ({ quote, occurrence, error }) => {
    const unit = { id: 'u-test', label: 'claim' as const, quote, note: '', occurrence };
    if (error) expect(() => anchorQuote(canonicalText, boundaries, unit)).toThrow(error);
    else expect(anchorQuote(canonicalText, boundaries, unit).start).toBe(canonicalText.indexOf(quote));
  });

  it('anchors each spec quote once', () => {
    for (const unit of spec.units) expect(() => anchorQuote(canonicalText, boundaries, unit), unit.id).not.toThrow();
  });
});
