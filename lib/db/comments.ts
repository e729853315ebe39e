// Feedback comments on a map: an instructor's remark on a unit, a relation or the whole map, and
// the owner's answers.
//
// Comments are not map edits: writing one never touches argument_maps (no version bump, so an
// open editor does not see a conflict) and it is allowed on a submitted map. The target is
// checked when the comment is written; afterwards the comment outlives edits of its target
// (comments.target_id has no foreign key), and readers show a comment whose target is gone with
// the map-level ones. Who may comment is the caller's business (route handlers: readableMap).

import { randomUUID } from 'node:crypto';
import { COMMENT_MAX_LENGTH, type CommentTargetKind, type MapComment } from '@/lib/comments/types';
import type { Db } from './connect';
import { InvalidDataError, NotFoundError, constraintViolation } from './errors';

export interface NewComment {
  mapId: string;
  authorId: string;
  targetKind: CommentTargetKind;
  /// The unit or relation id within the map; null (or absent) for the map itself.
  targetId?: string | null;
  body: string;
}

/// Adds a comment and returns it as listComments would. Throws NotFoundError for an unknown map
/// or author, InvalidDataError for a unit or relation that is not in the map or a body that is
/// empty or longer than COMMENT_MAX_LENGTH after trimming.
export async function addComment(db: Db, input: NewComment): Promise<MapComment> {
  const body = input.body.trim();
  if (body.length === 0) throw new InvalidDataError('the comment is empty');
  if (body.length > COMMENT_MAX_LENGTH) throw new InvalidDataError(`the comment is longer than ${COMMENT_MAX_LENGTH} characters`);
  const targetId = input.targetKind === 'map' ? null : input.targetId ?? null;
  if (input.targetKind !== 'map' && !targetId) throw new InvalidDataError(`a comment on a ${input.targetKind} needs its id`);
  if (input.targetKind === 'map' && input.targetId) throw new InvalidDataError('a comment on the whole map has no target id');

  const row = { id: randomUUID(), map_id: input.mapId, target_kind: input.targetKind, target_id: targetId, author_id: input.authorId, body, created_at: new Date().toISOString() };
  const owner = await db.kysely.transaction().execute(async (trx) => {
    const map = await trx.selectFrom('argument_maps').select('user_id').where('id', '=', input.mapId).executeTakeFirst();
    if (!map) throw new NotFoundError('argument map', input.mapId);
    if (targetId !== null) {
      const table = input.targetKind === 'unit' ? 'units' : 'relations';
      const found = await trx.selectFrom(table).select('id').where('map_id', '=', input.mapId).where('id', '=', targetId).executeTakeFirst();
      if (!found) throw new InvalidDataError(`the map has no ${input.targetKind} "${targetId}"`);
    }
    try {
      await trx.insertInto('comments').values(row).execute();
    } catch (err) {
      if (constraintViolation(err) === 'foreign_key') throw new NotFoundError('user', input.authorId, { cause: err });
      throw err;
    }
    return map.user_id;
  });
  const author = await db.kysely.selectFrom('users').select(['id', 'name', 'display_name', 'role']).where('id', '=', input.authorId).executeTakeFirstOrThrow();
  return toComment({ ...row, author_name: author.name, author_display_name: author.display_name, author_role: author.role, map_owner: owner });
}

/// The map's comments, oldest first (createdAt, then id), with their authors. [] for an unknown map.
export async function listComments(db: Db, mapId: string): Promise<MapComment[]> {
  const rows = await selectComments(db).where('comments.map_id', '=', mapId).orderBy('comments.created_at').orderBy('comments.id').execute();
  return rows.map(toComment);
}

/// One comment with the map it belongs to, or null.
export async function getComment(db: Db, commentId: string): Promise<(MapComment & { mapId: string }) | null> {
  const row = await selectComments(db).where('comments.id', '=', commentId).executeTakeFirst();
  return row ? { ...toComment(row), mapId: row.map_id } : null;
}

/// Deletes a comment written by `byUserId`. Throws NotFoundError when there is no such comment
/// or someone else wrote it: only its author may take a comment back.
export async function deleteComment(db: Db, commentId: string, byUserId: string): Promise<void> {
  const result = await db.kysely.deleteFrom('comments').where('id', '=', commentId).where('author_id', '=', byUserId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError('comment', commentId);
}

function selectComments(db: Db) {
  return db.kysely
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .innerJoin('argument_maps', 'argument_maps.id', 'comments.map_id')
    .select([
      'comments.id',
      'comments.map_id',
      'comments.target_kind',
      'comments.target_id',
      'comments.author_id',
      'comments.body',
      'comments.created_at',
      'users.name as author_name',
      'users.display_name as author_display_name',
      'users.role as author_role',
      'argument_maps.user_id as map_owner',
    ]);
}

interface CommentRow {
  id: string;
  target_kind: CommentTargetKind;
  target_id: string | null;
  author_id: string;
  body: string;
  created_at: string;
  author_name: string;
  author_display_name: string;
  author_role: MapComment['author']['role'];
  map_owner: string;
}

function toComment(r: CommentRow): MapComment {
  return {
    id: r.id,
    targetKind: r.target_kind,
    targetId: r.target_id,
    body: r.body,
    createdAt: r.created_at,
    author: { id: r.author_id, name: r.author_name, displayName: r.author_display_name, role: r.author_role },
    byOwner: r.author_id === r.map_owner,
  };
}
