import { describe, expect, it } from 'vitest';
import type { ArgumentUnit, Relation } from '@/lib/argument/types';
import { catalog } from '@/lib/i18n/messages';
import { translator, type Locale } from '@/lib/i18n/locale';
import { relationName, schemeName, shortQuote, type NameContext } from './edgeNames';

const text = '主張である。根拠その一。根拠その二。反論である。';
const units: ArgumentUnit[] = [
  { id: 'c', label: 'claim', start: 0, end: 6, note: '' },
  { id: 'a', label: 'evidence', start: 6, end: 12, note: '' },
  { id: 'b', label: 'evidence', start: 12, end: 18, note: '' },
  { id: 'x', label: 'counterargument', start: 18, end: 24, note: '' },
  { id: 'i', label: 'evidence', implicit: true, text: '書かれていない前提。', note: '' },
];
const relations: Relation[] = [
  { id: 'r1', type: 'support', from: ['a', 'i'], to: 'c', scheme: 'consequences', note: '' },
  { id: 'r2', type: 'support', from: ['b'], to: 'c', note: '' },
  { id: 'r3', type: 'attack', from: ['x'], to: 'r1', note: '' },
  { id: 'r4', type: 'attack', from: ['b'], to: 'r3', note: '' },
  { id: 'r5', type: 'attack', from: ['a', 'b'], to: 'x', note: '' },
];
const labelNames: Record<Locale, Record<string, string>> = {
  ja: { claim: '主張', evidence: '根拠', counterargument: '反論' },
  en: { claim: 'Claim', evidence: 'Evidence', counterargument: 'Counterargument' },
};

function names(locale: Locale): Record<string, string> {
  const context: NameContext = {
    t: translator(catalog[locale]),
    locale,
    text,
    units: new Map(units.map((u) => [u.id, u])),
    relations: new Map(relations.map((r) => [r.id, r])),
    labelName: (id) => labelNames[locale][id] ?? id,
  };
  return Object.fromEntries(relations.map((r) => [r.id, relationName(r, context)]));
}

describe('relationName', () => {
  it('says each shape in Japanese', () => {
    expect(names('ja')).toEqual({
      r1: '結合した支持：根拠「根拠その一。」 + 根拠「書かれていない前提。」 → 主張「主張である。」、帰結からの議論',
      r2: '根拠「根拠その二。」が主張「主張である。」を支持',
      r3: '反論「反論である。」が推論（根拠「根拠その一。」 + 根拠「書かれていない前提。」 → 主張「主張である。」）を攻撃',
      r4: '根拠「根拠その二。」が推論（反論「反論である。」 → 推論）を攻撃',
      r5: '結合した攻撃：根拠「根拠その一。」 + 根拠「根拠その二。」 → 反論「反論である。」',
    });
  });

  it('says each shape in English', () => {
    expect(names('en')).toEqual({
      r1: 'Linked support: Evidence “根拠その一。” + Evidence “書かれていない前提。” → Claim “主張である。”, Argument from consequences',
      r2: 'Evidence “根拠その二。” supports Claim “主張である。”',
      r3: 'Counterargument “反論である。” attacks the inference (Evidence “根拠その一。” + Evidence “書かれていない前提。” → Claim “主張である。”)',
      r4: 'Evidence “根拠その二。” attacks the inference (Counterargument “反論である。” → an inference)',
      r5: 'Linked attack: Evidence “根拠その一。” + Evidence “根拠その二。” → Counterargument “反論である。”',
    });
  });
});

describe('schemeName', () => {
  it('is the catalogue name in the locale, or null without a scheme or for one not in the catalogue', () => {
    expect(schemeName(relations[0], 'ja')).toBe('帰結からの議論');
    expect(schemeName(relations[0], 'en')).toBe('Argument from consequences');
    expect(schemeName(relations[1], 'en')).toBeNull();
    expect(schemeName({ ...relations[0], scheme: 'noSuchScheme' }, 'ja')).toBeNull();
  });
});

describe('shortQuote', () => {
  it('keeps short quotes and shortens long ones around an ellipsis, by code point', () => {
    expect(shortQuote('  短い\n引用 ')).toBe('短い 引用');
    expect(shortQuote('一二三四五六七八九十壱弐参', 12)).toBe('一二三四五六…九十壱弐参');
    expect([...shortQuote('𠮷'.repeat(20))].length).toBe(12);
  });
});
