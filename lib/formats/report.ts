// What an import did to a map, for the person deciding whether to accept it: the report's
// shape, and its lines in the reader's language (the import dialog, the CLI in English).
// Kept apart from the formats themselves so that the dialog can describe a report without
// shipping every reader and writer to the browser.
import { relationTypeKey, type Translate } from '@/lib/i18n/locale';
import type { AnchorReport } from './anchor';
import type { FormatError } from './types';
import { wordedAt, wordedFormatError } from './formatErrors';

/// Why units were looked up by their quotes rather than taken at their offsets.
export type Reanchoring =
  | { kind: 'otherText'; fileSha256: string; textSha256: string }
  | { kind: 'unknownText' }
  | { kind: 'noOffsets'; units: number };

export interface ImportReport extends AnchorReport {
  /// Null when the file was made on this very text and gives every offset.
  reanchored: Reanchoring | null;
  /// What the file holds that a map cannot represent (left out).
  skipped: FormatError[];
  /// Comments the file brings with the map.
  comments: number;
  /// Tags read as labels under another name, for the user to confirm (tags.ts).
  tagLabels: Array<{ tag: string; label: string; units: number }>;
  /// Tags that name no label and are not mapped: their units are left out (the dialog offers a
  /// label for each). Absent in reports made before tags could be mapped.
  unknownTags?: Array<{ tag: string; units: number }>;
  /// Tags the user chose to skip, with the units that left out.
  skippedTags?: Array<{ tag: string; units: number }>;
  /// Set when the file has no units and would replace a map that has some (`units` of them):
  /// a lossy import like any other, so it needs acceptance.
  emptiesMap: { units: number } | null;
}

const shortQuote = (quote: string) => `「${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}」`;

/// The report as lines a person reads. Offsets are code points.
export function describeImportReport(report: ImportReport, t: Translate): string[] {
  const lines: string[] = [];
  const why = report.reanchored;
  if (why?.kind === 'otherText') lines.push(t('report.otherText', { file: why.fileSha256.slice(0, 12), text: why.textSha256.slice(0, 12) }));
  if (why?.kind === 'unknownText') lines.push(t('report.unknownText'));
  if (why?.kind === 'noOffsets') lines.push(t('report.noOffsets', { n: why.units }));
  for (const m of report.moved) {
    const how = m.how === 'exact' ? t('report.exact') : m.how === 'fuzzy' ? t('report.fuzzy', { similarity: m.similarity }) : t('report.snapped');
    lines.push(
      t('report.moved', {
        unit: m.unitId,
        from: m.from ? `${m.from.start}–${m.from.end}` : t('report.unplacedBefore'),
        to: `${m.to.start}–${m.to.end}`,
        how: m.snapped && m.how !== 'snapped' ? `${how}${t('report.snappedToo')}` : how,
      }),
    );
  }
  for (const u of report.unplaced) lines.push(t('report.unplaced', { unit: u.unitId, quote: shortQuote(u.quote), reason: t(`report.${u.reason}`) }));
  for (const r of report.droppedRelations) {
    lines.push(t('report.dropped', { relation: r.relationId, type: t(relationTypeKey(r.type)), from: r.from.join(' + '), to: r.to, missing: r.missing.join(', ') }));
  }
  if (report.mainClaimDropped) lines.push(t('report.mainClaimDropped', { unit: report.mainClaimDropped }));
  for (const s of report.skipped) lines.push(t('report.skipped', { at: wordedAt(t, s.at), message: wordedFormatError(t, s) }));
  for (const m of report.tagLabels) lines.push(t('report.tagLabel', { tag: m.tag, label: m.label, n: m.units }));
  for (const m of report.unknownTags ?? []) lines.push(t('report.unknownTag', { tag: m.tag, n: m.units }));
  for (const m of report.skippedTags ?? []) lines.push(t('report.skippedTag', { tag: m.tag, n: m.units }));
  if (report.emptiesMap) lines.push(t('report.emptiesMap', { n: report.emptiesMap.units }));
  if (report.comments) lines.push(t('report.comments', { n: report.comments }));
  lines.push(t('report.unchanged', { n: report.unchanged }));
  return lines;
}
