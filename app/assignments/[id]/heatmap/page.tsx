import { notFound } from 'next/navigation';
import { DocumentHeader } from '@/components/DocumentHeader';
import { HeatmapView } from '@/components/review/HeatmapView';
import { MajorityReference } from '@/components/review/MajorityReference';
import { MajorityCandidates } from '@/components/review/MajorityCandidates';
import { majorityMap } from '@/lib/agreement/majority';
import { teacherMatch, wordIndex } from '@/lib/agreement/teacher';
import { heatRuns } from '@/lib/agreement/heat';
import { unitText } from '@/lib/argument/types';
import { rontenMode } from '@/lib/auth/mode';
import { getLabelScheme, getMap, loadAssignmentMaps, getDocument, openDb } from '@/lib/db';
import { serverT } from '../../../_shared/locale';
import { pageUser } from '../../../_shared/session';
import { assignmentForPage } from '../../_lib/access';

export const dynamic = 'force-dynamic';

// The class heat map of an assignment, for the course's instructors (and admins): the essay
// with every student's units overlaid, one label at a time, tinted by how many students marked
// each passage with it. The runs are computed here from the stored tokens (lib/agreement/heat.ts);
// the page sends only the text, its blocks and the runs. Below it, the reference can be built
// from the class's majority (what the darkest passages are, as a map), or — with a reference —
// the majority's passages the reference lacks are listed to take one by one.
export default async function AssignmentHeatmapPage({ params }: { params: Promise<{ id: string }> }) {
  if (rontenMode() !== 'classroom') notFound();
  const { id } = await params;
  const [{ t }, db] = await Promise.all([serverT(), openDb()]);
  const user = await pageUser(db, `/assignments/${encodeURIComponent(id)}/heatmap`);
  const { assignment, teaches, archived } = await assignmentForPage(db, user, id);
  if (!teaches) notFound();

  const [maps, doc, scheme] = await Promise.all([loadAssignmentMaps(db, id), getDocument(db, assignment.documentId), getLabelScheme(db, assignment.labelSchemeId)]);
  if (!doc) notFound();
  const labels = scheme?.labels ?? [];
  const studentMaps = maps.students.flatMap((s) => (s.map ? [s.map] : []));
  const heat = heatRuns(studentMaps, doc.tokens, labels.map((l) => l.id));
  const started = studentMaps.filter((m) => m.units.length > 0 || m.submittedAt !== null);
  const reference = assignment.referenceMapId ? await getMap(db, assignment.referenceMapId) : null;
  let candidates = null;
  if (reference && started.length >= 2) {
    const words = wordIndex(doc.tokens);
    const majority = majorityMap(started, words);
    const referenceMap = { units: reference.units, relations: reference.relations, mainClaimId: reference.mainClaimId };
    const match = teacherMatch(referenceMap, majority.map, words);
    candidates = {
      reference: referenceMap,
      majority: majority.map,
      found: match.units.pairs,
      voters: majority.voters,
      candidates: majority.map.units
        .filter((u) => match.units.extra.includes(u.id))
        .map((u) => ({ id: u.id, label: u.label, quote: unitText(u, doc.canonical.text), votes: majority.votes[u.id] })),
      // Any of the course's instructors curates the reference (co-instructors as its owner).
      curation: { referenceMapId: reference.id, version: reference.version, mayEdit: !archived },
    };
  }
  return (
    <article aria-labelledby="doc-title" className="space-y-4">
      <DocumentHeader
        title={doc.title}
        language={doc.language}
        subtitle={`${t('review.heatmapTitle')} — ${assignment.title}`}
        links={[{ href: `/assignments/${encodeURIComponent(id)}`, label: t('review.backToAssignment') }]}
      />
      <p className="text-sm" data-testid="heat-total">
        {t('review.heatMaps', { n: heat.maps })}
      </p>
      <HeatmapView text={doc.canonical.text} blocks={doc.canonical.blocks} labels={labels} runs={heat.byLabel} total={heat.maps} implicitByLabel={heat.implicitByLabel} undercutting={heat.undercutting} language={doc.language} />
      {candidates && <MajorityCandidates {...candidates} labels={labels} />}
      <MajorityReference assignmentId={id} documentId={assignment.documentId} />
    </article>
  );
}
