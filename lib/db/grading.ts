// Grading storage: late policies, per-student extensions, versioned rubrics, grades, submitting
// under the deadline, returning a grade and returning a map for revision (lib/grading holds the
// rules; this module keeps them in the database).
//
// Invariants:
// - A rubric change writes a new version (n+1) and never touches the older ones: a grade keeps
//   the version it was given with (grades.rubric_version references rubrics). A change based
//   on a version that is no longer the newest is refused (GradingRefusal 'grading.rubricStale').
// - A grade is saved only for a submitted map, only against the assignment's newest rubric
//   version, only with scores inside that rubric's ranges; returning it needs every criterion
//   scored; once returned it changes only by returning it again (its student reads it).
//   Each save is one transaction: a refusal writes nothing.
// - Returning for revision clears the submission (the map unlocks, its version bumps, as
//   unlockMap) and adds the instructor's message as a comment on the whole map, in one
//   transaction; the grade, if any, stays as a draft history of what was seen.
// - A submission under the 'lock' policy after the student's due time is refused
//   ('grading.closed'); under 'accept' it is taken and is late by submitted_at − due.
// - A student's map that belongs to archived courses only takes no edits (assertOpenForEdits:
//   'course.archived'); reading and exporting it go on.
// Events (lib/grading/events.ts) are emitted by the callers in app/, after these commit.
// Authorization is the route layer's business.

import { randomUUID } from 'node:crypto';
import { COMMENT_MAX_LENGTH } from '@/lib/comments/types';
import { DEFAULT_LATE_POLICY, effectiveDue, lateBy, submissionClosed, type LatePolicy } from '@/lib/grading/deadline';
import { scoreProblem, scoreTotal, rubricMax, type Criterion, type Rubric, type Scores } from '@/lib/grading/rubric';
import type { Db } from './connect';
import { getAssignment, type Assignment } from './courses';
import { GradingRefusal, NotFoundError, constraintViolation } from './errors';
import { getOrCreateMap } from './maps';
import { findMap } from './imports';
import type { GradesTable } from './schema';

export interface Grade {
  assignmentId: string;
  userId: string;
  mapId: string;
  rubricVersion: number;
  scores: Scores;
  comment: string;
  gradedBy: string;
  updatedAt: string;
  /// When it was last returned to the student; null while a draft.
  returnedAt: string | null;
  total: number;
}

// ---- late policy and extensions ----

export async function getLatePolicy(db: Db, assignmentId: string): Promise<LatePolicy> {
  const row = await db.kysely.selectFrom('assignment_policies').select('late_policy').where('assignment_id', '=', assignmentId).executeTakeFirst();
  return row?.late_policy ?? DEFAULT_LATE_POLICY;
}

export async function setLatePolicy(db: Db, assignmentId: string, policy: LatePolicy): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('assignment_policies')
    .values({ assignment_id: assignmentId, late_policy: policy, updated_at: now })
    .onConflict((oc) => oc.column('assignment_id').doUpdateSet({ late_policy: policy, updated_at: now }))
    .execute();
}

/// Gives the student a due time of their own (null removes it).
export async function setExtension(db: Db, assignmentId: string, userId: string, dueAt: string | null): Promise<void> {
  if (dueAt === null) {
    await db.kysely.deleteFrom('extensions').where('assignment_id', '=', assignmentId).where('user_id', '=', userId).execute();
    return;
  }
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('extensions')
    .values({ assignment_id: assignmentId, user_id: userId, due_at: dueAt, created_at: now })
    .onConflict((oc) => oc.columns(['assignment_id', 'user_id']).doUpdateSet({ due_at: dueAt, created_at: now }))
    .execute();
}

/// Extensions of the assignment: user id → due time.
export async function listExtensions(db: Db, assignmentId: string): Promise<Map<string, string>> {
  const rows = await db.kysely.selectFrom('extensions').select(['user_id', 'due_at']).where('assignment_id', '=', assignmentId).execute();
  return new Map(rows.map((r) => [r.user_id, r.due_at]));
}

