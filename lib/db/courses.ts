// Courses, enrolment, assignments and submission (classroom mode).
//
// Invariants:
// - A course's join code is 8 characters of JOIN_CODE_ALPHABET (no 0/O, 1/I/L, so it can be
//   read aloud or off a projector); unique by constraint, a collision is retried.
// - The owner of a course is enrolled in it as 'instructor' (same transaction as the course),
//   and courseRole counts the owner as instructor even without that row.
// - Joining by code is idempotent and never changes a role already held (an instructor who
//   types the code stays instructor); a new member joins as 'student'.
// - A submitted map (argument_maps.submitted_at set) refuses every write (MapLockedError, see
//   bumpVersion in maps.ts) until unlockMap; submit and unlock bump the version, so a client
//   that missed the change reloads instead of writing over it.
// - An archived course (archived_at set) is read-only: every change to it or its assignments,
//   joining it and submitting to it throws CourseArchivedError (assertCourseActive), and so does
//   a student's edit of a map that belongs to archived courses only (editLock.ts);
//   reading and exporting go on. Unarchiving makes it active again.
// - A join code switched off (join_disabled) finds no course, as an unknown code; regenerating
//   the code switches it on again. The owner can never be removed from the course.
// Authorization (who may see or do what) is the route layer's business (app/_shared/session.ts).

import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from './connect';
import type { AssignmentsTable, CoursesTable } from './schema';
import { constraintViolation, DbError, InvalidDataError, NotFoundError } from './errors';
import { DEFAULT_LABEL_SCHEME_ID, getLabelScheme } from './label-schemes';

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export type CourseRole = 'instructor' | 'student';

export interface Course {
  id: string;
  title: string;
  joinCode: string;
  ownerId: string;
  createdAt: string;
  /// When an instructor archived the course, or null while it is active.
  archivedAt: string | null;
  /// False when the instructors switched the join code off.
  joinEnabled: boolean;
}

/// The course is archived: it takes no changes (reading and exporting go on).
export class CourseArchivedError extends DbError {
  constructor(
    readonly courseId: string,
    readonly title: string,
  ) {
    super(`the course "${title}" is archived: it is read-only (an instructor can unarchive it)`);
  }
}

export interface CourseWithRole extends Course {
  role: CourseRole;
}

export interface Assignment {
  id: string;
  courseId: string;
  documentId: string;
  labelSchemeId: string;
  title: string;
  dueAt: string | null;
  referenceMapId: string | null;
  /// The students are offered the signposts' suggested units (lib/signposts).
  suggestions: boolean;
  createdAt: string;
}

export interface NewAssignment {
  documentId: string;
  labelSchemeId?: string;
  title: string;
  dueAt?: string | null;
  referenceMapId?: string | null;
  /// Offer the signposts' suggestions to the students (default true).
  suggestions?: boolean;
}

export interface DashboardRow {
  userId: string;
  name: string;
  displayName: string;
  /// The student's map of the assignment's document, or null when they have not started.
  mapId: string | null;
  /// Units per label of the assignment's scheme (every label present, 0 when unused).
  units: Record<string, number>;
  relations: number;
  /// The map's updated_at, or null without a map or when nothing was ever written to it.
  lastEdit: string | null;
  submittedAt: string | null;
}

/// A fresh join code (uniform over the alphabet: 256 is not a multiple of 31, so reject bytes).
export function newJoinCode(): string {
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const b of randomBytes(16)) {
      if (b < 248 && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length];
    }
  }
  return code;
}

/// What a user typed, as stored: upper case, without spaces or dashes.
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

type CourseRow = Pick<CoursesTable, 'id' | 'title' | 'join_code' | 'owner_id' | 'created_at' | 'archived_at'> & { join_disabled?: number | null };
const toCourse = (r: CourseRow): Course => ({
  id: r.id,
  title: r.title,
  joinCode: r.join_code,
  ownerId: r.owner_id,
  createdAt: r.created_at,
  archivedAt: r.archived_at ?? null,
  joinEnabled: Number(r.join_disabled ?? 0) === 0,
});

/// Creates a course owned (and taught) by `ownerId`. `codes` is for tests (forcing collisions).
export async function createCourse(db: Db, ownerId: string, title: string, codes: () => string = newJoinCode): Promise<Course> {
  const now = new Date().toISOString();
  for (let attempt = 0; attempt < 10; attempt++) {
    const course = { id: randomUUID(), title, join_code: codes(), owner_id: ownerId, created_at: now, archived_at: null };
    try {
      await db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('courses').values(course).execute();
        await trx.insertInto('enrolments').values({ course_id: course.id, user_id: ownerId, role: 'instructor', joined_at: now }).execute();
      });
      return toCourse(course);
    } catch (err) {
      const kind = constraintViolation(err);
      if (kind === 'foreign_key') throw new NotFoundError('user', ownerId, { cause: err });
      if (kind !== 'unique') throw err;
      // a join-code collision: try another code
    }
  }
  throw new DbError('could not find a free join code in 10 attempts');
}

