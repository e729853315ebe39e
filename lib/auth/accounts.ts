// Accounts, sessions and roles of classroom mode: the rules on top of lib/db's storage.
// SERVER AND CLI ONLY (not `import 'server-only'`: that package throws under vitest and tsx).
//
// Invariants:
// - User names are 3–40 characters of [a-z0-9_.-], compared and stored in lower case.
// - The first account on a server becomes 'admin' (race-safe, see lib/db/accounts.ts); later
//   ones 'student'. Only an admin changes roles, and the last admin cannot be demoted.
// - A session token is 32 random bytes (base64url) that lives only in the cookie; the database
//   keeps its sha256. A session ends SESSION_IDLE_MS after its last use, and at the latest
//   SESSION_MAX_MS after sign-in, whichever comes first.
// - Sign-in failures are counted per (name, client), per client and per name (./throttle.ts: the
//   owner of a name cannot be locked out by others' failures, only slowed down); an attempt is
//   recorded *before* the password is checked, so parallel guesses cannot overshoot a limit.
//   Unknown names and wrong passwords give the same error and cost the same time.
// - Wrong current passwords when changing one's password are limited per account and per
//   client (./throttle.ts), so a signed-in session cannot be used to guess its password.

import { createHash, randomBytes } from 'node:crypto';
import {
  changeAccountRole,
  deleteExpiredSessions,
  deleteLoginAttempts,
  deleteSession,
  findCredentials,
  findLiveSession,
  getUser,
  insertAccount,
  passwordHashOf,
  replacePassword,
  insertSession,
  loginAttemptTimes,
  pruneLoginAttempts,
  recordLoginAttempts,
  touchSession,
  NotFoundError,
  type AccountRole,
  type Db,
  type User,
} from '@/lib/db';
import { ForbiddenError, InvalidAccountInputError, InvalidCredentialsError, LastAdminError, NameTakenError, RateLimitedError, type Problem } from './errors';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { isOneTimeHash, verifyOneTimePassword } from './oneTimePassword';
import {
  MAX_FAILURES_PER_CLIENT,
  MAX_PASSWORD_FAILURES_PER_ACCOUNT,
  MAX_PASSWORD_FAILURES_PER_CLIENT,
  nameDelayMs,
  pairRetryAfter,
  RATE_WINDOW_MS,
  throttleKey,
  windowRetryAfter,
} from './throttle';
import { ACCOUNT_ROLE_VALUES } from '@/lib/classroom/schemas';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const SESSION_IDLE_MS = 14 * DAY;
export const SESSION_MAX_MS = 30 * DAY;
/// A session's last_seen_at is written at most this often (not on every request).
const TOUCH_EVERY_MS = 5 * MINUTE;


const NAME_PATTERN = /^[a-z0-9_.-]{3,40}$/;
export const DISPLAY_NAME_MAX = 80;

