// Recogito (@recogito/text-annotator 4.x), both ways: a JSON array of W3C annotations, each one
// that Recogito's own `parseW3CTextAnnotation` reads and its `serializeW3CTextAnnotation` writes
// back with our facts intact — what `setAnnotations` / `loadAnnotations` take.
//
// Recogito's parser reads an annotation only if every target is an object whose selectors give
// both a TextQuoteSelector and a TextPositionSelector, and it keeps the annotation's own fields
// (spread), each target's `id`, and every body's fields; it drops the targets' other fields. So:
// - a unit is an annotation with a tagging body (the label id), its note as a commenting body
//   without a creator, and one target with both selectors;
// - a relation is a "linking" annotation with a tagging body (support | attack) and two targets,
//   the premise's span then the conclusion's, each target's `id` the unit annotation it stands
//   for; the direction is also in `ronten:from` / `ronten:to`. Recogito has no links in its text
//   annotator (its connections plugins draw links between image annotations), so it shows a
//   relation as one annotation highlighting both passages, tagged support or attack: it cannot
//   show the arrow;
// - the deeper model: a linking annotation has a target per premise then the target's, with
//   `ronten:from` the premise list (maps with these shapes) and `ronten:to` a unit or relation
//   annotation, `ronten:scheme` / `ronten:criticalQuestions`; an implicit unit has a describing
//   body, `ronten:implicit: true` and a zero-width target at 0 (Recogito reads only targets with
//   both selectors), as has an attacked relation's place in an undercutter's targets;
// - comments are Recogito's own: commenting bodies with a creator and a date, on the unit or
//   relation they are about; a comment on the whole map rides on the main claim's annotation
//   (or the first unit's) with `ronten:about: "map"`, since Recogito has nothing for the whole
//   text — a map with no units carries no map comments;
// - the main claim's annotation says `ronten:mainClaim: true`; every annotation carries
//   `ronten:textSha256` (offsets are trusted only on that very text) and `ronten:offsetUnit`.
//
// Offsets. TextPositionSelector counts Unicode code points, as the W3C model says; Recogito counts
// UTF-16 units of the page's text, so on a text with characters outside the BMP (𠮷, 𩸽, emoji)
// Recogito places spans after such a character too early by one per character: each annotation
// says so in `ronten:offsetNote`. Reading back, the quote decides (anchor.ts) unless the text is
// the very one the file names.
import { makeOffsetConverter } from '@/lib/text/offsets';
import { draftToAnnotated, formatError, parseJsonInput } from './draft';
import { isObject, type Json } from './json';
import { defaultLabelDefinitions } from './labels';
import type { AnnotatedMap, MapComment, MapDraft, ParseResult, ReadOptions } from './types';
import { isImplicit } from '@/lib/argument/types';
import { commentUrn, documentUrn, isDeepMap, quoteContext, readW3cItems, relationUrn, unitUrn, W3C_CONTEXT, type W3cTextPositionSelector, type W3cTextQuoteSelector } from './w3c';

export const RECOGITO_OFFSET_NOTE =
  'TextPositionSelector offsets count Unicode code points (W3C); Recogito counts UTF-16 units, so on a text with characters outside the BMP its positions after them are off by one per such character: the TextQuoteSelector is exact.';

interface RecogitoBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting' | 'describing';
  value: string;
  format?: 'text/plain';
  id?: string;
  creator?: { type: 'Person'; name: string };
  created?: string;
  'ronten:about'?: 'map';
  'ronten:targetId'?: string;
}

interface RecogitoTarget {
  id?: string;
  source: string;
  selector: [W3cTextQuoteSelector, W3cTextPositionSelector];
}

export interface RecogitoAnnotation {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'linking';
  body: RecogitoBody[];
  target: RecogitoTarget | RecogitoTarget[];
  'ronten:from'?: string | string[];
  'ronten:to'?: string;
  'ronten:implicit'?: true;
  'ronten:scheme'?: string;
  'ronten:criticalQuestions'?: Array<{ id: string; answer: string }>;
  'ronten:mainClaim'?: true;
  'ronten:textSha256': string;
  'ronten:offsetUnit': 'codepoint';
  'ronten:offsetNote': string;
}

const commentBody = (docId: string, c: MapComment): RecogitoBody => ({
  type: 'TextualBody',
  purpose: 'commenting',
  value: c.body,
  format: 'text/plain',
  id: commentUrn(docId, c.id),
  creator: { type: 'Person', name: c.author },
  ...(c.createdAt ? { created: c.createdAt } : {}),
  ...(c.targetKind === 'map' ? { 'ronten:about': 'map' as const, ...(c.targetId !== null ? { 'ronten:targetId': c.targetId } : {}) } : {}),
});