export async function getCourse(db: Db, courseId: string): Promise<Course | null> {
  const row = await db.kysely.selectFrom('courses').selectAll().where('id', '=', courseId).executeTakeFirst();
  return row ? toCourse(row) : null;
}

/// NotFoundError for an unknown course, CourseArchivedError for an archived one: what every
/// change to a course or its assignments checks first.
export async function assertCourseActive(db: Db, courseId: string): Promise<Course> {
  const course = await getCourse(db, courseId);
  if (!course) throw new NotFoundError('course', courseId);
  if (course.archivedAt) throw new CourseArchivedError(course.id, course.title);
  return course;
}

/// The course with this join code, or null (also when the code is switched off).
export async function findCourseByJoinCode(db: Db, code: string): Promise<Course | null> {
  const row = await db.kysely.selectFrom('courses').selectAll().where('join_code', '=', normalizeJoinCode(code)).where('join_disabled', '=', 0).executeTakeFirst();
  return row ? toCourse(row) : null;
}

/// Enrols the user in the course with this code (as student unless already a member); returns
/// the course and the role held. Unknown or switched-off code → NotFoundError; an archived
/// course → CourseArchivedError.
export async function joinCourse(db: Db, userId: string, code: string): Promise<CourseWithRole> {
  const row = await db.kysely.selectFrom('courses').selectAll().where('join_code', '=', normalizeJoinCode(code)).where('join_disabled', '=', 0).executeTakeFirst();
  if (!row) throw new NotFoundError('course with join code', code);
  if (row.archived_at) throw new CourseArchivedError(row.id, row.title);
  try {
    await db.kysely
      .insertInto('enrolments')
      .values({ course_id: row.id, user_id: userId, role: 'student', joined_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['course_id', 'user_id']).doNothing())
      .execute();
  } catch (err) {
    if (constraintViolation(err) === 'foreign_key') throw new NotFoundError('user', userId, { cause: err });
    throw err;
  }
  return { ...toCourse(row), role: (await courseRole(db, row.id, userId))! };
}

/// The courses the user teaches or takes, newest first, with the role held in each.
export async function listCoursesOf(db: Db, userId: string): Promise<CourseWithRole[]> {
  const rows = await db.kysely
    .selectFrom('courses as c')
    .innerJoin('enrolments as e', 'e.course_id', 'c.id')
    .select(['c.id', 'c.title', 'c.join_code', 'c.owner_id', 'c.created_at', 'c.archived_at', 'c.join_disabled', 'e.role'])
    .where('e.user_id', '=', userId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ ...toCourse(r), role: r.owner_id === userId ? 'instructor' : r.role }));
}

/// The user's role in the course, or null when not a member (the owner is always instructor).
export async function courseRole(db: Db, courseId: string, userId: string): Promise<CourseRole | null> {
  const course = await db.kysely.selectFrom('courses').select('owner_id').where('id', '=', courseId).executeTakeFirst();
  if (!course) return null;
  if (course.owner_id === userId) return 'instructor';
  const row = await db.kysely.selectFrom('enrolments').select('role').where('course_id', '=', courseId).where('user_id', '=', userId).executeTakeFirst();
  return row?.role ?? null;
}

export interface CourseMember {
  userId: string;
  name: string;
  displayName: string;
  role: CourseRole;
  joinedAt: string;
}

export async function listMembers(db: Db, courseId: string): Promise<CourseMember[]> {
  const rows = await db.kysely
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.user_id', 'u.name', 'u.display_name', 'e.role', 'e.joined_at'])
    .where('e.course_id', '=', courseId)
    .orderBy('e.role')
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.name, displayName: r.display_name, role: r.role, joinedAt: r.joined_at }));
}

type AssignmentRow = AssignmentsTable;
const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  courseId: r.course_id,
  documentId: r.document_id,
  labelSchemeId: r.label_scheme_id,
  title: r.title,
  dueAt: r.due_at,
  referenceMapId: r.reference_map_id,
  suggestions: r.suggestions !== 0,
  createdAt: r.created_at,
});

