// Every importable format (Argdown through importAnnotated: it needs the document) gives back exactly the map it was given: every unit (id, label, span,
// note), every relation (id, type, ends, note), the main claim — on the essay with a large map
// (overlapping and nested units, units across paragraph breaks, notes with tabs, line breaks,
// quotes and commas) and on a text full of characters outside the BMP. Exported offsets are code
// points: slicing the text's code points at them gives the quote, in every format.
import { beforeAll, describe, expect, it } from 'vitest';
import { formats, importAnnotated, parseAif, parseBrat, parseNative, parseRecogito, parseW3c, serializeAif, serializeBrat, serializeNative, serializeRecogito, serializeW3c, type FormatId } from '.';
import { EXPORTED_AT, loadEssay, makeLargeMap, nonBmpDocument } from './test-fixtures';
import type { AnnotatedMap, ParseResult } from './types';
import { textUnits } from '@/lib/argument/types';

let essay: AnnotatedMap;
let essayBoundaries: number[];
let nonBmp: AnnotatedMap;
let nonBmpBoundaries: number[];

beforeAll(async () => {
  const loaded = await loadEssay();
  essayBoundaries = loaded.boundaries;
  essay = makeLargeMap(loaded.document, loaded.boundaries, { units: 300, relations: 400 });
  const other = nonBmpDocument();
  nonBmpBoundaries = other.boundaries;
  nonBmp = makeLargeMap(other.document, other.boundaries, { units: 150, relations: 200, seed: 99 });
});

const viaText = (x: unknown) => JSON.parse(JSON.stringify(x));

const roundTrips: Array<[FormatId, (m: AnnotatedMap) => ParseResult<AnnotatedMap>, boolean]> = [
  ['json', (m) => parseNative(viaText(serializeNative(m, { exportedAt: EXPORTED_AT }))), true],
  ['w3c', (m) => parseW3c(viaText(serializeW3c(m, { exportedAt: EXPORTED_AT })), { document: m.document }), true],
  ['aif', (m) => parseAif(viaText(serializeAif(m, { exportedAt: EXPORTED_AT }))), true],
  ['brat', (m) => parseBrat(serializeBrat(m), { document: m.document, labels: m.labels }), true],
  ['recogito', (m) => parseRecogito(viaText(serializeRecogito(m)), { document: m.document, labels: m.labels }), true],
];

