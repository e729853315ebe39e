// Request shapes of the instructor and admin side of classroom mode, shared by the route
// handlers and the forms that send them: assignments (create, edit), label schemes, roles.
// Pure zod, no storage: the handlers check what needs the database (that a document, scheme
// or reference map exists and may be used) after these shapes pass.
//
// Times travel as ISO 8601 with an offset and are stored in UTC (`toUtcIso`): the browser turns
// a datetime-local value into UTC with its own time zone (localDateTimeToIso), since only it
// knows the zone the instructor means.
import { z } from 'zod';
import { withSafeText } from '@/lib/text/safeText';

const id = (what: string) => z.string({ error: `${what} must be a string id` }).min(1, `${what} is empty`).max(200, `${what} is too long`);

/// An ISO 8601 date-time with a time zone (Z or ±hh:mm), or null for "none".
const dueAt = z.iso
  .datetime({ offset: true, error: 'dueAt must be an ISO 8601 date and time with a time zone, e.g. 2030-04-01T09:00:00+09:00' })
  .nullable();

const referenceMapId = id('referenceMapId').nullable();

/// POST /api/courses/[id]/assignments
export const newAssignmentSchema = withSafeText(
  z.strictObject({
    documentId: id('documentId'),
    title: z.string({ error: 'title must be a string' }).trim().min(1, 'title is empty').max(200, 'title is longer than 200 characters'),
    dueAt: dueAt.optional(),
    labelSchemeId: id('labelSchemeId').optional(),
    referenceMapId: referenceMapId.optional(),
    /// Offer the signposts' suggested units to the students (default true).
    suggestions: z.boolean({ error: 'suggestions must be true or false' }).optional(),
  }),
);
export type NewAssignmentRequest = z.infer<typeof newAssignmentSchema>;

/// PATCH /api/assignments/[id]: the due date, the reference map and whether suggestions are
/// offered, each optional (absent = unchanged, null = remove); at least one of them.
export const assignmentChangeSchema = withSafeText(
  z
    .strictObject({
      dueAt: dueAt.optional(),
      referenceMapId: referenceMapId.optional(),
      suggestions: z.boolean({ error: 'suggestions must be true or false' }).optional(),
    })
    .refine((v) => v.dueAt !== undefined || v.referenceMapId !== undefined || v.suggestions !== undefined, {
      error: 'nothing to change: send dueAt, referenceMapId and/or suggestions',
    }),
);
export type AssignmentChange = z.infer<typeof assignmentChangeSchema>;

/// The stored form of a due date: UTC with milliseconds (sorts as text, like every timestamp).
export function toUtcIso(value: string): string {
  return new Date(value).toISOString();
}

/// A datetime-local input's value ("2030-04-01T09:00", seconds optional) read in the zone of
/// the machine running this (the browser), as ISO UTC; null when it is not such a value or
/// names no real moment (2030-02-30T10:00).
export function localDateTimeToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second = '0'] = m.slice(1);
  const date = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(day) || date.getMonth() !== Number(month) - 1) return null;
  return date.toISOString();
}

/// The value a datetime-local input shows for an ISO time, in the local zone ("" for null).
export function isoToLocalDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const LABEL_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
export const MAX_LABELS = 8;
export const LABEL_NAME_MAX = 40;

const labelName = (what: string) =>
  z.string({ error: `${what} must be a string` }).trim().min(1, `${what} is empty`).max(LABEL_NAME_MAX, `${what} is longer than ${LABEL_NAME_MAX} characters`);

export const labelSchema = z.strictObject({
  id: z.string({ error: 'a label id must be a string' }).regex(LABEL_ID_PATTERN, 'a label id is a lower-case letter followed by up to 31 of a-z 0-9 _ - (e.g. "claim", "data_2")'),
  ja: labelName('the Japanese name'),
  en: labelName('the English name'),
});

