import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

/// The nice value of each thread of this process (Linux: /proc/self/task/<tid>/stat, field 19).
function threadNiceValues(): number[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

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

  // Sign-ins must not take the CPU from the class's saves: the hashing thread runs at the lowest
  // priority, the calling thread keeps its own.
  it.runIf(process.platform === 'linux')('hashes on a worker thread at the lowest scheduling priority, leaving this thread at its own', async () => {
    const mine = os.getPriority(0);
    expect(await verifyPassword('correct horse 𠮷野家', await hashPassword('correct horse 𠮷野家'))).toBe(true);
    expect(os.getPriority(0)).toBe(mine);
    expect(mine).toBeLessThan(os.constants.priority.PRIORITY_LOW);
    expect(threadNiceValues()).toContain(os.constants.priority.PRIORITY_LOW);
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