/// Adds an assignment. NotFoundError for an unknown course, document or label scheme;
/// InvalidDataError when the reference map is not an instructor's map of the same document.
export async function createAssignment(db: Db, courseId: string, input: NewAssignment): Promise<Assignment> {
  await assertCourseActive(db, courseId);
  const doc = await db.kysely.selectFrom('documents').select('id').where('id', '=', input.documentId).executeTakeFirst();
  if (!doc) throw new NotFoundError('document', input.documentId);
  const labelSchemeId = input.labelSchemeId ?? DEFAULT_LABEL_SCHEME_ID;
  if (!(await getLabelScheme(db, labelSchemeId))) throw new NotFoundError('label scheme', labelSchemeId);
  if (input.referenceMapId) await checkReferenceMap(db, courseId, input.documentId, labelSchemeId, input.referenceMapId);
  const row: AssignmentRow = {
    id: randomUUID(),
    course_id: courseId,
    document_id: input.documentId,
    label_scheme_id: labelSchemeId,
    title: input.title,
    due_at: input.dueAt ?? null,
    reference_map_id: input.referenceMapId ?? null,
    suggestions: input.suggestions === false ? 0 : 1,
    created_at: new Date().toISOString(),
  };
  await db.kysely.transaction().execute(async (trx) => {
    // Check and insert as one: on PostgreSQL the document's row is locked so that two new
    // assignments on one text in different schemes cannot both pass the check (SQLite runs one
    // write transaction at a time, and this process holds one connection).
    if (db.dialect === 'postgres') await trx.selectFrom('documents').select('id').where('id', '=', input.documentId).forUpdate().execute();
    // A student has one map per text (argument_maps is unique by document and user), so every
    // assignment on a text must use the same labels: a second scheme would leave the maps in the
    // first one's labels, and its dashboard, agreement and export would read them wrongly.
    const other = await trx
      .selectFrom('assignments')
      .select(['title', 'course_id', 'label_scheme_id'])
      .where('document_id', '=', input.documentId)
      .where('label_scheme_id', '!=', labelSchemeId)
      .executeTakeFirst();
    if (other) {
      // Another course's assignment is named only as that: its title is not this instructor's to read.
      const which = other.course_id === courseId ? `an assignment ("${other.title}")` : 'an assignment in another course';
      throw new InvalidDataError(
        `the text "${input.documentId}" already has ${which} in the label scheme "${other.label_scheme_id}": ` +
          'a student has one map per text, so every assignment on it uses the same labels (use that scheme)',
      );
    }
    await trx.insertInto('assignments').values(row).execute();
  });
  return toAssignment(row);
}

/// The scheme each text's assignments use (the texts that have any), in one query: what a new
/// assignment on that text must use too (see documentAssignmentScheme).
export async function textSchemes(db: Db): Promise<Map<string, string>> {
  const rows = await db.kysely.selectFrom('assignments').select(['document_id', 'label_scheme_id']).distinct().execute();
  return new Map(rows.map((r) => [r.document_id, r.label_scheme_id]));
}

/// The label scheme the assignments on the document use (createAssignment keeps it to one), or
/// null when the text has no assignment yet.
export async function documentAssignmentScheme(db: Db, documentId: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('assignments').select('label_scheme_id').where('document_id', '=', documentId).orderBy('created_at').limit(1).executeTakeFirst();
  return row?.label_scheme_id ?? null;
}

/// InvalidDataError unless the map is of the document, made by an instructor of the course (or
/// an admin: admins teach every course) and in the assignment's label scheme — a reference in
/// other labels could not be compared with the students' maps.
async function checkReferenceMap(db: Db, courseId: string, documentId: string, labelSchemeId: string, referenceMapId: string): Promise<void> {
  const ref = await db.kysely
    .selectFrom('argument_maps as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.document_id', 'm.user_id', 'm.label_scheme_id', 'u.role'])
    .where('m.id', '=', referenceMapId)
    .executeTakeFirst();
  if (!ref || ref.document_id !== documentId || (ref.role !== 'admin' && (await courseRole(db, courseId, ref.user_id)) !== 'instructor')) {
    throw new InvalidDataError(`reference map "${referenceMapId}" is not an instructor's map of document "${documentId}"`);
  }
  if (ref.label_scheme_id !== labelSchemeId) {
    throw new InvalidDataError(
      `reference map "${referenceMapId}" uses the label scheme "${ref.label_scheme_id}", the assignment "${labelSchemeId}": ` +
        'set the assignment first, then annotate the document (a new map takes the assignment’s labels) and choose that map as the reference',
    );
  }
}

export interface AssignmentChanges {
  /// ISO UTC; null removes the due date; absent leaves it.
  dueAt?: string | null;
  /// null removes the reference; absent leaves it.
  referenceMapId?: string | null;
  /// Offer the signposts' suggestions to the students; absent leaves it.
  suggestions?: boolean;
}

