// The worded agreement in both languages, for the counts the issue names.
import { describe, expect, it } from 'vitest';
import { catalog } from '@/lib/i18n/messages';
import { translator } from '@/lib/i18n/locale';
import type { TeacherSummary } from '@/lib/agreement/teacher';
import { foundNumbers, foundSentence } from './foundWords';

const s: TeacherSummary = { referenceUnits: 9, found: 7, boundariesDiffer: 2, labelDiffers: 1, meanDice: 0.8333, referenceRelations: 5, relationsFound: 3, relationsPartlyFound: 0, referenceImplicitUnits: 0, implicitUnitsFound: 0, mainClaimFound: true };

describe('foundSentence', () => {
  it('says what was found in English and Japanese', () => {
    const en = translator(catalog.en);
    const ja = translator(catalog.ja);
    expect(foundSentence(en, s)).toBe('Found 7 of 9 reference units; 2 boundaries differ; 1 labelled differently.');
    expect(foundSentence(en, s, true)).toBe('Found 7 of 9 reference units; 2 boundaries differ; 1 labelled differently; found 3 of 5 reference relations; main claim found.');
    expect(foundSentence(ja, s, true)).toBe('基準の論証単位 9 個のうち 7 個を見つけた（2 個は範囲の取り方が異なる、1 個はラベルが異なる）。基準の関係 5 本のうち 3 本を見つけた。中心となる主張を見つけた。');
    expect(foundNumbers(en, s)).toBe('78% found · mean word overlap (Dice) 0.83');
  });

  it('leaves out what does not differ, and says one boundary in the singular', () => {
    const en = translator(catalog.en);
    expect(foundSentence(en, { ...s, found: 9, boundariesDiffer: 1, labelDiffers: 0, mainClaimFound: null }, true)).toBe('Found 9 of 9 reference units; 1 boundary differs; found 3 of 5 reference relations.');
    expect(foundNumbers(en, { ...s, referenceUnits: 0, found: 0, meanDice: null })).toBe('100% found · mean word overlap (Dice) —');
  });

  it('says relations found with only some of their premises apart (a linked argument in part)', () => {
    const partly = { ...s, relationsPartlyFound: 1, mainClaimFound: null };
    expect(foundSentence(translator(catalog.en), partly, true)).toBe(
      'Found 7 of 9 reference units; 2 boundaries differ; 1 labelled differently; found 3 of 5 reference relations (and 1 with only some of their premises).',
    );
    expect(foundSentence(translator(catalog.ja), partly, true)).toBe(
      '基準の論証単位 9 個のうち 7 個を見つけた（2 個は範囲の取り方が異なる、1 個はラベルが異なる）。基準の関係 5 本のうち 3 本を見つけた（ほかに 1 本は前提の一部だけ一致）。',
    );
  });

  it("says how many of the reference's unstated premises the student reconstructed, when it has any", () => {
    const implicit = { ...s, referenceImplicitUnits: 2, implicitUnitsFound: 1 };
    expect(foundSentence(translator(catalog.en), implicit, true)).toBe(
      'Found 7 of 9 reference units; 2 boundaries differ; 1 labelled differently; found 3 of 5 reference relations; found 1 of 2 unstated premises of the reference; main claim found.',
    );
    expect(foundSentence(translator(catalog.ja), implicit, true)).toBe(
      '基準の論証単位 9 個のうち 7 個を見つけた（2 個は範囲の取り方が異なる、1 個はラベルが異なる）。基準の関係 5 本のうち 3 本を見つけた。基準の書かれていない前提 2 個のうち 1 個を見つけた。中心となる主張を見つけた。',
    );
    // Not in the short sentence (the dashboard's cell).
    expect(foundSentence(translator(catalog.en), implicit)).not.toContain('unstated');
  });
});
