// GET /api/label-schemes — the schemes the user may pick for an assignment (the default and
// their own): { schemes }. POST /api/label-schemes — { name, labels: [{ id, ja, en }] (1–8,
// unique slug ids) } → 201 { scheme }, owned by the user; 409 when the name is taken, 422 for a
// bad body. Instructors and admins (403 for students); classroom mode only.
import { createLabelScheme, listLabelSchemes, SchemeNameTakenError } from '@/lib/db';
import { newLabelSchemeSchema } from '@/lib/classroom/schemas';
import { handle, HttpError, json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { requireRole } from '@/app/_shared/session';
import { classroomUser } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    requireRole(user, 'instructor', 'admin');
    return json({ schemes: await listLabelSchemes(db, user.id) });
  });
}

export function POST(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    requireRole(user, 'instructor', 'admin');
    const body = await readBody(request, newLabelSchemeSchema, BODY_LIMITS.form);
    try {
      return json({ scheme: await createLabelScheme(db, user.id, body) }, 201);
    } catch (e) {
      if (e instanceof SchemeNameTakenError) throw new HttpError(409, e.message, { field: 'name', code: 'labelScheme.nameTaken', params: { name: e.schemeName } });
      throw e;
    }
  });
}
