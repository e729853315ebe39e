// Feedback comments on an argument map: the request shape (shared by the route handler and the
// client) and the plain data a listed comment has on the wire and in page props.
//
// A comment targets one unit or relation of the map (by its id within the map) or the map as a
// whole (targetId null). Comments are not map edits: they never change the map's version and
// may be written on a submitted map, since feedback after submission is their main use.
// Lengths count UTF-16 code units (String#length), on both the client and the server.
import { z } from 'zod';

export const COMMENT_MAX_LENGTH = 4000;

export const commentTargetKinds = ['unit', 'relation', 'map'] as const;
export type CommentTargetKind = (typeof commentTargetKinds)[number];

/// The comment text as stored: trimmed, then 1..COMMENT_MAX_LENGTH characters.
export const commentBodySchema = z
  .string({ error: 'body must be a string' })
  .trim()
  .min(1, 'body is empty: write the comment first')
  .max(COMMENT_MAX_LENGTH, `body is longer than ${COMMENT_MAX_LENGTH} characters`);

const targetId = z.string({ error: 'targetId must be the id of a unit or relation of the map' }).min(1).max(100);

/// POST /api/maps/[mapId]/comments
export const newCommentSchema = z.discriminatedUnion(
  'targetKind',
  [
    z.strictObject({ targetKind: z.literal('unit'), targetId, body: commentBodySchema }),
    z.strictObject({ targetKind: z.literal('relation'), targetId, body: commentBodySchema }),
    z.strictObject({ targetKind: z.literal('map'), targetId: z.null({ error: 'a comment on the whole map has targetId null' }).optional(), body: commentBodySchema }),
  ],
  { error: `targetKind must be one of ${commentTargetKinds.join(', ')}` },
);
export type NewCommentRequest = z.infer<typeof newCommentSchema>;

export interface CommentAuthor {
  id: string;
  name: string;
  displayName: string;
  role: 'student' | 'instructor' | 'admin' | 'local';
}

/// A comment as listed: oldest first within a map (createdAt, then id).
export interface MapComment {
  id: string;
  targetKind: CommentTargetKind;
  /// null exactly when targetKind is 'map'.
  targetId: string | null;
  body: string;
  createdAt: string;
  author: CommentAuthor;
  /// The author is the map's owner (a student answering feedback on their own map).
  byOwner: boolean;
}