/// The student's due time on the assignment (their extension, else the assignment's).
export async function studentDue(db: Db, assignment: Assignment, userId: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('extensions').select('due_at').where('assignment_id', '=', assignment.id).where('user_id', '=', userId).executeTakeFirst();
  return effectiveDue(assignment.dueAt, row?.due_at);
}

/// The assignments on the document in courses the user takes as a student, oldest first: what
/// the user's map of it is handed in to.
export async function studentAssignmentsOnDocument(db: Db, userId: string, documentId: string): Promise<Assignment[]> {
  const rows = await db.kysely
    .selectFrom('assignments as a')
    .innerJoin('enrolments as e', (j) => j.onRef('e.course_id', '=', 'a.course_id').on('e.user_id', '=', userId).on('e.role', '=', 'student'))
    .select('a.id')
    .where('a.document_id', '=', documentId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const found = await Promise.all(rows.map((r) => getAssignment(db, r.id)));
  return found.filter((a): a is Assignment => a !== null);
}

/// Where the student stands on the assignment's deadline: their due time, the policy, and
/// whether submission is closed for them now.
export async function deadlineFor(db: Db, assignment: Assignment, userId: string, now = new Date()): Promise<{ due: string | null; extended: boolean; policy: LatePolicy; closed: boolean; pastDue: boolean }> {
  const [row, policy] = await Promise.all([
    db.kysely.selectFrom('extensions').select('due_at').where('assignment_id', '=', assignment.id).where('user_id', '=', userId).executeTakeFirst(),
    getLatePolicy(db, assignment.id),
  ]);
  const due = effectiveDue(assignment.dueAt, row?.due_at);
  return { due, extended: row !== undefined, policy, closed: submissionClosed(policy, due, now), pastDue: due !== null && now.getTime() > Date.parse(due) };
}

// ---- rubrics ----

const toRubric = (r: { version: number; criteria_json: string; created_at: string }): Rubric => ({
  version: Number(r.version),
  criteria: JSON.parse(r.criteria_json) as Criterion[],
  createdAt: r.created_at,
});

/// The newest rubric version of the assignment, or null when it has none.
export async function currentRubric(db: Db, assignmentId: string): Promise<Rubric | null> {
  const row = await db.kysely.selectFrom('rubrics').select(['version', 'criteria_json', 'created_at']).where('assignment_id', '=', assignmentId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? toRubric(row) : null;
}

/// Every version of the assignment's rubric, by version number.
export async function rubricVersions(db: Db, assignmentId: string): Promise<Map<number, Rubric>> {
  const rows = await db.kysely.selectFrom('rubrics').select(['version', 'criteria_json', 'created_at']).where('assignment_id', '=', assignmentId).orderBy('version').execute();
  return new Map(rows.map((r) => [Number(r.version), toRubric(r)]));
}

/// Writes the next rubric version (see the header); `baseVersion` is the one the editor
/// started from (null: none).
export async function saveRubric(db: Db, assignmentId: string, authorId: string, baseVersion: number | null, criteria: Criterion[]): Promise<Rubric> {
  const createdAt = new Date().toISOString();
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const latest = await trx.selectFrom('rubrics').select('version').where('assignment_id', '=', assignmentId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      const current = latest ? Number(latest.version) : null;
      if (current !== baseVersion) throw staleRubric(current);
      const version = (current ?? 0) + 1;
      await trx.insertInto('rubrics').values({ assignment_id: assignmentId, version, criteria_json: JSON.stringify(criteria), created_by: authorId, created_at: createdAt }).execute();
      return { version, criteria, createdAt };
    });
  } catch (err) {
    // Two editors saving at once from the same base: the second insert collides on the key.
    if (constraintViolation(err) === 'unique') throw staleRubric((await currentRubric(db, assignmentId))?.version ?? null);
    if (constraintViolation(err) === 'foreign_key') throw new NotFoundError('assignment', assignmentId, { cause: err });
    throw err;
  }
}

const staleRubric = (current: number | null) =>
  new GradingRefusal(409, 'grading.rubricStale', { current: current ?? 0 }, `the rubric has changed meanwhile (now version ${current ?? 'none'}): reload it and make your change again`);

// ---- submitting ----

