// zod schema of a new feedback comment (POST /api/maps/[mapId]/comments), shared by the route
// handler and anything else that writes comments. What a comment is: ./types.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { COMMENT_MAX_LENGTH, commentTargetKinds } from './types';

export * from './types';

/// The comment text as stored: trimmed, then 1..COMMENT_MAX_LENGTH characters.
export const commentBodySchema = z
  .string({ error: 'body must be a string' })
  .trim()
  .min(1, 'body is empty: write the comment first')
  .max(COMMENT_MAX_LENGTH, `body is longer than ${COMMENT_MAX_LENGTH} characters`);

const targetId = z.string({ error: 'targetId must be the id of a unit or relation of the map' }).min(1).max(100);

export const newCommentSchema = withSafeText(
  z.discriminatedUnion(
  'targetKind',
  [
    z.strictObject({ targetKind: z.literal('unit'), targetId, body: commentBodySchema }),
    z.strictObject({ targetKind: z.literal('relation'), targetId, body: commentBodySchema }),
    z.strictObject({ targetKind: z.literal('map'), targetId: z.null({ error: 'a comment on the whole map has targetId null' }).optional(), body: commentBodySchema }),
  ],
  { error: `targetKind must be one of ${commentTargetKinds.join(', ')}` },
  ),
);
export type NewCommentRequest = z.infer<typeof newCommentSchema>;
