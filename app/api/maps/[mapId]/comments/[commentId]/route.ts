// DELETE /api/maps/:mapId/comments/:commentId — its author takes a comment back: 200 { ok }.
// 404 when the map is not readable to the user or the comment is not on it; 403 when a reader
// of the map tries to delete someone else's comment.
import { deleteComment, getComment, openDb } from '@/lib/db';
import { handle, HttpError, json, notFound, pathParams } from '@/app/_shared/http';
import { assertSameOrigin, currentUser, readableMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

export function DELETE(request: Request, { params }: { params: Promise<{ mapId: string; commentId: string }> }) {
  return handle(request, async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request);
    const { mapId, commentId } = await pathParams(params);
    const map = await readableMap(db, user, mapId);
    const comment = await getComment(db, commentId);
    if (!comment || comment.mapId !== map.id) throw notFound('comment', commentId);
    if (comment.author.id !== user.id) throw new HttpError(403, 'only its author may delete a comment', { code: 'comment.authorOnly', params: {} });
    await deleteComment(db, comment.id, user.id);
    return json({ ok: true });
  });
}
