import { describe, expect, it } from 'vitest';
import { catalog, format, type MessageKey } from '@/lib/i18n/messages';
import { parseNative } from './native';
import { formats } from '.';
import { EXPORTED_AT, smallMap } from './test-fixtures';
import { parseBrat } from './brat';
import { formatErrorCodes, formatErrorKey, wordedAt, wordedFormatError } from './formatErrors';

const ja = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.ja, key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.en, key, params);

const params = { max: 200, min: 8, choices: 'support, attack', detail: 'Unexpected end of JSON input', version: '2', supported: '1', id: 'u1', type: 'support', from: 'u1', to: 'u2', label: 'opinion', expected: 'claim, evidence', field: 'note', problem: 'contains U+0000 (a NUL character)', quote: '"吉野家"', start: 3, end: 9, length: 100, actual: '"ロシア"', shape: 'T1\\t<Label> <start> <end>\\t<text>', format: 'W3C', importable: 'json, w3c', tags: '"opinion"', ref: '"https://example.org"', units: 'u1, u2', nodes: '7, 9', premises: 0, conclusions: 2, count: '20,001', got: '"T9 x"', text: '"x"', span: '0 3', spans: '0 1;2 3', name: 'Negated', ids: 'T42', premise: 'r1', scheme: 'fromAuthority', title: 'Thesis', rule: 'Modus ponens' };

describe('format error codes', () => {
  it.each(formatErrorCodes)('%s is worded in Japanese and English, every placeholder filled', (code) => {
    expect(Object.hasOwn(catalog.ja, formatErrorKey(code))).toBe(true);
    expect(Object.hasOwn(catalog.en, formatErrorKey(code))).toBe(true);
    for (const t of [ja, en]) {
      const worded = wordedFormatError(t, { message: 'ENGLISH', code, params });
      expect(worded).not.toBe('ENGLISH');
      expect(worded).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });

  it('keeps the English message of a problem with no code (or one it does not know)', () => {
    expect(wordedFormatError(ja, { message: 'events have no counterpart' })).toBe('events have no counterpart');
    expect(wordedFormatError(ja, { message: 'x', code: 'constructor' })).toBe('x');
  });

  it.each([
    ['line 7', '7行目', 'line 7'],
    ['(file)', 'ファイル全体', 'the file'],
    ['unit u3', '単位 u3', 'unit u3'],
    ['relation r2', '関係 r2', 'relation r2'],
    ['first.items[4] (relation r2)', 'first.items[4] (関係 r2)', 'first.items[4] (relation r2)'],
    ['AIF.nodes[0] (unit u1)', 'AIF.nodes[0] (単位 u1)', 'AIF.nodes[0] (unit u1)'],
    ['comment c1', 'コメント c1', 'comment c1'],
    ['mainClaim', 'mainClaim', 'mainClaim'],
  ])('where: %s', (at, inJapanese, inEnglish) => {
    expect(wordedAt(ja, at)).toBe(inJapanese);
    expect(wordedAt(en, at)).toBe(inEnglish);
  });
});

describe('readers give codes the dialog words in Japanese', () => {
  it('native: a relation to a missing unit, a self-relation, a changed text', () => {
    const file = JSON.parse(formats.json.files(smallMap(), { exportedAt: EXPORTED_AT })[0].content);
    const [first] = file.units;
    file.relations = [{ id: 'r1', type: 'support', from: [first.id], to: first.id, note: '' }, { id: 'r2', type: 'attack', from: ['u9'], to: first.id, note: '' }];
    file.document.textSha256 = '0'.repeat(64);
    const result = parseNative(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const worded = result.errors.map((e) => `${wordedAt(ja, e.at)}: ${wordedFormatError(ja, e)}`);
    expect(worded).toEqual(expect.arrayContaining(['関係 r1: 単位は自分自身を支持・攻撃できません', '関係 r2: ない単位 u9 を指しています', 'document.textSha256: document.text のハッシュと合いません']));
  });

  it('native: an item that does not fit the schema', () => {
    const file = JSON.parse(formats.json.files(smallMap(), { exportedAt: EXPORTED_AT })[0].content);
    file.units[0].label = 5;
    const result = parseNative(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ code: 'field.invalid', params: { field: 'units.0.label' } });
    expect(wordedFormatError(ja, result.errors[0])).toBe('units.0.labelの値が正しくありません');
  });

  it('brat: a line of the wrong shape, an unknown relation type', () => {
    const result = parseBrat({ txt: 'ロシアの外交。', ann: 'T1\tClaim 0 3\tロシア\nT2\tClaim\nR1\tRefutes Arg1:T1 Arg2:T1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const worded = result.errors.map((e) => `${wordedAt(ja, e.at)}: ${wordedFormatError(ja, e)}`);
    expect(worded).toEqual(expect.arrayContaining([expect.stringMatching(/^2行目: 行の形が違います/), '3行目: 知らない関係の種類「Refutes」です（supports か attacks）']));
  });
});
