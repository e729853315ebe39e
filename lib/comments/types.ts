// Feedback comments on an argument map: the plain data a listed comment has on the wire and in
// page props, and the length limit. Free of zod so that client components can import it
// without shipping the validator (the request schema is in ./schema).
//
// A comment targets one unit or relation of the map (by its id within the map) or the map as a
// whole (targetId null). Comments are not map edits: they never change the map's version and
// may be written on a submitted map, since feedback after submission is their main use.
// Lengths count UTF-16 code units (String#length), on both the client and the server.

export const COMMENT_MAX_LENGTH = 4000;

export const commentTargetKinds = ['unit', 'relation', 'map'] as const;
export type CommentTargetKind = (typeof commentTargetKinds)[number];

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
