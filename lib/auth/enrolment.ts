// Getting in: creating an account under the server's sign-up setting, and joining a course by
// its code — both limited per client address (and joining also per account), so that neither
// accounts nor join-code guesses can be mass-produced. SERVER AND CLI ONLY.
//
// Invariants:
// - The sign-up setting (lib/db/settings.ts) is checked before anything is written; the very
//   first account (the admin) can always be made, whatever the setting.
// - Every sign-up attempt counts against its client (MAX_SIGNUPS_PER_CLIENT per window); a
//   wrong join code counts against the client and, when signed in, the account
//   (MAX_JOIN_FAILURES_PER_CLIENT / _PER_ACCOUNT) and is refused with 429 beyond that, before
//   the code is even looked up.
// - With the setting 'code', the code is checked before the account is made, and the new
//   account joins that course.
import {
  CourseArchivedError,
  findCourseByJoinCode,
  getSignUpMode,
  joinCourse,
  loginAttemptTimes,
  recordLoginAttempts,
  type CourseWithRole,
  type Db,
  type SignUpMode,
  type User,
} from '@/lib/db';
import { InvalidAccountInputError, RateLimitedError, SignUpClosedError } from './errors';
import { forgetExpired, signUp, type SignUpInput } from './accounts';
import { MAX_JOIN_FAILURES_PER_ACCOUNT, MAX_JOIN_FAILURES_PER_CLIENT, MAX_SIGNUPS_PER_CLIENT, RATE_WINDOW_MS, throttleKey, windowRetryAfter } from './throttle';

/// RateLimitedError when any key already has `limit` attempts in the window.
async function checkLimits(db: Db, limits: Array<[key: string, limit: number]>, kind: 'signUp' | 'joinCode', now: Date): Promise<void> {
  await forgetExpired(db, now);
  const times = await loginAttemptTimes(db, limits.map(([key]) => key), new Date(now.getTime() - RATE_WINDOW_MS));
  for (const [i, [, limit]] of limits.entries()) {
    const wait = windowRetryAfter(times[i], limit, now);
    if (wait !== null) throw new RateLimitedError(wait, kind);
  }
}

async function hasAccounts(db: Db): Promise<boolean> {
  return (await db.kysely.selectFrom('account_claims').select('slot').where('slot', '=', 'first_admin').executeTakeFirst()) !== undefined;
}

/// The sign-up setting in force: the admin's, except that the first account can always be made.
export async function effectiveSignUpMode(db: Db): Promise<SignUpMode> {
  return (await hasAccounts(db)) ? getSignUpMode(db) : 'open';
}

export interface GatedSignUpInput extends SignUpInput {
  joinCode?: string;
  /// The client's address (lib/net/client.ts).
  clientKey: string;
}

/// Creates an account as the sign-up setting allows. Throws SignUpClosedError (403),
/// RateLimitedError (429), InvalidAccountInputError (422, also for a missing or wrong join
/// code) or signUp's errors. Returns the user and, with a join code, the course joined.
export async function gatedSignUp(db: Db, input: GatedSignUpInput, now = new Date()): Promise<{ user: User; course: CourseWithRole | null }> {
  const client = input.clientKey.slice(0, 200);
  const mode = await effectiveSignUpMode(db);
  if (mode === 'off') throw new SignUpClosedError();
  await checkLimits(db, [[throttleKey.signUpClient(client), MAX_SIGNUPS_PER_CLIENT]], 'signUp', now);
  await recordLoginAttempts(db, [throttleKey.signUpClient(client)], now);

  const code = input.joinCode?.trim() ?? '';
  let courseCode: string | null = null;
  if (mode === 'code' || code) {
    if (!code) throw new InvalidAccountInputError('joinCode', { code: 'account.joinCodeNeeded', params: {}, message: 'this server needs a course join code to sign up: ask your instructor for it' });
    await checkLimits(db, [[throttleKey.joinClient(client), MAX_JOIN_FAILURES_PER_CLIENT]], 'joinCode', now);
    const course = await findCourseByJoinCode(db, code);
    if (!course) {
      await recordLoginAttempts(db, [throttleKey.joinClient(client)], now);
      throw new InvalidAccountInputError('joinCode', { code: 'account.joinCodeUnknown', params: {}, message: 'no course has this join code' });
    }
    // Before the account is made: joining an archived course would fail after it.
    if (course.archivedAt) throw new CourseArchivedError(course.id, course.title);
    courseCode = code;
  }
  const user = await signUp(db, input, now);
  const course = courseCode ? await joinCourse(db, user.id, courseCode) : null;
  return { user, course };
}

/// Joins the course with this code, limited per client and per account. Throws RateLimitedError
/// or the NotFoundError of an unknown code (after counting it).
export async function gatedJoin(db: Db, userId: string, code: string, clientKey: string, now = new Date()): Promise<CourseWithRole> {
  const keys = [throttleKey.joinClient(clientKey.slice(0, 200)), throttleKey.joinAccount(userId)];
  await checkLimits(db, [[keys[0], MAX_JOIN_FAILURES_PER_CLIENT], [keys[1], MAX_JOIN_FAILURES_PER_ACCOUNT]], 'joinCode', now);
  if (!(await findCourseByJoinCode(db, code))) {
    await recordLoginAttempts(db, keys, now);
  }
  return joinCourse(db, userId, code);
}