/// The stored form of a user name: trimmed, NFC, lower case.
export function normalizeUserName(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/// Why a (normalized) user name is refused, or null.
export function userNameProblem(name: string): Problem | null {
  if (name.length < 3 || name.length > 40) return { code: 'account.nameLength', params: { min: 3, max: 40 }, message: 'the user name must have 3 to 40 characters' };
  if (!NAME_PATTERN.test(name)) return { code: 'account.nameChars', params: {}, message: 'the user name may contain only letters a–z, digits and _ . -' };
  return null;
}

export interface SignUpInput {
  name: string;
  displayName?: string;
  password: string;
}

/// Creates an account. Throws InvalidAccountInputError (with the field) or NameTakenError.
export async function signUp(db: Db, input: SignUpInput, now = new Date()): Promise<User> {
  const name = normalizeUserName(input.name);
  const nameProblem = userNameProblem(name);
  if (nameProblem) throw new InvalidAccountInputError('name', nameProblem);
  const displayName = (input.displayName ?? '').trim().normalize('NFC') || name;
  if ([...displayName].length > DISPLAY_NAME_MAX) {
    throw new InvalidAccountInputError('displayName', { code: 'account.displayNameLength', params: { max: DISPLAY_NAME_MAX }, message: `the display name must have at most ${DISPLAY_NAME_MAX} characters` });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(displayName)) {
    throw new InvalidAccountInputError('displayName', { code: 'account.displayNameControl', params: {}, message: 'the display name must not contain control characters' });
  }
  const pwProblem = passwordProblem(input.password);
  if (pwProblem) throw new InvalidAccountInputError('password', pwProblem);

  const user = await insertAccount(db, { name, displayName, passwordHash: await hashPassword(input.password) }, now);
  if (!user) throw new NameTakenError(name);
  return user;
}

export interface SignInInput {
  name: string;
  password: string;
  /// Who is asking, for the per-client limit (the client's IP address in the app).
  clientKey: string;
}

export interface SignedIn {
  /// The secret for the cookie; shown once, stored only as a hash.
  token: string;
  user: User;
  expiresAt: string;
}

export interface SignInDeps {
  /// Waits the per-name slow-down (tests pass one that does not wait).
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/// Checks the password and opens a session. Throws InvalidCredentialsError or RateLimitedError.
export async function signIn(db: Db, input: SignInInput, now = new Date(), deps: SignInDeps = {}): Promise<SignedIn> {
  const name = normalizeUserName(input.name).slice(0, 100);
  const client = input.clientKey.slice(0, 200);
  const keys = { pair: throttleKey.signInPair(name, client), client: throttleKey.signInClient(client), name: throttleKey.signInName(name) };
  const since = new Date(now.getTime() - RATE_WINDOW_MS);

  await forgetExpired(db, now);
  const ids = await recordLoginAttempts(db, [keys.pair, keys.client, keys.name], now);
  const [pairTimes, clientTimes, nameTimes] = await loginAttemptTimes(db, [keys.pair, keys.client, keys.name], since, ids);
  const wait = Math.max(pairRetryAfter(pairTimes, now) ?? 0, windowRetryAfter(clientTimes, MAX_FAILURES_PER_CLIENT, now) ?? 0);
  if (wait > 0) {
    // A refused attempt is not a guess: it does not count, so the wait stays as announced.
    await deleteLoginAttempts(db, { ids });
    throw new RateLimitedError(wait);
  }
  const delay = nameDelayMs(nameTimes.length);
  if (delay > 0) await (deps.sleep ?? realSleep)(delay);

  const found = await findCredentials(db, name);
  // Unknown names still pay for one argon2id derivation, so timing does not tell them apart.
  const ok = await checkPassword(input.password, found?.passwordHash ?? (await dummyHash()));
  if (!found || !ok) throw new InvalidCredentialsError();

  // Success is not a failure, and clears this client's failures for the name; others' failures
  // for the name stay (they keep slowing down whoever is guessing).
  await deleteLoginAttempts(db, { key: keys.pair, ids });
  return startSession(db, found.user, now);
}

/// Whether `password` matches the stored hash: argon2id, or a roster's one-time password
/// (./oneTimePassword.ts), which also pays one argon2id derivation so that its timing does not
/// tell roster accounts that have not signed in yet from others.
async function checkPassword(password: string, stored: string): Promise<boolean> {
  if (!isOneTimeHash(stored)) return verifyPassword(password, stored);
  await verifyPassword(password, await dummyHash());
  return verifyOneTimePassword(password, stored);
}

/// Replaces the user's password with one they chose, after checking the current one (their own,
/// or the one-time password of their slip); lifts the obligation to change it. Throws
/// InvalidAccountInputError ('currentPassword' when it is wrong, 'password' for the new one), or
/// RateLimitedError once the account or the client has had too many wrong current passwords in
/// the window (./throttle.ts) — checked before any argon2id is spent. As at sign-in, the attempt
/// is recorded before the password is checked (parallel guesses cannot overshoot the limit) and
/// forgotten when it was right.
export async function changePassword(db: Db, userId: string, current: string, next: string, clientKey: string, now = new Date()): Promise<void> {
  const keys = [throttleKey.passwordAccount(userId), throttleKey.passwordClient(clientKey.slice(0, 200))];
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  await forgetExpired(db, now);
  const ids = await recordLoginAttempts(db, keys, now);
  const [accountTimes, clientTimes] = await loginAttemptTimes(db, keys, since, ids);
  const wait = Math.max(windowRetryAfter(accountTimes, MAX_PASSWORD_FAILURES_PER_ACCOUNT, now) ?? 0, windowRetryAfter(clientTimes, MAX_PASSWORD_FAILURES_PER_CLIENT, now) ?? 0);
  if (wait > 0) {
    await deleteLoginAttempts(db, { ids });
    throw new RateLimitedError(wait, 'passwordChange');
  }
  const stored = await passwordHashOf(db, userId);
  if (!stored || !(await checkPassword(current, stored))) {
    throw new InvalidAccountInputError('currentPassword', { code: 'account.currentPasswordWrong', params: {}, message: 'the current password is wrong' });
  }
  // The current password was right: not a guess, whatever is wrong with the new one.
  await deleteLoginAttempts(db, { ids });
  const problem = passwordProblem(next);
  if (problem) throw new InvalidAccountInputError('password', problem);
  if (next.normalize('NFC') === current.normalize('NFC')) {
    throw new InvalidAccountInputError('password', { code: 'account.passwordUnchanged', params: {}, message: 'choose a password other than the current one' });
  }
  if (!(await replacePassword(db, userId, await hashPassword(next)))) throw new NotFoundError('user', userId);
}

/// Forgets sign-in attempts outside every window and expired sessions — at most once a minute
/// per database in this process, not on every attempt (two statements, and on SQLite two turns
/// of the write lock the class's saves wait for). Stale rows change no answer: every read of
/// them filters by the window or the expiry; they only take room until the next run.
export async function forgetExpired(db: Db, now: Date): Promise<void> {
  const last = lastForgotten.get(db.url);
  if (last !== undefined && Math.abs(now.getTime() - last) < FORGET_EVERY_MS) return;
  lastForgotten.set(db.url, now.getTime());
  await pruneLoginAttempts(db, new Date(now.getTime() - RATE_WINDOW_MS));
  await deleteExpiredSessions(db, now);
}
const FORGET_EVERY_MS = MINUTE;
/// Database URL → `now` of forgetExpired's last run.
const lastForgotten = new Map<string, number>();

/// Opens a session for a user who just proved who they are (at sign-in, right after sign-up).
export async function startSession(db: Db, user: User, now = new Date()): Promise<SignedIn> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + Math.min(SESSION_IDLE_MS, SESSION_MAX_MS)).toISOString();
  await insertSession(db, { id: sessionId(token), userId: user.id, createdAt: now.toISOString(), expiresAt, lastSeenAt: now.toISOString() });
  return { token, user, expiresAt };
}

