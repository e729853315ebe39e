import { notFound } from 'next/navigation';
import { DocumentHeader } from '@/components/DocumentHeader';
import { openDb } from '@/lib/db';
import { AnnotationWorkspace } from '@/components/annotate/AnnotationWorkspace';
import { serverT } from '../../../_shared/locale';
import { loadDocumentView } from '../../../_shared/documentProps';
import { loadExampleMap, mayOpenExample } from '../../../_shared/exampleMap';
import { pageUser } from '../../../_shared/session';

export const dynamic = 'force-dynamic';

// The worked example map of a corpus text, read-only: what a finished map looks like.
export default async function ExampleMapPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ t }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/documents/${encodeURIComponent(id)}/example`);
  if (!mayOpenExample(user)) notFound();
  const doc = await loadDocumentView(db, id);
  if (!doc) notFound();
  const example = await loadExampleMap(doc.id, doc.sha256);
  if (!example) notFound();
  return (
    <article aria-labelledby="doc-title">
      <DocumentHeader
        title={doc.title}
        language={doc.language}
        subtitle={t('annotate.exampleNotice')}
        links={[{ href: `/documents/${encodeURIComponent(doc.id)}`, label: t('annotate.backToMine') }]}
      />
      <AnnotationWorkspace
        title={doc.title}
        documentRef={{ id: doc.id, sha256: doc.sha256 }}
        labels={example.labels.map((l) => ({ id: l.id, ja: l.name.ja, en: l.name.en }))}
        mapId={null}
        version={0}
        map={example.map}
      />
    </article>
  );
}
