// The whole CPU side of a map import request (POST /api/maps/:mapId/import), run on a worker
// thread (./tasks): the route hands over the body's raw bytes and the stored document, and gets
// back either an answer ready to send (a bad body, a refused file, a dry run's report) or what
// it must write. So nothing that grows with the file — decoding 16 MiB, JSON.parse, the schema's
// checks of every string, parsing the format, re-anchoring, serializing the report and the
// 20,000-unit map — runs on the event loop every other request waits on.
//
// Invariants: the answers are the route's documented ones (400 not JSON, 422 naming the field
// or the file's problems); a write's answer is its summary and map serialized here, which the
// route completes with the new version (extendJson), so nothing large is serialized there.
import { z } from 'zod';
import { packContents, type PackedContents } from '@/lib/db/packedContents';
import { detectFormat, formats, isFormatId, type ImportOptions } from '@/lib/formats';
import type { MapComment } from '@/lib/formats/types';
import { withSafeText } from '@/lib/text/safeText';
import { importFile } from './importFile';
import { decodeBody, parseJsonBody } from './jsonBody';

const maxChars = 5_000_000;
export const importRequestSchema = withSafeText(
  z.strictObject({
    fileName: z.string().min(1).max(300),
    format: z.string().optional(),
    content: z.union([z.string().max(maxChars), z.strictObject({ txt: z.string().max(maxChars), ann: z.string().max(maxChars) })]),
    baseVersion: z.int().min(1),
    dryRun: z.boolean().default(false),
    accept: z.boolean().default(false),
    /// Tags to label ids (Hypothesis, W3C, Recogito files), as the user chose them; "-" skips a tag.
    labelMap: z.record(z.string().max(200), z.string().max(200)).refine((m) => Object.keys(m).length <= 1000, 'at most 1000 tags').optional(),
  }),
);

export interface ImportRequestInput {
  /// The request body as received (at most BODY_LIMITS.mapImport bytes).
  body: Uint8Array;
  /// Everything of ImportOptions the route knows before reading the body.
  options: Omit<ImportOptions, 'format' | 'labelMap'>;
}

export interface ImportSummary {
  ok: true;
  format: string;
  units: number;
  relations: number;
  needsAcceptance: boolean;
  report: unknown;
  /// The scheme the file's tags are mapped onto: the dialog offers these for unknown tags.
  labels: Array<{ id: string; ja: string; en: string }>;
}

export type ImportRequestOutcome =
  /// Send `json` as it is, with `status`: nothing is to be written.
  | { kind: 'answer'; status: number; json: string }
  /// Write `contents` and `comments` if the map is still at `baseVersion`. The contents are
  /// packed (JSON text a chunk at a time: lib/db/packedContents), which the event loop receives
  /// in no time and the writer parses a chunk at a time.
  /// `summaryJson` and `mapJson` are the answer's parts, serialized here (withWritten joins them).
  | { kind: 'write'; baseVersion: number; summaryJson: string; contents: PackedContents; comments: MapComment[]; mapJson: string };

/// The JSON object `summaryJson` with `fields` (JSON values already serialized) added at its end.
export function extendJson(objectJson: string, fields: Record<string, string>): string {
  const added = Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
  return `${objectJson.slice(0, -1)}${objectJson === '{}' ? '' : ','}${added.join(',')}}`;
}

const answer = (status: number, body: unknown): ImportRequestOutcome => ({ kind: 'answer', status, json: JSON.stringify(body) });

export function importRequest({ body: bytes, options }: ImportRequestInput): ImportRequestOutcome {
  const parsed = parseJsonBody(decodeBody(bytes), importRequestSchema);
  if (!parsed.ok) return answer(parsed.status, { error: parsed.error, ...parsed.extra });
  const body = parsed.value;

  const format = body.format ?? (typeof body.content === 'string' ? detectFormat(body.fileName, body.content) : 'brat');
  if (!format || !isFormatId(format) || !formats[format].canImport) {
    const importable = Object.values(formats).filter((f) => f.canImport).map((f) => f.extensions.join(' ')).join(', ');
    return answer(422, { error: `cannot tell how to read ${body.fileName} (importable: ${importable})`, code: 'import.unknownFormat', params: { fileName: body.fileName, formats: importable } });
  }
  const result = importFile({ fileName: body.fileName, content: body.content, options: { ...options, format, labelMap: body.labelMap } });
  // A file that cannot be imported: every problem (the dialog lists them), the first also as
  // `error`, the shape of every other refusal.
  if (!result.ok) {
    const [first] = result.errors;
    return answer(422, { ok: false, format, error: first ? `${first.at}: ${first.message}` : 'the file cannot be imported', errors: result.errors });
  }
  const summary: ImportSummary = {
    ok: true,
    format,
    units: result.value.map.units.length,
    relations: result.value.map.relations.length,
    needsAcceptance: result.needsAcceptance,
    report: result.report,
    labels: options.labels.map((l) => ({ id: l.id, ja: l.name.ja, en: l.name.en })),
  };
  if (body.dryRun || (result.needsAcceptance && !body.accept)) return answer(200, { ...summary, written: false });
  const { map, comments } = result.value;
  // Checked: importFile ran the model's rules on it, against the scheme's labels and the text.
  return { kind: 'write', baseVersion: body.baseVersion, summaryJson: JSON.stringify(summary), contents: packContents(map), comments, mapJson: JSON.stringify(map) };
}