/// Hands in the student's map of the assignment's document (created empty if they have none),
/// unless the assignment is locked for them; submitting again keeps the first time.
export async function submitAssignment(db: Db, assignment: Assignment, userId: string, now = new Date()): Promise<{ mapId: string; version: number; submittedAt: string; lateByMs: number | null; already: boolean }> {
  const [{ due, closed }, existing] = await Promise.all([deadlineFor(db, assignment, userId, now), findMap(db, assignment.documentId, userId)]);
  if (existing?.submittedAt) return { mapId: existing.id, version: existing.version, submittedAt: existing.submittedAt, lateByMs: lateBy(existing.submittedAt, due), already: true };
  // Refused before the map is made: a refusal writes nothing.
  if (closed) {
    throw new GradingRefusal(423, 'grading.closed', { due: due! }, `the assignment closed at ${due}: it takes no work after its due time (ask your instructor for an extension)`);
  }
  const map = existing ?? (await getOrCreateMap(db, assignment.documentId, userId, assignment.labelSchemeId));
  const submittedAt = now.toISOString();
  await db.kysely
    .updateTable('argument_maps')
    .set((eb) => ({ submitted_at: submittedAt, version: eb('version', '+', 1) }))
    .where('id', '=', map.id)
    .where('submitted_at', 'is', null)
    .execute();
  const row = await db.kysely.selectFrom('argument_maps').select(['submitted_at', 'version']).where('id', '=', map.id).executeTakeFirstOrThrow();
  return { mapId: map.id, version: Number(row.version), submittedAt: row.submitted_at!, lateByMs: lateBy(row.submitted_at, due), already: row.submitted_at !== submittedAt };
}

// ---- grades ----

const toGrade = (r: GradesTable): Grade => {
  const scores = JSON.parse(r.scores_json) as Scores;
  return {
    assignmentId: r.assignment_id,
    userId: r.user_id,
    mapId: r.map_id,
    rubricVersion: Number(r.rubric_version),
    scores,
    comment: r.comment,
    gradedBy: r.graded_by,
    updatedAt: r.updated_at,
    returnedAt: r.returned_at,
    total: scoreTotal(scores),
  };
};

export async function getGrade(db: Db, assignmentId: string, userId: string): Promise<Grade | null> {
  const row = await db.kysely.selectFrom('grades').selectAll().where('assignment_id', '=', assignmentId).where('user_id', '=', userId).executeTakeFirst();
  return row ? toGrade(row) : null;
}

/// Every grade of the assignment, by student.
export async function listGrades(db: Db, assignmentId: string): Promise<Map<string, Grade>> {
  const rows = await db.kysely.selectFrom('grades').selectAll().where('assignment_id', '=', assignmentId).execute();
  return new Map(rows.map((r) => [r.user_id, toGrade(r)]));
}

/// The grades returned on this map (in any assignment), with the rubric version each used:
/// what its student sees.
export function returnedGradesOfMap(db: Db, mapId: string): Promise<ReturnedGrade[]> {
  return returnedGrades(db, 'g.map_id', mapId);
}

/// The grades returned to this student, in every assignment (their home page).
export function returnedGradesOfUser(db: Db, userId: string): Promise<ReturnedGrade[]> {
  return returnedGrades(db, 'g.user_id', userId);
}

export interface ReturnedGrade {
  grade: Grade;
  rubric: Rubric;
  assignmentTitle: string;
}

async function returnedGrades(db: Db, column: 'g.map_id' | 'g.user_id', value: string): Promise<ReturnedGrade[]> {
  const rows = await db.kysely
    .selectFrom('grades as g')
    .innerJoin('rubrics as r', (j) => j.onRef('r.assignment_id', '=', 'g.assignment_id').onRef('r.version', '=', 'g.rubric_version'))
    .innerJoin('assignments as a', 'a.id', 'g.assignment_id')
    .selectAll('g')
    .select(['r.version', 'r.criteria_json', 'r.created_at', 'a.title'])
    .where(column, '=', value)
    .where('g.returned_at', 'is not', null)
    .orderBy('g.returned_at')
    .execute();
  return rows.map((r) => ({ grade: toGrade(r), rubric: toRubric(r), assignmentTitle: r.title }));
}

