// GET /api/courses/:id/assignments — members only: { assignments }.
// POST /api/courses/:id/assignments — the course's instructors (and admins):
// { documentId, title, dueAt?, labelSchemeId?, referenceMapId?, suggestions? } → 201 { assignment }; 422 for
// an unknown document or label scheme, a scheme that is another instructor's (only the default,
// the user's own, the course's instructors' schemes and the scheme the text's assignments in
// other courses already use may be used: every assignment on a text has one), a text whose
// assignments use another scheme, and a reference map that is not the caller's own map of the
// document in the assignment's scheme. Classroom mode only.
import { courseRole, createAssignment, documentAssignmentScheme, InvalidDataError, labelSchemeOwner, listAssignments, NotFoundError, type Db, type User } from '@/lib/db';
import { newAssignmentSchema, toUtcIso } from '@/lib/classroom/schemas';
import { handle, HttpError, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { classroomUser, courseAccess, requireCourseInstructor, requireOwnReference } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Params) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id } = await pathParams(params);
    await courseAccess(db, user, id);
    return json({ assignments: await listAssignments(db, id) });
  });
}

export function POST(request: Request, { params }: Params) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id } = await pathParams(params);
    await requireCourseInstructor(db, user, id);
    const body = await readBody(request, newAssignmentSchema, BODY_LIMITS.form);
    if (body.labelSchemeId) await requireUsableScheme(db, user, id, body.documentId, body.labelSchemeId);
    await requireOwnReference(db, user, body.referenceMapId);
    try {
      const assignment = await createAssignment(db, id, {
        documentId: body.documentId,
        title: body.title,
        labelSchemeId: body.labelSchemeId,
        dueAt: body.dueAt ? toUtcIso(body.dueAt) : null,
        referenceMapId: body.referenceMapId ?? null,
        suggestions: body.suggestions,
      });
      return json({ assignment }, 201);
    } catch (e) {
      if (e instanceof NotFoundError && e.entity !== 'course') {
        const field = e.entity === 'document' ? 'documentId' : 'labelSchemeId';
        throw new HttpError(422, `unknown ${e.entity} "${e.id}"`, { field, code: field === 'documentId' ? 'assignment.documentUnknown' : 'assignment.schemeUnknown', params: {} });
      }
      if (e instanceof InvalidDataError) throw new HttpError(422, e.message, { field: 'referenceMapId', code: 'assignment.referenceInvalid', params: {} });
      throw e;
    }
  });
}

/// 422 unless the scheme is ownerless (the default), the user's own, made by an instructor of
/// this course, or the one the text's assignments already use (else, once one course set a text
/// in its instructor's scheme, no other course could set that text at all): another
/// instructor's scheme is otherwise theirs to use.
async function requireUsableScheme(db: Db, user: User, courseId: string, documentId: string, schemeId: string): Promise<void> {
  const owner = await labelSchemeOwner(db, schemeId);
  if (owner === undefined) throw new HttpError(422, `unknown label scheme "${schemeId}"`, { field: 'labelSchemeId', code: 'assignment.schemeUnknown', params: {} });
  if (owner === null || owner === user.id || (await courseRole(db, courseId, owner)) === 'instructor') return;
  if ((await documentAssignmentScheme(db, documentId)) === schemeId) return;
  throw new HttpError(422, `label scheme "${schemeId}" is another instructor’s: use the default or one of your own`, { field: 'labelSchemeId', code: 'assignment.schemeOthers', params: {} });
}
