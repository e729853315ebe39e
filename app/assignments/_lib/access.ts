// Who may open an assignment's pages (classroom mode): the API's rule (assignmentAccess: members
// of its course and admins), with a 404 page for anyone else and for an unknown id, so ids cannot
// be probed. `teaches`: the user stands as an instructor in the course (admins do); the review
// pages (compare, heat map) are for them only. `archived`: its course is archived (read-only).
import { notFound } from 'next/navigation';
import { getCourse, type Assignment, type Db, type User } from '@/lib/db';
import { assignmentAccess } from '@/app/_shared/classroom';
import { HttpError } from '@/app/_shared/http';

export async function assignmentForPage(db: Db, user: User, assignmentId: string): Promise<{ assignment: Assignment; teaches: boolean; archived: boolean }> {
  try {
    const { assignment, role } = await assignmentAccess(db, user, assignmentId);
    const course = await getCourse(db, assignment.courseId);
    return { assignment, teaches: role === 'instructor', archived: course?.archivedAt != null };
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) notFound();
    throw e;
  }
}
