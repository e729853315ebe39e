import { describe, expect, it } from 'vitest';
import { catalog, translator, type Locale } from '@/lib/i18n/messages';
import { describeImportReport, type ImportReport } from './report';

const report: ImportReport = {
  offsetUnit: 'codepoint',
  reanchored: { kind: 'otherText', fileSha256: 'a'.repeat(64), textSha256: 'b'.repeat(64) },
  moved: [
    { unitId: 'u1', from: { start: 12, end: 21 }, to: { start: 7, end: 16 }, how: 'exact', similarity: 1, snapped: false },
    { unitId: 'u2', from: null, to: { start: 30, end: 34 }, how: 'fuzzy', similarity: 0.8, snapped: true },
  ],
  unplaced: [{ unitId: 'u3', quote: '本文にない引用', reason: 'quoteNotFound' }],
  unchanged: 5,
  droppedRelations: [{ relationId: 'r1', type: 'support', from: ['u3'], to: 'u1', missing: ['u3'] }],
  mainClaimDropped: 'u3',
  skipped: [{ at: 'A7', message: 'attribute left out' }],
  comments: 2,
  tagLabels: [{ tag: '根拠', label: 'evidence', units: 3 }],
  emptiesMap: { units: 40 },
};

const lines = (locale: Locale) => describeImportReport(report, translator(catalog[locale]));

describe('describeImportReport', () => {
  it('says what happened to every unit and relation, in English for the CLI', () => {
    expect(lines('en')).toEqual([
      're-anchored: the file was made on another version of the text (sha256 aaaaaaaaaaaa…, this document bbbbbbbbbbbb…)',
      'moved unit u1: 12–21 → 7–16 (exact)',
      'moved unit u2: (no offsets) → 30–34 (fuzzy, similarity 0.8, snapped to tokens)',
      'unplaced unit u3: 「本文にない引用」: the quote was not found in the text (no exact or close enough match)',
      'dropped relation r1 (u3 supports u1): unit u3 could not be placed',
      'main claim u3 was not placed: the map has no main claim',
      'left out A7: attribute left out',
      'tag "根拠" read as label evidence (3 units)',
      'the file has no units: importing it empties a map of 40 units',
      'comments imported with the map: 2',
      'units unchanged: 5',
    ]);
  });

  it('says it in Japanese in the Japanese interface, line for line', () => {
    const ja = lines('ja');
    expect(ja).toHaveLength(lines('en').length);
    expect(ja[1]).toBe('単位 u1 を移しました：12–21 → 7–16（完全一致）');
    expect(ja[3]).toBe('単位 u3 は置けません：「本文にない引用」：引用が本文に見つかりません（一致も十分に近いものもありません）');
    // No English left over in the Japanese lines (ids, offsets and the file's own notes aside).
    for (const line of ja.filter((l) => !l.includes('attribute left out'))) expect(line.replace(/u\d|r\d|sha256|[ab]{12}|evidence/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
