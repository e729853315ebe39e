// Hypothesis both ways: its export file (and a bare array of its annotations) imports with labels
// from tags — by name or by the user's mapping, listed in the report for confirmation — notes from
// text and replies as comments; our export has the shape Hypothesis's importer reads
// (hypothesis/client src/sidebar/helpers/import.ts: an object with an `annotations` array, each
// with target, tags, text, uri, document) and comes back with its units, labels and main claim.
import { describe, expect, it } from 'vitest';
import { detectFormat, importAnnotated, serializeHypothesis } from '.';
import { EXPORTED_AT, smallMap } from './test-fixtures';
import { textUnits } from '@/lib/argument/types';

const map = smallMap();
const text = map.document.text;
const quoteSelector = (exact: string) => ({ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' });
const annotation = (id: string, exact: string, tags: string[], note = '') => ({
  id,
  created: '2026-11-20T09:00:00.000Z',
  updated: '2026-11-20T09:00:00.000Z',
  user: 'acct:hanako@hypothes.is',
  uri: 'https://example.org/essay',
  document: { title: 'essay' },
  tags,
  text: note,
  group: '__world__',
  hidden: false,
  permissions: { read: ['group:__world__'], update: [], delete: [] },
  links: {},
  target: [{ source: 'https://example.org/essay', selector: [{ type: 'TextPositionSelector', start: 999, end: 1010 }, quoteSelector(exact)] }],
});
const hypothesisExport = {
  export_date: '2026-11-20T10:00:00.000Z',
  export_userid: 'acct:hanako@hypothes.is',
  client_version: '1.1600.0',
  annotations: [
    annotation('h1', '𠮷野家の𩸽は安い。', ['根拠', 'essay'], 'a **note**'),
    annotation('h2', '皆が食べる。', ['my-claim']),
    annotation('h3', 'それは誤解だ。', ['unrelated']),
    { ...annotation('h4', '', []), references: ['h1'], text: 'a reply', target: [{ source: 'https://example.org/essay' }] },
  ],
};
const options = { format: 'hypothesis' as const, document: map.document, labels: map.labels };

describe('Hypothesis import', () => {
  it('its export file imports: tags to labels (by name, by mapping), text as notes, replies as comments, all listed for confirmation; a unit whose tags name no label waits for a mapping', () => {
    const result = importAnnotated(JSON.stringify(hypothesisExport), { ...options, labelMap: { 'my-claim': 'claim' } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const units = textUnits(result.value.map.units).map((u) => [u.id, u.label, text.slice(u.start, u.end), u.note]);
    expect(units).toEqual([
      ['h1', 'evidence', '𠮷野家の𩸽は安い。', 'a **note**'],
      ['h2', 'claim', '皆が食べる。', ''],
    ]);
    expect(result.value.comments).toEqual([{ id: 'h4', targetKind: 'unit', targetId: 'h1', author: 'hanako@hypothes.is', body: 'a reply', createdAt: '2026-11-20T09:00:00.000Z' }]);
    expect(result.needsAcceptance).toBe(true);
    expect(result.report.tagLabels).toEqual([
      { tag: '根拠', label: 'evidence', units: 1 },
      { tag: 'my-claim', label: 'claim', units: 1 },
    ]);
    expect(result.report.unknownTags).toEqual([{ tag: 'unrelated', units: 1 }]);
    const mapped = importAnnotated(JSON.stringify(hypothesisExport), { ...options, labelMap: { 'my-claim': 'claim', unrelated: 'rebuttal' } });
    expect(mapped.ok && mapped.value.map.units.map((u) => [u.id, u.label])).toEqual([['h1', 'evidence'], ['h2', 'claim'], ['h3', 'rebuttal']]);
  });

  it('an annotation without tags gets the first label, said in the report', () => {
    const result = importAnnotated([annotation('h9', '皆が食べる。', [])], options);
    expect(result.ok && result.value.map.units.map((u) => u.label)).toEqual(['claim']);
    expect(result.ok && result.report.skipped).toEqual([{ at: '[0]', message: 'no tags: labelled claim', code: 'untagged', params: { label: 'claim' } }]);
  });

  it('a bare array of its annotations imports the same way, and a .json of either is recognized', () => {
    const result = importAnnotated(hypothesisExport.annotations, { ...options, labelMap: { 'my-claim': 'claim', unrelated: 'claim' } });
    expect(result.ok && result.value.map.units.map((u) => u.label)).toEqual(['evidence', 'claim', 'claim']);
    expect(detectFormat('export.json', JSON.stringify(hypothesisExport))).toBe('hypothesis');
  });
});

describe('Hypothesis export', () => {
  it('has the shape Hypothesis imports, and comes back with units, labels, notes and main claim', () => {
    const file = serializeHypothesis(map, { exportedAt: EXPORTED_AT });
    expect(Array.isArray(file.annotations)).toBe(true);
    for (const a of file.annotations) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['target', 'tags', 'text', 'uri', 'document']));
      const position = a.target[0].selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
      const quote = a.target[0].selector.find((s) => s.type === 'TextQuoteSelector') as { exact: string };
      expect(text.slice(position.start, position.end)).toBe(quote.exact); // UTF-16, as Hypothesis counts
    }
    const back = importAnnotated(JSON.stringify(file), options);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.map.units).toEqual(map.map.units);
    expect(back.value.map.mainClaimId).toBe(map.map.mainClaimId);
  });
});
