import { notFound } from 'next/navigation';
import { assignmentsReviewing, getUser, listComments, openDb } from '@/lib/db';
import { AnnotationWorkspace } from '@/components/annotate/AnnotationWorkspace';
import { DocumentHeader } from '@/components/DocumentHeader';
import { serverT } from '../../_shared/locale';
import { pageUser, readableMap } from '../../_shared/session';
import { HttpError } from '../../_shared/http';
import { loadDocumentView, loadLabels } from '../../_shared/documentProps';
import { GradingSection } from './GradingSection';
import { OwnGrades } from '../../_shared/OwnGrades';

export const dynamic = 'force-dynamic';

// A map read-only, in the same editor and map view: for its instructors reviewing it (and its
// owner), who may leave feedback comments on its units and relations. Anyone else gets 404 —
// the map does not exist for them. The header says whether it is submitted and, for a reviewer,
// links back to the assignment(s) through which they see it.
export default async function MapReviewPage({ params }: { params: Promise<{ mapId: string }> }) {
  const { mapId } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/maps/${encodeURIComponent(mapId)}`);
  const map = await readableMap(db, user, mapId).catch((e: unknown) => {
    if (e instanceof HttpError && e.status === 404) notFound();
    throw e;
  });
  const reviewer = map.userId !== user.id;
  const [doc, owner, labels, comments, assignments] = await Promise.all([
    loadDocumentView(db, map.documentId),
    getUser(db, map.userId),
    loadLabels(db, map.labelSchemeId),
    listComments(db, map.id),
    reviewer ? assignmentsReviewing(db, user.role === 'admin' ? null : user.id, map.userId, map.documentId) : [],
  ]);
  if (!doc) notFound();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const submitted = map.submittedAt ? t('walk.mapSubmitted', { date: date.format(new Date(map.submittedAt)) }) : t('walk.mapNotSubmitted');
  const links = assignments.map((a) => ({ href: `/assignments/${encodeURIComponent(a.id)}`, label: t('walk.backTo', { title: a.title }) }));
  return (
    <article aria-labelledby="doc-title">
      <DocumentHeader title={doc.title} language={doc.language} subtitle={`${owner?.displayName || owner?.name || ''} · ${t('annotate.readOnly')} · ${submitted}`} links={links} />
      {reviewer ? <GradingSection db={db} t={t} date={date} assignments={assignments} studentId={map.userId} /> : <OwnGrades db={db} t={t} date={date} mapId={map.id} />}
      <AnnotationWorkspace
        title={doc.title}
        documentRef={{ id: doc.id, sha256: doc.sha256 }}
        labels={labels}
        mapId={null}
        version={map.version}
        map={{ units: map.units, relations: map.relations, mainClaimId: map.mainClaimId }}
        comments={{ mapId: map.id, viewerId: user.id, initial: comments }}
      />
    </article>
  );
}
