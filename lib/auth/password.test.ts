import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing (argon2id)', () => {
  it('round-trips, refuses a wrong password and writes a PHC string with a fresh salt', async () => {
    const password = 'correct horse 𠮷野家';
    const [a, b] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b); // random 16-byte salt
    expect(await verifyPassword(password, a)).toBe(true);
    expect(await verifyPassword(password, b)).toBe(true);
    expect(await verifyPassword('correct horse 𠮷野屋', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('normalizes to NFC: a decomposed が matches a composed one', async () => {
    const hash = await hashPassword('パスワードが長い');
    expect(await verifyPassword('パスワードが長い'.normalize('NFD'), hash)).toBe(true);
  });

  it.each(['', 'not a hash', '$argon2i$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '$argon2id$v=19$m=99999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'])(
    'treats a malformed or unacceptable hash %j as a mismatch',
    async (phc) => {
      expect(await verifyPassword('whatever1', phc)).toBe(false);
    },
  );

  it.each([
    ['1234567', /at least 8/],
    ['12345678', null],
    ['𠮷'.repeat(8), null], // characters, not UTF-16 units
    ['a'.repeat(200), null],
    ['a'.repeat(201), /at most 200/],
  ])('policy for %j', (password, problem) => {
    const got = passwordProblem(password);
    if (problem === null) expect(got).toBeNull();
    else expect(got?.message).toMatch(problem);
  });
});
