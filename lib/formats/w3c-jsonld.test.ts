// Our W3C export through a real JSON-LD processor (the `jsonld` package, with the W3C context
// served offline from __fixtures__/w3c/anno.jsonld): expansion in safe mode keeps every term,
// and toRDF → fromRDF → frame gives back a file our importer reads as the same map — every
// relation in its direction, numbers returned as strings, labels, main claim and comments.
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAnnotated, serializeW3c } from '.';
import { EXPORTED_AT, loadEssay, makeLargeMap, nonBmpDocument, smallMap } from './test-fixtures';
import type { AnnotatedMap } from './types';
import { W3C_CONTEXT, quoteContext } from './w3c';
import { makeOffsetConverter } from '@/lib/text/offsets';

const annoContext = JSON.parse(fs.readFileSync(path.join(__dirname, '__fixtures__/w3c/anno.jsonld'), 'utf8'));
const documentLoader = async (url: string) => {
  if (url === W3C_CONTEXT || url === 'https://www.w3.org/ns/anno.jsonld') return { contextUrl: undefined, documentUrl: url, document: annoContext };
  throw new Error(`offline: no ${url}`);
};
const viaText = (x: unknown) => JSON.parse(JSON.stringify(x));

/// The export as a triple store would hand it back: N-Quads in an order of the store's own (an
/// RDF graph has none: `order` sorts or reverses the statements), then framed on the collection.
async function throughRdf(file: unknown, order: 'sorted' | 'reversed'): Promise<unknown> {
  const nquads = (await jsonld.toRDF(file as jsonld.JsonLdDocument, { documentLoader, safe: true, format: 'application/n-quads' } as jsonld.Options.ToRdf)) as unknown as string;
  const lines = nquads.split('\n').filter(Boolean).sort();
  if (order === 'reversed') lines.reverse();
  const back = await jsonld.fromRDF(`${lines.join('\n')}\n`, { format: 'application/n-quads' });
  const context = (file as { '@context': unknown })['@context'];
  return jsonld.frame(back, { '@context': context, type: 'AnnotationCollection' } as jsonld.NodeObject, { documentLoader } as jsonld.Options.Frame);
}

let essay: AnnotatedMap;
beforeAll(async () => {
  const loaded = await loadEssay();
  essay = makeLargeMap(loaded.document, loaded.boundaries, { units: 40, relations: 50 });
});

describe('W3C export through JSON-LD', () => {
  it.each([
    ['the small map', () => smallMap()],
    ['the essay with 40 units and 50 relations', () => essay],
    ['a non-BMP text', () => makeLargeMap(nonBmpDocument().document, nonBmpDocument().boundaries, { units: 40, relations: 50, seed: 5 })],
  ])('%s: expands in safe mode, and survives toRDF → fromRDF → frame', async (_name, make) => {
    for (const order of ['sorted', 'reversed'] as const) {
      const map = make();
      const file = viaText(serializeW3c(map, { exportedAt: EXPORTED_AT }));
      // Safe mode throws on any term it would drop and on relative IRIs.
      const expanded = await jsonld.expand(file, { documentLoader, safe: true } as jsonld.Options.Expand);
      expect(JSON.stringify(expanded)).toContain('https://ronten.invalid/ns#mainClaim');

      const framed = await throughRdf(file, order);
      const back = importAnnotated(framed, { format: 'w3c', document: map.document, labels: map.labels });
      if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 3)));
      expect(back.needsAcceptance).toBe(false);
      expect(back.value.map.units).toEqual(map.map.units);
      expect(back.value.map.relations).toEqual(map.map.relations);
      expect(back.value.map.mainClaimId).toBe(map.map.mainClaimId);
      expect([...back.value.comments].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...map.comments].sort((a, b) => a.id.localeCompare(b.id)));
    }
  });

  it('an empty map: a collection with total 0 and no page (a page must have items), and it imports as empty', async () => {
    const map = { ...smallMap(), map: { units: [], relations: [], mainClaimId: null }, comments: [] };
    const file = viaText(serializeW3c(map, { exportedAt: EXPORTED_AT }));
    expect(file.total).toBe(0);
    expect(file.first).toBeUndefined();
    await jsonld.expand(file, { documentLoader, safe: true } as jsonld.Options.Expand);
    const back = importAnnotated(file, { format: 'w3c', document: map.document, labels: map.labels });
    expect(back.ok && back.value.map.units).toEqual([]);
  });

  it('the page has an id, partOf with total, and the collection names it as first and last', () => {
    const file = serializeW3c(smallMap(), { exportedAt: EXPORTED_AT });
    expect(file.first!.id).toMatch(/^urn:ronten:page:/);
    expect(file.first!.partOf).toEqual({ id: file.id, label: file.label, total: file.total });
    expect(file.last).toBe(file.first!.id);
  });
});

describe('files exported before', () => {
  it('the shape before the JSON-LD context declared our terms still imports to the same map', () => {
    const map = smallMap();
    const old = fs.readFileSync(path.join(__dirname, '__fixtures__/w3c/small-before-issue18.anno.jsonld'), 'utf8');
    const back = importAnnotated(old, { format: 'w3c', document: map.document, labels: map.labels });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.needsAcceptance).toBe(false);
    expect(back.value.map).toEqual(map.map);
    expect(back.value.comments).toEqual(map.comments);
  });
});

describe('TextQuoteSelector context', () => {
  it('prefix and suffix are at most 32 UTF-16 units and never split a surrogate pair', () => {
    const text = `${'𩸽'.repeat(40)}主張${'𠮷'.repeat(40)}`;
    const start = text.indexOf('主張');
    const { prefix, suffix } = quoteContext(text, makeOffsetConverter(text), start, start + 2);
    expect(prefix).toBe('𩸽'.repeat(16));
    expect(suffix).toBe('𠮷'.repeat(16));
    const mixed = `a${'𩸽'.repeat(20)}主張`;
    const p = quoteContext(mixed, makeOffsetConverter(mixed), mixed.indexOf('主張'), mixed.length).prefix;
    expect(p.length).toBeLessThanOrEqual(32);
    expect(p).not.toMatch(/^[\udc00-\udfff]/);
  });
});
