// POST /api/users/:id/role — { role: student|instructor|admin } → 200 { user }. Admins only
// (403 for everyone else signed in); 404 for an unknown account (and the local user); 409 when
// it would demote the last admin. Classroom mode only (404 in solo mode).
import { setRole } from '@/lib/auth/accounts';
import { ForbiddenError, InvalidAccountInputError, LastAdminError } from '@/lib/auth/errors';
import { roleChangeSchema } from '@/lib/classroom/schemas';
import { handle, HttpError, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { requireRole } from '@/app/_shared/session';
import { classroomUser } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user: admin } = await classroomUser(request);
    requireRole(admin, 'admin'); // 403 before the body is read
    const body = await readBody(request, roleChangeSchema, BODY_LIMITS.form);
    try {
      const user = await setRole(db, admin.id, (await pathParams(params)).id, body.role);
      return json({ user: { id: user.id, name: user.name, displayName: user.displayName, role: user.role, createdAt: user.createdAt } });
    } catch (e) {
      if (e instanceof LastAdminError) throw new HttpError(409, e.message, { field: 'role', code: e.code, params: e.params });
      if (e instanceof ForbiddenError) throw new HttpError(403, e.message, { code: e.code, params: e.params });
      if (e instanceof InvalidAccountInputError) throw new HttpError(422, e.message, { field: e.field, code: e.code, params: e.params });
      throw e;
    }
  });
}
