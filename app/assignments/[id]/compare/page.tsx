import { notFound } from 'next/navigation';
import { DocumentHeader } from '@/components/DocumentHeader';
import { CompareView } from '@/components/compare/CompareView';
import { compareMaps } from '@/lib/agreement/compare';
import { teacherMatch } from '@/lib/agreement/teacher';
import { safeFileName } from '@/lib/formats/classArchive';
import { rontenMode } from '@/lib/auth/mode';
import { getDocument, openDb } from '@/lib/db';
import { serverT } from '../../../_shared/locale';
import { pageUser } from '../../../_shared/session';
import { assignmentForPage } from '../../_lib/access';
import { loadLabels } from '../../../_shared/documentProps';
import { assignmentSideMap } from '../../_lib/sides';

export const dynamic = 'force-dynamic';

// Two maps of an assignment side by side, for the course's instructors (and admins):
// ?a=<map id or "reference">&b=<map id or "reference"> — B scored against A. Each map must be a
// student's of this course on the assignment's document, or the assignment's reference map;
// anything else, and any viewer who does not teach the course, is a 404. Above the research
// figures, the teacher's reading (lib/agreement/teacher.ts, from the stored tokens); with A the
// reference and B a student's map, B's units and relations can be taken into the reference by
// any of the course's instructors (co-instructors too), unless the course is archived.
export default async function AssignmentComparePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (rontenMode() !== 'classroom') notFound();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [{ t }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/assignments/${encodeURIComponent(id)}/compare`);
  const { assignment, teaches, archived } = await assignmentForPage(db, user, id);
  if (!teaches) notFound();

  const [a, b] = await Promise.all([assignmentSideMap(db, user, assignment, query.a), assignmentSideMap(db, user, assignment, query.b)]);
  if (!a || !b) notFound();
  const doc = await getDocument(db, assignment.documentId);
  if (!doc) notFound();
  const labels = await loadLabels(db, assignment.labelSchemeId);
  const sideName = (s: NonNullable<typeof a>) => (s.isReference ? t('review.referenceOption', { name: s.name }) : s.name);
  // Any of the course's instructors curates the reference (co-instructors as its owner).
  const curation = a.isReference && !b.isReference ? { referenceMapId: a.mapId, version: a.version, mayEdit: !archived } : undefined;
  return (
    <article aria-labelledby="doc-title">
      <DocumentHeader
        title={doc.title}
        language={doc.language}
        subtitle={`${t('review.compareTitle')} — ${assignment.title}`}
        links={[
          { href: `/assignments/${encodeURIComponent(id)}`, label: t('review.backToAssignment') },
          // Each student's map opens in the review view, where comments are written.
          ...[...new Map([a, b].filter((s) => !s.isReference).map((s) => [s.mapId, s] as const)).values()].map((s) => ({ href: `/maps/${encodeURIComponent(s.mapId)}`, label: t('walk.viewOf', { name: s.name }) })),
        ]}
      />
      <CompareView
        variant="pair"
        text={doc.canonical.text}
        blocks={doc.canonical.blocks}
        labels={labels}
        reference={{ name: sideName(a), map: a.map }}
        candidate={{ name: sideName(b), map: b.map }}
        comparison={compareMaps(a.map, b.map)}
        teacher={teacherMatch(a.map, b.map, doc.tokens)}
        curation={curation}
        csvName={`${safeFileName(`${assignment.title}-${a.name}-${b.name}`, 'compare')}.csv`}
      />
    </article>
  );
}
