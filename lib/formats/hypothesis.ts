// Hypothesis (web.hypothes.is), both ways, in the JSON its client exports and imports
// (`{ export_date, export_userid, client_version, annotations: [...] }`; the client's importer
// reads `annotations` and keeps each one's target, tags, text, uri and document).
//
// Export. One annotation per unit: its label as the tag (the label's English name, e.g.
// "Claim"; the main claim also tagged "main claim"), its note as the text, and a target on
// `urn:ronten:document:<id>` with a TextQuoteSelector (≤ 32 UTF-16 units of context) and a
// TextPositionSelector. Hypothesis counts positions in UTF-16 units of the page's text, so these
// do too (unlike our other formats, which count code points). Relations and comments have no
// place in Hypothesis and are not written; the file is for reading units in Hypothesis.
//
// Import. Its export file or a bare array of its annotations. A unit per annotation with a
// TextQuoteSelector, anchored by its quote (Hypothesis annotates a web page, not our text: its
// positions are only hints). Its label is its first tag that names a label — by the user's
// mapping (`labelMap`, e.g. `--label-map 根拠=evidence`), else by the label's id or either
// name (tags.ts); an annotation with no tags gets the scheme's first label, one whose tags name
// no label is left out until the user maps a tag. The report lists every tag read as a label and
// every unknown tag, for the user to confirm or map. `text` becomes the note; replies become
// comments on their annotation; page notes (no selector) are left out and reported. The
// annotations are turned into W3C ones and read by readW3cItems, which does the rest.
import { makeOffsetConverter } from '@/lib/text/offsets';
import { draftToAnnotated, formatError, parseJsonInput } from './draft';
import { isObject } from './json';
import { capitalizeLabel, defaultLabelDefinitions } from './labels';
import type { AnnotatedMap, FormatError, MapDraft, ParseResult, ReadOptions } from './types';
import { documentUrn, quoteContext, readW3cItems } from './w3c';
import { v1Map } from './v1Shape';

export interface HypothesisFile {
  export_date: string;
  export_userid: string;
  client_version: string;
  annotations: Array<{
    id: string;
    created: string;
    updated: string;
    user: string;
    uri: string;
    document: { title: string };
    tags: string[];
    text: string;
    target: Array<{ source: string; selector: Array<{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number }> }>;
  }>;
}

export const MAIN_CLAIM_TAG = 'main claim';

export function serializeHypothesis(input: AnnotatedMap, options: { exportedAt?: string } = {}): HypothesisFile {
  const { document } = input;
  const map = v1Map(input.map, 'Hypothesis');
  const text = document.text;
  const offsets = makeOffsetConverter(text);
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const uri = documentUrn(document.id);
  const nameOf = new Map(input.labels.map((l) => [l.id, l.name.en || capitalizeLabel(l.id)]));
  return {
    export_date: exportedAt,
    export_userid: input.annotator.name,
    client_version: 'ronten',
    annotations: map.units.map((u) => ({
      id: u.id,
      created: exportedAt,
      updated: exportedAt,
      user: input.annotator.name,
      uri,
      document: { title: document.title },
      tags: [nameOf.get(u.label) ?? u.label, ...(map.mainClaimId === u.id ? [MAIN_CLAIM_TAG] : [])],
      text: u.note,
      target: [{ source: uri, selector: [{ type: 'TextQuoteSelector', exact: text.slice(u.start, u.end), ...quoteContext(text, offsets, u.start, u.end) }, { type: 'TextPositionSelector', start: u.start, end: u.end }] }],
    })),
  };
}

/// The file as a draft, through readW3cItems (see the header).
export function readHypothesis(input: unknown, options: ReadOptions = {}): ParseResult<MapDraft> {
  const json = parseJsonInput(input);
  if (!json.ok) return json;
  const root = json.value;
  const list = Array.isArray(root) ? root : isObject(root) && Array.isArray(root.annotations) ? root.annotations : null;
  if (!list) return { ok: false, errors: [formatError('(file)', 'hypothesisShape')] };
  const labels = options.labels ?? defaultLabelDefinitions;
  const base = Array.isArray(root) ? '' : 'annotations';
  const untagged: FormatError[] = [];
  let mainClaim: string | null = null;
  const items = list.map((a: unknown, i: number) => {
    if (!isObject(a)) return a;
    const tags = Array.isArray(a.tags) ? a.tags.filter((t): t is string => typeof t === 'string') : [];
    const references = Array.isArray(a.references) ? a.references.filter((r): r is string => typeof r === 'string') : [];
    const body = typeof a.text === 'string' && a.text !== '' ? [{ purpose: 'commenting', value: a.text }] : [];
    if (references.length) {
      const creator = { name: typeof a.user === 'string' ? a.user.replace(/^acct:/, '') : '' };
      return { id: a.id, motivation: 'replying', body, target: references[references.length - 1], creator, created: a.created };
    }
    const labelTags = tags.filter((t) => t !== MAIN_CLAIM_TAG);
    if (labelTags.length === 0 && Array.isArray(a.target) && a.target.some((t) => isObject(t) && t.selector !== undefined)) {
      untagged.push(formatError(`${base}[${i}]`, 'untagged', { label: String(labels[0]?.id) }));
    }
    if (tags.includes(MAIN_CLAIM_TAG) && typeof a.id === 'string') mainClaim ??= a.id;
    const target = Array.isArray(a.target) ? a.target.map((t) => (isObject(t) && Array.isArray(t.selector) ? { ...t, selector: t.selector.filter((s) => isObject(s) && s.type === 'TextQuoteSelector') } : t)) : a.target;
    return { id: a.id, motivation: 'tagging', body: [...labelTags.map((value) => ({ purpose: 'tagging', value })), ...body], target };
  });
  const read = readW3cItems(items, {}, (i) => `${base}[${i}]`, { ...options, labels });
  if (!read.ok) return read;
  return {
    ok: true,
    value: {
      ...read.value,
      mainClaimId: mainClaim !== null && read.value.units.some((u) => u.id === mainClaim) ? mainClaim : null,
      // Units without a label tag are not left out, but the user should know how they came in.
      skipped: [...untagged, ...read.value.skipped],
    },
  };
}

/// Strict: the annotations on `options.document`, by their quotes.
export function parseHypothesis(input: unknown, options: ReadOptions = {}): ParseResult<AnnotatedMap> {
  if (!options.document) return { ok: false, errors: [formatError('(options)', 'needsDocument', { format: 'Hypothesis' })] };
  const read = readHypothesis(input, options);
  return read.ok ? draftToAnnotated(read.value, options.document, options.labels ?? defaultLabelDefinitions) : read;
}
