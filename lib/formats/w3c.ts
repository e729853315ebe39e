// W3C Web Annotation (JSON-LD): a map as an AnnotationCollection, for annotation tools and
// triple stores (Recogito, Hypothesis-style clients, IIIF/RDF pipelines).
//
// Dialect. One Annotation per unit — motivation "tagging", a TextualBody with purpose "tagging"
// whose value is the label id, the note as a TextualBody with purpose "commenting", and a target
// on `urn:ronten:document:<docId>` with a TextQuoteSelector (exact + up to 32 code points of
// prefix/suffix) and a TextPositionSelector. One "linking" Annotation per relation, its target
// the [from, to] unit annotations and its tagging body "support" | "attack". The deeper model
// (RONTEN_DEEP_CONTEXT, only in files of maps that have its shapes): `ronten:from` the ordered
// list of premises, `ronten:to` a unit or a relation annotation, `ronten:scheme` and
// `ronten:criticalQuestions`; an implicit unit is a tagging annotation whose own text is a
// `describing` TextualBody and whose target has no selector. Comments are
// "commenting" annotations on the unit, relation or collection they are about. Ids are URNs:
// urn:ronten:{unit,relation,comment}:<docId>:<id>, each part percent-encoded, so that our ids
// come back unchanged.
//
// Invariants. TextPositionSelector offsets are Unicode code points, as the W3C model defines
// them (the collection also says `ronten:offsetUnit: "codepoint"`). The document text is not in
// the file: `parse` and `readW3c` take the document separately. Ronten-only facts — the text's
// sha256, the main claim, the annotator, the label scheme — live in `ronten:` extension fields,
// which is why @context is the W3C context followed by the `ronten` prefix (a JSON-LD compact
// IRI needs its prefix defined; the W3C model allows extra contexts after its own).
//
// Reading is lenient where other tools differ: a single body or selector instead of an array,
// a target array of one, no TextPositionSelector (the unit is then anchored by its quote), tags
// that name a label by display name ("Claim", "主張") or by the user's mapping, and units whose
// tags name no label left out with their tags listed for mapping (tags.ts), annotations on the
// whole document (skipped and reported). readW3cItems is the reader the Hypothesis and Recogito
// readers hand their annotations to. Offsets are trusted only when the file names the same text (equal
// sha256); otherwise they are hints for re-anchoring (Hypothesis, for one, counts UTF-16 units).
import { makeOffsetConverter, type OffsetConverter } from '@/lib/text/offsets';
import { contextAround } from './anchor';
import { draftToAnnotated, formatError, parseJsonInput } from './draft';
import { defaultLabelDefinitions } from './labels';
import { makeTagResolver, type TagResolution } from './tags';
import { isCount, isObject, parseLabelList as parseLabels, type Json } from './json';
import type { AnnotatedMap, FormatAdapter, FormatError, MapComment, MapDraft, ParseResult, ReadOptions, RelationDraft, UnitDraft } from './types';
import { isImplicit, type ArgumentMap } from '@/lib/argument/types';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const RONTEN_NAMESPACE = 'https://ronten.invalid/ns#';

/// Our terms, each declared, so that JSON-LD processors (safe mode included) keep them. Unit
/// references are IRIs (`@type: @id`); the label scheme is an ordered list; a label's display
/// names are a language map. No term of ours holds a number (offsets are the W3C selector's).
export const RONTEN_CONTEXT = {
  ronten: RONTEN_NAMESPACE,
  'ronten:offsetUnit': { '@id': 'ronten:offsetUnit' },
  'ronten:document': { '@id': 'ronten:document' },
  'ronten:annotator': { '@id': 'ronten:annotator' },
  'ronten:labels': { '@id': 'ronten:labels', '@container': '@list' },
  'ronten:mainClaim': { '@id': 'ronten:mainClaim', '@type': '@id' },
  'ronten:from': { '@id': 'ronten:from', '@type': '@id' },
  'ronten:to': { '@id': 'ronten:to', '@type': '@id' },
  'ronten:id': { '@id': 'ronten:id' },
  'ronten:title': { '@id': 'ronten:title' },
  'ronten:language': { '@id': 'ronten:language' },
  'ronten:textSha256': { '@id': 'ronten:textSha256' },
  'ronten:name': { '@id': 'ronten:name', '@container': '@language' },
  'ronten:targetId': { '@id': 'ronten:targetId' },
} as const;

