// When a map is closed for edits:
// - by a deadline: it is handed in to an assignment (on its document, in a course where its
//   owner is a student) under the 'lock' late policy, it is not submitted, and its owner's due
//   time (their extension, else the assignment's) has passed;
// - by archiving: it is a student's map of assignments whose courses are all archived
//   (archivedOnly in the WHERE of a write; archivedCourseOfMap names the course).
//
// One condition, two uses: assertOpenForEdits asks it on its own (the import route), and the
// autosave's version bump (bumpVersion's `openAt`) carries it in its WHERE clause, so a saved
// batch costs no separate query for it; only a bump that changed nothing asks why.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';
import { GradingRefusal } from './errors';
import { CourseArchivedError } from './courses';

/// The due times past `now` of the lock-policy assignments the map (the outer query's
/// `argument_maps` row) is handed in to: empty when the map is open.
export function pastDueLocks(eb: ExpressionBuilder<Database, 'argument_maps'>, now: string) {
  return eb
    .selectFrom('assignments as a')
    .innerJoin('assignment_policies as p', (j) => j.onRef('p.assignment_id', '=', 'a.id').on('p.late_policy', '=', 'lock'))
    .innerJoin('enrolments as e', (j) => j.onRef('e.course_id', '=', 'a.course_id').onRef('e.user_id', '=', 'argument_maps.user_id').on('e.role', '=', 'student'))
    .leftJoin('extensions as x', (j) => j.onRef('x.assignment_id', '=', 'a.id').onRef('x.user_id', '=', 'argument_maps.user_id'))
    .select((eb2) => eb2.fn.coalesce('x.due_at', 'a.due_at').as('due'))
    .whereRef('a.document_id', '=', 'argument_maps.document_id')
    .where((eb2) => eb2(eb2.fn.coalesce('x.due_at', 'a.due_at'), '<', now))
    .limit(1);
}

/// The courses whose assignments hand the map (the outer query's `argument_maps` row) in as a
/// student's work: an assignment on its document, in a course where its owner is a student.
function studentCourses(eb: ExpressionBuilder<Database, 'argument_maps'>) {
  return eb
    .selectFrom('assignments as a')
    .innerJoin('enrolments as e', (j) => j.onRef('e.course_id', '=', 'a.course_id').onRef('e.user_id', '=', 'argument_maps.user_id').on('e.role', '=', 'student'))
    .innerJoin('courses as c', 'c.id', 'a.course_id')
    .select('c.id')
    .whereRef('a.document_id', '=', 'argument_maps.document_id');
}

/// True when the map belongs to courses, all of them archived (a map two courses share on one
/// text stays open while either is).
export function archivedOnly(eb: ExpressionBuilder<Database, 'argument_maps'>) {
  return eb.and([eb.exists(studentCourses(eb)), eb.not(eb.exists(studentCourses(eb).where('c.archived_at', 'is', null)))]);
}

/// The archived course a student's map belongs to, when it belongs to archived courses only (as
/// archivedOnly, most recently archived first); null when it belongs to none or to an active one.
/// An instructor's own maps (references) are no student's and stay theirs.
export async function archivedCourseOfMap(kysely: Kysely<Database>, mapId: string): Promise<{ id: string; title: string } | null> {
  const rows = await kysely
    .selectFrom('argument_maps as m')
    .innerJoin('assignments as a', 'a.document_id', 'm.document_id')
    .innerJoin('enrolments as e', (j) => j.onRef('e.course_id', '=', 'a.course_id').onRef('e.user_id', '=', 'm.user_id').on('e.role', '=', 'student'))
    .innerJoin('courses as c', 'c.id', 'a.course_id')
    .select(['c.id', 'c.title', 'c.archived_at'])
    .where('m.id', '=', mapId)
    .orderBy('c.archived_at', 'desc')
    .execute();
  if (rows.length === 0 || rows.some((r) => r.archived_at === null)) return null;
  return { id: rows[0].id, title: rows[0].title };
}

/// The refusal (423 'grading.closed') of a write to a map closed since `due`.
export function closedForEdits(due: string): GradingRefusal {
  return new GradingRefusal(423, 'grading.closed', { due }, `the assignment closed at ${due}: the map takes no more changes (ask your instructor for an extension)`);
}

/// The due time that closed the map for edits at `now`, or null when it is open (or submitted:
/// that is MapLockedError's business). One indexed query.
export async function closedSince(kysely: Kysely<Database>, mapId: string, now: Date): Promise<string | null> {
  const row = await kysely
    .selectFrom('argument_maps')
    .select((eb) => pastDueLocks(eb, now.toISOString()).as('due'))
    .where('id', '=', mapId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return row?.due ?? null;
}

/// Why a write to a map (not submitted, at the expected version) was refused: 423
/// 'course.archived' when its courses are archived, 423 'grading.closed' when a deadline closed
/// it at `now`; null when it is open.
export async function editRefusal(kysely: Kysely<Database>, mapId: string, now: Date): Promise<Error | null> {
  const archived = await archivedCourseOfMap(kysely, mapId);
  if (archived) return new CourseArchivedError(archived.id, archived.title);
  const due = await closedSince(kysely, mapId, now);
  return due ? closedForEdits(due) : null;
}

/// Refuses a write to a map closed for edits at `now` (editRefusal): the import route's check;
/// autosave's version bump carries the same conditions.
export async function assertOpenForEdits(db: Db, mapId: string, now = new Date()): Promise<void> {
  const refusal = await editRefusal(db.kysely, mapId, now);
  if (refusal) throw refusal;
}
