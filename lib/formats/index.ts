// The formats registry — one place from which the UI and the CLI list what a map exports to and
// imports from — and `importAnnotated`, the one way a file becomes a map on a stored document.
//
// importAnnotated reads the file (each format's reader checks the file against itself: its
// text, its shapes, its references), checks labels against the target scheme, then places the
// units on the target text. When the file was made on that very text (same sha256) units stay
// exactly where the file says; otherwise (or for units the file gives no offsets) they are
// found by their quotes (anchor.ts). Anything moved, unplaced, dropped or left out is in the
// report, and the result says the user must accept it before it replaces a map.
//
// Every export states its offset unit and uses Unicode code points (Hypothesis's, UTF-16 units,
// as Hypothesis counts); see each module's header for its dialect.
import { compareIds } from '@/lib/argument/types';
import { COMMENT_MAX_LENGTH } from '@/lib/comments/types';
import { anchorMap } from './anchor';
import { serializeAif, readAif } from './aif';
import { serializeArgdown } from './argdown';
import { readArgdown } from './argdownRead';
import { bratAnnotationConf, readBrat, serializeBrat } from './brat';
import { serializeRelations, serializeUnits } from './csv';
import { checkDraft, formatError } from './draft';
import { readNative, serializeNative } from './native';
import type { AnnotatedDocument, AnnotatedMap, FormatError, LabelDefinition, MapDraft, ParseResult, ReadOptions } from './types';
import { readW3c, serializeW3c } from './w3c';
import { readHypothesis, serializeHypothesis } from './hypothesis';
import { readRecogito, serializeRecogito } from './recogito';
import type { ImportReport, Reanchoring } from './report';

export type FormatId = 'json' | 'w3c' | 'aif' | 'brat' | 'argdown' | 'csv' | 'hypothesis' | 'recogito';

/// One file of an export: its name is `<docId>-<userName>` followed by `suffix`.
export interface ExportFile {
  suffix: string;
  mediaType: string;
  content: string;
}