/// The terms a map with the deeper model's shapes adds (its files' context is RONTEN_CONTEXT
/// with these; a first-model map's context stays RONTEN_CONTEXT, byte for byte): `ronten:from` an
/// ordered list of premise annotations (an RDF list, so that the order survives expansion,
/// toRDF and framing), the scheme's id, and the answered critical questions as a JSON literal.
export const RONTEN_DEEP_CONTEXT = {
  ...RONTEN_CONTEXT,
  'ronten:from': { '@id': 'ronten:from', '@type': '@id', '@container': '@list' },
  'ronten:scheme': { '@id': 'ronten:scheme' },
  'ronten:criticalQuestions': { '@id': 'ronten:criticalQuestions', '@type': '@json' },
} as const;

/// At most this many UTF-16 units of prefix / suffix (dom-anchor-text-quote's pattern limit).
const QUOTE_CONTEXT_UNITS = 32;

export interface W3cTextualBody {
  type: 'TextualBody';
  /// `describing`: an implicit unit's own text.
  purpose: 'tagging' | 'commenting' | 'describing';
  value: string;
  format?: 'text/plain';
}

export interface W3cTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface W3cTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface W3cUnitAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  body: W3cTextualBody[];
  target: {
    source: string;
    'ronten:textSha256': string;
    /// Absent for an implicit unit: it is not in the text (its text is the describing body).
    selector?: [W3cTextQuoteSelector, W3cTextPositionSelector];
  };
}

export interface W3cRelationAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  body: W3cTextualBody | W3cTextualBody[];
  /// Both ends, for tools that read linking annotations; a W3C target list is a set, so the
  /// direction is in ronten:from (the premise or attacker) and ronten:to.
  target: string[];
  /// One premise (a first-model map) or the list of premises, in order (RONTEN_DEEP_CONTEXT).
  'ronten:from': string | string[];
  /// A unit annotation, or (an undercutter) a relation annotation.
  'ronten:to': string;
  'ronten:scheme'?: string;
  'ronten:criticalQuestions'?: Array<{ id: string; answer: string }>;
}

export interface W3cCommentAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  creator: { type: 'Person'; name: string };
  created: string;
  body: W3cTextualBody;
  target: string;
  /// Only for a map comment that names something: the W3C target is then the collection.
  'ronten:targetId'?: string;
}

export type W3cAnnotation = W3cUnitAnnotation | W3cRelationAnnotation | W3cCommentAnnotation;

export interface W3cPage {
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; label: string; total: number };
  startIndex: 0;
  items: W3cAnnotation[];
}

export interface W3cCollection {
  '@context': [typeof W3C_CONTEXT, typeof RONTEN_CONTEXT | typeof RONTEN_DEEP_CONTEXT];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  creator: { id: string; type: 'Person'; name: string };
  generator: { id: string; type: 'Software'; name: string };
  generated: string;
  'ronten:offsetUnit': 'codepoint';
  'ronten:document': { 'ronten:id': string; 'ronten:title': string; 'ronten:language': string; 'ronten:textSha256': string };
  'ronten:annotator': { 'ronten:id': string; name: string };
  'ronten:labels': Array<{ 'ronten:id': string; 'ronten:name': { ja: string; en: string } }>;
  /// The main claim's annotation id; absent when there is none (JSON-LD drops nulls anyway).
  'ronten:mainClaim'?: string;
  /// The one page, embedded; both absent for an empty map (a page must have items).
  first?: W3cPage;
  last?: string;
}

