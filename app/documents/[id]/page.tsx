import { notFound } from 'next/navigation';
import { openDb, getDocument } from '@/lib/db';
import { packTokens } from '@/lib/tokens/wire';
import { ReadingView } from '@/components/ReadingView';
import { serverT } from '../../_shared/locale';

export const dynamic = 'force-dynamic';

// Loads the stored text and tokens (never the tokenizer) and hands the view plain props.
export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ t, locale }, db] = await Promise.all([serverT(), openDb()]);
  const doc = await getDocument(db, id);
  if (!doc) notFound();
  const number = new Intl.NumberFormat(locale);
  return (
    <article aria-labelledby="doc-title">
      <header className="mb-6">
        <h1 id="doc-title" lang={doc.language} className="text-2xl font-bold">
          {doc.title}
        </h1>
        <p className="mt-1 text-sm text-stone-500">
          {t('document.stats', { chars: number.format(doc.length), tokens: number.format(doc.tokens.length) })}
        </p>
      </header>
      <ReadingView text={doc.canonical.text} blocks={doc.canonical.blocks} packedTokens={packTokens(doc.tokens)} />
    </article>
  );
}
