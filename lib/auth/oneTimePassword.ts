// One-time passwords for accounts made from a roster (printed on sign-in slips). SERVER ONLY.
//
// Why not argon2id like chosen passwords: a roster of 2,000 would cost 2,000 argon2id
// derivations (20–60 ms of CPU each: a minute of the worker pool, every sign-in queued behind
// it). Argon2's cost exists to slow down guessing of passwords people choose, which have little
// entropy. A one-time password is chosen by the server: 16 characters of a 31-letter alphabet,
// 79 bits, uniformly random. Guessing that offline from a leaked sha256 takes ~2^78 hashes per
// account — out of reach with or without key stretching — so a salted sha256 is as safe here
// and costs microseconds. The password the student then chooses is hashed with argon2id as usual
// (lib/auth/accounts.ts changePassword), and the one-time hash is gone.
//
// Stored form: `$ronten-otp$v=1$<salt, base64>$<sha256(salt ‖ normalized password), base64>`.
// What the student types is normalized (upper case, spaces and dashes dropped) before hashing,
// so `kmnp-2345…` and `KMNP 2345…` both work.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET } from '@/lib/db/courses';

export const ONE_TIME_PASSWORD_CHARS = 16;
const PREFIX = '$ronten-otp$v=1$';

/// A fresh one-time password, grouped by four for reading off paper: `KMNP-2345-ABCD-EFGH`.
export function newOneTimePassword(): string {
  let chars = '';
  while (chars.length < ONE_TIME_PASSWORD_CHARS) {
    for (const b of randomBytes(32)) {
      // 248 = 8 × 31: rejecting larger bytes keeps every letter equally likely.
      if (b < 248 && chars.length < ONE_TIME_PASSWORD_CHARS) chars += JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length];
    }
  }
  return chars.match(/.{4}/g)!.join('-');
}

function normalize(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[\s-]+/g, '');
}

function digest(salt: Buffer, typed: string): Buffer {
  return createHash('sha256').update(salt).update(normalize(typed), 'utf8').digest();
}

/// The stored form of a one-time password (see the header).
export function hashOneTimePassword(password: string): string {
  const salt = randomBytes(16);
  return `${PREFIX}${salt.toString('base64')}$${digest(salt, password).toString('base64')}`;
}

export function isOneTimeHash(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/// True when `typed` is the one-time password `stored` was made from (constant-time compare).
export function verifyOneTimePassword(typed: string, stored: string): boolean {
  if (!isOneTimeHash(stored)) return false;
  const [salt64, hash64] = stored.slice(PREFIX.length).split('$');
  if (!salt64 || !hash64) return false;
  const expected = Buffer.from(hash64, 'base64');
  const actual = digest(Buffer.from(salt64, 'base64'), typed);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