const enc = encodeURIComponent;
export const documentUrn = (docId: string) => `urn:ronten:document:${enc(docId)}`;
export const unitUrn = (docId: string, unitId: string) => `urn:ronten:unit:${enc(docId)}:${enc(unitId)}`;
export const relationUrn = (docId: string, relationId: string) => `urn:ronten:relation:${enc(docId)}:${enc(relationId)}`;
export const commentUrn = (docId: string, commentId: string) => `urn:ronten:comment:${enc(docId)}:${enc(commentId)}`;
export const mapUrn = (docId: string, annotatorId: string) => `urn:ronten:map:${enc(docId)}:${enc(annotatorId)}`;
const pageUrn = (docId: string, annotatorId: string) => `urn:ronten:page:${enc(docId)}:${enc(annotatorId)}`;
const userUrn = (userId: string) => `urn:ronten:user:${enc(userId)}`;

/// Our id inside a ronten URN of that kind, or null (another tool's id, or a malformed one).
function decodeUrn(kind: string, urn: string): string | null {
  const m = /^urn:ronten:([a-z]+):([^:]*):([^:]*)$/.exec(urn);
  if (!m || m[1] !== kind) return null;
  try {
    return decodeURIComponent(m[3]);
  } catch {
    return null;
  }
}

/// The quote's context for a TextQuoteSelector: up to 32 code points, then shortened by whole
/// code points (never splitting a surrogate pair) to at most 32 UTF-16 units.
export function quoteContext(text: string, offsets: OffsetConverter, start: number, end: number): { prefix: string; suffix: string } {
  let { prefix, suffix } = contextAround(text, offsets, start, end);
  while (prefix.length > QUOTE_CONTEXT_UNITS) prefix = prefix.slice(prefix.codePointAt(0)! > 0xffff ? 2 : 1);
  while (suffix.length > QUOTE_CONTEXT_UNITS) suffix = suffix.slice(0, /[\udc00-\udfff]$/.test(suffix) ? -2 : -1);
  return { prefix, suffix };
}

export function serializeW3c(input: AnnotatedMap, options: { exportedAt?: string } = {}): W3cCollection {
  const { document } = input;
  const map = input.map;
  const deep = isDeepMap(map);
  const text = document.text;
  const offsets = makeOffsetConverter(text);
  const source = documentUrn(document.id);
  const collectionId = mapUrn(document.id, input.annotator.id);
  const items: W3cAnnotation[] = [];
  for (const u of map.units) {
    const body: W3cTextualBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: u.label }];
    if (u.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: u.note, format: 'text/plain' });
    if (isImplicit(u)) {
      // Not in the text: no selector, its text a describing body.
      body.push({ type: 'TextualBody', purpose: 'describing', value: u.text, format: 'text/plain' });
      items.push({ id: unitUrn(document.id, u.id), type: 'Annotation', motivation: 'tagging', body, target: { source, 'ronten:textSha256': document.textSha256 } });
      continue;
    }
    const { prefix, suffix } = quoteContext(text, offsets, u.start, u.end);
    items.push({
      id: unitUrn(document.id, u.id),
      type: 'Annotation',
      motivation: 'tagging',
      body,
      target: {
        source,
        'ronten:textSha256': document.textSha256,
        selector: [
          { type: 'TextQuoteSelector', exact: text.slice(u.start, u.end), prefix, suffix },
          { type: 'TextPositionSelector', start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end) },
        ],
      },
    });
  }
  const relationIds = new Set(map.relations.map((r) => r.id));
  for (const r of map.relations) {
    const tag: W3cTextualBody = { type: 'TextualBody', purpose: 'tagging', value: r.type };
    const from = r.from.map((p) => unitUrn(document.id, p));
    const to = relationIds.has(r.to) ? relationUrn(document.id, r.to) : unitUrn(document.id, r.to);
    items.push({
      id: relationUrn(document.id, r.id),
      type: 'Annotation',
      motivation: 'linking',
      body: r.note ? [tag, { type: 'TextualBody', purpose: 'commenting', value: r.note, format: 'text/plain' }] : tag,
      target: [...from, to],
      'ronten:from': deep ? from : from[0],
      'ronten:to': to,
      ...(r.scheme !== undefined ? { 'ronten:scheme': r.scheme } : {}),
      ...(r.criticalQuestions ? { 'ronten:criticalQuestions': r.criticalQuestions.map((a) => ({ id: a.id, answer: a.answer })) } : {}),
    });
  }
  for (const c of input.comments) {
    const target =
      c.targetKind === 'unit' && c.targetId !== null ? unitUrn(document.id, c.targetId) : c.targetKind === 'relation' && c.targetId !== null ? relationUrn(document.id, c.targetId) : collectionId;
    items.push({
      id: commentUrn(document.id, c.id),
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: c.author },
      created: c.createdAt,
      body: { type: 'TextualBody', purpose: 'commenting', value: c.body, format: 'text/plain' },
      target,
      ...(c.targetKind === 'map' && c.targetId !== null ? { 'ronten:targetId': c.targetId } : {}),
    });
  }
  const page = pageUrn(document.id, input.annotator.id);
  return {
    '@context': [W3C_CONTEXT, deep ? RONTEN_DEEP_CONTEXT : RONTEN_CONTEXT],
    id: collectionId,
    type: 'AnnotationCollection',
    label: document.title,
    total: items.length,
    creator: { id: userUrn(input.annotator.id), type: 'Person', name: input.annotator.name },
    generator: { id: 'urn:ronten:software:ronten', type: 'Software', name: 'Ronten' },
    generated: options.exportedAt ?? new Date().toISOString(),
    'ronten:offsetUnit': 'codepoint',
    'ronten:document': { 'ronten:id': document.id, 'ronten:title': document.title, 'ronten:language': document.language, 'ronten:textSha256': document.textSha256 },
    'ronten:annotator': { 'ronten:id': input.annotator.id, name: input.annotator.name },
    'ronten:labels': input.labels.map((l) => ({ 'ronten:id': l.id, 'ronten:name': { ...l.name } })),
    ...(map.mainClaimId === null ? {} : { 'ronten:mainClaim': unitUrn(document.id, map.mainClaimId) }),
    ...(items.length ? { first: { id: page, type: 'AnnotationPage' as const, partOf: { id: collectionId, label: document.title, total: items.length }, startIndex: 0 as const, items }, last: page } : {}),
  };
}

