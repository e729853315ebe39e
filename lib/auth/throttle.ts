// The limits on guessing, and the arithmetic behind them (classroom mode). The attempts
// themselves are rows of lib/db/login-attempts.ts under a key per kind; this module says how many
// are allowed and how long to wait. All windows are RATE_WINDOW_MS, so one prune forgets them.
//
// Sign-in is designed so that nobody can lock an account's owner out:
// - per (name, client): RATE_PAIR_FREE failures, then a back-off — the next attempt waits
//   PAIR_BACKOFF_BASE_S × 2^(failures − RATE_PAIR_FREE) after the last failure (30 s, 1 min,
//   2 min, …, at most the window). Only that client is held back for that name;
// - per client, over all names: MAX_FAILURES_PER_CLIENT failures in the window, then 429 until
//   the oldest leaves the window (stops one address spraying many names);
// - per name, over all clients: never a refusal, only a slow-down — from the NAME_SLOWDOWN_AFTER-th
//   failure in the window on, every attempt for the name waits NAME_DELAY_STEP_MS more per
//   failure, at most NAME_DELAY_MAX_MS, before its password is checked. The owner, from an
//   address with no failures of its own, still signs in, a little slower.
// Sign-up and course join codes have per-client (and, for join codes, per-account) limits.
// Changing one's password checks the current one: wrong current passwords are limited per
// account (a stolen session cannot be used to guess the password behind it) and per client.

const MINUTE = 60_000;
export const RATE_WINDOW_MS = 15 * MINUTE;

export const RATE_PAIR_FREE = 5;
export const PAIR_BACKOFF_BASE_S = 30;
export const MAX_FAILURES_PER_CLIENT = 30;
export const NAME_SLOWDOWN_AFTER = 10;
export const NAME_DELAY_STEP_MS = 100;
export const NAME_DELAY_MAX_MS = 2000;

/// Sign-ups per client address in the window: a class of 50 behind one school NAT fits.
export const MAX_SIGNUPS_PER_CLIENT = 60;
/// Wrong join codes (at sign-up or joining) per client address, and per account, in the window.
export const MAX_JOIN_FAILURES_PER_CLIENT = 30;
export const MAX_JOIN_FAILURES_PER_ACCOUNT = 10;

/// Wrong current passwords when changing one's password, per account and per client address.
export const MAX_PASSWORD_FAILURES_PER_ACCOUNT = 10;
export const MAX_PASSWORD_FAILURES_PER_CLIENT = 30;

/// The keys attempts are recorded under.
export const throttleKey = {
  signInPair: (name: string, client: string) => `pair:${name}\n${client}`,
  signInClient: (client: string) => `client:${client}`,
  signInName: (name: string) => `name:${name}`,
  signUpClient: (client: string) => `signup:${client}`,
  joinClient: (client: string) => `join-client:${client}`,
  joinAccount: (userId: string) => `join-user:${userId}`,
  passwordAccount: (userId: string) => `password-user:${userId}`,
  passwordClient: (client: string) => `password-client:${client}`,
};

/// Seconds until one more attempt fits under `limit` in the window, given the earlier
/// attempts' times (ISO, oldest first); null when it fits now.
export function windowRetryAfter(times: readonly string[], limit: number, now: Date): number | null {
  if (times.length < limit) return null;
  const mustExpire = times[times.length - limit];
  return Math.max(1, Math.ceil((Date.parse(mustExpire) + RATE_WINDOW_MS - now.getTime()) / 1000));
}

/// Seconds this (name, client) pair must still wait after its failures (oldest first); null
/// when it may try now.
export function pairRetryAfter(failures: readonly string[], now: Date): number | null {
  if (failures.length < RATE_PAIR_FREE) return null;
  const backoffMs = Math.min(RATE_WINDOW_MS, PAIR_BACKOFF_BASE_S * 1000 * 2 ** (failures.length - RATE_PAIR_FREE));
  const wait = Date.parse(failures[failures.length - 1]) + backoffMs - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}

/// How long an attempt for a name waits, given that name's failures from everyone in the window.
export function nameDelayMs(failures: number): number {
  if (failures < NAME_SLOWDOWN_AFTER) return 0;
  return Math.min(NAME_DELAY_MAX_MS, (failures - NAME_SLOWDOWN_AFTER + 1) * NAME_DELAY_STEP_MS);
}
