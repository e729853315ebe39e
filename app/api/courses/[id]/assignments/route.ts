// GET /api/courses/:id/assignments — members only: { assignments }.
// POST /api/courses/:id/assignments — the course's instructors (and admins):
// { documentId, title, dueAt?, labelSchemeId? } → 201 { assignment }; 422 for an unknown
// document or label scheme. Classroom mode only.
import { z } from 'zod';
import { createAssignment, listAssignments, NotFoundError, openDb } from '@/lib/db';
import { handle, HttpError, json, readBody } from '@/app/_shared/http';
import { assertSameOrigin, currentUser } from '@/app/_shared/session';
import { courseAccess, requireClassroom, requireCourseInstructor } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = z.strictObject({
  documentId: z.string().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  labelSchemeId: z.string().min(1).max(200).optional(),
});

type Params = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    requireClassroom();
    const db = await openDb();
    const user = await currentUser(db, request);
    const { id } = await params;
    await courseAccess(db, user, id);
    return json({ assignments: await listAssignments(db, id) });
  });
}

export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    requireClassroom();
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request);
    const { id } = await params;
    await requireCourseInstructor(db, user, id);
    const body = await readBody(request, requestSchema);
    try {
      const assignment = await createAssignment(db, id, {
        documentId: body.documentId,
        title: body.title,
        labelSchemeId: body.labelSchemeId,
        dueAt: body.dueAt ? new Date(body.dueAt).toISOString() : null,
      });
      return json({ assignment }, 201);
    } catch (e) {
      if (e instanceof NotFoundError && e.entity !== 'course') throw new HttpError(422, `unknown ${e.entity} "${e.id}"`, { field: e.entity === 'document' ? 'documentId' : 'labelSchemeId' });
      throw e;
    }
  });
}