/// Whether a map has a shape of the deeper model (an implicit unit, several premises, a
/// relation as target, a scheme); its file then uses RONTEN_DEEP_CONTEXT.
export function isDeepMap(map: Pick<ArgumentMap, 'units' | 'relations'>): boolean {
  const relationIds = new Set(map.relations.map((r) => r.id));
  return map.units.some(isImplicit) || map.relations.some((r) => r.from.length > 1 || relationIds.has(r.to) || r.scheme !== undefined);
}

const asArray = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

/// A string field of our extension objects: `ronten:<key>` (this version) or `<key>` (files
/// exported before the JSON-LD context declared our terms).
function pick(o: Json, key: string): string | undefined {
  const v = o[`ronten:${key}`] ?? o[key];
  return typeof v === 'string' ? v : undefined;
}

/// A whole number ≥ 0, or its decimal string (how JSON-LD processors return typed numbers).
function asCount(x: unknown): number | null {
  if (isCount(x)) return x;
  return typeof x === 'string' && /^\d{1,15}$/.test(x) ? Number(x) : null;
}

function motivations(a: Json): string[] {
  return asArray(a.motivation).filter((m): m is string => typeof m === 'string');
}

/// Bodies as { purpose, value } (a plain string body is a comment, as in the W3C model).
function bodies(a: Json): Array<{ purpose: string; value: string }> {
  const out: Array<{ purpose: string; value: string }> = [];
  for (const b of asArray(a.body ?? a.bodyValue)) {
    if (typeof b === 'string') out.push({ purpose: 'commenting', value: b });
    else if (isObject(b) && typeof b.value === 'string') out.push({ purpose: typeof b.purpose === 'string' ? b.purpose : '', value: b.value });
  }
  return out;
}

const isTag = (b: { purpose: string }) => b.purpose === 'tagging' || b.purpose === 'classifying' || b.purpose === 'identifying';

