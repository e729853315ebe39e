// The teacher's reading of a student's map in words — "Found 7 of 9 reference units; 2
// boundaries differ" — with the numbers that go beside it. One wording for the compare view, the
// agreement panel and the dashboard (lib/agreement/teacher.ts computes the counts). Pure: the
// translator is passed in, so server pages and client components share it.
import type { TeacherSummary } from '@/lib/agreement/teacher';
import type { Translate } from '@/lib/i18n/locale';

/// The units sentence, with what differs; relations, unstated premises and the main claim when
/// `full`.
export function foundSentence(t: Translate, s: TeacherSummary, full = false): string {
  const main = t('found.units', { found: s.found, reference: s.referenceUnits });
  const details: string[] = [];
  if (s.boundariesDiffer > 0) details.push(t(s.boundariesDiffer === 1 ? 'found.boundariesOne' : 'found.boundaries', { n: s.boundariesDiffer }));
  if (s.labelDiffers > 0) details.push(t(s.labelDiffers === 1 ? 'found.labelsOne' : 'found.labels', { n: s.labelDiffers }));
  const parts = [details.length ? t('found.details', { main, details: details.join(t('found.join')) }) : main];
  if (full && s.referenceRelations > 0) {
    const relations = t('found.relations', { found: s.relationsFound, reference: s.referenceRelations });
    // A linked argument given with some of its premises: said apart, not counted as found.
    parts.push(s.relationsPartlyFound > 0 ? relations + t('found.relationsPartly', { n: s.relationsPartlyFound }) : relations);
  }
  // Unstated premises the reference reconstructs: said only when it has some.
  if (full && s.referenceImplicitUnits > 0) parts.push(t('found.implicit', { found: s.implicitUnitsFound, reference: s.referenceImplicitUnits }));
  if (full && s.mainClaimFound !== null) parts.push(t(s.mainClaimFound ? 'found.mainClaimFound' : 'found.mainClaimMissed'));
  return parts.join(t('found.sentenceJoin')) + t('found.end');
}

/// The share found (a whole percentage; 100 when the reference has no unit) and the mean Dice.
export function foundNumbers(t: Translate, s: TeacherSummary): string {
  const percent = s.referenceUnits === 0 ? 100 : Math.round((100 * s.found) / s.referenceUnits);
  return t('found.numbers', { percent, dice: s.meanDice === null ? '—' : s.meanDice.toFixed(2) });
}
