import { notFound } from 'next/navigation';
import { archivedCourseOfMap, deadlineFor, documentVisibleTo, getOrCreateMap, listComments, openDb, studentAssignmentsOnDocument } from '@/lib/db';
import { formats } from '@/lib/formats';
import { AnnotationWorkspace } from '@/components/annotate/AnnotationWorkspace';
import { DocumentHeader } from '@/components/DocumentHeader';
import { serverT } from '../../_shared/locale';
import { pageUser } from '../../_shared/session';
import { loadDocumentView, loadLabels } from '../../_shared/documentProps';
import { exampleMapExists, mayOpenExample } from '../../_shared/exampleMap';
import { OwnGrades } from '../../_shared/OwnGrades';

export const dynamic = 'force-dynamic';

// Loads the stored text, tokens, the user's map and the feedback comments on it (never the
// tokenizer) as plain props.
export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const doc = await loadDocumentView(db, id);
  if (!doc) notFound();
  const user = await pageUser(db, `/documents/${encodeURIComponent(id)}`);
  if (!(await documentVisibleTo(db, user, doc.id))) notFound(); // not a text of the student's courses
  const map = await getOrCreateMap(db, doc.id, user.id);
  const [labels, comments, assignments, archived] = await Promise.all([
    loadLabels(db, map.labelSchemeId),
    listComments(db, map.id),
    studentAssignmentsOnDocument(db, user.id, doc.id),
    archivedCourseOfMap(db.kysely, map.id),
  ]);
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  // The map is handed in to the first assignment on the text in the student's courses (a map
  // is one per text, so every such assignment sees the same map).
  const handIn = assignments[0];
  const deadline = handIn ? await deadlineFor(db, handIn, user.id) : null;
  const closed = deadline?.closed === true && !map.submittedAt;
  // Its course archived (every course it is handed in to): read-only, still exportable; the
  // server refuses edits with 'course.archived' (assertOpenForEdits).
  const locked = map.submittedAt !== null || closed || archived !== null;
  const assignmentLinks = assignments.map((a) => ({ href: `/assignments/${encodeURIComponent(a.id)}`, label: t('grading.backToAssignment', { title: a.title }) }));
  return (
    <article aria-labelledby="doc-title">
      <DocumentHeader
        title={doc.title}
        language={doc.language}
        subtitle={t('document.stats', { chars: number.format(doc.length), tokens: number.format(doc.tokenCount) })}
        links={[
          ...assignmentLinks,
          ...(mayOpenExample(user) && (await exampleMapExists(doc.id))
            ? [
                { href: `/documents/${encodeURIComponent(doc.id)}/example`, label: t('annotate.openExample') },
                { href: `/documents/${encodeURIComponent(doc.id)}/compare`, label: t('compare.open') },
              ]
            : []),
        ]}
      />
      <OwnGrades db={db} t={t} date={date} mapId={map.id} />
      {archived && (
        <p role="status" className="mb-3 rounded border border-stone-300 bg-stone-100 px-3 py-2 text-sm" data-testid="course-archived-note">
          {t('course.mapArchivedNote', { title: archived.title })}
        </p>
      )}
      {closed && !archived && (
        <p role="status" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="assignment-closed">
          {t('grading.closedNote')}
        </p>
      )}
      {map.submittedAt && (
        <p role="status" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="map-locked">
          {t('walk.lockedNote')}
        </p>
      )}
      <AnnotationWorkspace
        locked={locked}
        submit={handIn && !locked ? { assignmentId: handIn.id, title: handIn.title, pastDue: deadline?.pastDue ?? false } : undefined}
        // Any assignment on the text that turned suggestions off turns them off for its map.
        suggestions={assignments.every((a) => a.suggestions)}
        title={doc.title}
        documentRef={{ id: doc.id, sha256: doc.sha256 }}
        labels={labels}
        mapId={map.id}
        version={map.version}
        map={{ units: map.units, relations: map.relations, mainClaimId: map.mainClaimId }}
        comments={{ mapId: map.id, viewerId: user.id, initial: comments }}
        formats={Object.values(formats).map((f) => ({ id: f.id, name: f.name, canImport: f.canImport }))}
      />
    </article>
  );
}
