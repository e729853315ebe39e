// Running a course, by its instructors: archiving it, its join code, who is in it (removing a
// member, adding a co-instructor), accounts made from a roster and a lost slip reissued.
//
// Invariants:
// - Every change here but unarchiving refuses an archived course (CourseArchivedError).
// - The owner stays a member and an instructor: removing them is refused (MemberChangeError).
// - A co-instructor is an account whose role is instructor or admin; enrolling one who is
//   already a student of the course makes them instructor there (same rights as the owner, who
//   is just the instructor who made it).
// - Roster accounts are made all or none: the names are checked first and then inserted with
//   their enrolments in one transaction; a name taken meanwhile rolls everything back.
// - A new one-time password (a lost slip) is given only to a student account that is a student
//   of this course; its password and its sessions are replaced and ended in one transaction.
// Who may call these (the course's instructors) is the route layer's business.

import { randomUUID } from 'node:crypto';
import type { Db } from './connect';
import { constraintViolation, DbError, NotFoundError } from './errors';
import { assertCourseActive, CourseArchivedError, getCourse, newJoinCode, type Course } from './courses';

/// A member change the course's rules refuse; `code` names the rule for the client's catalog.
export class MemberChangeError extends DbError {
  constructor(
    readonly code: 'course.removeOwner' | 'course.notMember' | 'course.notInstructorAccount' | 'course.notStudentAccount',
    message: string,
  ) {
    super(message);
  }
}

/// Archives (true) or reopens (false) the course. Archiving twice keeps the first time.
export async function setCourseArchived(db: Db, courseId: string, archived: boolean, now = new Date()): Promise<Course> {
  const q = db.kysely.updateTable('courses').where('id', '=', courseId);
  if (archived) await q.set({ archived_at: now.toISOString() }).where('archived_at', 'is', null).execute();
  else await q.set({ archived_at: null }).execute();
  const course = await getCourse(db, courseId);
  if (!course) throw new NotFoundError('course', courseId);
  return course;
}

/// Gives the course a fresh join code (the old one stops working) and switches joining on.
export async function regenerateJoinCode(db: Db, courseId: string, codes: () => string = newJoinCode): Promise<Course> {
  await assertCourseActive(db, courseId);
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await db.kysely.updateTable('courses').set({ join_code: codes(), join_disabled: 0 }).where('id', '=', courseId).execute();
      return (await getCourse(db, courseId))!;
    } catch (err) {
      if (constraintViolation(err) !== 'unique') throw err;
    }
  }
  throw new DbError('could not find a free join code in 10 attempts');
}

/// Switches joining by code off (false) or on again (true), keeping the code.
export async function setJoinEnabled(db: Db, courseId: string, enabled: boolean): Promise<Course> {
  await assertCourseActive(db, courseId);
  await db.kysely.updateTable('courses').set({ join_disabled: enabled ? 0 : 1 }).where('id', '=', courseId).execute();
  return (await getCourse(db, courseId))!;
}

