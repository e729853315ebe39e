import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOrCreateMap, openDb } from '@/lib/db';
import { formats } from '@/lib/formats';
import { AnnotationWorkspace } from '@/components/annotate/AnnotationWorkspace';
import { serverT } from '../../_shared/locale';
import { currentUser } from '../../_shared/session';
import { loadDocumentView, loadLabels } from '../../_shared/documentProps';
import { exampleMapExists } from '../../_shared/exampleMap';

export const dynamic = 'force-dynamic';

// Loads the stored text, tokens and the user's map (never the tokenizer) as plain props.
export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const doc = await loadDocumentView(db, id);
  if (!doc) notFound();
  const user = await currentUser(db);
  const map = await getOrCreateMap(db, doc.id, user.id);
  const labels = await loadLabels(db, map.labelSchemeId);
  const number = new Intl.NumberFormat(locale);
  return (
    <article aria-labelledby="doc-title">
      <header className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="doc-title" lang={doc.language} className="text-2xl font-bold">
            {doc.title}
          </h1>
          <p className="mt-1 text-sm text-stone-500">{t('document.stats', { chars: number.format(doc.length), tokens: number.format(doc.tokenCount) })}</p>
        </div>
        {(await exampleMapExists(doc.id)) && (
          <nav className="flex gap-4 text-sm">
            <Link href={`/documents/${encodeURIComponent(doc.id)}/example`} className="text-sky-800 underline underline-offset-4">
              {t('annotate.openExample')}
            </Link>
            <Link href={`/documents/${encodeURIComponent(doc.id)}/compare`} className="text-sky-800 underline underline-offset-4">
              {t('compare.open')}
            </Link>
          </nav>
        )}
      </header>
      <AnnotationWorkspace
        title={doc.title}
        text={doc.text}
        blocks={doc.blocks}
        packedTokens={doc.packedTokens}
        labels={labels}
        mapId={map.id}
        version={map.version}
        map={{ units: map.units, relations: map.relations, mainClaimId: map.mainClaimId }}
        formats={Object.values(formats).map((f) => ({ id: f.id, name: f.name, description: f.description, canImport: f.canImport }))}
      />
    </article>
  );
}
