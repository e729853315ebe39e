// Roster files: encodings (BOM, UTF-16, Shift_JIS converted, garbage refused), header or not,
// per-line problems (empty, over-long, duplicate, bad user names), the row limit; one-time
// passwords; and importRoster on SQLite and PostgreSQL — all or none, names taken, 2,000 rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCourse, findCredentials, listMembers, type Db } from '@/lib/db';
import { insertUsers, testBackends, useTestDb } from '@/lib/db/test-support';
import { hashOneTimePassword, newOneTimePassword, verifyOneTimePassword } from './oneTimePassword';
import { importRoster, parseRoster, ROSTER_MAX_ROWS } from './roster';
import { signIn } from './accounts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ok = (bytes: Uint8Array) => {
  const parsed = parseRoster(bytes, 'pfx1');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed;
};
const problems = (bytes: Uint8Array) => {
  const parsed = parseRoster(bytes, 'pfx1');
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map((p) => [p.line, p.code]);
};

describe('parseRoster', () => {
  it('reads names only, with made-up user names, skipping blank lines and a BOM', () => {
    const parsed = ok(utf8('\ufeff山田 太郎\r\n\r\n"佐藤, 花子"\n𠮷田 一郎\n'));
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.rows.map((r) => [r.line, r.name, r.displayName])).toEqual([
      [1, 'pfx1-001', '山田 太郎'],
      [3, 'pfx1-002', '佐藤, 花子'],
      [4, 'pfx1-003', '𠮷田 一郎'],
    ]);
  });

  it('reads a header in either language, and user name + name without one', () => {
    expect(ok(utf8('氏名,学籍番号\n山田,S001\n')).rows).toEqual([{ line: 2, name: 's001', displayName: '山田', generatedName: false }]);
    expect(ok(utf8('s002,佐藤\n')).rows[0]).toMatchObject({ name: 's002', displayName: '佐藤' });
  });

  it('converts Shift_JIS and UTF-16 (with BOM), and refuses bytes that are neither', () => {
    const sjis = new Uint8Array([...utf8('S003,'), 0x8e, 0x52, 0x93, 0x63, 0x0a]); // S003,山田 (山 = 8E 52, 田 = 93 63)
    expect(ok(sjis)).toMatchObject({ encoding: 'shift_jis', rows: [{ name: 's003', displayName: '山田' }] });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('山田\r\n', 'utf16le')]);
    expect(ok(utf16)).toMatchObject({ encoding: 'utf-16', rows: [{ displayName: '山田' }] });
    expect(problems(new Uint8Array([0x82, 0xff, 0xfe, 0x0a]))).toEqual([[0, 'roster.encoding']]);
  });

  it('names every problem by its line, and writes nothing', () => {
    const long = 'あ'.repeat(81);
    const text = ['user,name', 'ok-1,良い', 'ok-2,', `ok-3,${long}`, 'OK-1,重複', 'x,短い', 'bad name,空白', 'ok-4,"開いた', ''].join('\n');
    expect(problems(utf8(text))).toEqual([[8, 'roster.csv']]);
    const closed = ['user,name', 'ok-1,良い', 'ok-2,', `ok-3,${long}`, 'OK-1,重複', 'x,短い', 'bad name,空白'].join('\n');
    expect(problems(utf8(closed))).toEqual([
      [3, 'roster.emptyName'],
      [4, 'roster.nameTooLong'],
      [5, 'roster.duplicateUserName'],
      [6, 'account.nameLength'],
      [7, 'account.nameChars'],
    ]);
    expect(problems(utf8('山田\n佐藤\n山田\n'))).toEqual([[3, 'roster.duplicateName']]);
    expect(problems(utf8('\n\n'))).toEqual([[0, 'roster.empty']]);
    expect(problems(utf8('name\n'))).toEqual([[0, 'roster.empty']]);
    expect(problems(utf8('a\u0000b\n'))).toEqual([[1, 'roster.unsafeText']]);
    expect(problems(utf8(Array.from({ length: ROSTER_MAX_ROWS + 1 }, (_, i) => `学生${i}`).join('\n')))).toEqual([[0, 'roster.tooManyRows']]);
  });
});

describe('one-time passwords', () => {
  it('are 16 letters of the unambiguous alphabet, verified however they are typed, and only by their own hash', () => {
    const otp = newOneTimePassword();
    expect(otp).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    const stored = hashOneTimePassword(otp);
    expect(verifyOneTimePassword(otp, stored)).toBe(true);
    expect(verifyOneTimePassword(otp.toLowerCase().replace(/-/g, ' '), stored)).toBe(true);
    expect(verifyOneTimePassword(newOneTimePassword(), stored)).toBe(false);
    expect(verifyOneTimePassword(otp, hashOneTimePassword(otp))).toBe(true);
    expect(hashOneTimePassword(otp)).not.toBe(stored); // salted
    expect(verifyOneTimePassword(otp, '$argon2id$v=19$m=19456,t=2,p=1$abc$def')).toBe(false);
  });
});

describe.each(testBackends())('importRoster on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let courseId: string;
  beforeAll(async () => {
    db = t.db;
    const { sensei } = await insertUsers(db, ['sensei', 'taken'], 'instructor');
    courseId = (await createCourse(db, sensei, '名簿の授業')).id;
  });

  it('imports 2,000 names in one go; a slip’s password signs in once, to a forced change', async () => {
    const names = Array.from({ length: ROSTER_MAX_ROWS }, (_, i) => `学生 ${i + 1}`).join('\r\n');
    const result = await importRoster(db, courseId, utf8(`\ufeff氏名\r\n${names}\r\n`));
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result.slips).toHaveLength(ROSTER_MAX_ROWS);
    expect(new Set(result.slips.map((s) => s.name)).size).toBe(ROSTER_MAX_ROWS);
    expect((await listMembers(db, courseId)).filter((m) => m.role === 'student')).toHaveLength(ROSTER_MAX_ROWS);
    const slip = result.slips[41];
    const signedIn = await signIn(db, { name: slip.name, password: slip.oneTimePassword, clientKey: 'test' });
    expect(signedIn.user).toMatchObject({ displayName: '学生 42', mustChangePassword: true });
  }, 60_000);

  it('refuses a roster naming an existing account, with its line, and makes none of it', async () => {
    const result = await importRoster(db, courseId, utf8('user,name\nnew-one,新人\ntaken,重なり\n'));
    expect(result).toMatchObject({ ok: false, problems: [{ line: 3, code: 'roster.nameTaken', params: { name: 'taken' } }] });
    expect(await findCredentials(db, 'new-one')).toBeNull();
  });
});