/// POST /api/label-schemes
export const newLabelSchemeSchema = withSafeText(z.strictObject({
  name: z.string({ error: 'name must be a string' }).trim().min(1, 'name is empty').max(80, 'name is longer than 80 characters'),
  labels: z
    .array(labelSchema, { error: 'labels must be a list' })
    .min(1, 'a scheme needs at least one label')
    .max(MAX_LABELS, `a scheme has at most ${MAX_LABELS} labels (keys 1–${MAX_LABELS} pick them)`)
    .superRefine((labels, ctx) => {
      const seen = new Set<string>();
      labels.forEach((l, i) => {
        if (seen.has(l.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `label id "${l.id}" appears twice` });
        seen.add(l.id);
      });
    }),
}));
export type NewLabelSchemeRequest = z.infer<typeof newLabelSchemeSchema>;

/// Which part of a label line is wrong: not three parts, or the id, Japanese or English name.
export type LabelLineProblem = 'parts' | 'id' | 'ja' | 'en';

/// The label form's text, one label per line: "id, 日本語名, English name" (ASCII or Japanese
/// commas). Blank lines are skipped. Returns the labels, or the first problem with its line
/// number (1-based) — `problem` for the form to say in the page's language, `message` in
/// English; the full rules are newLabelSchemeSchema's, checked on submission too.
export function parseLabelLines(
  text: string,
): { ok: true; labels: Array<{ id: string; ja: string; en: string }> } | { ok: false; line: number; problem: LabelLineProblem; message: string } {
  const labels: Array<{ id: string; ja: string; en: string }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const parts = lines[i].split(/[,、，]/).map((p) => p.trim());
    if (parts.length !== 3) return { ok: false, line: i + 1, problem: 'parts', message: 'write three parts separated by commas: id, 日本語名, English name' };
    const [labelId, ja, en] = parts;
    const parsed = labelSchema.safeParse({ id: labelId, ja, en });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, line: i + 1, problem: issue.path[0] as 'id' | 'ja' | 'en', message: issue.message };
    }
    labels.push(parsed.data);
  }
  return { ok: true, labels };
}

export const ACCOUNT_ROLE_VALUES = ['student', 'instructor', 'admin'] as const;

/// POST /api/users/[id]/role
export const roleChangeSchema = withSafeText(
  z.strictObject({
    role: z.enum(ACCOUNT_ROLE_VALUES, { error: `role must be one of ${ACCOUNT_ROLE_VALUES.join(', ')}` }),
  }),
);

/// PATCH /api/courses/[id]: archive or reopen, and the join code — regenerate (a new code that
/// works), disable (joining by code stops), enable (the same code works again). At least one.
export const courseChangeSchema = withSafeText(
  z
    .strictObject({
      archived: z.boolean({ error: 'archived must be true or false' }).optional(),
      joinCode: z.enum(['regenerate', 'disable', 'enable'], { error: 'joinCode must be regenerate, disable or enable' }).optional(),
    })
    .refine((v) => v.archived !== undefined || v.joinCode !== undefined, { error: 'nothing to change: send archived and/or joinCode' }),
);
export type CourseChange = z.infer<typeof courseChangeSchema>;

/// POST /api/courses/[id]/instructors: the user name of an instructor account.
export const addInstructorSchema = withSafeText(z.strictObject({ name: z.string({ error: 'name must be a string' }).trim().min(1, 'name is empty').max(100, 'name is too long') }));

/// POST /api/notifications/read: these notifications, or all of them.
export const notificationsReadSchema = withSafeText(
  z.union([z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) }), z.strictObject({ all: z.literal(true) })], {
    error: 'send { ids: [...] } or { all: true }',
  }),
);

/// POST /api/auth/password: the current password (or the slip's one-time password) and a new one.
export const passwordChangeSchema = withSafeText(z.strictObject({ currentPassword: z.string().max(2000), newPassword: z.string().max(2000) }));
