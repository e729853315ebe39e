// Who may open an assignment's pages (classroom mode): the API's rule (assignmentAccess: members
// of its course and admins), with a 404 page for anyone else and for an unknown id, so ids cannot
// be probed. `teaches`: the user stands as an instructor in the course (admins do); the review
// pages (compare, heat map) are for them only.
import { notFound } from 'next/navigation';
import type { Assignment, Db, User } from '@/lib/db';
import { assignmentAccess } from '@/app/_shared/classroom';
import { HttpError } from '@/app/_shared/http';

export async function assignmentForPage(db: Db, user: User, assignmentId: string): Promise<{ assignment: Assignment; teaches: boolean }> {
  try {
    const { assignment, role } = await assignmentAccess(db, user, assignmentId);
    return { assignment, teaches: role === 'instructor' };
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) notFound();
    throw e;
  }
}
