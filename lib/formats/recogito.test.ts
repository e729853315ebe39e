// @vitest-environment jsdom
// Our Recogito export through Recogito's own code (@recogito/text-annotator 4.1.1, its W3C format
// adapter): every annotation — units, relations, comments — parses with parseW3CTextAnnotation,
// and what its serializer writes back imports as the same map: units (ids, labels, spans,
// notes), relations with their direction, the main claim and comments. Our plain W3C export's
// linking annotations are what Recogito cannot parse (targets by IRI), which is why this format
// exists. Run on the shipped example map, generated maps on the essay and a non-BMP text.
import fs from 'node:fs';
import path from 'node:path';
import { parseW3CTextAnnotation, serializeW3CTextAnnotation, W3CTextFormat, type W3CTextAnnotation } from '@recogito/text-annotator';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, formats, importAnnotated, parseNative, parseRecogito, serializeRecogito, serializeW3c, SKIP_TAG } from '.';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { deepMap, EXPORTED_AT, loadEssay, makeLargeMap, nonBmpDocument, smallMap } from './test-fixtures';
import type { AnnotatedMap } from './types';
import { documentUrn } from './w3c';

let example: AnnotatedMap;
let essay: AnnotatedMap;
beforeAll(async () => {
  const parsed = parseNative(JSON.parse(fs.readFileSync(path.join(process.cwd(), 'corpus/russia-diplomacy-2020.example.argmap.json'), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  example = parsed.value;
  const loaded = await loadEssay();
  essay = makeLargeMap(loaded.document, loaded.boundaries, { units: 120, relations: 150 });
});

const viaText = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/// Each annotation as Recogito holds it after loading the file, then as it saves it.
function throughRecogito(map: AnnotatedMap): W3CTextAnnotation[] {
  const file = viaText(serializeRecogito(map)) as unknown as W3CTextAnnotation[];
  return file.map((a) => {
    const { parsed, error } = parseW3CTextAnnotation(a);
    if (error || !parsed) throw new Error(`Recogito refused ${a.id}: ${error?.message}`);
    return viaText(serializeW3CTextAnnotation(parsed, documentUrn(map.document.id)));
  });
}

const cases: Array<[string, () => AnnotatedMap]> = [
  ['the example map', () => example],
  ['the small map', () => smallMap()],
  ['the deeper model (a linked argument, undercutters, implicit units, schemes)', () => deepMap()],
  ['the essay with 120 units and 150 relations', () => essay],
  ['a non-BMP text', () => makeLargeMap(nonBmpDocument().document, nonBmpDocument().boundaries, { units: 60, relations: 80, seed: 11 })],
];

describe('Recogito export through @recogito/text-annotator', () => {
  it.each(cases)('%s: Recogito parses every annotation, and what it saves comes back as the same map', (_name, make) => {
    const map = make();
    const saved = throughRecogito(map);
    expect(saved).toHaveLength(map.map.units.length + map.map.relations.length);
    const back = importAnnotated(JSON.stringify(saved), { format: 'recogito', document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 3)));
    expect(back.needsAcceptance).toBe(false);
    expect(back.value.map).toEqual(map.map);
    const byId = (cs: AnnotatedMap['comments']) => [...cs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(back.value.comments)).toEqual(byId(map.comments));
    // The strict parser agrees.
    const strict = parseRecogito(saved, { document: map.document, labels: map.labels });
    expect(strict.ok && strict.value.map).toEqual(map.map);
  });

  it('a relation is one annotation on both passages, premise first, each target naming its unit; Recogito keeps the direction', () => {
    const map = smallMap();
    const saved = throughRecogito(map) as unknown as Array<Record<string, any>>;
    const r2 = saved.find((a) => a.id === 'urn:ronten:relation:small:r2')!;
    expect(r2.motivation).toBe('linking');
    expect(r2.target.map((t: any) => t.id)).toEqual(['urn:ronten:unit:small:u3', 'urn:ronten:unit:small:u2']);
    expect([r2['ronten:from'], r2['ronten:to']]).toEqual(['urn:ronten:unit:small:u3', 'urn:ronten:unit:small:u2']);
    expect(r2.body.map((b: any) => [b.purpose, b.value])).toEqual([
      ['tagging', 'attack'],
      ['commenting', 'a "strong" attack'],
    ]);
  });

  it('comments are Recogito comments (bodies with a creator and a date) on their unit; a map comment rides on the main claim', () => {
    const map = smallMap();
    map.comments.push({ id: 'c2', targetKind: 'map', targetId: null, author: '先生', body: '全体として良い', createdAt: '2026-11-27T00:00:00.000Z' });
    const saved = throughRecogito(map) as unknown as Array<Record<string, any>>;
    const u1 = saved.find((a) => a.id === 'urn:ronten:unit:small:u1')!;
    expect(u1.body.find((b: any) => b.creator)).toMatchObject({ purpose: 'commenting', value: '良い根拠', creator: { name: '先生' }, created: '2026-11-26T00:00:00.000Z' });
    const main = saved.find((a) => a['ronten:mainClaim'] === true)!;
    expect(main.id).toBe('urn:ronten:unit:small:u2');
    expect(main.body.find((b: any) => b['ronten:about'] === 'map')).toMatchObject({ value: '全体として良い' });
    const back = importAnnotated(saved, { format: 'recogito', document: map.document, labels: map.labels });
    expect(back.ok && back.value.comments).toEqual(map.comments);
  });

  it('every annotation says its positions are code points, and the quote is exact where Recogito (UTF-16) would land wrong', () => {
    const { document } = nonBmpDocument();
    const map = makeLargeMap(document, nonBmpDocument().boundaries, { units: 20, relations: 5, seed: 3 });
    const offsets = makeOffsetConverter(document.text);
    const cps = [...document.text];
    for (const a of serializeRecogito(map)) {
      expect(a['ronten:offsetUnit']).toBe('codepoint');
      expect(a['ronten:offsetNote']).toMatch(/code points.*UTF-16/);
      for (const target of [a.target].flat()) {
        const [quote, position] = target.selector;
        expect(cps.slice(position.start, position.end).join('')).toBe(quote.exact);
      }
    }
    expect(offsets.codePointLength).toBeLessThan(document.text.length); // the text does have non-BMP characters
  });

  it('Recogito’s own annotations import: a new highlight with a tag, a comment a Recogito user wrote', () => {
    const map = smallMap();
    const adapter = W3CTextFormat(documentUrn(map.document.id));
    const text = map.document.text;
    const start = text.indexOf('それは誤解だ。');
    const made = viaText(
      adapter.serialize({
        id: 'b6f1c2e0-0000-4000-8000-000000000001',
        bodies: [
          { id: 'b1', annotation: 'b6f1…', purpose: 'tagging', value: 'Rebuttal' },
          { id: 'b2', annotation: 'b6f1…', purpose: 'commenting', value: 'なるほど', creator: { id: 'u:aki', name: 'aki' }, created: new Date('2026-11-28T00:00:00.000Z') },
        ],
        target: { annotation: 'b6f1…', selector: [{ quote: 'それは誤解だ。', start, end: start + 7, range: document.createRange() }] },
      } as never),
    );
    const result = importAnnotated([made], { format: 'recogito', document: map.document, labels: map.labels });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map.units).toEqual([{ id: 'b6f1c2e0-0000-4000-8000-000000000001', label: 'rebuttal', start, end: start + 7, note: '' }]);
    expect(result.value.comments).toEqual([{ id: 'b2', targetKind: 'unit', targetId: 'b6f1c2e0-0000-4000-8000-000000000001', author: 'aki', body: 'なるほど', createdAt: '2026-11-28T00:00:00.000Z' }]);
    expect(result.report.tagLabels).toEqual([{ tag: 'Rebuttal', label: 'rebuttal', units: 1 }]);
  });

  it('tags that name no label wait for a mapping, as in every tagged format', () => {
    const map = smallMap();
    const saved = throughRecogito(map) as unknown as Array<Record<string, any>>;
    saved.find((a) => a.id === 'urn:ronten:unit:small:u5')!.body[0].value = '例';
    const pending = importAnnotated(saved, { format: 'recogito', document: map.document, labels: map.labels });
    expect(pending.ok && pending.report.unknownTags).toEqual([{ tag: '例', units: 1 }]);
    const skipped = importAnnotated(saved, { format: 'recogito', document: map.document, labels: map.labels, labelMap: { 例: SKIP_TAG } });
    expect(skipped.ok && skipped.value.map.units.map((u) => u.id)).not.toContain('u5');
    const mapped = importAnnotated(saved, { format: 'recogito', document: map.document, labels: map.labels, labelMap: { 例: 'claim' } });
    expect(mapped.ok && mapped.value.map).toEqual(map.map);
  });

  it('is told from its content as a bare .json, and has its own file ending', () => {
    const map = smallMap();
    expect(detectFormat('saved.json', formats.recogito.files(map)[0].content)).toBe('recogito');
    expect(detectFormat('x.recogito.json')).toBe('recogito');
  });

  it('our plain W3C export is what Recogito cannot read: its linking annotations name their ends by IRI', () => {
    const file = viaText(serializeW3c(smallMap(), { exportedAt: EXPORTED_AT }));
    const link = file.first!.items.find((a) => a.motivation === 'linking')!;
    expect(() => parseW3CTextAnnotation(link as unknown as W3CTextAnnotation)).toThrow(/styleClass/);
  });
});