describe.each([
  ['the essay with 300 units and 400 relations', () => ({ map: essay, boundaries: essayBoundaries })],
  ['a non-BMP text', () => ({ map: nonBmp, boundaries: nonBmpBoundaries })],
])('round trip on %s', (_name, fixture) => {
  it('the fixture is what the test means: overlaps, nesting, paragraph breaks, tricky notes', () => {
    const { map } = fixture();
    const units = textUnits(map.map.units);
    const text = map.document.text;
    expect(units.length).toBeGreaterThanOrEqual(150);
    expect(units.some((u) => text.slice(u.start, u.end).includes('\n'))).toBe(true);
    expect(units.some((a) => units.some((b) => a !== b && a.start < b.start && b.start < a.end && a.end < b.end))).toBe(true); // crossing
    expect(units.some((a) => units.some((b) => a !== b && a.start <= b.start && b.end <= a.end && (a.start < b.start || b.end < a.end)))).toBe(true); // nested
    expect(units.some((a) => units.some((b) => a !== b && a.start === b.start && a.end === b.end))).toBe(true); // same span
    expect(units.some((u) => /[\t\n",]/.test(u.note))).toBe(true);
  });

  it.each(roundTrips)('%s: every unit and relation survives with exact offsets', (_format, roundTrip, keepsComments) => {
    const { map } = fixture();
    const back = roundTrip(map);
    if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 5)));
    expect(back.value.map.units).toEqual(map.map.units);
    expect(back.value.map.relations).toEqual(map.map.relations);
    expect(back.value.map.mainClaimId).toBe(map.map.mainClaimId);
    const byId = (cs: AnnotatedMap['comments']) => [...cs].sort((a, b) => (a.id < b.id ? -1 : 1));
    if (keepsComments) expect(byId(back.value.comments)).toEqual(byId(map.comments));
  });

  it.each(['json', 'w3c', 'aif', 'brat', 'recogito', 'argdown'] as const)('%s: importAnnotated on the same text places everything where it was, no acceptance needed', (format) => {
    const { map, boundaries } = fixture();
    const files = formats[format].files(map, { exportedAt: EXPORTED_AT });
    const input = format === 'brat' ? { txt: files[0].content, ann: files[1].content } : files[0].content;
    const result = importAnnotated(input, { format, document: map.document, labels: map.labels, boundaries });
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.needsAcceptance).toBe(false);
    expect(result.report).toMatchObject({ moved: [], unplaced: [], droppedRelations: [], skipped: [], reanchored: null, unchanged: map.map.units.length });
    expect(result.value.map).toEqual(map.map);
  });

  it('exported offsets are code points that slice to the quote in every format', () => {
    const { map } = fixture();
    const cps = Array.from(map.document.text);
    const slice = (s: number, e: number) => cps.slice(s, e).join('');
    const native = serializeNative(map);
    expect(native.offsetUnit).toBe('codepoint');
    for (const u of native.units) if ('quote' in u) expect(slice(u.start, u.end)).toBe(u.quote);
    const w3c = serializeW3c(map);
    expect(w3c['ronten:offsetUnit']).toBe('codepoint');
    for (const a of w3c.first!.items) {
      if (a.motivation !== 'tagging') continue;
      const [quote, position] = a.target.selector!;
      expect(slice(position.start, position.end)).toBe(quote.exact);
      expect(slice(position.start - [...quote.prefix].length, position.start)).toBe(quote.prefix);
      expect(slice(position.end, position.end + [...quote.suffix].length)).toBe(quote.suffix);
      expect([...quote.prefix].length).toBeLessThanOrEqual(32);
    }
    const aif = serializeAif(map);
    expect(aif.ronten.offsetUnit).toBe('codepoint');
    for (const n of aif.AIF.nodes) if (n.type === 'I' && n.ronten && 'start' in n.ronten) expect(slice(n.ronten.start, n.ronten.end)).toBe(n.text);
    const { ann } = serializeBrat(map);
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [, data, text] = line.split('\t');
      const fragments = data.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
      expect(fragments.map(([s, e]) => slice(s, e)).join(' ')).toBe(text);
      for (const [s, e] of fragments) expect(slice(s, e)).not.toMatch(/\n/);
    }
  });
});

describe('W3C reads what other tools write', () => {
  it('anchors by quote when there is no TextPositionSelector (Recogito/Hypothesis style, single body and selector)', () => {
    const text = essay.document.text;
    const fifth = textUnits(essay.map.units)[5];
    const quote = text.slice(fifth.start, fifth.end);
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/abc123',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'Evidence' },
      target: { source: 'https://example.org/essay', selector: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(fifth.start - 10, fifth.start) } },
    };
    const parsed = parseW3c(file, { document: essay.document });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.map.units).toEqual([{ id: 'https://hypothes.is/a/abc123', label: 'evidence', start: fifth.start, end: fifth.end, note: '' }]);
  });

  it('skips annotations on the whole document and says so', () => {
    const result = importAnnotated(
      [{ type: 'Annotation', id: 'page-note', motivation: 'commenting', body: 'about everything', target: 'https://example.org/essay' }],
      { format: 'w3c', document: essay.document, labels: essay.labels },
    );
    expect(result.ok && result.needsAcceptance).toBe(true);
    expect(result.ok && result.report.skipped[0]).toMatchObject({ at: '[0]', message: expect.stringMatching(/whole document/) });
  });
});
