import { describe, expect, it } from 'vitest';
import { catalog, format, negotiateLocale } from './messages';

describe('message catalog', () => {
  it('has the same keys and no empty strings in every locale', () => {
    const jaKeys = Object.keys(catalog.ja).sort();
    expect(Object.keys(catalog.en).sort()).toEqual(jaKeys);
    for (const messages of Object.values(catalog)) {
      for (const value of Object.values(messages)) expect(value.trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(catalog.en, 'document.stats', { chars: 10, tokens: 4 })).toBe('10 characters · 4 morphemes');
    expect(format(catalog.ja, 'documents.lengthValue', {})).toBe('{n}字');
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'ja-JP,ja;q=0.9,en;q=0.8', 'ja'],
    [undefined, 'fr-FR,en;q=0.5,ja;q=0.7', 'ja'],
    [undefined, 'de', 'ja'],
    [undefined, '', 'ja'],
    [undefined, null, 'ja'],
    ['en', 'ja', 'en'],
    ['xx', 'en', 'en'],
  ] as const)('choice %s, Accept-Language %s → %s', (choice, header, expected) => {
    expect(negotiateLocale(choice, header)).toBe(expected);
  });
});