function notesOf(bs: Array<{ purpose: string; value: string }>): string {
  return bs
    .filter((b) => !isTag(b))
    .map((b) => b.value)
    .join('\n');
}

function targetId(t: unknown): string | null {
  if (typeof t === 'string') return t;
  if (isObject(t)) return typeof t.id === 'string' ? t.id : typeof t.source === 'string' && t.selector === undefined ? t.source : null;
  return null;
}

/// The file as a draft (see the header for what is trusted). `options.document` is the text the
/// file is read against; without it, positions cannot be checked and quotes are all there is.
export function readW3c(input: unknown, options: ReadOptions = {}): ParseResult<MapDraft> {
  const json = parseJsonInput(input);
  if (!json.ok) return json;
  const root = json.value;
  let items: unknown[];
  let base: string;
  let top: Json = {};
  if (Array.isArray(root)) {
    items = root;
    base = '';
  } else if (isObject(root) && (root.type === 'AnnotationCollection' || 'first' in root)) {
    top = root;
    if (root.first === undefined) items = [];
    else if (!isObject(root.first) || !Array.isArray(root.first.items)) {
      return { ok: false, errors: [formatError('first', 'w3cPage')] };
    } else items = root.first.items;
    base = 'first.items';
  } else if (isObject(root) && (root.type === 'AnnotationPage' || Array.isArray(root.items))) {
    top = root;
    items = Array.isArray(root.items) ? root.items : [];
    base = 'items';
  } else if (isObject(root) && (root.type === 'Annotation' || 'target' in root)) {
    return readW3cItems([root], {}, () => '(file)', options);
  } else {
    return { ok: false, errors: [formatError('(file)', 'w3cShape')] };
  }
  return readW3cItems(items, top, (i) => (base ? `${base}[${i}]` : `[${i}]`), options);
}

