// The native export, `ronten-argmap`: one JSON document per map, offsets in Unicode code points
// (so Python's text[start:end] == quote), with the document's text and sha256 so a file stands
// on its own. Import reproduces the map exactly. Reading is lenient where it costs nothing:
// `note`, `document.id` and `comments` may be left out (they default to '', 'document' and []);
// the published schemas are the reading side (`io: 'input'`), so they say the same. The JSON
// Schemas published in `lib/formats/schemas/` are generated from `argmapV1Schema` and
// `argmapV2Schema` (scripts/gen-schemas.ts).
//
// Versions: export writes version 2, the deeper model (lib/argument/types): a relation's `from`
// is a list of premises and its `to` a unit or a relation, units may be implicit
// (`{ id, label, implicit: true, text, note }`, no offsets or quote), a support may name a
// `scheme` and answer its `criticalQuestions`. Version 1 files still import: each `from` id
// becomes a one-item list. A reader that knows only version 1 (an older build) answers a
// version-2 file with `unsupportedVersion`, naming both versions, never a half-read map.
import { z } from 'zod';
import { mapProblems } from '@/lib/argument/operations';
import { compareIds, compareUnits, relationKey, relationTypes, type ArgumentUnit, type Relation } from '@/lib/argument/types';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { sha256Hex } from '@/lib/text/hash';
import { withSafeText } from '@/lib/text/safeText';
import { draftFromAnnotated, formatError, modelProblemError, parseJsonInput } from './draft';
import type { FormatErrorCode, FormatErrorParams } from './formatErrors';
import { issueReason } from '@/lib/net/requestReasons';
import type { AnnotatedMap, FormatAdapter, FormatError, MapDraft, ParseResult } from './types';

const id = z.string().min(1).max(200);

