// GET /api/notifications — the signed-in user's notifications, newest first (at most 100), and
// how many are unread: { notifications: [{ id, kind, actor, mapId, documentId, documentTitle,
// assignmentId, assignmentTitle, commentId, commentBody, createdAt, readAt, path }], unread }.
// Kinds: comment, reply, submitted, returned (lib/db/notifications.ts). Classroom mode only.
import { listNotifications, notificationPath, unreadCount } from '@/lib/db';
import { handle, json } from '@/app/_shared/http';
import { classroomUser } from '@/app/_shared/classroom';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const [list, unread] = await Promise.all([listNotifications(db, user.id), unreadCount(db, user.id)]);
    return json({ notifications: list.map((n) => ({ ...n, path: notificationPath(n) })), unread }, 200, { 'cache-control': 'no-store' });
  });
}