/// The annotations `items` as a draft, with the collection-level facts in `top` (our `ronten:`
/// fields, `id`, `creator`, `label`); `path(i)` says where item i is in the file, for errors.
/// Shared by the W3C, Hypothesis and Recogito readers.
export function readW3cItems(items: readonly unknown[], top: Json, path: (i: number) => string, options: ReadOptions = {}): ParseResult<MapDraft> {
  const errors: FormatError[] = [];
  const skipped: FormatError[] = [];
  const fileLabels = parseLabels(asArray(top['ronten:labels']).map((l) => (isObject(l) ? { id: pick(l, 'id'), name: l.name ?? l['ronten:name'] } : l)));
  const labels = options.labels ?? fileLabels ?? defaultLabelDefinitions;
  const fileDocument = isObject(top['ronten:document']) ? top['ronten:document'] : {};
  let declaredSha = pick(fileDocument, 'textSha256');
  const document = options.document;
  const docOffsets = document ? makeOffsetConverter(document.text) : null;
  const tags = makeTagResolver(labels, options.labelMap);
  // Units left out for their tags: relations to them and a main claim on one go with them.
  const leftOut = new Set<string>();

  // First pass: which annotation is which, so that relations and comments can name units by
  // their annotation ids whatever the order of items.
  type Kind = 'unit' | 'relation' | 'comment' | 'whole-document';
  const kinds: Kind[] = [];
  const unitOfAnnotation = new Map<string, string>();
  const relationOfAnnotation = new Map<string, string>();
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    if (!isObject(a)) {
      kinds.push('whole-document');
      continue;
    }
    const motive = motivations(a);
    const targets = asArray(a.target);
    const hasSelector = targets.some((t) => isObject(t) && t.selector !== undefined);
    // A tagging annotation with a describing body and no selector: an implicit unit.
    const describes = !hasSelector && bodies(a).some((b) => b.purpose === 'describing') && !motive.includes('commenting');
    const kind: Kind = motive.includes('linking') ? 'relation' : hasSelector || describes ? 'unit' : motive.includes('commenting') || motive.includes('replying') ? 'comment' : 'whole-document';
    kinds.push(kind);
    const annotationId = typeof a.id === 'string' ? a.id : null;
    if (!annotationId) continue;
    if (kind === 'unit') unitOfAnnotation.set(annotationId, decodeUrn('unit', annotationId) ?? annotationId);
    if (kind === 'relation') relationOfAnnotation.set(annotationId, decodeUrn('relation', annotationId) ?? annotationId);
  }

  /// A unit's label from its tagging bodies, or null when its tags name none: leniently the unit
  /// is left out and its tags are counted (tags.ts), which the report tells once per tag.
  const labelOf = (bs: Array<{ purpose: string; value: string }>, at: string, id: string): string | null => {
    const tagValues = bs.filter(isTag).map((b) => b.value);
    const resolved: TagResolution = tagValues.length === 0 ? { label: labels[0]?.id ?? 'claim', tag: null } : tags.resolve(tagValues);
    if ('label' in resolved) return resolved.label;
    const unknown = 'unknownTags' in resolved ? formatError(at, 'unknownTags', { tags: resolved.unknownTags.map((t) => JSON.stringify(t)).join(', '), expected: labels.map((l) => l.id).join(', ') }) : null;
    if (unknown && options.strictLabels) errors.push(unknown);
    leftOut.add(id);
    return null;
  };

  const units: UnitDraft[] = [];
  const relations: RelationDraft[] = [];
  const comments: MapComment[] = [];
  const collectionIds = new Set([typeof top.id === 'string' ? top.id : '', document ? documentUrn(document.id) : ''].filter(Boolean));
  const unitIdOf = (ref: string) => unitOfAnnotation.get(ref) ?? decodeUrn('unit', ref) ?? ref;

  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const p = path(i);
    if (!isObject(a)) {
      errors.push(formatError(p, 'notAnnotation'));
      continue;
    }
    const annotationId = typeof a.id === 'string' ? a.id : null;
    const kind = kinds[i];

    if (kind === 'unit') {
      const id = annotationId ? unitOfAnnotation.get(annotationId)! : `a${i + 1}`;
      const at = `${p} (unit ${id})`;
      const targets = asArray(a.target).filter((t) => isObject(t) && t.selector !== undefined) as Json[];
      if (targets.length > 1) {
        errors.push(formatError(at, 'severalTargets'));
        continue;
      }
      if (targets.length === 0) {
        const bs = bodies(a);
        const label = labelOf(bs, at, id);
        if (label === null) continue;
        const text = bs.filter((b) => b.purpose === 'describing').map((b) => b.value).join('\n');
        units.push({ id, label, note: notesOf(bs.filter((b) => b.purpose !== 'describing')), quote: '', start: null, end: null, text, at });
        continue;
      }
      const target = targets[0];
      declaredSha ??= pick(target, 'textSha256');
      const selectors = asArray(target.selector).filter(isObject);
      const quoteSelector = selectors.find((s) => s.type === 'TextQuoteSelector');
      const positionSelector = selectors.find((s) => s.type === 'TextPositionSelector');
      if (!quoteSelector && !positionSelector) {
        errors.push(formatError(`${at}: target.selector`, 'noSelector'));
        continue;
      }
      let start: number | null = null;
      let end: number | null = null;
      if (positionSelector) {
        // JSON-LD processors give typed numbers back as strings ("18"): both are read.
        const [s, e] = [asCount(positionSelector.start), asCount(positionSelector.end)];
        if (s === null || e === null || s >= e) {
          errors.push(formatError(`${at}: TextPositionSelector`, 'spanOrder', { start: String(JSON.stringify(positionSelector.start)), end: String(JSON.stringify(positionSelector.end)) }));
          continue;
        }
        start = s;
        end = e;
      }
      let quote: string;
      if (quoteSelector) {
        if (typeof quoteSelector.exact !== 'string' || quoteSelector.exact === '') {
          errors.push(formatError(`${at}: TextQuoteSelector.exact`, 'emptyQuote'));
          continue;
        }
        quote = quoteSelector.exact;
      } else if (document && docOffsets && end !== null && end <= docOffsets.codePointLength) {
        quote = document.text.slice(docOffsets.toUtf16(start!), docOffsets.toUtf16(end));
      } else {
        errors.push(formatError(`${at}: target.selector`, 'positionNeedsText'));
        continue;
      }
      // Offsets are checked against the text only when the file claims that very text; then a
      // mismatch is a broken file, not an edit to re-anchor around.
      if (document && docOffsets && start !== null && end !== null && declaredSha === document.textSha256) {
        if (end > docOffsets.codePointLength) {
          errors.push(formatError(at, 'offsetsOutOfText', { start, end, length: docOffsets.codePointLength }));
          continue;
        }
        const actual = document.text.slice(docOffsets.toUtf16(start), docOffsets.toUtf16(end));
        if (actual !== quote) {
          errors.push(formatError(at, 'quoteMismatch', { quote: JSON.stringify(quote), start, end, actual: JSON.stringify(actual) }));
          continue;
        }
      }
      const bs = bodies(a);
      const label = labelOf(bs, at, id);
      if (label === null) continue;
      units.push({
        id,
        label,
        note: notesOf(bs),
        quote,
        start,
        end,
        prefix: typeof quoteSelector?.prefix === 'string' ? quoteSelector.prefix : undefined,
        suffix: typeof quoteSelector?.suffix === 'string' ? quoteSelector.suffix : undefined,
        at,
      });
    } else if (kind === 'relation') {
      const id = annotationId ? relationOfAnnotation.get(annotationId)! : `r${i + 1}`;
      const at = `${p} (relation ${id})`;
      const bs = bodies(a);
      const typeTag = bs.filter(isTag).map((b) => b.value.trim().toLowerCase());
      const type = typeTag.find((t) => t === 'support' || t === 'supports') ? 'support' : typeTag.find((t) => t === 'attack' || t === 'attacks') ? 'attack' : null;
      if (!type) {
        errors.push(typeTag.length ? formatError(`${at}: body`, 'relationTagUnknown', { tags: typeTag.map((t) => JSON.stringify(t)).join(', ') }) : formatError(`${at}: body`, 'relationTagMissing'));
        continue;
      }
      // ronten:from / ronten:to when present (a target list has no order in JSON-LD); else the
      // target list in the order written, as files before them and other tools give it.
      // ronten:from is one premise or (RONTEN_DEEP_CONTEXT) their list — after JSON-LD
      // processing maybe wrapped as { "@list": [...] }.
      const explicit = a['ronten:from'] !== undefined || a['ronten:to'] !== undefined;
      const rawFrom = a['ronten:from'];
      const fromList = isObject(rawFrom) && Array.isArray(rawFrom['@list']) ? rawFrom['@list'] : asArray(rawFrom);
      const premises = explicit ? fromList.map(targetId) : asArray(a.target).slice(0, -1).map(targetId);
      const target = explicit ? targetId(a['ronten:to']) : (asArray(a.target).map(targetId).at(-1) ?? null);
      if (premises.length === 0 || (!explicit && asArray(a.target).length !== 2) || premises.some((e) => e === null) || target === null) {
        errors.push(formatError(`${at}: ${explicit ? 'ronten:from / ronten:to' : 'target'}`, 'relationEnds'));
        continue;
      }
      const scheme = typeof a['ronten:scheme'] === 'string' ? a['ronten:scheme'] : undefined;
      const rawAnswers = a['ronten:criticalQuestions'];
      const answerList = isObject(rawAnswers) && rawAnswers['@value'] !== undefined ? rawAnswers['@value'] : rawAnswers;
      const answers = Array.isArray(answerList) ? answerList.filter(isObject).map((q) => ({ id: String(q.id), answer: String(q.answer) })) : [];
      relations.push({
        id,
        type,
        from: premises.map((e) => unitIdOf(e!)),
        to: relationOfAnnotation.get(target) ?? unitIdOf(target),
        ...(scheme !== undefined ? { scheme } : {}),
        ...(answers.length ? { criticalQuestions: answers } : {}),
        note: notesOf(bs),
        at,
      });
    } else if (kind === 'comment') {
      const ref = asArray(a.target).map(targetId)[0] ?? null;
      const id = annotationId ? (decodeUrn('comment', annotationId) ?? annotationId) : `c${i + 1}`;
      let targetKind: MapComment['targetKind'] | null = null;
      let target: string | null = null;
      if (ref !== null && unitOfAnnotation.has(ref)) [targetKind, target] = ['unit', unitOfAnnotation.get(ref)!];
      else if (ref !== null && relationOfAnnotation.has(ref)) [targetKind, target] = ['relation', relationOfAnnotation.get(ref)!];
      else if (ref !== null && collectionIds.has(ref)) [targetKind, target] = ['map', typeof a['ronten:targetId'] === 'string' ? a['ronten:targetId'] : null];
      if (!targetKind) {
        skipped.push(formatError(p, 'commentOutside', { ref: String(JSON.stringify(ref)) }));
        continue;
      }
      const creator = isObject(a.creator) ? a.creator : {};
      comments.push({
        id,
        targetKind,
        targetId: target,
        author: typeof creator.name === 'string' ? creator.name : typeof creator.nickname === 'string' ? creator.nickname : '',
        body: bodies(a)
          .map((b) => b.value)
          .join('\n'),
        createdAt: typeof a.created === 'string' ? a.created : '',
      });
    } else {
      skipped.push(formatError(p, 'wholeDocument'));
    }
  }

  let mainClaimId: string | null = null;
  const main = top['ronten:mainClaim'];
  if (typeof main === 'string' || (isObject(main) && typeof main.id === 'string')) mainClaimId = unitIdOf(targetId(main)!);
  else if (main !== undefined && main !== null) errors.push(formatError('ronten:mainClaim', 'mainClaimAnnotation'));

  if (errors.length) return { ok: false, errors };
  const keptRelations = relations.filter((r) => {
    const gone = [...r.from, r.to].filter((end) => leftOut.has(end));
    if (gone.length) skipped.push(formatError(r.at, 'relationUnitLeftOut', { units: gone.join(', ') }));
    return gone.length === 0;
  });
  if (mainClaimId !== null && leftOut.has(mainClaimId)) {
    skipped.push(formatError('ronten:mainClaim', 'mainClaimLeftOut', { id: mainClaimId }));
    mainClaimId = null;
  }
  const fileAnnotator = isObject(top['ronten:annotator']) ? top['ronten:annotator'] : {};
  const annotatorId = pick(fileAnnotator, 'id');
  const annotator = annotatorId !== undefined ? { id: annotatorId, name: String(fileAnnotator.name ?? '') } : creatorAnnotator(top.creator);
  return {
    ok: true,
    value: {
      source: {
        documentId: pick(fileDocument, 'id'),
        title: pick(fileDocument, 'title') ?? (typeof top.label === 'string' ? top.label : undefined),
        language: pick(fileDocument, 'language'),
        textSha256: declaredSha,
      },
      annotator,
      labels: fileLabels ?? undefined,
      units,
      relations: keptRelations,
      mainClaimId,
      comments,
      skipped,
      ...tags.summary(),
    },
  };
}

function creatorAnnotator(creator: unknown): { id: string; name: string } | undefined {
  if (!isObject(creator)) return undefined;
  const id = typeof creator.id === 'string' ? (/^urn:ronten:user:(.*)$/.exec(creator.id)?.[1] ?? creator.id) : '';
  const name = typeof creator.name === 'string' ? creator.name : typeof creator.nickname === 'string' ? creator.nickname : '';
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // keep it as written
  }
  return { id: decoded || name || 'unknown', name };
}

/// Strict: the collection as a map on `options.document` (required: the text is not in the file).
export function parseW3c(input: unknown, options: ReadOptions = {}): ParseResult<AnnotatedMap> {
  if (!options.document) return { ok: false, errors: [formatError('(options)', 'needsDocument', { format: 'W3C' })] };
  const read = readW3c(input, { ...options, strictLabels: true });
  if (!read.ok) return read;
  const labels = options.labels ?? read.value.labels ?? defaultLabelDefinitions;
  return draftToAnnotated(read.value, options.document, labels);
}

export const w3cFormat: FormatAdapter<W3cCollection> = { serialize: serializeW3c, parse: parseW3c };