/// Takes the user out of the course (their maps stay theirs). MemberChangeError for the owner
/// and for someone who is not a member.
export async function removeMember(db: Db, courseId: string, userId: string): Promise<void> {
  const course = await assertCourseActive(db, courseId);
  if (course.ownerId === userId) throw new MemberChangeError('course.removeOwner', 'the instructor who made the course cannot be removed from it');
  const result = await db.kysely.deleteFrom('enrolments').where('course_id', '=', courseId).where('user_id', '=', userId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new MemberChangeError('course.notMember', 'this user is not a member of the course');
}

/// Makes the account with this user name an instructor of the course. NotFoundError for an
/// unknown name; MemberChangeError when the account is a student account.
export async function addInstructor(db: Db, courseId: string, userName: string, now = new Date()): Promise<{ userId: string; name: string; displayName: string }> {
  await assertCourseActive(db, courseId);
  const user = await db.kysely.selectFrom('users').select(['id', 'name', 'display_name', 'role']).where('name', '=', userName.trim().toLowerCase()).where('role', '<>', 'local').executeTakeFirst();
  if (!user) throw new NotFoundError('user', userName);
  if (user.role !== 'instructor' && user.role !== 'admin') {
    throw new MemberChangeError('course.notInstructorAccount', `"${user.name}" has a student account: an admin must make it an instructor first`);
  }
  await db.kysely
    .insertInto('enrolments')
    .values({ course_id: courseId, user_id: user.id, role: 'instructor', joined_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['course_id', 'user_id']).doUpdateSet({ role: 'instructor' }))
    .execute();
  return { userId: user.id, name: user.name, displayName: user.display_name };
}

export interface RosterAccount {
  /// Normalized and checked by the caller (lib/classroom/roster.ts).
  name: string;
  displayName: string;
  /// The stored form of the one-time password (lib/auth/oneTimePassword.ts).
  passwordHash: string;
}

/// Some of the names are taken (by existing accounts); nothing was written.
export class NamesTakenError extends DbError {
  constructor(readonly names: string[]) {
    super(`${names.length} user name(s) are taken: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`);
  }
}

/// The names (normalized) among `names` that accounts already have.
export async function takenNames(db: Db, names: readonly string[]): Promise<string[]> {
  const taken: string[] = [];
  for (let i = 0; i < names.length; i += 500) {
    const rows = await db.kysely.selectFrom('users').select('name').where('name', 'in', names.slice(i, i + 500)).execute();
    taken.push(...rows.map((r) => r.name));
  }
  return taken;
}

/// Creates student accounts that must choose their own password at first sign-in, enrolled in
/// the course, all in one transaction (see the header). Returns their ids, in input order.
/// NamesTakenError when a name is taken; CourseArchivedError, NotFoundError for the course.
export async function createRosterAccounts(db: Db, courseId: string, accounts: readonly RosterAccount[], now = new Date()): Promise<string[]> {
  await assertCourseActive(db, courseId);
  const taken = await takenNames(db, accounts.map((a) => a.name));
  if (taken.length > 0) throw new NamesTakenError(taken);
  const at = now.toISOString();
  const ids = accounts.map(() => randomUUID());
  try {
    await db.kysely.transaction().execute(async (trx) => {
      // Re-checked inside: an archive that raced the checks above wins.
      const course = await trx.selectFrom('courses').select(['title', 'archived_at']).where('id', '=', courseId).executeTakeFirst();
      if (!course) throw new NotFoundError('course', courseId);
      if (course.archived_at) throw new CourseArchivedError(courseId, course.title);
      // 200 rows a statement: 7 parameters each stays far below either database's limit.
      for (let i = 0; i < accounts.length; i += 200) {
        const chunk = accounts.slice(i, i + 200);
        await trx
          .insertInto('users')
          .values(chunk.map((a, j) => ({ id: ids[i + j], name: a.name, display_name: a.displayName, role: 'student' as const, password_hash: a.passwordHash, created_at: at, must_change_password: 1 })))
          .execute();
        await trx
          .insertInto('enrolments')
          .values(chunk.map((_a, j) => ({ course_id: courseId, user_id: ids[i + j], role: 'student' as const, joined_at: at })))
          .execute();
      }
    });
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new NamesTakenError(await takenNames(db, accounts.map((a) => a.name)));
    throw err;
  }
  return ids;
}

/// Gives a student of the course a new one-time password (`passwordHash`: its stored form, see
/// lib/auth/oneTimePassword.ts) for a lost slip: the account must choose its own password again
/// at its next sign-in, and every session of it ends (whoever holds one, or found the old slip,
/// is out). MemberChangeError 'course.notMember' for anyone who is not in this course (another
/// course's student, an unknown id), 'course.notStudentAccount' for an instructor or admin account
/// (their passwords are their own); CourseArchivedError for an archived course. One transaction.
export async function reissueOneTimePassword(db: Db, courseId: string, userId: string, passwordHash: string): Promise<{ userId: string; name: string; displayName: string }> {
  await assertCourseActive(db, courseId);
  return db.kysely.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('enrolments as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['u.id', 'u.name', 'u.display_name', 'u.role as account_role', 'e.role as course_role'])
      .where('e.course_id', '=', courseId)
      .where('e.user_id', '=', userId)
      .executeTakeFirst();
    if (!member) throw new MemberChangeError('course.notMember', 'this user is not a member of the course');
    if (member.course_role !== 'student' || member.account_role !== 'student') {
      throw new MemberChangeError('course.notStudentAccount', 'only a student’s password can be reset here: instructors and admins change their own');
    }
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 1 }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return { userId: member.id, name: member.name, displayName: member.display_name };
  });
}