/// Changes an assignment's due date and/or reference map (checked as createAssignment does) in
/// one statement. NotFoundError for an unknown assignment, InvalidDataError for a bad reference.
export async function updateAssignment(db: Db, assignmentId: string, changes: AssignmentChanges): Promise<Assignment> {
  const current = await getAssignment(db, assignmentId);
  if (!current) throw new NotFoundError('assignment', assignmentId);
  await assertCourseActive(db, current.courseId);
  if (changes.referenceMapId) await checkReferenceMap(db, current.courseId, current.documentId, current.labelSchemeId, changes.referenceMapId);
  const set: { due_at?: string | null; reference_map_id?: string | null; suggestions?: number } = {};
  if (changes.suggestions !== undefined) set.suggestions = changes.suggestions ? 1 : 0;
  if (changes.dueAt !== undefined) set.due_at = changes.dueAt;
  if (changes.referenceMapId !== undefined) set.reference_map_id = changes.referenceMapId;
  if (Object.keys(set).length > 0) {
    const result = await db.kysely.updateTable('assignments').set(set).where('id', '=', assignmentId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('assignment', assignmentId);
  }
  const updated = await getAssignment(db, assignmentId);
  if (!updated) throw new NotFoundError('assignment', assignmentId);
  return updated;
}

/// Oldest first; assignments created in the same millisecond (a script, an import) by title, so
/// that 第1回 stays before 第2回 (their ids are random).
export async function listAssignments(db: Db, courseId: string): Promise<Assignment[]> {
  const rows = await db.kysely.selectFrom('assignments').selectAll().where('course_id', '=', courseId).orderBy('created_at').orderBy('title').orderBy('id').execute();
  return rows.map(toAssignment);
}

export async function getAssignment(db: Db, assignmentId: string): Promise<Assignment | null> {
  const row = await db.kysely.selectFrom('assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  return row ? toAssignment(row) : null;
}

/// The assignments on the document in courses where the viewer is an instructor (any course for
/// null: admins) and the map's owner a student — what lets an instructor read a student's map.
function reviewableAssignments(db: Db, instructorId: string | null, studentId: string, documentId: string) {
  let q = db.kysely
    .selectFrom('assignments as a')
    .innerJoin('enrolments as s', (j) => j.onRef('s.course_id', '=', 'a.course_id').on('s.user_id', '=', studentId).on('s.role', '=', 'student'))
    .where('a.document_id', '=', documentId);
  if (instructorId !== null) {
    q = q.innerJoin('courses as c', 'c.id', 'a.course_id').where((eb) =>
      eb.or([
        eb('c.owner_id', '=', instructorId),
        eb.exists(
          eb.selectFrom('enrolments as t').select('t.user_id').whereRef('t.course_id', '=', 'a.course_id').where('t.user_id', '=', instructorId).where('t.role', '=', 'instructor'),
        ),
      ]),
    );
  }
  return q;
}

/// Whether some course has an assignment on the document, the viewer is an instructor there and
/// the map's owner a student there: what lets an instructor read a student's map.
export async function teachesStudentOnDocument(db: Db, instructorId: string | null, studentId: string, documentId: string): Promise<boolean> {
  return (await reviewableAssignments(db, instructorId, studentId, documentId).select('a.id').limit(1).executeTakeFirst()) !== undefined;
}

/// The courses in which the map is an assignment's reference and the viewer teaches (owns the
/// course or is enrolled as its instructor; any course for null: admins), each once: what lets a
/// course's co-instructors read and curate a reference map that another instructor owns.
export async function referenceCoursesOf(db: Db, mapId: string, instructorId: string | null): Promise<Array<{ id: string; title: string; archivedAt: string | null }>> {
  let q = db.kysely.selectFrom('assignments as a').innerJoin('courses as c', 'c.id', 'a.course_id').where('a.reference_map_id', '=', mapId);
  if (instructorId !== null) {
    q = q.where((eb) =>
      eb.or([
        eb('c.owner_id', '=', instructorId),
        eb.exists(eb.selectFrom('enrolments as t').select('t.user_id').whereRef('t.course_id', '=', 'c.id').where('t.user_id', '=', instructorId).where('t.role', '=', 'instructor')),
      ]),
    );
  }
  const rows = await q.select(['c.id', 'c.title', 'c.archived_at']).distinct().orderBy('c.id').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, archivedAt: r.archived_at }));
}

