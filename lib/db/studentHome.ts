// What a student's home page lists: each course they take, its assignments with the due date,
// whether they started and submitted (their map of the assignment's text), and how much unread
// feedback (notifications) waits on that text. Two queries, whatever the number of courses.
// Grading (scores, returned) joins onto the same rows where it is stored.

import type { Db } from './connect';
import { unreadByDocument } from './notifications';
import { rubricMax } from '@/lib/grading/rubric';
import { returnedGradesOfUser } from './grading';

export interface StudentAssignment {
  id: string;
  title: string;
  documentId: string;
  documentTitle: string;
  dueAt: string | null;
  mapId: string | null;
  submittedAt: string | null;
  /// Unread notifications about the student's map of this text.
  unread: number;
  /// The grade, once returned (lib/db/grading.ts): points out of the rubric's maximum.
  returned: { at: string; total: number; max: number } | null;
}

export interface StudentCourse {
  id: string;
  title: string;
  archived: boolean;
  assignments: StudentAssignment[];
}

/// The courses the user takes as a student, newest first, assignments oldest first.
export async function studentOverview(db: Db, userId: string): Promise<StudentCourse[]> {
  const [rows, unread, returned] = await Promise.all([
    db.kysely
      .selectFrom('enrolments as e')
      .innerJoin('courses as c', 'c.id', 'e.course_id')
      .leftJoin('assignments as a', 'a.course_id', 'c.id')
      .leftJoin('documents as d', 'd.id', 'a.document_id')
      .leftJoin('argument_maps as m', (j) => j.onRef('m.document_id', '=', 'a.document_id').on('m.user_id', '=', userId))
      .select(['c.id as course_id', 'c.title as course_title', 'c.archived_at', 'c.created_at as course_created', 'a.id', 'a.title', 'a.document_id', 'd.title as document_title', 'a.due_at', 'a.created_at', 'm.id as map_id', 'm.submitted_at'])
      .where('e.user_id', '=', userId)
      .where('e.role', '=', 'student')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .orderBy('a.created_at')
      .orderBy('a.title') // as listAssignments: those of one millisecond by title
      .orderBy('a.id')
      .execute(),
    unreadByDocument(db, userId),
    returnedByAssignment(db, userId),
  ]);
  const courses: StudentCourse[] = [];
  for (const r of rows) {
    let course = courses.at(-1);
    if (!course || course.id !== r.course_id) {
      course = { id: r.course_id, title: r.course_title, archived: r.archived_at !== null, assignments: [] };
      courses.push(course);
    }
    if (r.id && r.document_id) {
      course.assignments.push({
        id: r.id,
        title: r.title!,
        documentId: r.document_id,
        documentTitle: r.document_title ?? r.document_id,
        dueAt: r.due_at ?? null,
        mapId: r.map_id ?? null,
        submittedAt: r.submitted_at ?? null,
        unread: unread.get(r.document_id) ?? 0,
        returned: returned.get(r.id) ?? null,
      });
    }
  }
  return courses;
}

/// The student's returned grades by assignment, out of the rubric version each used.
async function returnedByAssignment(db: Db, userId: string): Promise<Map<string, { at: string; total: number; max: number }>> {
  const grades = await returnedGradesOfUser(db, userId);
  return new Map(grades.map(({ grade, rubric }) => [grade.assignmentId, { at: grade.returnedAt!, total: grade.total, max: rubricMax(rubric.criteria) }]));
}
