// PATCH /api/assignments/:id — { dueAt?: ISO with zone | null, referenceMapId?: string | null, suggestions?: boolean }
// (at least one; null removes) → 200 { assignment }. The course's instructors (and admins);
// 403 for its students, 404 for everyone else. 422 for a bad body and for a reference map that
// is not the caller's own map of the assignment's document in its label scheme (as on create).
// Classroom mode only.
import { InvalidDataError, updateAssignment } from '@/lib/db';
import { assignmentChangeSchema, toUtcIso } from '@/lib/classroom/schemas';
import { handle, HttpError, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { classroomUser, requireAssignmentRole, requireOwnReference } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const assignment = await requireAssignmentRole(db, user, (await pathParams(params)).id, 'instructor', 'only the course’s instructors change an assignment');
    const body = await readBody(request, assignmentChangeSchema, BODY_LIMITS.form);
    await requireOwnReference(db, user, body.referenceMapId);
    try {
      const updated = await updateAssignment(db, assignment.id, {
        dueAt: body.dueAt === undefined ? undefined : body.dueAt === null ? null : toUtcIso(body.dueAt),
        referenceMapId: body.referenceMapId,
        suggestions: body.suggestions,
      });
      return json({ assignment: updated });
    } catch (e) {
      if (e instanceof InvalidDataError) throw new HttpError(422, e.message, { field: 'referenceMapId', code: 'assignment.referenceInvalid', params: {} });
      throw e;
    }
  });
}
