import { notFound } from 'next/navigation';
import { DocumentHeader } from '@/components/DocumentHeader';
import { compareMaps } from '@/lib/agreement/compare';
import { teacherMatch } from '@/lib/agreement/teacher';
import { getDocument, getOrCreateMap, openDb } from '@/lib/db';
import { CompareView } from '@/components/compare/CompareView';
import { serverT } from '../../../_shared/locale';
import { pageUser } from '../../../_shared/session';
import { loadLabels } from '../../../_shared/documentProps';
import { loadExampleMap, mayOpenExample } from '../../../_shared/exampleMap';

export const dynamic = 'force-dynamic';

// The user's map beside the worked example: what matched, what was missed, what was added — in
// words first (the teacher's reading, boundary choices forgiven), then the research figures.
export default async function ComparePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ t }, db] = await Promise.all([serverT(), openDb()]);
  const doc = await getDocument(db, id);
  if (!doc) notFound();
  const user = await pageUser(db, `/documents/${encodeURIComponent(id)}/compare`);
  if (!mayOpenExample(user)) notFound();
  const example = await loadExampleMap(doc.id, doc.canonical.sha256);
  if (!example) notFound();
  const mine = await getOrCreateMap(db, doc.id, user.id);
  const candidate = { units: mine.units, relations: mine.relations, mainClaimId: mine.mainClaimId };
  const labels = await loadLabels(db, mine.labelSchemeId);
  return (
    <article aria-labelledby="doc-title">
      <DocumentHeader
        title={doc.title}
        language={doc.language}
        links={[{ href: `/documents/${encodeURIComponent(doc.id)}`, label: t('annotate.backToMine') }]}
      />
      <CompareView
        text={doc.canonical.text}
        blocks={doc.canonical.blocks}
        labels={labels}
        reference={{ name: example.annotator.name, map: example.map }}
        candidate={{ name: user.displayName || user.name, map: candidate }}
        comparison={compareMaps(example.map, candidate)}
        teacher={teacherMatch(example.map, candidate, doc.tokens)}
      />
    </article>
  );
}
