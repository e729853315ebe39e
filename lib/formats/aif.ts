// AIF (Argument Interchange Format), in the JSON dialect OVA3 saves and AIFdb / the ARG-tech
// argument-mining pipeline (xAIF) read: `{ AIF: { nodes, edges, schemefulfillments,
// descriptorfulfillments, participants, locutions }, text, OVA }`.
//
// Mapping. Each unit is an I-node whose text is its quote. Each support is a RA node ("Default
// Inference", scheme 72) with edges I(from) → RA → I(to); each attack a CA node ("Default
// Conflict", scheme 71), I(attacker) → CA → I(target). As in IAT analyses (AIFdb), the author
// (one participant, "Author 筆者") says each unit: an L-node "Author 筆者: <quote>" with its
// locution and a YA "Asserting" node, L → YA → I; each relation has a TA node between the two
// L-nodes and a YA "Arguing" (support) or "Disagreeing" (attack) node, TA → YA → RA/CA. Node ids
// are decimal strings and edge ids numbers, as OVA makes them. `text` is OVA3's HTML of the
// document text (ovaText.ts: escaped, <br> per line break, a highlighted span per I-node), so
// OVA3 links every I-node to its passage. The OVA block gives a simple grid layout. An empty map
// has one L-node (the essay said by its author): OVA3's loader fails on a file without nodes.
//
// What AIF cannot say — labels, offsets, unit and relation ids, notes, the main claim, the
// annotator, the label scheme, comments — is kept in `ronten` extension fields (on each I- and
// S-node, and at the top level), and again in the text's data span, which an OVA3 load-and-save
// keeps although it drops the other fields; so our re-import is lossless either way. Offsets are
// Unicode code points (`ronten.offsetUnit`).
//
// Reading also takes plain AIF without those fields (AIFdb exports, OVA maps): I-nodes are
// anchored by their text (no offsets, so import reports them as moved for the user to accept),
// labelled with the scheme's first label (claim). An S-node with several premises becomes one
// relation per premise. What a map cannot represent — conflicts or inferences aimed at another
// S-node (undercuts), rephrase/preference nodes, S-nodes without both ends — is left out and
// listed as skipped. L, YA and TA nodes (the dialogue layer) are ignored: they carry no
// argument structure of their own. Files exported before the text was HTML read as before.
import { sha256Hex } from '@/lib/text/hash';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { contextAround } from './anchor';
import { htmlToText, ovaData, ovaHtml } from './ovaText';
import { documentFromText, draftToAnnotated, formatError, parseJsonInput } from './draft';
import { defaultLabelDefinitions, resolveLabel } from './labels';
import { isCount, isObject, parseLabelList as parseLabels, type Json } from './json';
import type { AnnotatedDocument, AnnotatedMap, FormatAdapter, FormatError, LabelDefinition, MapComment, MapDraft, ParseResult, ReadOptions, RelationDraft, UnitDraft } from './types';
import { v1Map } from './v1Shape';

export interface AifNode {
  nodeID: string;
  text: string;
  type: string;
  timestamp: string;
  ronten?: AifUnitExtra | AifRelationExtra;
}

export interface AifUnitExtra {
  unitId: string;
  label: string;
  start: number;
  end: number;
  note: string;
}

export interface AifRelationExtra {
  relationId: string;
  note: string;
}

export interface AifEdge {
  edgeID: number;
  fromID: string;
  toID: string;
}

export interface AifFile {
  AIF: {
    nodes: AifNode[];
    edges: AifEdge[];
    schemefulfillments: Array<{ nodeID: string; schemeID: string }>;
    descriptorfulfillments: unknown[];
    participants: Array<{ participantID: number; firstname: string; surname: string }>;
    locutions: Array<{ nodeID: string; personID: number; start: null; end: null }>;
  };
  text: string;
  OVA: {
    firstname: string;
    surname: string;
    url: string;
    nodes: Array<{ nodeID: string; visible: boolean; x: number; y: number; timestamp: string }>;
    edges: Array<{ fromID: string; toID: string; visible: boolean }>;
  };
  ronten: {
    format: 'ronten-aif';
    version: 1;
    offsetUnit: 'codepoint';
    document: { id: string; title: string; language: string; textSha256: string };
    annotator: { id: string; name: string };
    labels: LabelDefinition[];
    /// The main claim's unit id, or null.
    mainClaim: string | null;
    comments: MapComment[];
    exportedAt: string;
  };
}

