import { describe, expect, it } from 'vitest';
import { catalog, format, type MessageKey } from '@/lib/i18n/messages';
import fs from 'node:fs';
import path from 'node:path';
import { notFoundCodes, requestReasonCodes } from '@/lib/net/requestReasons';
import { describeFailure, wordedCodes, wordedError } from './useJsonRequest';

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
    expect(describeFailure(en, 502)).toBe('Could not do that — the server had an error');
    expect(describeFailure(en, 503)).toBe('Could not do that — the server is busy: wait a moment and try again');
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

/// The reason codes the server sends: the shared body checks' and every quoted `area.name`
/// string of an error-code area in the route handlers and the modules whose errors they answer
/// with (lib/auth, lib/db), e.g. `code: 'course.notFound'` or an error class's `'auth.x'`.
function serverCodes(): string[] {
  const codes = new Set<string>([...requestReasonCodes, ...notFoundCodes]);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(file, 'utf8');
        for (const m of source.matchAll(/'((?:auth|account|import|export|course|assignment|comment|labelScheme|map|request|roster|server)\.[A-Za-z]+)'/g)) codes.add(m[1]);
      }
    }
  };
  for (const dir of ['app/api', 'app/_shared', 'lib/auth', 'lib/db', 'lib/server']) walk(path.join(process.cwd(), dir));
  return [...codes].sort();
}

describe('every reason code the server sends is worded in both languages', () => {
  const codes = serverCodes();
  it('finds the codes', () => {
    expect(codes).toEqual(expect.arrayContaining(['notFound.map', 'course.notStudent', 'labelScheme.nameTaken', 'auth.nameTaken', 'auth.signUpClosed', 'account.joinCodeNeeded', 'import.unknownFormat', 'field.tooLong', 'request.tooLarge', 'course.instructorsOnly', 'course.studentsOnly', 'request.crossSite', 'server.busy', 'roster.encoding']));
  });
  it.each(codes)('%s', (code) => {
    expect(wordedCodes).toContain(code);
    const params = { field: 'title', max: 200, min: 8, limit: 1024, choices: 'auto, on, off', name: 'aki', seconds: 60, fileName: 'a.docx', formats: '.json', roles: 'student', title: '論証入門', line: 3, rows: 2000, user: 'aki', first: 2, count: 4, id: 'm1', format: 'docx', n: 2 };
    for (const t of [ja, en]) {
      const worded = wordedError(t, { error: 'ENGLISH FALLBACK', code, params });
      expect(worded).not.toBe('ENGLISH FALLBACK');
      expect(worded).not.toMatch(/\{[a-zA-Z]+\}/);
    }
    // No English sentence in the Japanese (three Latin words in a row).
    expect(wordedError(ja, { error: 'x', code, params })).not.toMatch(/[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/);
  });
});

describe('request reasons name their field in words', () => {
  it.each([
    [ja, { code: 'field.tooLong', params: { field: 'title', max: 200 } }, '題名が長すぎます（最大200字）'],
    [en, { code: 'field.tooLong', params: { field: 'title', max: 200 } }, 'the title is too long (at most 200 characters)'],
    [ja, { code: 'field.empty', params: { field: 'text' } }, '本文が空です'],
    [ja, { code: 'field.unsafeText', params: { field: 'operations.0.unit.note' } }, 'メモに保存できない文字（NUL 文字か、対になっていないサロゲート）があります'],
    [ja, { code: 'field.invalid', params: { field: 'frobnicate' } }, 'frobnicateの値が正しくありません'],
    [en, { code: 'field.invalid', params: { field: '' } }, 'the request is not valid'],
    [ja, { code: 'request.tooLarge', params: { limit: 1048576 } }, '送った内容が大きすぎます（上限 1048576 バイト）'],
  ] as const)('%#', (t, body, expected) => {
    expect(wordedError(t, { error: 'x', ...body })).toBe(expected);
  });
});
