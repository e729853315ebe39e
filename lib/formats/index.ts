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
// Every export states its offset unit and uses Unicode code points; see each module's header
// for its dialect.
import { compareIds } from '@/lib/argument/types';
import { anchorMap, type AnchorReport } from './anchor';
import { serializeAif, readAif } from './aif';
import { serializeArgdown } from './argdown';
import { bratAnnotationConf, readBrat, serializeBrat } from './brat';
import { serializeRelations, serializeUnits } from './csv';
import { checkDraft } from './draft';
import { readNative, serializeNative } from './native';
import type { AnnotatedDocument, AnnotatedMap, FormatError, LabelDefinition, MapDraft, ParseResult, ReadOptions } from './types';
import { readW3c, serializeW3c } from './w3c';

export type FormatId = 'json' | 'w3c' | 'aif' | 'brat' | 'argdown' | 'csv';

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
  offsetUnit: 'codepoint';
  /// What it maps, in a line (README's table says the same).
  description: string;
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
    name: 'Ronten JSON (ronten-argmap v1)',
    extensions: ['.argmap.json'],
    mediaType: 'application/json',
    canImport: true,
    offsetUnit: 'codepoint',
    description: 'the whole map with the text, labels, comments; lossless',
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
    description: 'units as tagging annotations with quote and position selectors, relations as linking annotations',
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
    description: 'units as I-nodes, supports as RA nodes, attacks as CA nodes',
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
    description: 'the text (.txt) and T/R/A/# lines (.ann)',
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
  argdown: {
    id: 'argdown',
    name: 'Argdown',
    extensions: ['.argdown'],
    mediaType: 'text/plain',
    canImport: false,
    offsetUnit: 'codepoint',
    description: 'statements tagged with labels, +> / -> relations under each premise',
    files: (input) => [{ suffix: '.argdown', mediaType: 'text/plain; charset=utf-8', content: serializeArgdown(input) }],
  },
  csv: {
    id: 'csv',
    name: 'CSV tables',
    extensions: ['-units.csv', '-relations.csv'],
    mediaType: 'text/csv',
    canImport: false,
    offsetUnit: 'codepoint',
    description: 'a table of units and a table of relations (UTF-8 with BOM, RFC 4180)',
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
    if (/"@context"|"Annotation(Collection|Page)?"/.test(content)) return 'w3c';
    if (/"AIF"\s*:|"nodes"\s*:/.test(content)) return 'aif';
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
  minSimilarity?: number;
}

export interface ImportReport extends AnchorReport {
  /// Why units were looked up by their quotes, or null when the file was made on this very text
  /// and gives every offset.
  reanchored: string | null;
  /// What the file holds that a map cannot represent (left out).
  skipped: FormatError[];
}

export type ImportResult =
  | { ok: true; value: AnnotatedMap; report: ImportReport; needsAcceptance: boolean }
  | { ok: false; errors: FormatError[] };

export function importAnnotated(input: unknown, options: ImportOptions): ImportResult {
  const format = formats[options.format];
  if (!format?.read) return { ok: false, errors: [{ at: '(options)', message: `${options.format} cannot be imported (importable: ${formatIds.filter((f) => formats[f].canImport).join(', ')})` }] };
  const { document, labels } = options;
  const read = format.read(input, { document, labels });
  if (!read.ok) return read;
  const draft = read.value;
  const errors = checkDraft(draft, labels);
  if (errors.length) return { ok: false, errors };

  const sameText = draft.source.text !== undefined ? draft.source.text === document.text : draft.source.textSha256 === document.textSha256;
  let reanchored: string | null = null;
  if (!sameText) {
    reanchored =
      draft.source.textSha256 !== undefined
        ? `the file was made on another version of the text (sha256 ${draft.source.textSha256.slice(0, 12)}…, this document ${document.textSha256.slice(0, 12)}…)`
        : 'the file does not say which text it was made on';
  } else {
    const withoutOffsets = draft.units.filter((u) => u.start === null).length;
    if (withoutOffsets) reanchored = `${withoutOffsets} unit${withoutOffsets === 1 ? ' has' : 's have'} no offsets in the file`;
  }
  const { map, report } = anchorMap(draft, document.text, { boundaries: options.boundaries, trustOffsets: sameText, minSimilarity: options.minSimilarity });
  const unitIds = new Set(map.units.map((u) => u.id));
  const relationIds = new Set(map.relations.map((r) => r.id));
  const comments = draft.comments.filter((c) => c.targetKind === 'map' || (c.targetId !== null && (c.targetKind === 'unit' ? unitIds : relationIds).has(c.targetId)));
  const fullReport: ImportReport = { ...report, reanchored, skipped: draft.skipped };
  const needsAcceptance = report.moved.length > 0 || report.unplaced.length > 0 || report.droppedRelations.length > 0 || report.mainClaimDropped !== null || draft.skipped.length > 0;
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

/// The report as lines a person reads (CLI, logs). Offsets are code points.
export function describeImportReport(report: ImportReport): string[] {
  const lines: string[] = [];
  if (report.reanchored) lines.push(`re-anchored: ${report.reanchored}`);
  for (const m of report.moved) {
    const from = m.from ? `${m.from.start}–${m.from.end}` : '(no offsets)';
    const how = m.how === 'fuzzy' ? `fuzzy, similarity ${m.similarity}` : m.how;
    lines.push(`moved unit ${m.unitId}: ${from} → ${m.to.start}–${m.to.end} (${how}${m.snapped && m.how !== 'snapped' ? ', snapped to tokens' : ''})`);
  }
  for (const u of report.unplaced) lines.push(`unplaced unit ${u.unitId}: ${JSON.stringify(u.quote.length > 40 ? `${u.quote.slice(0, 40)}…` : u.quote)}: ${u.reason}`);
  for (const r of report.droppedRelations) lines.push(`dropped relation ${r.relationId} (${r.type} ${r.from} → ${r.to}): ${r.reason}`);
  if (report.mainClaimDropped) lines.push(`main claim ${report.mainClaimDropped} was not placed: the map has no main claim`);
  for (const s of report.skipped) lines.push(`left out ${s.at}: ${s.message}`);
  lines.push(`unchanged: ${report.unchanged} unit${report.unchanged === 1 ? '' : 's'}`);
  return lines;
}

export { anchorMap, anchorUnits, matchQuote, type AnchorReport, type MovedUnit, type UnplacedUnit, type DroppedRelation } from './anchor';
export { parseNative, readNative, serializeNative } from './native';
export { parseW3c, readW3c, serializeW3c } from './w3c';
export { parseAif, readAif, serializeAif } from './aif';
export { parseBrat, readBrat, serializeBrat, bratAnnotationConf } from './brat';
export { serializeArgdown } from './argdown';
export { serializeUnits, serializeRelations } from './csv';
export { defaultLabelDefinitions } from './labels';
export type * from './types';
