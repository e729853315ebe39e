// Builds the worked example map shipped with the corpus essay:
//   npx tsx scripts/build-example-map.ts
// reads corpus/russia-diplomacy-2020.example.quotes.ts (units as quotes, relations, main claim),
// anchors every quote in the canonical text, and writes
// corpus/russia-diplomacy-2020.example.argmap.json (ronten-argmap, the native writer's version).
// The spec has the deeper model's shapes (issue 17): implicit units, linked arguments (`from` a
// list), an undercutter (`to` a relation) and schemes with answered critical questions. A
// native writer that speaks only v1 refuses them (UnexpressibleMapError), and the file is then
// regenerated once lib/formats/native.ts writes v2; buildAnnotatedExample gives the map value
// meanwhile.
//
// Invariants of the output, which lib/corpus/example.test.ts re-checks:
// - Deterministic: same source, spec and canonicalization give byte-identical JSON (fixed
//   exportedAt, units and relations in the core's canonical order).
// - Every unit is the quote's span exactly, on token boundaries: a quote that is missing, occurs
//   more than once without `occurrence`, or starts/ends inside a morpheme fails the build — the
//   quote is fixed in the spec, never silently widened.
// - The map is built by the core's operations through applyChecked, so labels, token boundaries
//   and the map invariants (no self-relations, no duplicates, relations between existing units)
//   are enforced by the same code that guards user edits.
import fs from 'node:fs';
import path from 'node:path';
import {
  addImplicitUnitOp,
  addUnitOp,
  applyChecked,
  emptyMap,
  setMainClaimOp,
  snapToTokens,
  tokenBoundaries,
  type Operation,
} from '@/lib/argument';
import { decodeSourceFile } from '@/lib/corpus/sourceFile';
import { serializeNative } from '@/lib/formats/native';
import type { AnnotatedMap, LabelDefinition } from '@/lib/formats/types';
import { canonicalize, sha256Hex } from '@/lib/text';
import type { Reflow } from '@/lib/text/types';
import { tokenize } from '@/lib/tokens/kuromoji';
import type { Token } from '@/lib/tokens/types';
import { russiaDiplomacy2020Example, type ExampleMapSpec, type ExampleUnitSpec } from '@/corpus/russia-diplomacy-2020.example.quotes';

/// The fixed export time that makes the file reproducible.
export const EXAMPLE_EXPORTED_AT = '2026-11-26T00:00:00.000Z';

export const exampleAnnotator = { id: 'ronten-example', name: 'Ronten example' };

export const exampleLabels: LabelDefinition[] = [
  { id: 'claim', name: { ja: '主張', en: 'Claim' } },
  { id: 'evidence', name: { ja: '根拠', en: 'Evidence' } },
  { id: 'counterargument', name: { ja: '反論', en: 'Counterargument' } },
  { id: 'rebuttal', name: { ja: '再反論', en: 'Rebuttal' } },
];

export interface CorpusText {
  id: string;
  title: string;
  language: string;
  reflow: Reflow;
  /// The canonical text every offset refers to.
  text: string;
}

export function defaultCorpusDir(): string {
  return path.join(process.cwd(), 'corpus');
}

export function examplePath(documentId: string, dir = defaultCorpusDir()): string {
  return path.join(dir, `${documentId}.example.argmap.json`);
}

/// The corpus text `<id>` (meta + source) in canonical form.
export function readCorpusText(documentId: string, dir = defaultCorpusDir()): CorpusText {
  const metaFile = path.join(dir, `${documentId}.meta.json`);
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
  for (const key of ['id', 'title', 'language', 'source'] as const) {
    if (typeof meta[key] !== 'string') throw new Error(`${metaFile}: "${key}" must be a string`);
  }
  if (meta.id !== documentId) throw new Error(`${metaFile}: id is "${String(meta.id)}", expected "${documentId}"`);
  const reflow = (meta.reflow ?? 'auto') as Reflow;
  if (!['auto', 'on', 'off'].includes(reflow)) throw new Error(`${metaFile}: reflow must be auto, on or off`);
  const source = decodeSourceFile(fs.readFileSync(path.join(dir, meta.source as string)), meta.source as string);
  return {
    id: meta.id as string,
    title: meta.title as string,
    language: meta.language as string,
    reflow,
    text: canonicalize(source, { reflow }).text,
  };
}

