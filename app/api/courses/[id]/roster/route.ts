// POST /api/courses/:id/roster — the body is a CSV file (UTF-8 with or without BOM, UTF-16 with
// BOM, or Shift_JIS, converted; at most 2,000 names, 1 MiB; columns in lib/auth/roster.ts):
// 201 { created, encoding, accounts: [{ userId, name, displayName, oneTimePassword }] } — the
// one-time passwords are in this answer only (the page prints them as sign-in slips). Every
// account is made and enrolled as a student, or none: 422 { code: 'roster.invalid', params:
// { count }, problems: [{ line, code, params, message }] } (the first 100) for any problem;
// 423 for an archived course; the course's instructors only. Classroom mode only.
import { importRoster, ROSTER_MAX_PROBLEMS } from '@/lib/auth/roster';
import { handle, HttpError, json, BODY_LIMITS, pathParams, readBytes } from '@/app/_shared/http';
import { classroomUser, requireCourseInstructor } from '@/app/_shared/classroom';
import { assertCourseActive } from '@/lib/db';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const { db, user } = await classroomUser(request);
    const { id } = await pathParams(params);
    await requireCourseInstructor(db, user, id);
    await assertCourseActive(db, id);
    const bytes = await readBytes(request, BODY_LIMITS.roster);
    const result = await importRoster(db, id, bytes);
    if (!result.ok) {
      const count = result.problems.length;
      const first = result.problems[0];
      throw new HttpError(422, count === 1 ? first.message : `${count} problems in the roster, the first: ${first.message}`, {
        code: 'roster.invalid',
        params: { count },
        encoding: result.encoding,
        problems: result.problems.slice(0, ROSTER_MAX_PROBLEMS),
      });
    }
    return json({ created: result.slips.length, encoding: result.encoding, accounts: result.slips }, 201, { 'cache-control': 'no-store' });
  });
}
