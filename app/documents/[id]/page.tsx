import { notFound } from 'next/navigation';
import { documentVisibleTo, getOrCreateMap, listComments, openDb } from '@/lib/db';
import { formats } from '@/lib/formats';
import { AnnotationWorkspace } from '@/components/annotate/AnnotationWorkspace';
import { DocumentHeader } from '@/components/DocumentHeader';
import { serverT } from '../../_shared/locale';
import { pageUser } from '../../_shared/session';
import { loadDocumentView, loadLabels } from '../../_shared/documentProps';
import { exampleMapExists, mayOpenExample } from '../../_shared/exampleMap';

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
  const [labels, comments] = await Promise.all([loadLabels(db, map.labelSchemeId), listComments(db, map.id)]);
  const number = new Intl.NumberFormat(locale);
  return (
    <article aria-labelledby="doc-title">
      <DocumentHeader
        title={doc.title}
        language={doc.language}
        subtitle={t('document.stats', { chars: number.format(doc.length), tokens: number.format(doc.tokenCount) })}
        links={
          mayOpenExample(user) && (await exampleMapExists(doc.id))
            ? [
                { href: `/documents/${encodeURIComponent(doc.id)}/example`, label: t('annotate.openExample') },
                { href: `/documents/${encodeURIComponent(doc.id)}/compare`, label: t('compare.open') },
              ]
            : []
        }
      />
      {map.submittedAt && (
        <p role="status" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="map-locked">
          {t('walk.lockedNote')}
        </p>
      )}
      <AnnotationWorkspace
        locked={map.submittedAt !== null}
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