/// Those assignments themselves, oldest first (then by title, as listAssignments): the review
/// page links back to them.
export async function assignmentsReviewing(db: Db, instructorId: string | null, studentId: string, documentId: string): Promise<Assignment[]> {
  const rows = await reviewableAssignments(db, instructorId, studentId, documentId).selectAll('a').orderBy('a.created_at').orderBy('a.title').orderBy('a.id').execute();
  return rows.map(toAssignment);
}

/// Marks the map submitted (locked); returns submittedAt. Submitting again keeps the first time.
export async function submitMap(db: Db, mapId: string): Promise<{ submittedAt: string; version: number }> {
  const now = new Date().toISOString();
  await db.kysely
    .updateTable('argument_maps')
    .set((eb) => ({ submitted_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', mapId)
    .where('submitted_at', 'is', null)
    .execute();
  const row = await db.kysely.selectFrom('argument_maps').select(['submitted_at', 'version']).where('id', '=', mapId).executeTakeFirst();
  if (!row) throw new NotFoundError('argument map', mapId);
  return { submittedAt: row.submitted_at!, version: Number(row.version) };
}

/// Clears the submission so the owner can edit again. Unlocking an unlocked map changes nothing.
export async function unlockMap(db: Db, mapId: string): Promise<{ version: number }> {
  await db.kysely
    .updateTable('argument_maps')
    .set((eb) => ({ submitted_at: null, version: eb('version', '+', 1) }))
    .where('id', '=', mapId)
    .where('submitted_at', 'is not', null)
    .execute();
  const row = await db.kysely.selectFrom('argument_maps').select('version').where('id', '=', mapId).executeTakeFirst();
  if (!row) throw new NotFoundError('argument map', mapId);
  return { version: Number(row.version) };
}

/// One row per student enrolled in the assignment's course (by user name): their map's unit
/// counts per label, relation count, last edit and submission. Four queries, whatever the class size.
/// Implicit units (unstated premises a student reconstructed) count under their label and an
/// undercutter counts as a relation: both are work the student did, as classAgreement counts them.
export async function courseDashboard(db: Db, assignmentId: string): Promise<DashboardRow[]> {
  const assignment = await getAssignment(db, assignmentId);
  if (!assignment) throw new NotFoundError('assignment', assignmentId);
  const scheme = await getLabelScheme(db, assignment.labelSchemeId);
  const labels = scheme ? scheme.labels.map((l) => l.id) : [];

  const students = await db.kysely
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('argument_maps as m', (j) => j.onRef('m.user_id', '=', 'e.user_id').on('m.document_id', '=', assignment.documentId))
    .select(['e.user_id', 'u.name', 'u.display_name', 'm.id as map_id', 'm.version', 'm.updated_at', 'm.submitted_at'])
    .where('e.course_id', '=', assignment.courseId)
    .where('e.role', '=', 'student')
    .orderBy('u.name')
    .execute();

  const studentMaps = (eb: any) =>
    eb
      .selectFrom('argument_maps as m2')
      .innerJoin('enrolments as e2', 'e2.user_id', 'm2.user_id')
      .select('m2.id')
      .where('m2.document_id', '=', assignment.documentId)
      .where('e2.course_id', '=', assignment.courseId)
      .where('e2.role', '=', 'student');
  const unitCounts = await db.kysely
    .selectFrom('units')
    .select(['map_id', 'label', (eb) => eb.fn.countAll().as('n')])
    .where('map_id', 'in', studentMaps)
    .groupBy(['map_id', 'label'])
    .execute();
  const relationCounts = await db.kysely
    .selectFrom('relations')
    .select(['map_id', (eb) => eb.fn.countAll().as('n')])
    .where('map_id', 'in', studentMaps)
    .groupBy('map_id')
    .execute();

  const units = new Map<string, Record<string, number>>();
  for (const r of unitCounts) {
    const perLabel = units.get(r.map_id) ?? {};
    perLabel[r.label] = Number(r.n);
    units.set(r.map_id, perLabel);
  }
  const relations = new Map(relationCounts.map((r) => [r.map_id, Number(r.n)]));
  return students.map((s) => {
    const perLabel: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
    Object.assign(perLabel, s.map_id ? units.get(s.map_id) : undefined);
    return {
      userId: s.user_id,
      name: s.name,
      displayName: s.display_name,
      mapId: s.map_id ?? null,
      units: perLabel,
      relations: s.map_id ? (relations.get(s.map_id) ?? 0) : 0,
      // A map is created when its student first opens the text; version 1 means nothing was
      // ever written to it, so there is no edit to show (the page says 'not started').
      lastEdit: s.version != null && Number(s.version) > 1 ? (s.updated_at ?? null) : null,
      submittedAt: s.submitted_at ?? null,
    };
  });
}
