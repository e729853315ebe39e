// GET /api/maps/:mapId/comments — { comments } (oldest first), for anyone who may read the map:
// its owner, its course's instructors, admins (readableMap); 404 for everyone else.
// POST /api/maps/:mapId/comments — the same readers (an instructor gives feedback, the owner
// answers): { targetKind, targetId?, body } → 201 { comment }; 422 when the body is malformed
// or the unit or relation is not in the map. Not a map edit: no version bump, and a submitted
// map takes comments too. The comment is announced (notify): an instructor's to the map's owner,
// the owner's reply to the instructors who teach them on that text.
import { addComment, InvalidDataError, listComments, notify, openDb } from '@/lib/db';
import { newCommentSchema } from '@/lib/comments/schema';
import { handle, HttpError, json, BODY_LIMITS, readBody, pathParams } from '@/app/_shared/http';
import { assertSameOrigin, currentUser, readableMap } from '@/app/_shared/session';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ mapId: string }> };

export function GET(request: Request, { params }: Params) {
  return handle(request, async () => {
    const db = await openDb();
    const map = await readableMap(db, await currentUser(db, request), (await pathParams(params)).mapId);
    return json({ comments: await listComments(db, map.id) });
  });
}

export function POST(request: Request, { params }: Params) {
  return handle(request, async () => {
    assertSameOrigin(request);
    const db = await openDb();
    const user = await currentUser(db, request);
    const map = await readableMap(db, user, (await pathParams(params)).mapId);
    const body = await readBody(request, newCommentSchema, BODY_LIMITS.comment);
    try {
      const comment = await addComment(db, { mapId: map.id, authorId: user.id, targetKind: body.targetKind, targetId: body.targetId ?? null, body: body.body });
      await notify(db, { kind: 'comment', mapId: map.id, commentId: comment.id, actorId: user.id });
      return json({ comment }, 201);
    } catch (e) {
      if (e instanceof InvalidDataError) throw new HttpError(422, e.message, { field: 'targetId', code: 'comment.targetUnknown', params: {} });
      throw e;
    }
  });
}
