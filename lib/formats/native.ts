// The native export, `ronten-argmap` version 1: one JSON document per map, offsets in Unicode
// code points (so Python's text[start:end] == quote), with the document's text and sha256 so a
// file stands on its own. Import reproduces the map exactly. Reading is lenient where it costs
// nothing: `note`, `document.id` and `comments` may be left out (they default to '', 'document'
// and []); the published schema is the reading side (`io: 'input'`), so it says the same. The JSON Schema published in
// `lib/formats/schemas/` is generated from `argmapV1Schema` (scripts/gen-schemas.ts).
import { z } from 'zod';
import { compareUnits, relationTypes, type ArgumentUnit } from '@/lib/argument/types';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { sha256Hex } from '@/lib/text/hash';
import { withSafeText } from '@/lib/text/safeText';
import { draftFromAnnotated, formatError, parseJsonInput } from './draft';
import type { FormatErrorCode, FormatErrorParams } from './formatErrors';
import { issueReason } from '@/lib/net/requestReasons';
import type { AnnotatedMap, FormatAdapter, FormatError, MapDraft, ParseResult } from './types';
import { v1Map } from './v1Shape';

const id = z.string().min(1).max(200);

export const argmapV1Schema = z
  .object({
    format: z.literal('ronten-argmap'),
    version: z.literal(1),
    offsetUnit: z.literal('codepoint'),
    document: z.object({
      // Optional fields a hand-written or another tool's file may leave out default on import.
      id: id.default('document'),
      title: z.string(),
      language: z.string().min(2),
      textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256'),
      text: z.string(),
    }),
    annotator: z.object({ id, name: z.string() }),
    labels: z.array(z.object({ id, name: z.object({ ja: z.string(), en: z.string() }) })).min(1),
    mainClaim: id.nullable(),
    units: z.array(
      z.object({
        id,
        label: id,
        start: z.int().min(0),
        end: z.int().min(0),
        quote: z.string(),
        note: z.string().default(''),
      }),
    ),
    relations: z.array(z.object({ id, type: z.enum(relationTypes as [string, ...string[]]), from: id, to: id, note: z.string().default('') })),
    comments: z.array(
      z.object({
        id,
        target: z.object({ kind: z.enum(['unit', 'relation', 'map']), id: id.nullable() }),
        author: z.string(),
        body: z.string(),
        createdAt: z.string(),
      }),
    )
    .default([]),
    exportedAt: z.string(),
  })
  .meta({
    $id: 'https://ronten.invalid/schemas/ronten-argmap.v1.schema.json',
    title: 'Ronten argument map (ronten-argmap, version 1)',
    description: 'An argument map over a text. Offsets are Unicode code points into document.text; quote equals the slice.',
  });

export type ArgmapV1 = z.infer<typeof argmapV1Schema>;

/// What import checks: the published shape, and only storable text (lib/text/safeText). Kept
/// apart from argmapV1Schema so the refinement does not touch the generated JSON Schema.
const argmapV1Import = withSafeText(argmapV1Schema);

export function serializeNative(input: AnnotatedMap, options: { exportedAt?: string } = {}): ArgmapV1 {
  const { document } = input;
  const map = v1Map(input.map, 'ronten-argmap version 1');
  const offsets = makeOffsetConverter(document.text);
  return {
    format: 'ronten-argmap',
    version: 1,
    offsetUnit: 'codepoint',
    document: { id: document.id, title: document.title, language: document.language, textSha256: document.textSha256, text: document.text },
    annotator: { ...input.annotator },
    labels: input.labels.map((l) => ({ id: l.id, name: { ...l.name } })),
    mainClaim: map.mainClaimId,
    units: map.units.map((u) => ({
      id: u.id,
      label: u.label,
      start: offsets.toCodePoint(u.start),
      end: offsets.toCodePoint(u.end),
      quote: document.text.slice(u.start, u.end),
      note: u.note,
    })),
    relations: map.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, note: r.note })),
    comments: input.comments.map((c) => ({
      id: c.id,
      target: { kind: c.targetKind, id: c.targetId },
      author: c.author,
      body: c.body,
      createdAt: c.createdAt,
    })),
    exportedAt: options.exportedAt ?? new Date().toISOString(),
  };
}

/// Versions this build reads. Older versions get a migration step here when version 2 exists.
const supportedVersions = [1];

