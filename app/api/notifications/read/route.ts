// POST /api/notifications/read — { ids: [...] } or { all: true } → { unread }: marks the signed-in
// user's notifications read (ids that are not theirs are ignored). Classroom mode only.
import { markNotificationsRead } from '@/lib/db';
import { notificationsReadSchema } from '@/lib/classroom/schemas';
import { handle, json, BODY_LIMITS, readBody } from '@/app/_shared/http';
import { classroomUser } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const body = await readBody(request, notificationsReadSchema, BODY_LIMITS.form);
    return json({ unread: await markNotificationsRead(db, user.id, 'all' in body ? 'all' : body.ids) });
  });
}
