// GET /api/assignments/:id/grades/:userId — the course's instructors: { rubric, grade, due,
// mapId, submittedAt, lateByMs, max, suggestions } (suggestions from comparing the map with the
// reference: lib/grading/suggest.ts; a suggestion is never saved by itself). The student
// themself: { grades } — only what was returned to them, each with the rubric version it used.
// POST — instructors: { rubricVersion, scores: { criterionId: points }, comment, return } → 200
// { grade, max }. Refusals carry { code, params }: 409 grading.notSubmitted (nothing to grade or
// return), grading.noRubric, grading.rubricChanged { current }; 422 grading.scoreOutOfRange
// { criterion, points, max }, grading.unknownCriterion, grading.incomplete (returning needs every
// criterion). Nothing is written on a refusal. 404 for non-members and non-students; 403 for a
// student asking about someone else or posting. Classroom mode only.
import { courseRole, findMap, returnedGradesOfMap, saveGrade } from '@/lib/db';
import { announceGrading } from '@/app/_shared/gradingNotices';
import { gradeRequestSchema } from '@/lib/grading/rubric';
import { BODY_LIMITS, handle, HttpError, json, pathParams, readBody } from '@/app/_shared/http';
import { assignmentAccess, classroomUser, requireAssignmentRole } from '@/app/_shared/classroom';
import { loadGradingPanel } from '@/app/assignments/_lib/grading';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string; userId: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id, userId } = await pathParams(params);
    const { assignment, role } = await assignmentAccess(db, user, id);
    if (role === 'student') {
      if (userId !== user.id) throw new HttpError(403, 'a student sees only their own grades', { code: 'course.ownGradesOnly', params: {} });
      const map = await findMap(db, assignment.documentId, user.id);
      const grades = map ? (await returnedGradesOfMap(db, map.id)).filter((g) => g.grade.assignmentId === assignment.id) : [];
      return json({ grades });
    }
    if ((await courseRole(db, assignment.courseId, userId)) !== 'student') throw new HttpError(404, `user "${userId}" is not a student of this course`, { code: 'course.notStudent', params: { user: userId } });
    return json(await loadGradingPanel(db, assignment, userId));
  });
}

export function POST(request: Request, { params }: { params: Promise<{ id: string; userId: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id, userId } = await pathParams(params);
    const assignment = await requireAssignmentRole(db, user, id, 'instructor', 'only the course’s instructors grade');
    const body = await readBody(request, gradeRequestSchema, BODY_LIMITS.comment);
    if ((await courseRole(db, assignment.courseId, userId)) !== 'student') throw new HttpError(404, `user "${userId}" is not a student of this course`, { code: 'course.notStudent', params: { user: userId } });
    const { grade, max } = await saveGrade(db, assignment, userId, user.id, { rubricVersion: body.rubricVersion, scores: body.scores, comment: body.comment, return: body.return });
    if (body.return) await announceGrading(db, { kind: 'returned', assignmentId: assignment.id, userId, mapId: grade.mapId, returnedAt: grade.returnedAt!, total: grade.total, max }, user.id);
    return json({ grade, max });
  });
}
