// Who may open an assignment's pages (classroom mode): members of its course and admins; anyone
// else, and an unknown id, gets 404 — the assignment does not exist for them, so ids cannot be
// probed (as the API's assignmentAccess answers). `teaches`: an instructor of the course, or an
// admin; the review pages (compare, heat map) are for them only.
import { notFound } from 'next/navigation';
import { courseRole, getAssignment, type Assignment, type Db, type User } from '@/lib/db';

export async function assignmentForPage(db: Db, user: User, assignmentId: string): Promise<{ assignment: Assignment; teaches: boolean }> {
  const assignment = await getAssignment(db, assignmentId);
  if (!assignment) notFound();
  const role = await courseRole(db, assignment.courseId, user.id);
  if (!role && user.role !== 'admin') notFound();
  return { assignment, teaches: role === 'instructor' || user.role === 'admin' };
}
