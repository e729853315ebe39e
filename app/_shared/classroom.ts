// Who may do what in a course (classroom mode). Members see a course; its instructors (and any
// admin) manage it. A course or assignment the user cannot see answers 404, not 403, so that
// ids cannot be probed; a member who lacks the role (a student) gets 403.
import { rontenMode } from '@/lib/auth/mode';
import { courseRole, getAssignment, getMap, openDb, type Assignment, type CourseRole, type CourseWithRole, type Db, type User } from '@/lib/db';
import { HttpError, notFound } from './http';
import { assertSameOrigin, currentUser } from './session';

/// 404 in solo mode: courses exist only on a classroom server.
export function requireClassroom(): void {
  if (rontenMode() !== 'classroom') throw new HttpError(404, 'there are no courses in solo mode (set RONTEN_MODE=classroom)', { code: 'course.soloMode', params: {} });
}

/// How every classroom route begins: 404 in solo mode, 403 for a mutation from another site
/// (assertSameOrigin; GET passes), then the database and the signed-in user (401 without one).
export async function classroomUser(request: Request): Promise<{ db: Db; user: User }> {
  requireClassroom();
  assertSameOrigin(request);
  const db = await openDb();
  return { db, user: await currentUser(db, request) };
}

/// The user's standing in the course: an admin counts as instructor of every course. 404 for
/// non-members and unknown courses.
export async function courseAccess(db: Db, user: User, courseId: string): Promise<CourseRole> {
  const role = await courseRole(db, courseId, user.id);
  if (role) return role;
  if (user.role === 'admin' && (await courseExists(db, courseId))) return 'instructor';
  throw new HttpError(404, `course "${courseId}" not found`, { code: 'course.notFound', params: {} });
}

/// As courseAccess, and 403 unless the user teaches the course.
export async function requireCourseInstructor(db: Db, user: User, courseId: string): Promise<void> {
  if ((await courseAccess(db, user, courseId)) !== 'instructor') throw new HttpError(403, 'only the course’s instructors may do this', { code: 'course.instructorsOnly', params: {} });
}

/// The assignment and the user's standing in its course; 404 when either is out of reach.
export async function assignmentAccess(db: Db, user: User, assignmentId: string): Promise<{ assignment: Assignment; role: CourseRole }> {
  const assignment = await getAssignment(db, assignmentId);
  if (!assignment) throw notFound('assignment', assignmentId);
  try {
    return { assignment, role: await courseAccess(db, user, assignment.courseId) };
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) throw notFound('assignment', assignmentId);
    throw e;
  }
}

/// As assignmentAccess, and 403 (saying `refusal`) unless the user has `role` in its course.
export async function requireAssignmentRole(db: Db, user: User, assignmentId: string, role: CourseRole, refusal: string): Promise<Assignment> {
  const access = await assignmentAccess(db, user, assignmentId);
  if (access.role !== role) throw new HttpError(403, refusal, { code: role === 'student' ? 'course.studentsOnly' : 'course.instructorsOnly', params: {} });
  return access.assignment;
}

/// 422 unless the map the user wants as an assignment's reference is their own: the reference
/// is read by the course's instructors (review, agreement, class export), so choosing someone
/// else's map — an admin's, another instructor's — would hand it to them. The storage layer's
/// further rules (of the document, in the assignment's labels) are checked when it is saved.
export async function requireOwnReference(db: Db, user: User, referenceMapId: string | null | undefined): Promise<void> {
  if (!referenceMapId) return;
  const map = await getMap(db, referenceMapId);
  if (map?.userId !== user.id) {
    throw new HttpError(422, `reference map "${referenceMapId}" is not one of your maps: annotate the text yourself and choose that map`, { field: 'referenceMapId', code: 'assignment.referenceNotOwn', params: {} });
  }
}

async function courseExists(db: Db, courseId: string): Promise<boolean> {
  return (await db.kysely.selectFrom('courses').select('id').where('id', '=', courseId).executeTakeFirst()) !== undefined;
}

/// What a client learns about a course: the join code (and whether it works) only when it
/// teaches the course.
export function publicCourse(c: CourseWithRole) {
  return {
    id: c.id,
    title: c.title,
    role: c.role,
    createdAt: c.createdAt,
    archivedAt: c.archivedAt,
    ...(c.role === 'instructor' ? { joinCode: c.joinCode, joinEnabled: c.joinEnabled } : {}),
  };
}