/// Ends the session of this token (nothing happens for an unknown one).
export async function signOut(db: Db, token: string): Promise<void> {
  if (!isTokenShaped(token)) return;
  forgetWriteSession(db, sessionId(token));
  await deleteSession(db, sessionId(token));
}

/// The user of a live session, sliding its expiry forward; null for a missing, malformed,
/// unknown or expired token.
export async function sessionUser(db: Db, token: string | null | undefined, now = new Date()): Promise<User | null> {
  if (!token || !isTokenShaped(token)) return null;
  return (await liveSession(db, sessionId(token), now))?.user ?? null;
}

/// The live session with this id and its user, its expiry slid forward when it was last seen
/// TOUCH_EVERY_MS ago or more; null when there is none.
async function liveSession(db: Db, id: string, now: Date): Promise<WriteSession | null> {
  const found = await findLiveSession(db, id, now);
  if (!found) return null;
  const { session } = found;
  let seen = { lastSeenAt: Date.parse(session.lastSeenAt), expiresAt: Date.parse(session.expiresAt) };
  if (now.getTime() - seen.lastSeenAt >= TOUCH_EVERY_MS) {
    const hardEnd = Date.parse(session.createdAt) + SESSION_MAX_MS;
    seen = { lastSeenAt: now.getTime(), expiresAt: Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd) };
    await touchSession(db, session.id, now.toISOString(), new Date(seen.expiresAt).toISOString());
  }
  return { id, user: found.user, ...seen };
}