export interface GradeInput {
  rubricVersion: number;
  scores: Scores;
  comment: string;
  /// Return it to the student now (else it is saved as a draft).
  return: boolean;
}

/// Saves (and maybe returns) the grade of the student's map (see the header for every rule).
export async function saveGrade(db: Db, assignment: Assignment, studentId: string, graderId: string, input: GradeInput): Promise<{ grade: Grade; max: number }> {
  const now = new Date().toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const map = await trx.selectFrom('argument_maps').select(['id', 'submitted_at']).where('document_id', '=', assignment.documentId).where('user_id', '=', studentId).executeTakeFirst();
    if (!map?.submitted_at) throw notSubmitted();
    const rubricRow = await trx.selectFrom('rubrics').select(['version', 'criteria_json', 'created_at']).where('assignment_id', '=', assignment.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (!rubricRow) throw new GradingRefusal(409, 'grading.noRubric', {}, 'the assignment has no rubric yet: make one before grading');
    const rubric = toRubric(rubricRow);
    if (rubric.version !== input.rubricVersion) {
      throw new GradingRefusal(409, 'grading.rubricChanged', { current: rubric.version }, `the rubric is now version ${rubric.version}, not ${input.rubricVersion}: reload and score again`);
    }
    const problem = scoreProblem(rubric.criteria, input.scores, input.return);
    if (problem) throw new GradingRefusal(422, problem.code, problem.params, problem.message);
    const row = {
      assignment_id: assignment.id,
      user_id: studentId,
      map_id: map.id,
      rubric_version: rubric.version,
      scores_json: JSON.stringify(input.scores),
      comment: input.comment.trim(),
      graded_by: graderId,
      updated_at: now,
    };
    const previous = await trx.selectFrom('grades').select('returned_at').where('assignment_id', '=', assignment.id).where('user_id', '=', studentId).executeTakeFirst();
    // The student reads the grade row itself: a draft over a returned grade would show them
    // scores never returned. A returned grade changes only by returning it again.
    if (!input.return && previous?.returned_at) {
      throw new GradingRefusal(409, 'grading.alreadyReturned', {}, 'this grade was returned: change it by returning it again (the student sees what was returned)');
    }
    const returnedAt = input.return ? now : null;
    await trx
      .insertInto('grades')
      .values({ ...row, returned_at: returnedAt })
      .onConflict((oc) => oc.columns(['assignment_id', 'user_id']).doUpdateSet({ ...row, returned_at: returnedAt }))
      .execute();
    return { grade: toGrade({ ...row, returned_at: returnedAt }), max: rubricMax(rubric.criteria) };
  });
}

const notSubmitted = () => new GradingRefusal(409, 'grading.notSubmitted', {}, 'the student has not submitted this map: only a submitted map is graded or returned');

/// Reopens the student's submitted map with a message to them (see the header).
export async function returnForRevision(db: Db, assignment: Assignment, studentId: string, instructorId: string, message: string): Promise<{ mapId: string; version: number }> {
  const body = message.trim();
  if (body.length === 0) throw new GradingRefusal(422, 'grading.messageEmpty', {}, 'say what to revise: the message is empty');
  if (body.length > COMMENT_MAX_LENGTH) throw new GradingRefusal(422, 'grading.messageLong', { max: COMMENT_MAX_LENGTH }, `the message is longer than ${COMMENT_MAX_LENGTH} characters`);
  const now = new Date().toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const map = await trx.selectFrom('argument_maps').select(['id', 'submitted_at']).where('document_id', '=', assignment.documentId).where('user_id', '=', studentId).executeTakeFirst();
    if (!map?.submitted_at) throw notSubmitted();
    await trx
      .updateTable('argument_maps')
      .set((eb) => ({ submitted_at: null, version: eb('version', '+', 1) }))
      .where('id', '=', map.id)
      .execute();
    await trx.insertInto('comments').values({ id: randomUUID(), map_id: map.id, target_kind: 'map', target_id: null, author_id: instructorId, body, created_at: now }).execute();
    const row = await trx.selectFrom('argument_maps').select('version').where('id', '=', map.id).executeTakeFirstOrThrow();
    return { mapId: map.id, version: Number(row.version) };
  });
}