// Scheme ids as OVA3 assigns them.
const SCHEMES = {
  RA: { text: 'Default Inference', schemeID: '72' },
  CA: { text: 'Default Conflict', schemeID: '71' },
  asserting: { text: 'Asserting', schemeID: '74' },
  arguing: { text: 'Arguing', schemeID: '80' },
  disagreeing: { text: 'Disagreeing', schemeID: '78' },
  transition: { text: 'Default Transition', schemeID: '82' },
} as const;

/// The one speaker of an essay: its author (OVA3 writes an L-node's text as "first last: …").
const AUTHOR = { participantID: 1, firstname: 'Author', surname: '筆者' } as const;

/// "2026-11-26 12:00:00", the timestamp form OVA and AIFdb write.
function aifTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export function serializeAif(input: AnnotatedMap, options: { exportedAt?: string } = {}): AifFile {
  const { document } = input;
  const map = v1Map(input.map, 'AIF');
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const timestamp = aifTimestamp(exportedAt);
  const offsets = makeOffsetConverter(document.text);
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const schemefulfillments: AifFile['AIF']['schemefulfillments'] = [];
  const locutions: AifFile['AIF']['locutions'] = [];
  const extras: Record<string, AifUnitExtra | AifRelationExtra> = {};
  const nodeOfUnit = new Map<string, string>();
  let next = 1;
  const add = (text: string, type: string, scheme?: { text: string; schemeID: string }, ronten?: AifUnitExtra | AifRelationExtra) => {
    const nodeID = String(next++);
    nodes.push({ nodeID, text: scheme?.text ?? text, type, timestamp, ...(ronten ? { ronten } : {}) });
    if (scheme) schemefulfillments.push({ nodeID, schemeID: scheme.schemeID });
    if (ronten) extras[nodeID] = ronten;
    return nodeID;
  };
  const edge = (fromID: string, toID: string) => edges.push({ edgeID: edges.length + 1, fromID, toID });
  for (const u of map.units) {
    nodeOfUnit.set(u.id, add(document.text.slice(u.start, u.end), 'I', undefined, { unitId: u.id, label: u.label, start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end), note: u.note }));
  }
  const relationNodes = map.relations.map((r) => {
    const kind = r.type === 'support' ? 'RA' : 'CA';
    const nodeID = add('', kind, SCHEMES[kind], { relationId: r.id, note: r.note });
    edge(nodeOfUnit.get(r.from)!, nodeID);
    edge(nodeID, nodeOfUnit.get(r.to)!);
    return nodeID;
  });
  // The dialogue layer, as IAT analyses (and AIFdb) have it: the author says each unit (L-node,
  // YA Asserting to its I-node), and moves from premise to conclusion (TA between their
  // L-nodes, YA Arguing or Disagreeing to the relation node).
  const speaker = `${AUTHOR.firstname} ${AUTHOR.surname}`;
  const locutionOfUnit = new Map<string, string>();
  for (const u of map.units) {
    const l = add(`${speaker}: ${document.text.slice(u.start, u.end)}`, 'L');
    locutions.push({ nodeID: l, personID: AUTHOR.participantID, start: null, end: null });
    const ya = add('', 'YA', SCHEMES.asserting);
    edge(l, ya);
    edge(ya, nodeOfUnit.get(u.id)!);
    locutionOfUnit.set(u.id, l);
  }
  map.relations.forEach((r, i) => {
    const ta = add('', 'TA', SCHEMES.transition);
    edge(locutionOfUnit.get(r.from)!, ta);
    edge(ta, locutionOfUnit.get(r.to)!);
    const ya = add('', 'YA', r.type === 'support' ? SCHEMES.arguing : SCHEMES.disagreeing);
    edge(ta, ya);
    edge(ya, relationNodes[i]);
  });
  // OVA3's loader cannot open a map without nodes; an empty map has the essay as one locution.
  if (nodes.length === 0) {
    const l = add(`${speaker}: ${document.text}`, 'L');
    locutions.push({ nodeID: l, personID: AUTHOR.participantID, start: null, end: null });
  }
  const ronten: AifFile['ronten'] = {
    format: 'ronten-aif',
    version: 1,
    offsetUnit: 'codepoint',
    document: { id: document.id, title: document.title, language: document.language, textSha256: document.textSha256 },
    annotator: { ...input.annotator },
    labels: input.labels.map((l) => ({ id: l.id, name: { ...l.name } })),
    mainClaim: map.mainClaimId,
    comments: input.comments.map((c) => ({ ...c })),
    exportedAt,
  };
  const { html } = ovaHtml(
    document.text,
    map.units.map((u) => ({ start: u.start, end: u.end, nodeID: nodeOfUnit.get(u.id)! })),
    { ...ronten, nodes: extras },
  );
  // A plain grid: I-nodes in text order, then the relation nodes, then the dialogue layer; OVA
  // lets the user rearrange.
  const COLUMNS = 8;
  const ovaNodes = nodes.map((n, i) => ({ nodeID: n.nodeID, visible: true, x: 60 + (i % COLUMNS) * 260, y: 60 + Math.floor(i / COLUMNS) * 160, timestamp: '' }));
  return {
    AIF: { nodes, edges, schemefulfillments, descriptorfulfillments: [], participants: [{ ...AUTHOR }], locutions },
    text: html,
    OVA: { firstname: input.annotator.name, surname: '', url: '', nodes: ovaNodes, edges: edges.map((e) => ({ fromID: e.fromID, toID: e.toID, visible: true })) },
    ronten,
  };
}

