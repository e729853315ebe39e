// POST /api/documents/:id/public — admins: { public: boolean } → 200 { id, public }. A public
// text is listed and opened by every signed-in user; otherwise students see only the texts of
// their courses' assignments (lib/db/documentAccess.ts). 403 for everyone else signed in, 404
// for an unknown document. Classroom mode only (404 in solo mode).
import { z } from 'zod';
import { setDocumentPublic } from '@/lib/db';
import { BODY_LIMITS, handle, json, pathParams, readBody } from '@/app/_shared/http';
import { requireRole } from '@/app/_shared/session';
import { classroomUser } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

const requestSchema = z.strictObject({ public: z.boolean() });

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    requireRole(user, 'admin');
    const body = await readBody(request, requestSchema, BODY_LIMITS.form);
    const { id } = await pathParams(params);
    await setDocumentPublic(db, id, body.public);
    return json({ id, public: body.public });
  });
}
