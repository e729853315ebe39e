// Password hashing: argon2id (hash-wasm, pure WebAssembly — nothing is compiled or downloaded
// at install time) with OWASP's minimum parameters, stored as a PHC string:
//
//   $argon2id$v=19$m=19456,t=2,p=1$<salt, base64 without padding>$<hash, base64 without padding>
//
// SERVER AND CLI ONLY. Not `import 'server-only'`, because that package throws under plain Node
// (vitest, the tsx CLI); nothing client-side may import lib/auth.
//
// Invariants: every hash has its own random 16-byte salt; verification re-derives with the
// parameters stored in the hash (so they can be raised later without invalidating old hashes)
// and compares in constant time; passwords are NFC-normalized first, so the same password
// typed through different input methods matches. Hashing runs on the worker pool
// (lib/server/workerPool: 20–60 ms of CPU each, at most a core's worth at once), never on the
// event loop; argon2Hash/argon2Verify are what the workers run.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import type { Problem } from './errors';
import { runTask } from '@/lib/server/workerPool';

/// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
export const ARGON2_PARAMS = { memorySize: 19 * 1024, iterations: 2, parallelism: 1, hashLength: 32 } as const;
const SALT_BYTES = 16;

export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_MAX_CHARS = 200;

/// Why a password is refused, or null when it is acceptable. Lengths count characters
/// (code points), not UTF-16 units: 𠮷 is one character.
export function passwordProblem(password: string): Problem | null {
  const chars = [...password.normalize('NFC')].length;
  if (chars < PASSWORD_MIN_CHARS) return { code: 'account.passwordShort', params: { min: PASSWORD_MIN_CHARS }, message: `the password must have at least ${PASSWORD_MIN_CHARS} characters` };
  if (chars > PASSWORD_MAX_CHARS) return { code: 'account.passwordLong', params: { max: PASSWORD_MAX_CHARS }, message: `the password must have at most ${PASSWORD_MAX_CHARS} characters` };
  return null;
}

/// The PHC string of a new hash of `password` (on the worker pool).
export function hashPassword(password: string): Promise<string> {
  return runTask('hashPassword', password);
}

/// True when `password` matches `phc` (on the worker pool). A malformed or foreign hash is
/// simply a mismatch.
export function verifyPassword(password: string, phc: string): Promise<boolean> {
  return runTask('verifyPassword', { password, phc });
}

/// hashPassword's work, on the calling thread.
export async function argon2Hash(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await argon2id({ password: password.normalize('NFC'), salt, ...ARGON2_PARAMS, outputType: 'binary' });
  const { memorySize: m, iterations: t, parallelism: p } = ARGON2_PARAMS;
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(hash)}`;
}

/// verifyPassword's work, on the calling thread.
export async function argon2Verify(password: string, phc: string): Promise<boolean> {
  const parsed = parsePhc(phc);
  // No account has an empty password (the policy refuses it), and hash-wasm refuses to hash one.
  if (!parsed || password === '') return false;
  const derived = await argon2id({
    password: password.normalize('NFC'),
    salt: parsed.salt,
    memorySize: parsed.m,
    iterations: parsed.t,
    parallelism: parsed.p,
    hashLength: parsed.hash.length,
    outputType: 'binary',
  });
  return derived.length === parsed.hash.length && timingSafeEqual(derived, parsed.hash);
}

const PHC = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

function parsePhc(phc: string) {
  const match = PHC.exec(phc);
  if (!match) return null;
  const [m, t, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const salt = Buffer.from(match[4], 'base64');
  const hash = Buffer.from(match[5], 'base64');
  // Refuse parameters that would make one login a denial of service or trivially weak.
  if (m < 8 * p || m > 1024 * 1024 || t < 1 || p < 1 || salt.length < 8 || hash.length < 16) return null;
  return { m, t, p, salt, hash };
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}
