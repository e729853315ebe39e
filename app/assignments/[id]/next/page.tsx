import { notFound, redirect } from 'next/navigation';
import Link from 'next/link';
import { openDb } from '@/lib/db';
import { rontenMode } from '@/lib/auth/mode';
import { nextToReview } from '@/lib/grading/triage';
import { serverT } from '../../../_shared/locale';
import { pageUser } from '../../../_shared/session';
import { assignmentForPage } from '../../_lib/access';
import { loadTriage } from '../../_lib/grading';

export const dynamic = 'force-dynamic';

// "Next to review": the instructor goes on to the next submitted map whose grade has not been
// returned (lib/grading/triage.ts nextToReview, after the student in ?after=), or, when none
// waits, learns so here with the way back to the assignment.
export default async function NextToReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const [{ id }, { after }] = await Promise.all([params, searchParams]);
  const [{ t }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/assignments/${encodeURIComponent(id)}/next`);
  const { assignment, teaches } = await assignmentForPage(db, user, id);
  if (!teaches) notFound();
  const rows = await loadTriage(db, assignment);
  const next = nextToReview(rows, typeof after === 'string' ? after : null);
  if (next?.mapId) redirect(`/maps/${encodeURIComponent(next.mapId)}`);
  return (
    <section className="space-y-3">
      <p role="status" data-testid="none-waiting">
        {t('grading.noneWaiting')}
      </p>
      <Link href={`/assignments/${encodeURIComponent(id)}`} className="text-sky-800 underline underline-offset-4">
        {t('review.backToAssignment')}
      </Link>
    </section>
  );
}
