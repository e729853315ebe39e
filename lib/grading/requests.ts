// Request shapes of the grading routes that are not rubrics or grades (lib/grading/rubric.ts):
// the late policy, an extension and a return for revision. Pure zod, shared by the route
// handlers and the forms that send them.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';
import { LATE_POLICIES } from './deadline';

const userId = z.string({ error: 'userId must be a string id' }).min(1, 'userId is empty').max(200, 'userId is too long');

/// POST /api/assignments/:id/late-policy
export const latePolicySchema = withSafeText(z.strictObject({ latePolicy: z.enum(LATE_POLICIES, { error: `latePolicy must be one of ${LATE_POLICIES.join(', ')}` }) }));

/// POST /api/assignments/:id/extensions — dueAt null removes the student's extension.
export const extensionSchema = withSafeText(
  z.strictObject({
    userId,
    dueAt: z.iso.datetime({ offset: true, error: 'dueAt must be an ISO 8601 date and time with a time zone, e.g. 2030-04-01T09:00:00+09:00' }).nullable(),
  }),
);

/// POST /api/assignments/:id/revise — reopen a submitted map with a message to its student.
export const revisionSchema = withSafeText(z.strictObject({ userId, message: z.string({ error: 'message must be a string' }).max(20_000) }));