export interface FormatInfo {
  id: FormatId;
  name: string;
  /// What a file of this format is called: the endings exports use, which also tell the format of
  /// an imported file (`.json` alone is told by its content, see detectFormat).
  extensions: string[];
  mediaType: string;
  canImport: boolean;
  /// Code points everywhere except Hypothesis, whose positions count UTF-16 units.
  offsetUnit: 'codepoint' | 'utf16';
  /// The files one map exports to.
  files(input: AnnotatedMap, options?: { exportedAt?: string }): ExportFile[];
  /// Files the format's tools read beside the maps, under fixed names (brat's annotation.conf):
  /// written once next to an export of one map.
  companions?(input: AnnotatedMap): Array<{ name: string; content: string }>;
  /// Reads a file into a draft (importers only). brat takes `{ txt, ann }`, the others JSON text
  /// or a parsed value.
  read?(input: unknown, options: ReadOptions): ParseResult<MapDraft>;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const formats: Record<FormatId, FormatInfo> = {
  json: {
    id: 'json',
    name: 'Ronten JSON (ronten-argmap v2)',
    extensions: ['.argmap.json'],
    mediaType: 'application/json',
    canImport: true,
    offsetUnit: 'codepoint',
    files: (input, o) => [{ suffix: '.argmap.json', mediaType: 'application/json', content: json(serializeNative(input, o)) }],
    read: (input) => readNative(input),
  },
  w3c: {
    id: 'w3c',
    name: 'W3C Web Annotation (JSON-LD)',
    extensions: ['.anno.jsonld', '.jsonld'],
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    canImport: true,
    offsetUnit: 'codepoint',
    files: (input, o) => [{ suffix: '.anno.jsonld', mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', content: json(serializeW3c(input, o)) }],
    read: (input, o) => readW3c(input, o),
  },
  aif: {
    id: 'aif',
    name: 'AIF (OVA3 JSON)',
    extensions: ['.aif.json'],
    mediaType: 'application/json',
    canImport: true,
    offsetUnit: 'codepoint',
    files: (input, o) => [{ suffix: '.aif.json', mediaType: 'application/json', content: json(serializeAif(input, o)) }],
    read: (input, o) => readAif(input, o),
  },
  brat: {
    id: 'brat',
    name: 'brat standoff',
    extensions: ['.ann'],
    mediaType: 'text/plain',
    canImport: true,
    offsetUnit: 'codepoint',
    files: (input) => {
      const { txt, ann } = serializeBrat(input);
      return [
        { suffix: '.txt', mediaType: 'text/plain; charset=utf-8', content: txt },
        { suffix: '.ann', mediaType: 'text/plain; charset=utf-8', content: ann },
      ];
    },
    companions: (input) => [{ name: 'annotation.conf', content: bratAnnotationConf(input.labels) }],
    read: (input, o) => readBrat(input, o),
  },
  hypothesis: {
    id: 'hypothesis',
    name: 'Hypothesis (JSON export)',
    extensions: ['.hypothesis.json'],
    mediaType: 'application/json',
    canImport: true,
    offsetUnit: 'utf16',
    files: (input, o) => [{ suffix: '.hypothesis.json', mediaType: 'application/json', content: json(serializeHypothesis(input, o)) }],
    read: (input, o) => readHypothesis(input, o),
  },
  recogito: {
    id: 'recogito',
    name: 'Recogito (@recogito/text-annotator)',
    extensions: ['.recogito.json'],
    mediaType: 'application/json',
    canImport: true,
    offsetUnit: 'codepoint',
    files: (input) => [{ suffix: '.recogito.json', mediaType: 'application/json', content: json(serializeRecogito(input)) }],
    read: (input, o) => readRecogito(input, o),
  },
  argdown: {
    id: 'argdown',
    name: 'Argdown',
    extensions: ['.argdown'],
    mediaType: 'text/plain',
    canImport: true,
    offsetUnit: 'codepoint',
    files: (input) => [{ suffix: '.argdown', mediaType: 'text/plain; charset=utf-8', content: serializeArgdown(input) }],
    read: (input, o) => readArgdown(input, o),
  },
  csv: {
    id: 'csv',
    name: 'CSV tables',
    extensions: ['-units.csv', '-relations.csv'],
    mediaType: 'text/csv',
    canImport: false,
    offsetUnit: 'codepoint',
    files: (input) => [
      { suffix: '-units.csv', mediaType: 'text/csv; charset=utf-8', content: serializeUnits(input) },
      { suffix: '-relations.csv', mediaType: 'text/csv; charset=utf-8', content: serializeRelations(input) },
    ],
  },
};

export const formatIds = Object.keys(formats) as FormatId[];

export function isFormatId(x: string): x is FormatId {
  return Object.hasOwn(formats, x);
}

/// The format of a file by its name, and for a bare `.json` by its content; null when unknown.
export function detectFormat(fileName: string, content?: string): FormatId | null {
  const name = fileName.toLowerCase();
  for (const f of Object.values(formats)) if (f.canImport && f.extensions.some((e) => name.endsWith(e))) return f.id;
  if (name.endsWith('.json') && content !== undefined) {
    if (/"format"\s*:\s*"ronten-argmap"/.test(content)) return 'json';
    // A bare array: Hypothesis's annotations have tags; W3C ones (Recogito saves those) selectors.
    if (/^\s*\[/.test(content) && /"tags"\s*:/.test(content)) return 'hypothesis';
    if (/^\s*\[/.test(content) && /"selector"\s*:/.test(content)) return 'recogito';
    if (/"@context"|"Annotation(Collection|Page)?"/.test(content)) return 'w3c';
    if (/"AIF"\s*:|"nodes"\s*:/.test(content)) return 'aif';
    if (/"annotations"\s*:/.test(content)) return 'hypothesis';
  }
  return null;
}

export interface ImportOptions {
  format: FormatId;
  /// The stored document the map is for.
  document: AnnotatedDocument;
  /// The target map's label scheme: every unit's label must be one of these.
  labels: LabelDefinition[];
  /// Sorted UTF-16 token boundaries of the document (`tokenBoundaries`); placed units snap to them.
  boundaries?: readonly number[];
  /// Who the map is for; defaults to what the file says.
  annotator?: { id: string; name: string };
  /// How many units the map being replaced has: replacing some with none needs acceptance.
  replacing?: { units: number };
  /// Tags to label ids (Hypothesis, W3C, Recogito), as the user confirmed them; `SKIP_TAG`
  /// leaves a tag's units out (tags.ts).
  labelMap?: Record<string, string>;
  minSimilarity?: number;
}


export type ImportResult =
  | { ok: true; value: AnnotatedMap; report: ImportReport; needsAcceptance: boolean }
  | { ok: false; errors: FormatError[] };

export function importAnnotated(input: unknown, options: ImportOptions): ImportResult {
  const format = formats[options.format];
  if (!format?.read) return { ok: false, errors: [formatError('(options)', 'notImportable', { format: String(options.format), importable: formatIds.filter((f) => formats[f].canImport).join(', ') })] };
  const { document, labels } = options;
  const read = format.read(input, { document, labels, labelMap: options.labelMap });
  if (!read.ok) return read;
  const draft = read.value;
  const errors = checkDraft(draft, labels);
  if (errors.length) return { ok: false, errors };

  const sameText = draft.source.text !== undefined ? draft.source.text === document.text : draft.source.textSha256 === document.textSha256;
  let reanchored: Reanchoring | null = null;
  if (!sameText) {
    reanchored = draft.source.textSha256 !== undefined ? { kind: 'otherText', fileSha256: draft.source.textSha256, textSha256: document.textSha256 } : { kind: 'unknownText' };
  } else {
    // An implicit unit has no offsets by nature (it is not in the text): nothing to re-anchor.
    const withoutOffsets = draft.units.filter((u) => u.start === null && u.text === undefined).length;
    if (withoutOffsets) reanchored = { kind: 'noOffsets', units: withoutOffsets };
  }
  const { map, report } = anchorMap(draft, document.text, { boundaries: options.boundaries, trustOffsets: sameText, minSimilarity: options.minSimilarity });
  const unitIds = new Set(map.units.map((u) => u.id));
  const relationIds = new Set(map.relations.map((r) => r.id));
  const skipped = [...draft.skipped];
  const commentIds = new Set<string>();
  const comments = draft.comments.filter((c) => {
    const body = c.body.trim();
    const problem = body === '' ? formatError(`comment ${c.id}`, 'commentEmpty') : body.length > COMMENT_MAX_LENGTH ? formatError(`comment ${c.id}`, 'commentTooLong', { max: COMMENT_MAX_LENGTH }) : commentIds.has(c.id) ? formatError(`comment ${c.id}`, 'commentDuplicate') : null;
    commentIds.add(c.id);
    if (problem) {
      skipped.push(problem);
      return false;
    }
    return c.targetKind === 'map' || (c.targetId !== null && (c.targetKind === 'unit' ? unitIds : relationIds).has(c.targetId));
  });
  const emptiesMap = map.units.length === 0 && (options.replacing?.units ?? 0) > 0 ? { units: options.replacing!.units } : null;
  const tagLabels = draft.tagLabels ?? [];
  const unknownTags = draft.unknownTags ?? [];
  const skippedTags = draft.skippedTags ?? [];
  const fullReport: ImportReport = { ...report, reanchored, skipped, comments: comments.length, emptiesMap, tagLabels, unknownTags, skippedTags };
  const needsAcceptance =
    report.moved.length > 0 || report.unplaced.length > 0 || report.droppedRelations.length > 0 || report.mainClaimDropped !== null || skipped.length > 0 || emptiesMap !== null || tagLabels.length > 0 || unknownTags.length > 0 || skippedTags.length > 0;
  return {
    ok: true,
    value: {
      document: { ...document },
      annotator: options.annotator ?? draft.annotator ?? { id: 'unknown', name: '' },
      labels: labels.map((l) => ({ id: l.id, name: { ...l.name } })),
      map: { ...map, relations: [...map.relations].sort(compareIds) },
      comments,
    },
    report: fullReport,
    needsAcceptance,
  };
}

export { describeImportReport, type ImportReport, type Reanchoring } from './report';
export { anchorMap, anchorUnits, matchQuote, type AnchorReport, type MovedUnit, type UnplacedUnit, type DroppedRelation } from './anchor';
export { parseNative, readNative, serializeNative } from './native';
export { parseW3c, readW3c, serializeW3c } from './w3c';
export { parseAif, readAif, serializeAif } from './aif';
export { parseBrat, readBrat, serializeBrat, bratAnnotationConf } from './brat';
export { serializeArgdown } from './argdown';
export { readArgdown } from './argdownRead';
export { parseHypothesis, readHypothesis, serializeHypothesis } from './hypothesis';
export { parseRecogito, readRecogito, serializeRecogito, RECOGITO_OFFSET_NOTE } from './recogito';
export { serializeUnits, serializeRelations } from './csv';
export { defaultLabelDefinitions } from './labels';
export { SKIP_TAG, makeTagResolver, type TagSummary } from './tags';
export { stripBom } from './draft';
export type * from './types';
