import { describe, expect, it } from 'vitest';
import { catalog, format, type MessageKey } from '@/lib/i18n/messages';
import { describeFailure, wordedError } from './useJsonRequest';

const ja = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.ja, key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.en, key, params);

describe('describeFailure', () => {
  it('says the kind of failure in the UI language, with the server’s message as detail', () => {
    expect(describeFailure(ja, 403, 'only the course’s instructors may do this')).toBe('できませんでした — その操作の権限がありません（only the course’s instructors may do this）');
    expect(describeFailure(en, 409, 'the last admin cannot stop being admin')).toBe('Could not do that — it conflicts with another change (the last admin cannot stop being admin)');
    expect(describeFailure(ja, 423)).toBe('できませんでした — ロックされているため変更できません（提出済みのマップ、アーカイブ済みのコース）');
  });

  it('covers statuses it has no word for, and an unreachable server', () => {
    expect(describeFailure(en, 418)).toBe('Could not do that — the request is not valid');
    expect(describeFailure(en, 503)).toBe('Could not do that — the server had an error');
    expect(describeFailure(ja, null)).toBe('できませんでした — サーバーに接続できません');
  });
});

describe('wordedError', () => {
  it.each([
    ['a code the catalog knows, with its parameters', { error: 'the user name "aki" is taken', code: 'auth.nameTaken', params: { name: 'aki' } }, 'ユーザー名「aki」はもう使われています'],
    ['numbers as parameters', { error: 'x', code: 'account.nameLength', params: { min: 3, max: 40 } }, 'ユーザー名は3〜40文字にしてください'],
    ['the import route', { error: 'x', code: 'import.unknownFormat', params: { fileName: 'a.docx', formats: '.json' } }, 'a.docx の形式がわかりません（読み込めるもの: .json）'],
    ['an unknown code: the server’s message', { error: 'something new', code: 'brand.new' }, 'something new'],
    ['a code that is an object key', { error: 'proto', code: 'constructor' }, 'proto'],
    ['no code', { error: 'plain' }, 'plain'],
    ['nothing', {}, null],
  ])('%s', (_, body, expected) => {
    expect(wordedError(ja, body)).toBe(expected);
  });

  it('words the same code in English', () => {
    expect(wordedError(en, { error: 'x', code: 'auth.rateLimited', params: { seconds: 60 } })).toBe('too many failed sign-ins: try again in 60 seconds');
  });
});