const documentSchema = z.object({
  // Optional fields a hand-written or another tool's file may leave out default on import.
  id: id.default('document'),
  title: z.string(),
  language: z.string().min(2),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256'),
  text: z.string(),
});
const annotatorSchema = z.object({ id, name: z.string() });
const labelsSchema = z.array(z.object({ id, name: z.object({ ja: z.string(), en: z.string() }) })).min(1);
const textUnitSchema = z.object({
  id,
  label: id,
  start: z.int().min(0),
  end: z.int().min(0),
  quote: z.string(),
  note: z.string().default(''),
});
const commentsSchema = z
  .array(
    z.object({
      id,
      target: z.object({ kind: z.enum(['unit', 'relation', 'map']), id: id.nullable() }),
      author: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  )
  .default([]);
const relationType = z.enum(relationTypes as [string, ...string[]]);

export const argmapV1Schema = z
  .object({
    format: z.literal('ronten-argmap'),
    version: z.literal(1),
    offsetUnit: z.literal('codepoint'),
    document: documentSchema,
    annotator: annotatorSchema,
    labels: labelsSchema,
    mainClaim: id.nullable(),
    units: z.array(textUnitSchema),
    relations: z.array(z.object({ id, type: relationType, from: id, to: id, note: z.string().default('') })),
    comments: commentsSchema,
    exportedAt: z.string(),
  })
  .meta({
    $id: 'https://ronten.invalid/schemas/ronten-argmap.v1.schema.json',
    title: 'Ronten argument map (ronten-argmap, version 1)',
    description: 'An argument map over a text. Offsets are Unicode code points into document.text; quote equals the slice.',
  });

export type ArgmapV1 = z.infer<typeof argmapV1Schema>;

const implicitUnitSchema = z
  .object({
    id,
    label: id,
    implicit: z.literal(true),
    text: z.string().min(1),
    note: z.string().default(''),
  })
  .meta({ description: 'A premise or conclusion the text leaves unstated: its own text, no offsets.' });

export const argmapV2Schema = z
  .object({
    format: z.literal('ronten-argmap'),
    version: z.literal(2),
    offsetUnit: z.literal('codepoint'),
    document: documentSchema,
    annotator: annotatorSchema,
    labels: labelsSchema,
    mainClaim: id.nullable(),
    units: z.array(z.union([textUnitSchema, implicitUnitSchema])),
    relations: z.array(
      z.object({
        id,
        type: relationType,
        from: z.array(id).min(1).meta({ description: 'The premises (unit ids, distinct); two or more make a linked argument.' }),
        to: id.meta({ description: 'The unit or relation supported or attacked; an attack on a relation is an undercutter.' }),
        scheme: id.optional().meta({ description: 'An argumentation scheme of the catalogue (lib/argument/schemes.ts), on a support.' }),
        criticalQuestions: z.array(z.object({ id, answer: z.string().min(1) })).optional(),
        note: z.string().default(''),
      }),
    ),
    comments: commentsSchema,
    exportedAt: z.string(),
  })
  .meta({
    $id: 'https://ronten.invalid/schemas/ronten-argmap.v2.schema.json',
    title: 'Ronten argument map (ronten-argmap, version 2)',
    description:
      'An argument map over a text. Offsets are Unicode code points into document.text; quote equals the slice. Relations have premise lists and may target relations; units may be implicit.',
  });

export type ArgmapV2 = z.infer<typeof argmapV2Schema>;

/// What import checks: the published shapes, and only storable text (lib/text/safeText). Kept
/// apart from the schemas so the refinement does not touch the generated JSON Schemas.
const argmapV1Import = withSafeText(argmapV1Schema);
const argmapV2Import = withSafeText(argmapV2Schema);

export function serializeNative(input: AnnotatedMap, options: { exportedAt?: string } = {}): ArgmapV2 {
  const { document, map } = input;
  const offsets = makeOffsetConverter(document.text);
  return {
    format: 'ronten-argmap',
    version: 2,
    offsetUnit: 'codepoint',
    document: { id: document.id, title: document.title, language: document.language, textSha256: document.textSha256, text: document.text },
    annotator: { ...input.annotator },
    labels: input.labels.map((l) => ({ id: l.id, name: { ...l.name } })),
    mainClaim: map.mainClaimId,
    units: map.units.map((u) =>
      u.implicit
        ? { id: u.id, label: u.label, implicit: true as const, text: u.text, note: u.note }
        : {
            id: u.id,
            label: u.label,
            start: offsets.toCodePoint(u.start),
            end: offsets.toCodePoint(u.end),
            quote: document.text.slice(u.start, u.end),
            note: u.note,
          },
    ),
    relations: map.relations.map((r) => ({
      id: r.id,
      type: r.type,
      from: [...r.from],
      to: r.to,
      ...(r.scheme !== undefined ? { scheme: r.scheme } : {}),
      ...(r.criticalQuestions?.length ? { criticalQuestions: r.criticalQuestions.map((q) => ({ id: q.id, answer: q.answer })) } : {}),
      note: r.note,
    })),
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

/// Versions this build reads.
export const nativeVersions: readonly number[] = [1, 2];

/// A version 1 file in version 2's shape: each relation's one premise as a list.
function fromV1(file: ArgmapV1): ArgmapV2 {
  return { ...file, version: 2, relations: file.relations.map((r) => ({ ...r, from: [r.from] })) };
}

export function parseNative(input: unknown): ParseResult<AnnotatedMap> {
  return parseNativeVersions(input, nativeVersions);
}

/// parseNative as a build that reads only `versions` would run it (a v1-only reader is how an
/// older build answers a version-2 file: tested, so that answer stays a clear version error).
export function parseNativeVersions(input: unknown, versions: readonly number[]): ParseResult<AnnotatedMap> {
  const version = typeof input === 'object' && input !== null && 'version' in input ? (input as { version: unknown }).version : undefined;
  if (version !== undefined && !versions.includes(version as number)) {
    return { ok: false, errors: [formatError('version', 'unsupportedVersion', { version: JSON.stringify(version), supported: versions.join(', ') })] };
  }
  const parsed = version === 1 ? argmapV1Import.safeParse(input) : argmapV2Import.safeParse(input);
  if (!parsed.success) {
    // Each issue with its reason code (lib/net/requestReasons), so the dialog words it.
    return { ok: false, errors: unionIssuesOfUnits(input, parsed.error.issues).map((i) => ({ at: describePath(input, i.path), message: i.message, ...(issueReason(i) as { code: FormatErrorCode; params: FormatErrorParams }) })) };
  }
  const file = parsed.data.version === 1 ? fromV1(parsed.data as ArgmapV1) : (parsed.data as ArgmapV2);
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
    if ('implicit' in u) {
      units.push({ id: u.id, label: u.label, implicit: true, text: u.text, note: u.note });
      continue;
    }
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
  const relationIds = new Set(file.relations.map((r) => r.id));
  const seen = new Set<string>();
  // Relations the checks below found wrong; the model's rules (./lib/argument) judge the rest.
  const reported = new Set<string>();
  const relations: Relation[] = [];
  for (const r of file.relations) {
    const at = `relation ${r.id}`;
    const before = errors.length;
    if (seen.has(r.id)) errors.push(formatError(at, 'duplicateRelation', { id: r.id }));
    seen.add(r.id);
    for (const end of new Set([...r.from, r.to])) if (!unitIds.has(end) && !(end === r.to && relationIds.has(end))) errors.push(formatError(at, 'missingUnit', { id: end }));
    if (r.from.includes(r.to)) errors.push(formatError(at, 'selfRelation'));
    const key = relationKey({ type: r.type as Relation['type'], from: r.from, to: r.to });
    if (relationKeys.has(key)) errors.push(formatError(at, 'duplicateRelationEnds', { type: r.type, from: r.from.join(' + '), to: r.to }));
    relationKeys.add(key);
    if (errors.length > before) reported.add(r.id);
    const relation: Relation = { id: r.id, type: r.type as Relation['type'], from: r.from, to: r.to, note: r.note };
    if (r.scheme !== undefined) relation.scheme = r.scheme;
    if (r.criticalQuestions?.length) relation.criticalQuestions = r.criticalQuestions;
    relations.push(relation);
  }
  if (file.mainClaim !== null && !unitIds.has(file.mainClaim)) errors.push(formatError('mainClaim', 'missingUnit', { id: file.mainClaim }));
  const map = { units: units.sort(compareUnits), relations: relations.sort(compareIds), mainClaimId: file.mainClaim };
  // Premise lists, undercutters, implicit units and schemes, as the model has them: a problem
  // the checks above named already is not said twice.
  const relationById = new Map(relations.map((r) => [r.id, r]));
  for (const problem of mapProblems({ ...map, relations: map.relations.filter((r) => !reported.has(r.id)), mainClaimId: null })) {
    if (problem.kind === 'unit' && problem.error.code === 'duplicateId') continue;
    if (problem.kind === 'relation' && (problem.error.code === 'missingUnit' || problem.error.code === 'missingTarget')) continue;
    errors.push(modelProblemError(problem, `${problem.kind} ${problem.id}`, relationById.get(problem.id), relationIds));
  }
  if (errors.length) return { ok: false, errors };

  return {
    ok: true,
    value: {
      document: { ...file.document },
      annotator: { ...file.annotator },
      labels: file.labels,
      map,
      comments: file.comments.map((c) => ({ id: c.id, targetKind: c.target.kind, targetId: c.target.id, author: c.author, body: c.body, createdAt: c.createdAt })),
    },
  };
}

/// A version-2 unit is a unit of the text or an implicit unit (a union): a unit that fits
/// neither is told what is wrong with it as the kind it says it is (`implicit: true` or not),
/// field by field, rather than "invalid input" for the whole unit.
function unionIssuesOfUnits(input: unknown, issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const [list, index] = issue.path;
    if (issue.code !== 'invalid_union' || list !== 'units' || typeof index !== 'number' || issue.path.length !== 2) return [issue];
    const item = (input as { units: unknown[] }).units[index];
    const kind = typeof item === 'object' && item !== null && (item as { implicit?: unknown }).implicit === true ? implicitUnitSchema : textUnitSchema;
    const parsed = kind.safeParse(item);
    return parsed.success ? [issue] : parsed.error.issues.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
  });
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

export const nativeFormat: FormatAdapter<ArgmapV2> = { serialize: serializeNative, parse: parseNative };