/// A session as the autosave uses it: its id, its user, and when it was last seen and expires
/// (ms) as this process knows them.
export interface WriteSession {
  id: string;
  user: User;
  lastSeenAt: number;
  expiresAt: number;
}

/// Sessions the autosave has seen lately, by database and session id (oldest first).
const writeSessions = new Map<string, WriteSession>();
const MAX_WRITE_SESSIONS = 10_000;
const writeSessionKey = (db: Db, id: string) => `${db.url}\u0000${id}`;

/// The session of an autosave, remembered by this process between its batches: every student
/// saves every few seconds, and on PostgreSQL looking the session up was a second round trip a
/// batch (with it, 200 students saving got 25% fewer batches through: issue 12). What is
/// remembered is only trusted for a write that checks the session itself: the autosave's version
/// bump is made only while the session lives (lib/db applyOperations `session`), so a session
/// ended elsewhere (signed out, reset by an instructor, on another app instance) stops the very
/// next write. A remembered session is looked up again when it is due to slide its expiry
/// (TOUCH_EVERY_MS after it was last seen, as sessionUser does) or has expired. The user is as it
/// was then: callers decide only by its id (whose session it is) and mustChangePassword — and the
/// session of a user who must still choose a password is not remembered (choosing one clears it
/// while the session goes on; a reset sets it and ends every session of the account).
export async function sessionForWrite(db: Db, token: string | null | undefined, now = new Date()): Promise<WriteSession | null> {
  if (!token || !isTokenShaped(token)) return null;
  const id = sessionId(token);
  const key = writeSessionKey(db, id);
  const known = writeSessions.get(key);
  const t = now.getTime();
  if (known && t < known.expiresAt && t - known.lastSeenAt < TOUCH_EVERY_MS) return known;
  writeSessions.delete(key);
  const live = await liveSession(db, id, now);
  if (!live) return null;
  if (live.user.mustChangePassword) return live;
  writeSessions.set(key, live);
  if (writeSessions.size > MAX_WRITE_SESSIONS) writeSessions.delete(writeSessions.keys().next().value!);
  return live;
}

/// Forgets what this process remembers of a session (signed out here, or found ended by a write).
export function forgetWriteSession(db: Db, id: string): void {
  writeSessions.delete(writeSessionKey(db, id));
}

/// Changes a user's role. Only an admin may; the last admin cannot step down.
export async function setRole(db: Db, adminUserId: string, targetUserId: string, role: AccountRole): Promise<User> {
  const actor = await getUser(db, adminUserId);
  if (!actor || actor.role !== 'admin') throw new ForbiddenError('only an admin may change roles', 'auth.adminOnly');
  if (!ACCOUNT_ROLE_VALUES.includes(role)) {
    const roles = ACCOUNT_ROLE_VALUES.join(', ');
    throw new InvalidAccountInputError('role', { code: 'account.role', params: { roles }, message: `the role must be one of ${roles}` });
  }
  const change = await changeAccountRole(db, targetUserId, role);
  if (change.ok) return change.user;
  if (change.reason === 'last-admin') throw new LastAdminError();
  throw new NotFoundError('user', targetUserId);
}

/// The id a session row has for this token.
export function sessionId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(16).toString('hex')));
}