export function parseNative(input: unknown): ParseResult<AnnotatedMap> {
  if (typeof input === 'object' && input !== null && 'version' in input && !supportedVersions.includes((input as { version: unknown }).version as number)) {
    return { ok: false, errors: [formatError('version', 'unsupportedVersion', { version: JSON.stringify((input as { version: unknown }).version), supported: supportedVersions.join(', ') })] };
  }
  const parsed = argmapV1Import.safeParse(input);
  if (!parsed.success) {
    // Each issue with its reason code (lib/net/requestReasons), so the dialog words it.
    return { ok: false, errors: parsed.error.issues.map((i) => ({ at: describePath(input, i.path), message: i.message, ...(issueReason(i) as { code: FormatErrorCode; params: FormatErrorParams }) })) };
  }
  const file = parsed.data;
  const text = file.document.text;
  const errors: FormatError[] = [];
  if (sha256Hex(text) !== file.document.textSha256) errors.push(formatError('document.textSha256', 'textShaMismatch'));

  const offsets = makeOffsetConverter(text);
  const cpLength = offsets.codePointLength;
  const labelIds = new Set(file.labels.map((l) => l.id));
  const unitIds = new Set<string>();
  const units: ArgumentUnit[] = [];
  for (const u of file.units) {
    const at = `unit ${u.id}`;
    if (unitIds.has(u.id)) errors.push(formatError(at, 'duplicateUnit', { id: u.id }));
    unitIds.add(u.id);
    if (!labelIds.has(u.label)) errors.push(formatError(at, 'unknownLabel', { label: u.label, expected: [...labelIds].join(', ') }));
    if (u.end > cpLength || u.start >= u.end) {
      errors.push(formatError(at, 'offsetsOutOfText', { start: u.start, end: u.end, length: cpLength }));
      continue;
    }
    const start = offsets.toUtf16(u.start);
    const end = offsets.toUtf16(u.end);
    if (text.slice(start, end) !== u.quote) errors.push(formatError(at, 'quoteMismatch', { quote: JSON.stringify(u.quote), start: u.start, end: u.end, actual: JSON.stringify(text.slice(start, end)) }));
    units.push({ id: u.id, label: u.label, start, end, note: u.note });
  }
  const relationKeys = new Set<string>();
  const relationIds = new Set<string>();
  for (const r of file.relations) {
    const at = `relation ${r.id}`;
    if (relationIds.has(r.id)) errors.push(formatError(at, 'duplicateRelation', { id: r.id }));
    relationIds.add(r.id);
    for (const end of [r.from, r.to]) if (!unitIds.has(end)) errors.push(formatError(at, 'missingUnit', { id: end }));
    if (r.from === r.to) errors.push(formatError(at, 'selfRelation'));
    const key = `${r.type} ${r.from} ${r.to}`;
    if (relationKeys.has(key)) errors.push(formatError(at, 'duplicateRelationEnds', { type: r.type, from: r.from, to: r.to }));
    relationKeys.add(key);
  }
  if (file.mainClaim !== null && !unitIds.has(file.mainClaim)) errors.push(formatError('mainClaim', 'missingUnit', { id: file.mainClaim }));
  if (errors.length) return { ok: false, errors };

  return {
    ok: true,
    value: {
      document: { ...file.document },
      annotator: { ...file.annotator },
      labels: file.labels,
      map: {
        units: units.sort(compareUnits),
        relations: file.relations.map((r) => ({ ...r, from: [r.from], type: r.type as 'support' | 'attack' })),
        mainClaimId: file.mainClaim,
      },
      comments: file.comments.map((c) => ({ id: c.id, targetKind: c.target.kind, targetId: c.target.id, author: c.author, body: c.body, createdAt: c.createdAt })),
    },
  };
}

/// "units[3].quote" reads better as "unit u-12: quote" when the item has an id.
function describePath(input: unknown, path: ReadonlyArray<PropertyKey>): string {
  if (path.length >= 2 && (path[0] === 'units' || path[0] === 'relations') && typeof path[1] === 'number') {
    const item = (input as Record<string, unknown[]>)[path[0]]?.[path[1]] as { id?: unknown } | undefined;
    const rest = path.slice(2).join('.');
    if (item && typeof item.id === 'string') return `${path[0] === 'units' ? 'unit' : 'relation'} ${item.id}${rest ? `: ${rest}` : ''}`;
  }
  return path.length ? path.map(String).join('.') : '(file)';
}

/// The file as a draft for importAnnotated (which places it on a target text, re-anchoring when
/// the file was made on another version). Accepts JSON text or a parsed value; the file is
/// checked exactly as parseNative checks it, against its own text.
export function readNative(input: unknown): ParseResult<MapDraft> {
  const json = parseJsonInput(input);
  if (!json.ok) return json;
  const parsed = parseNative(json.value);
  return parsed.ok ? { ok: true, value: draftFromAnnotated(parsed.value) } : parsed;
}

export const nativeFormat: FormatAdapter<ArgmapV1> = { serialize: serializeNative, parse: parseNative };