/// The file as a draft. Ronten's own files are checked against their own text (when the text's
/// sha256 is the one they declare); plain AIF gives quotes only.
export function readAif(input: unknown, options: ReadOptions = {}): ParseResult<MapDraft> {
  const json = parseJsonInput(input);
  if (!json.ok) return json;
  const root = json.value;
  if (!isObject(root)) return { ok: false, errors: [formatError('(file)', 'aifShape')] };
  const aif = isObject(root.AIF) ? root.AIF : root;
  const base = isObject(root.AIF) ? 'AIF.' : '';
  if (!Array.isArray(aif.nodes) || !Array.isArray(aif.edges)) {
    return { ok: false, errors: [formatError(`${base}nodes`, 'aifArrays')] };
  }
  const errors: FormatError[] = [];
  const skipped: FormatError[] = [];
  // Our fields: in the file (ours as written), else in the text's data span (the file after an
  // OVA3 load-and-save, which drops fields it does not know but keeps the text).
  const rawText = typeof root.text === 'string' ? root.text : isObject(root.text) && typeof root.text.txt === 'string' ? root.text.txt : undefined;
  const embedded = rawText !== undefined ? ovaData(rawText) : undefined;
  const extra = isObject(root.ronten) ? root.ronten : isObject(embedded) ? embedded : null;
  const embeddedNodes = isObject(embedded) && isObject(embedded.nodes) ? embedded.nodes : {};
  const extraOf = (nodeID: string, node: Json) => (isObject(node.ronten) ? node.ronten : isObject(embeddedNodes[nodeID]) ? embeddedNodes[nodeID] : null);
  const fileLabels = extra ? parseLabels(extra.labels) : null;
  const labels = options.labels ?? fileLabels ?? defaultLabelDefinitions;
  const fileDocument = extra && isObject(extra.document) ? extra.document : {};
  const declaredSha = typeof fileDocument.textSha256 === 'string' ? fileDocument.textSha256 : undefined;

  // The text the file was made on: verbatim (files before the text was OVA's HTML) or OVA's HTML
  // turned back into text; exact when its sha256 is the declared one, else only good for finding
  // quotes.
  let sourceText: string | undefined;
  let exactText = false;
  if (rawText !== undefined) {
    sourceText = declaredSha !== undefined && sha256Hex(rawText) === declaredSha ? rawText : /<[a-z][^>]*>|&[a-z#0-9]+;/i.test(rawText) ? htmlToText(rawText) : rawText;
    exactText = declaredSha !== undefined && sha256Hex(sourceText) === declaredSha;
  }
  const offsets = sourceText !== undefined ? makeOffsetConverter(sourceText) : null;

  const nodeById = new Map<string, { node: Json; path: string }>();
  aif.nodes.forEach((node: unknown, i: number) => {
    const path = `${base}nodes[${i}]`;
    if (!isObject(node) || (typeof node.nodeID !== 'string' && typeof node.nodeID !== 'number') || typeof node.type !== 'string') {
      errors.push(formatError(path, 'aifNode'));
      return;
    }
    const id = String(node.nodeID);
    if (nodeById.has(id)) errors.push(formatError(path, 'aifDuplicateNode', { id }));
    nodeById.set(id, { node, path });
  });
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  aif.edges.forEach((edge: unknown, i: number) => {
    const path = `${base}edges[${i}]`;
    if (!isObject(edge) || (typeof edge.fromID !== 'string' && typeof edge.fromID !== 'number') || (typeof edge.toID !== 'string' && typeof edge.toID !== 'number')) {
      errors.push(formatError(path, 'aifEdge'));
      return;
    }
    const from = String(edge.fromID);
    const to = String(edge.toID);
    for (const end of [from, to]) if (!nodeById.has(end)) errors.push(formatError(path, 'aifMissingNode', { id: end }));
    (outgoing.get(from) ?? outgoing.set(from, []).get(from)!).push(to);
    (incoming.get(to) ?? incoming.set(to, []).get(to)!).push(from);
  });
  if (errors.length) return { ok: false, errors };

  const units: UnitDraft[] = [];
  const unitOfNode = new Map<string, string>();
  for (const [nodeID, { node, path }] of nodeById) {
    if (node.type !== 'I') continue;
    const r = extraOf(nodeID, node);
    const id = r && typeof r.unitId === 'string' ? r.unitId : nodeID;
    const at = `${path} (unit ${id})`;
    unitOfNode.set(nodeID, id);
    if (typeof node.text !== 'string' || node.text === '') {
      errors.push(formatError(`${at}: text`, 'aifNodeText'));
      continue;
    }
    const quote = node.text;
    let label: string | null = labels[0]?.id ?? 'claim';
    if (r && typeof r.label === 'string') label = resolveLabel(r.label, labels);
    if (label === null) {
      errors.push(formatError(at, 'unknownLabel', { label: String(r!.label), expected: labels.map((l) => l.id).join(', ') }));
      continue;
    }
    let start: number | null = null;
    let end: number | null = null;
    if (r && (r.start !== undefined || r.end !== undefined)) {
      if (!isCount(r.start) || !isCount(r.end) || r.start >= r.end) {
        errors.push(formatError(`${at}: ronten`, 'spanOrder', { start: String(JSON.stringify(r.start)), end: String(JSON.stringify(r.end)) }));
        continue;
      }
      start = r.start;
      end = r.end;
    }
    let context: { prefix?: string; suffix?: string } = {};
    if (exactText && offsets && start !== null && end !== null) {
      // The file's own text is here and is the one it declares: the I-node must quote it exactly.
      if (end > offsets.codePointLength) {
        errors.push(formatError(at, 'offsetsOutOfText', { start, end, length: offsets.codePointLength }));
        continue;
      }
      const s = offsets.toUtf16(start);
      const e = offsets.toUtf16(end);
      if (sourceText!.slice(s, e) !== quote) {
        errors.push(formatError(at, 'quoteMismatch', { quote: JSON.stringify(quote), start, end, actual: JSON.stringify(sourceText!.slice(s, e)) }));
        continue;
      }
      context = contextAround(sourceText!, offsets, s, e);
    }
    units.push({ id, label, note: r && typeof r.note === 'string' ? r.note : '', quote, start, end, ...context, at });
  }

  const relations: RelationDraft[] = [];
  for (const [nodeID, { node, path }] of nodeById) {
    const type = node.type === 'RA' ? 'support' : node.type === 'CA' ? 'attack' : null;
    if (!type) {
      if (node.type === 'MA' || node.type === 'PA') skipped.push(formatError(path, node.type === 'MA' ? 'aifRephraseNode' : 'aifPreferenceNode'));
      continue;
    }
    const premises = (incoming.get(nodeID) ?? []).filter((id) => nodeById.get(id)?.node.type !== 'YA');
    const conclusions = (outgoing.get(nodeID) ?? []).filter((id) => nodeById.get(id)?.node.type !== 'YA');
    const aimedAtNodes = [...premises, ...conclusions].filter((id) => nodeById.get(id)?.node.type !== 'I');
    if (aimedAtNodes.length) {
      skipped.push(formatError(path, 'aifUndercut', { type: String(node.type), id: nodeID, nodes: aimedAtNodes.join(', ') }));
      continue;
    }
    if (premises.length === 0 || conclusions.length !== 1) {
      skipped.push(formatError(path, 'aifRelationEnds', { type: String(node.type), id: nodeID, premises: premises.length, conclusions: conclusions.length }));
      continue;
    }
    const r = extraOf(nodeID, node);
    const note = r && typeof r.note === 'string' ? r.note : '';
    premises.forEach((premise, k) => {
      const id = r && typeof r.relationId === 'string' && premises.length === 1 ? r.relationId : premises.length === 1 ? nodeID : `${nodeID}-${k + 1}`;
      relations.push({ id, type, from: [unitOfNode.get(premise)!], to: unitOfNode.get(conclusions[0])!, note, at: `${path} (relation ${id})` });
    });
  }

  let mainClaimId: string | null = null;
  if (extra && extra.mainClaim !== undefined && extra.mainClaim !== null) {
    if (typeof extra.mainClaim !== 'string') errors.push(formatError('ronten.mainClaim', 'mainClaimUnit'));
    else mainClaimId = extra.mainClaim;
  }
  const comments = extra && Array.isArray(extra.comments) ? parseComments(extra.comments, errors) : [];
  if (errors.length) return { ok: false, errors };
  const annotator = extra && isObject(extra.annotator) && typeof extra.annotator.id === 'string' ? { id: extra.annotator.id, name: String(extra.annotator.name ?? '') } : undefined;
  return {
    ok: true,
    value: {
      source: {
        documentId: typeof fileDocument.id === 'string' ? fileDocument.id : undefined,
        title: typeof fileDocument.title === 'string' ? fileDocument.title : undefined,
        language: typeof fileDocument.language === 'string' ? fileDocument.language : undefined,
        textSha256: exactText ? declaredSha : sourceText !== undefined ? sha256Hex(sourceText) : declaredSha,
        text: sourceText,
      },
      annotator,
      labels: fileLabels ?? undefined,
      units,
      relations,
      mainClaimId,
      comments,
      skipped,
    },
  };
}

function parseComments(list: unknown[], errors: FormatError[]): MapComment[] {
  const out: MapComment[] = [];
  list.forEach((c, i) => {
    const kinds = ['unit', 'relation', 'map'];
    if (!isObject(c) || typeof c.id !== 'string' || !kinds.includes(c.targetKind as string) || typeof c.body !== 'string') {
      errors.push(formatError(`ronten.comments[${i}]`, 'aifComment'));
      return;
    }
    out.push({
      id: c.id,
      targetKind: c.targetKind as MapComment['targetKind'],
      targetId: typeof c.targetId === 'string' ? c.targetId : null,
      author: typeof c.author === 'string' ? c.author : '',
      body: c.body,
      createdAt: typeof c.createdAt === 'string' ? c.createdAt : '',
    });
  });
  return out;
}

/// Strict: the map on its own text (or on `options.document`, which plain AIF needs: it may not
/// carry a usable text). Units are placed exactly, by offsets or by their quotes.
export function parseAif(input: unknown, options: ReadOptions = {}): ParseResult<AnnotatedMap> {
  const read = readAif(input, options);
  if (!read.ok) return read;
  const draft = read.value;
  let document: AnnotatedDocument;
  if (options.document) document = options.document;
  else if (draft.source.text !== undefined) document = documentFromText(draft.source.text, { id: draft.source.documentId, title: draft.source.title, language: draft.source.language });
  else return { ok: false, errors: [formatError('text', 'noText')] };
  return draftToAnnotated(draft, document, options.labels ?? draft.labels ?? defaultLabelDefinitions);
}

export const aifFormat: FormatAdapter<AifFile> = { serialize: serializeAif, parse: parseAif };