export function serializeRecogito(input: AnnotatedMap): RecogitoAnnotation[] {
  const { document } = input;
  const map = input.map;
  const deep = isDeepMap(map);
  const text = document.text;
  const offsets = makeOffsetConverter(text);
  const source = documentUrn(document.id);
  const spans = new Map(map.units.map((u) => [u.id, u]));
  // What is not in the text (an implicit unit, or the relation an undercutter attacks) is a
  // zero-width target at the start: Recogito reads only targets with both selectors.
  const nowhere = (id: string | undefined): RecogitoTarget => ({
    ...(id !== undefined ? { id } : {}),
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 0 },
    ],
  });
  const target = (unitId: string, withId: boolean): RecogitoTarget => {
    const u = spans.get(unitId);
    if (u === undefined) return nowhere(withId ? relationUrn(document.id, unitId) : undefined);
    if (isImplicit(u)) return nowhere(withId ? unitUrn(document.id, u.id) : undefined);
    return {
      ...(withId ? { id: unitUrn(document.id, u.id) } : {}),
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(u.start, u.end), ...quoteContext(text, offsets, u.start, u.end) },
        { type: 'TextPositionSelector', start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end) },
      ],
    };
  };
  const commentsOn = (kind: MapComment['targetKind'], id: string | null) => input.comments.filter((c) => c.targetKind === kind && c.targetId === id).map((c) => commentBody(document.id, c));
  const mapCommentHolder = map.mainClaimId ?? map.units[0]?.id ?? null;
  const common = { 'ronten:textSha256': document.textSha256, 'ronten:offsetUnit': 'codepoint' as const, 'ronten:offsetNote': RECOGITO_OFFSET_NOTE };
  const note = (value: string): RecogitoBody[] => (value ? [{ type: 'TextualBody', purpose: 'commenting', value, format: 'text/plain' }] : []);
  const out: RecogitoAnnotation[] = map.units.map((u) => ({
    '@context': W3C_CONTEXT,
    id: unitUrn(document.id, u.id),
    type: 'Annotation',
    motivation: 'tagging',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: u.label },
      ...note(u.note),
      ...(isImplicit(u) ? [{ type: 'TextualBody' as const, purpose: 'describing' as const, value: u.text, format: 'text/plain' as const }] : []),
      ...commentsOn('unit', u.id),
      ...(u.id === mapCommentHolder ? input.comments.filter((c) => c.targetKind === 'map').map((c) => commentBody(document.id, c)) : []),
    ],
    target: target(u.id, false),
    ...(isImplicit(u) ? { 'ronten:implicit': true as const } : {}),
    ...(u.id === map.mainClaimId ? { 'ronten:mainClaim': true as const } : {}),
    ...common,
  }));
  for (const r of map.relations) {
    out.push({
      '@context': W3C_CONTEXT,
      id: relationUrn(document.id, r.id),
      type: 'Annotation',
      motivation: 'linking',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: r.type }, ...note(r.note), ...commentsOn('relation', r.id)],
      target: [...r.from.map((p) => target(p, true)), target(r.to, true)],
      'ronten:from': deep ? r.from.map((p) => unitUrn(document.id, p)) : unitUrn(document.id, r.from[0]),
      'ronten:to': spans.has(r.to) ? unitUrn(document.id, r.to) : relationUrn(document.id, r.to),
      ...(r.scheme !== undefined ? { 'ronten:scheme': r.scheme } : {}),
      ...(r.criticalQuestions ? { 'ronten:criticalQuestions': r.criticalQuestions.map((a) => ({ id: a.id, answer: a.answer })) } : {}),
      ...common,
    });
  }
  return out;
}

const asArray = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

/// A Recogito file (ours, or one Recogito saved: an array of its W3C annotations) as a draft:
/// its comment bodies become comment annotations and its facts the collection's, then readW3cItems
/// reads it as W3C (see the header).
export function readRecogito(input: unknown, options: ReadOptions = {}): ParseResult<MapDraft> {
  const json = parseJsonInput(input);
  if (!json.ok) return json;
  const root = json.value;
  if (!Array.isArray(root)) return { ok: false, errors: [formatError('(file)', 'recogitoShape')] };
  const collection = 'urn:ronten:recogito';
  const top: Json = {};
  const items: unknown[] = [];
  const comments: unknown[] = [];
  const commentPaths: string[] = [];
  root.forEach((a, i) => {
    if (!isObject(a)) return items.push(a);
    if (a['ronten:mainClaim'] === true && typeof a.id === 'string') top['ronten:mainClaim'] ??= a.id;
    if (typeof a['ronten:textSha256'] === 'string') top['ronten:document'] ??= { 'ronten:textSha256': a['ronten:textSha256'] };
    const body: unknown[] = [];
    for (const b of asArray(a.body)) {
      // A commenting body with a creator (or our comment id) is a comment, as Recogito writes
      // them; one without is the unit's note.
      const isComment = isObject(b) && b.purpose === 'commenting' && (isObject(b.creator) || (typeof b.id === 'string' && b.id.startsWith('urn:ronten:comment:')));
      if (!isComment) {
        body.push(b);
        continue;
      }
      const aboutMap = b['ronten:about'] === 'map';
      commentPaths.push(`[${i}].body`);
      comments.push({
        id: b.id,
        type: 'Annotation',
        motivation: 'commenting',
        creator: b.creator,
        created: b.created,
        body: { purpose: 'commenting', value: b.value },
        target: aboutMap ? collection : a.id,
        ...(aboutMap && typeof b['ronten:targetId'] === 'string' ? { 'ronten:targetId': b['ronten:targetId'] } : {}),
      });
    }
    // Recogito writes each target's `annotation` (its own id) and no `ronten:from`/`to` of its
    // own; a one-target array is a unit's.
    // An implicit unit's zero-width target is no place in the text.
    items.push({ ...a, body, ...(a['ronten:implicit'] === true ? { target: asArray(a.target).map((t) => (isObject(t) ? { source: t.source } : t)) } : {}) });
  });
  top.id = collection;
  return readW3cItems([...items, ...comments], top, (i) => (i < items.length ? `[${i}]` : commentPaths[i - items.length]), options);
}

/// Strict: the annotations on `options.document` (required: the text is not in the file).
export function parseRecogito(input: unknown, options: ReadOptions = {}): ParseResult<AnnotatedMap> {
  if (!options.document) return { ok: false, errors: [formatError('(options)', 'needsDocument', { format: 'Recogito' })] };
  const read = readRecogito(input, { ...options, strictLabels: true });
  return read.ok ? draftToAnnotated(read.value, options.document, options.labels ?? defaultLabelDefinitions) : read;
}
