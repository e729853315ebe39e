import { describe, expect, it } from 'vitest';
import { schemes, type ArgumentMap } from '@/lib/argument';
import { LIMITS } from '@/lib/argument/limits';
import { answerChange, describeRelation, implicitTextProblem, schemeOptions, unstatedPremiseLabel } from './relationView';

const text = '主張です。根拠です。補足です。しかし例外がある。';
const map: ArgumentMap = {
  units: [
    { id: 'c', label: 'claim', start: 0, end: 5, note: '' },
    { id: 'e', label: 'evidence', start: 5, end: 10, note: '' },
    { id: 'f', label: 'evidence', start: 10, end: 15, note: '' },
    { id: 'x', label: 'counterargument', start: 15, end: 24, note: '' },
    { id: 'i', label: 'evidence', implicit: true, text: '原因があれば結果が生じる', note: '' },
  ],
  relations: [
    { id: 'r1', type: 'support', from: ['f', 'i', 'e'], to: 'c', scheme: 'causeToEffect', criticalQuestions: [{ id: 'interference', answer: 'ない' }], note: 'なぜ' },
    { id: 'r2', type: 'attack', from: ['x'], to: 'r1', note: '' },
    { id: 'r3', type: 'attack', from: ['e'], to: 'r2', note: '' },
  ],
  mainClaimId: 'c',
};

describe('describeRelation', () => {
  it('lists the premises in their order, quoted, the implicit one marked, and the target unit', () => {
    const d = describeRelation(map, 'r1', text, 'ja')!;
    expect(d.type).toBe('support');
    expect(d.premises).toEqual([
      { id: 'f', label: 'evidence', quote: '補足です。', implicit: false },
      { id: 'i', label: 'evidence', quote: '原因があれば結果が生じる', implicit: true },
      { id: 'e', label: 'evidence', quote: '根拠です。', implicit: false },
    ]);
    expect(d.target).toEqual({ kind: 'unit', unit: { id: 'c', label: 'claim', quote: '主張です。', implicit: false } });
  });

  it('gives the scheme’s questions in the catalogue’s order with their answers, and counts the open ones', () => {
    const d = describeRelation(map, 'r1', text, 'ja')!;
    expect(d.schemeName).toBe('原因から結果への議論');
    expect(d.questions.map((q) => [q.id, q.answer])).toEqual([
      ['strength', null],
      ['evidence', null],
      ['interference', 'ない'],
    ]);
    expect(d.questions[0].question).toBe('その因果関係はどれほど強いか（そもそも成り立つか）。');
    expect(d.open).toBe(2);
    const en = describeRelation(map, 'r1', text, 'en')!;
    expect(en.schemeName).toBe('Argument from cause to effect');
    expect(en.questions[2].question).toBe('Are there other factors that would interfere with or counteract the effect in this case?');
  });

  it('names an undercutter’s target as the inference it attacks, and one aimed at an undercutter as another inference', () => {
    const d = describeRelation(map, 'r2', text, 'ja')!;
    expect(d.target).toMatchObject({ kind: 'inference', id: 'r1', from: [{ id: 'f' }, { id: 'i', implicit: true }, { id: 'e' }], to: { id: 'c', quote: '主張です。' } });
    expect(d.schemeName).toBeNull();
    expect(d.questions).toEqual([]);
    expect(describeRelation(map, 'r3', text, 'ja')!.target).toMatchObject({ kind: 'inference', id: 'r2', from: [{ id: 'x' }], to: null });
  });

  it('answers null for a relation that is not there', () => {
    expect(describeRelation(map, 'gone', text, 'ja')).toBeNull();
  });
});

describe('schemeOptions', () => {
  it('offers every scheme of the catalogue, named in the locale', () => {
    expect(schemeOptions('en').map((o) => o.id)).toEqual(schemes.map((s) => s.id));
    expect(schemeOptions('ja').find((o) => o.id === 'expertOpinion')!.name).toBe('専門家の意見からの議論');
    expect(schemeOptions('en').find((o) => o.id === 'expertOpinion')!.name).toBe('Argument from expert opinion');
  });
});

describe('answerChange', () => {
  it.each([
    [null, '  ロシアの例だけ ', 'ロシアの例だけ'],
    ['前の答え', '新しい答え', '新しい答え'],
    ['同じ', ' 同じ\n', undefined],
    ['消す', '   ', null],
    [null, '', undefined],
  ] as const)('saved %j, draft %j → %j', (saved, draft, expected) => {
    expect(answerChange(saved, draft)).toBe(expected);
  });
});

describe('unstatedPremiseLabel', () => {
  const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
  it('gives a support’s unstated premise the evidence-like label (the scheme’s second)', () => {
    expect(unstatedPremiseLabel({ type: 'support', from: ['c'] }, map, labels)).toBe('evidence');
    expect(unstatedPremiseLabel({ type: 'support', from: ['e'] }, map, ['主張', '理由'])).toBe('理由');
  });

  it('gives an attack’s the label of its first premise, when the scheme has it', () => {
    expect(unstatedPremiseLabel({ type: 'attack', from: ['x'] }, map, labels)).toBe('counterargument');
    expect(unstatedPremiseLabel({ type: 'attack', from: ['x'] }, map, ['claim', 'evidence'])).toBe('evidence');
  });

  it('falls back to the only label of a one-label scheme', () => {
    expect(unstatedPremiseLabel({ type: 'support', from: ['e'] }, map, ['point'])).toBe('point');
  });
});

describe('implicitTextProblem', () => {
  it('refuses an empty or blank text and one past the limit, with the model’s code', () => {
    expect(implicitTextProblem('')).toBe('emptyImplicitText');
    expect(implicitTextProblem(' \n　')).toBe('emptyImplicitText');
    expect(implicitTextProblem('あ'.repeat(LIMITS.implicitTextChars + 1))).toBe('implicitTextTooLong');
    expect(implicitTextProblem(` ${'あ'.repeat(LIMITS.implicitTextChars)} `)).toBeNull();
    expect(implicitTextProblem('前提')).toBeNull();
  });
});