/// All UTF-16 offsets where `quote` starts in `text` (overlapping matches included).
function occurrencesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/// The unit's UTF-16 span: the quote's occurrence, which must already lie on token boundaries.
export function anchorQuote(text: string, boundaries: readonly number[], unit: ExampleUnitSpec): { start: number; end: number } {
  if (unit.quote.length === 0) throw new Error(`unit ${unit.id}: empty quote`);
  const found = occurrencesOf(text, unit.quote);
  if (found.length === 0) throw new Error(`unit ${unit.id}: quote not found in the canonical text: ${JSON.stringify(unit.quote)}`);
  let start: number;
  if (unit.occurrence === undefined) {
    if (found.length > 1) {
      throw new Error(`unit ${unit.id}: quote occurs ${found.length} times (at ${found.join(', ')}); set occurrence (1–${found.length}) or lengthen it`);
    }
    start = found[0];
  } else {
    if (!Number.isInteger(unit.occurrence) || unit.occurrence < 1 || unit.occurrence > found.length) {
      throw new Error(`unit ${unit.id}: occurrence ${unit.occurrence} but the quote occurs ${found.length} time(s)`);
    }
    start = found[unit.occurrence - 1];
  }
  const end = start + unit.quote.length;
  const snapped = snapToTokens(boundaries, start, end);
  if (!snapped || snapped.start !== start || snapped.end !== end) {
    const widened = snapped ? text.slice(snapped.start, snapped.end) : '(nothing)';
    throw new Error(
      `unit ${unit.id}: quote is not on token boundaries (${start}–${end}); snapping widens it to ${JSON.stringify(widened)} — adjust the quote`,
    );
  }
  return { start, end };
}

/// The example as an AnnotatedMap: units anchored, relations and main claim applied through the
/// core's checked operations.
export function buildAnnotatedExample(spec: ExampleMapSpec, doc: CorpusText, tokens: readonly Token[]): AnnotatedMap {
  const boundaries = tokenBoundaries(tokens);
  const operations: Operation[] = [];
  for (const unit of spec.units) {
    const { start, end } = anchorQuote(doc.text, boundaries, unit);
    operations.push(addUnitOp({ id: unit.id, label: unit.label, start, end, note: unit.note }));
  }
  for (const unit of spec.implicitUnits ?? []) operations.push(addImplicitUnitOp(unit.id, unit.label, unit.text, unit.note));
  for (const { from, scheme, criticalQuestions, ...relation } of spec.relations) {
    // Canonical shape: no scheme / criticalQuestions keys when there are none (types.ts).
    operations.push({
      op: 'addRelation',
      relation: { ...relation, from: typeof from === 'string' ? [from] : [...from], ...(scheme ? { scheme } : {}), ...(criticalQuestions?.length ? { criticalQuestions: criticalQuestions.map((a) => ({ ...a })) } : {}) },
    });
  }
  operations.push(setMainClaimOp(emptyMap, spec.mainClaim));

  const result = applyChecked(emptyMap, operations, {
    textLength: doc.text.length,
    boundaries,
    labels: exampleLabels.map((l) => l.id),
  });
  if (!result.ok) throw new Error(`example map, operation ${result.index}: ${result.error}`);

  // Not invariants of the core, but of a useful example: every unit is part of the argument.
  const related = new Set(result.map.relations.flatMap((r) => [...r.from, r.to]));
  const loose = result.map.units.filter((u) => !related.has(u.id)).map((u) => u.id);
  if (loose.length) throw new Error(`example map: units without any relation: ${loose.join(', ')}`);

  return {
    document: { id: doc.id, title: doc.title, language: doc.language, text: doc.text, textSha256: sha256Hex(doc.text) },
    annotator: { ...exampleAnnotator },
    labels: exampleLabels.map((l) => ({ id: l.id, name: { ...l.name } })),
    map: result.map,
    comments: [],
  };
}

/// The file's exact contents: pretty JSON, 2-space indent, trailing newline.
export function renderExample(map: AnnotatedMap): string {
  return JSON.stringify(serializeNative(map, { exportedAt: EXAMPLE_EXPORTED_AT }), null, 2) + '\n';
}

/// Builds the example file's contents from the spec. Pass `tokens` of the canonical text to
/// skip tokenizing (the test tokenizes once and shares them).
export async function buildExampleMap(
  options: { spec?: ExampleMapSpec; dir?: string; tokens?: readonly Token[] } = {},
): Promise<string> {
  const spec = options.spec ?? russiaDiplomacy2020Example;
  const doc = readCorpusText(spec.documentId, options.dir);
  const tokens = options.tokens ?? (await tokenize(doc.text));
  return renderExample(buildAnnotatedExample(spec, doc, tokens));
}

async function main(): Promise<void> {
  const spec = russiaDiplomacy2020Example;
  const json = await buildExampleMap({ spec });
  const file = examplePath(spec.documentId);
  fs.writeFileSync(file, json);
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${spec.units.length + (spec.implicitUnits?.length ?? 0)} units, ${spec.relations.length} relations`);
}

if (process.argv[1]?.endsWith('build-example-map.ts')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
