// AIF (Argument Interchange Format), in the JSON dialect OVA3 saves and AIFdb / the ARG-tech
// argument-mining pipeline (xAIF) read: `{ AIF: { nodes, edges, schemefulfillments,
// descriptorfulfillments, participants, locutions }, text, OVA }`.
//
// Mapping. Each unit is an I-node whose text is its quote. Each support is a RA node ("Default
// Inference", scheme 72) with edges I(from) → RA → I(to); each attack a CA node ("Default
// Conflict", scheme 71), I(attacker) → CA → I(target). Node ids are decimal strings and edge
// ids numbers, as OVA makes them. `text` is the document text verbatim (OVA would show it as
// HTML; plain Japanese text displays fine there). The OVA block gives a simple grid layout so
// the map opens in OVA without piling every node at the origin.
//
// What AIF cannot say — labels, offsets, unit and relation ids, notes, the main claim, the
// annotator, the label scheme, comments — is kept in `ronten` extension fields (on each I- and
// S-node, and at the top level), so that our own re-import is lossless. Offsets there are Unicode
// code points (`ronten.offsetUnit`).
//
// Reading also takes plain AIF without those fields (AIFdb exports, OVA maps): I-nodes are
// anchored by their text (no offsets, so import reports them as moved for the user to accept),
// labelled with the scheme's first label (claim). An S-node with several premises becomes one
// relation per premise. What a map cannot represent — conflicts or inferences aimed at another
// S-node (undercuts), rephrase/preference nodes, S-nodes without both ends — is left out and
// listed as skipped. L, YA and TA nodes (the dialogue layer) are ignored: they carry no
// argument structure of their own.
import { sha256Hex } from '@/lib/text/hash';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { contextAround } from './anchor';
import { documentFromText, draftToAnnotated, parseJsonInput } from './draft';
import { defaultLabelDefinitions, resolveLabel } from './labels';
import { isCount, isObject, parseLabelList as parseLabels, type Json } from './json';
import type { AnnotatedDocument, AnnotatedMap, FormatAdapter, FormatError, LabelDefinition, MapComment, MapDraft, ParseResult, ReadOptions, RelationDraft, UnitDraft } from './types';

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
    participants: unknown[];
    locutions: unknown[];
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

const SCHEMES = { RA: { text: 'Default Inference', schemeID: '72' }, CA: { text: 'Default Conflict', schemeID: '71' } } as const;

/// "2026-11-26 12:00:00", the timestamp form OVA and AIFdb write.
function aifTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export function serializeAif(input: AnnotatedMap, options: { exportedAt?: string } = {}): AifFile {
  const { document, map } = input;
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const timestamp = aifTimestamp(exportedAt);
  const offsets = makeOffsetConverter(document.text);
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const schemefulfillments: AifFile['AIF']['schemefulfillments'] = [];
  const nodeOfUnit = new Map<string, string>();
  let next = 1;
  for (const u of map.units) {
    const nodeID = String(next++);
    nodeOfUnit.set(u.id, nodeID);
    nodes.push({
      nodeID,
      text: document.text.slice(u.start, u.end),
      type: 'I',
      timestamp,
      ronten: { unitId: u.id, label: u.label, start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end), note: u.note },
    });
  }
  for (const r of map.relations) {
    const nodeID = String(next++);
    const kind = r.type === 'support' ? 'RA' : 'CA';
    nodes.push({ nodeID, text: SCHEMES[kind].text, type: kind, timestamp, ronten: { relationId: r.id, note: r.note } });
    schemefulfillments.push({ nodeID, schemeID: SCHEMES[kind].schemeID });
    edges.push({ edgeID: edges.length + 1, fromID: nodeOfUnit.get(r.from)!, toID: nodeID });
    edges.push({ edgeID: edges.length + 1, fromID: nodeID, toID: nodeOfUnit.get(r.to)! });
  }
  // A plain grid: I-nodes in text order, then the relation nodes; OVA lets the user rearrange.
  const COLUMNS = 8;
  const ovaNodes = nodes.map((n, i) => ({ nodeID: n.nodeID, visible: true, x: 60 + (i % COLUMNS) * 260, y: 60 + Math.floor(i / COLUMNS) * 160, timestamp: '' }));
  return {
    AIF: { nodes, edges, schemefulfillments, descriptorfulfillments: [], participants: [], locutions: [] },
    text: document.text,
    OVA: { firstname: input.annotator.name, surname: '', url: '', nodes: ovaNodes, edges: edges.map((e) => ({ fromID: e.fromID, toID: e.toID, visible: true })) },
    ronten: {
      format: 'ronten-aif',
      version: 1,
      offsetUnit: 'codepoint',
      document: { id: document.id, title: document.title, language: document.language, textSha256: document.textSha256 },
      annotator: { ...input.annotator },
      labels: input.labels.map((l) => ({ id: l.id, name: { ...l.name } })),
      mainClaim: map.mainClaimId,
      comments: input.comments.map((c) => ({ ...c })),
      exportedAt,
    },
  };
}


/// OVA stores the analysed text as HTML (spans per locution, <br> per line); we want its text.
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const lower = e.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower]!;
    });
}

/// The file as a draft. Ronten's own files are checked against their own text (when the text's
/// sha256 is the one they declare); plain AIF gives quotes only.
export function readAif(input: unknown, options: ReadOptions = {}): ParseResult<MapDraft> {
  const json = parseJsonInput(input);
  if (!json.ok) return json;
  const root = json.value;
  if (!isObject(root)) return { ok: false, errors: [{ at: '(file)', message: 'expected an AIF object ({ AIF: { nodes, edges } } or { nodes, edges })' }] };
  const aif = isObject(root.AIF) ? root.AIF : root;
  const base = isObject(root.AIF) ? 'AIF.' : '';
  if (!Array.isArray(aif.nodes) || !Array.isArray(aif.edges)) {
    return { ok: false, errors: [{ at: `${base}nodes`, message: 'expected arrays AIF.nodes and AIF.edges' }] };
  }
  const errors: FormatError[] = [];
  const skipped: FormatError[] = [];
  const extra = isObject(root.ronten) ? root.ronten : null;
  const fileLabels = extra ? parseLabels(extra.labels) : null;
  const labels = options.labels ?? fileLabels ?? defaultLabelDefinitions;
  const fileDocument = extra && isObject(extra.document) ? extra.document : {};
  const declaredSha = typeof fileDocument.textSha256 === 'string' ? fileDocument.textSha256 : undefined;

  // The text the file was made on: verbatim when its sha256 is the declared one, else OVA's HTML
  // turned back into text (only good for finding quotes).
  const rawText = typeof root.text === 'string' ? root.text : isObject(root.text) && typeof root.text.txt === 'string' ? root.text.txt : undefined;
  let sourceText: string | undefined;
  let exactText = false;
  if (rawText !== undefined) {
    if (declaredSha !== undefined && sha256Hex(rawText) === declaredSha) {
      sourceText = rawText;
      exactText = true;
    } else sourceText = /<[a-z][^>]*>|&[a-z#0-9]+;/i.test(rawText) ? htmlToText(rawText) : rawText;
  }
  const offsets = sourceText !== undefined ? makeOffsetConverter(sourceText) : null;

  const nodeById = new Map<string, { node: Json; path: string }>();
  aif.nodes.forEach((node: unknown, i: number) => {
    const path = `${base}nodes[${i}]`;
    if (!isObject(node) || (typeof node.nodeID !== 'string' && typeof node.nodeID !== 'number') || typeof node.type !== 'string') {
      errors.push({ at: path, message: 'a node needs a nodeID and a type' });
      return;
    }
    const id = String(node.nodeID);
    if (nodeById.has(id)) errors.push({ at: path, message: `duplicate nodeID ${id}` });
    nodeById.set(id, { node, path });
  });
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  aif.edges.forEach((edge: unknown, i: number) => {
    const path = `${base}edges[${i}]`;
    if (!isObject(edge) || (typeof edge.fromID !== 'string' && typeof edge.fromID !== 'number') || (typeof edge.toID !== 'string' && typeof edge.toID !== 'number')) {
      errors.push({ at: path, message: 'an edge needs fromID and toID' });
      return;
    }
    const from = String(edge.fromID);
    const to = String(edge.toID);
    for (const end of [from, to]) if (!nodeById.has(end)) errors.push({ at: path, message: `refers to missing node ${end}` });
    (outgoing.get(from) ?? outgoing.set(from, []).get(from)!).push(to);
    (incoming.get(to) ?? incoming.set(to, []).get(to)!).push(from);
  });
  if (errors.length) return { ok: false, errors };

  const units: UnitDraft[] = [];
  const unitOfNode = new Map<string, string>();
  for (const [nodeID, { node, path }] of nodeById) {
    if (node.type !== 'I') continue;
    const r = isObject(node.ronten) ? node.ronten : null;
    const id = r && typeof r.unitId === 'string' ? r.unitId : nodeID;
    const at = `${path} (unit ${id})`;
    unitOfNode.set(nodeID, id);
    if (typeof node.text !== 'string' || node.text === '') {
      errors.push({ at: `${at}: text`, message: 'an I-node needs its text (the quote)' });
      continue;
    }
    const quote = node.text;
    let label: string | null = labels[0]?.id ?? 'claim';
    if (r && typeof r.label === 'string') label = resolveLabel(r.label, labels);
    if (label === null) {
      errors.push({ at, message: `unknown label "${String(r!.label)}" (expected one of ${labels.map((l) => l.id).join(', ')})` });
      continue;
    }
    let start: number | null = null;
    let end: number | null = null;
    if (r && (r.start !== undefined || r.end !== undefined)) {
      if (!isCount(r.start) || !isCount(r.end) || r.start >= r.end) {
        errors.push({ at: `${at}: ronten`, message: `start and end must be whole numbers with start < end (got ${JSON.stringify(r.start)}–${JSON.stringify(r.end)})` });
        continue;
      }
      start = r.start;
      end = r.end;
    }
    let context: { prefix?: string; suffix?: string } = {};
    if (exactText && offsets && start !== null && end !== null) {
      // The file's own text is here and is the one it declares: the I-node must quote it exactly.
      if (end > offsets.codePointLength) {
        errors.push({ at, message: `offsets ${start}–${end} are not a span of the text (0–${offsets.codePointLength} code points)` });
        continue;
      }
      const s = offsets.toUtf16(start);
      const e = offsets.toUtf16(end);
      if (sourceText!.slice(s, e) !== quote) {
        errors.push({ at, message: `quote ${JSON.stringify(quote)} does not match the text at ${start}–${end} (${JSON.stringify(sourceText!.slice(s, e))})` });
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
      if (node.type === 'MA' || node.type === 'PA') skipped.push({ at: path, message: `a ${node.type} node (${node.type === 'MA' ? 'rephrase' : 'preference'}) has no counterpart in a map: left out` });
      continue;
    }
    const premises = (incoming.get(nodeID) ?? []).filter((id) => nodeById.get(id)?.node.type !== 'YA');
    const conclusions = (outgoing.get(nodeID) ?? []).filter((id) => nodeById.get(id)?.node.type !== 'YA');
    const aimedAtNodes = [...premises, ...conclusions].filter((id) => nodeById.get(id)?.node.type !== 'I');
    if (aimedAtNodes.length) {
      skipped.push({ at: path, message: `${node.type} node ${nodeID} connects to another relation node (${aimedAtNodes.join(', ')}), e.g. an undercut: left out` });
      continue;
    }
    if (premises.length === 0 || conclusions.length !== 1) {
      skipped.push({ at: path, message: `${node.type} node ${nodeID} needs at least one premise and exactly one conclusion I-node (has ${premises.length} and ${conclusions.length}): left out` });
      continue;
    }
    const r = isObject(node.ronten) ? node.ronten : null;
    const note = r && typeof r.note === 'string' ? r.note : '';
    premises.forEach((premise, k) => {
      const id = r && typeof r.relationId === 'string' && premises.length === 1 ? r.relationId : premises.length === 1 ? nodeID : `${nodeID}-${k + 1}`;
      relations.push({ id, type, from: unitOfNode.get(premise)!, to: unitOfNode.get(conclusions[0])!, note, at: `${path} (relation ${id})` });
    });
  }

  let mainClaimId: string | null = null;
  if (extra && extra.mainClaim !== undefined && extra.mainClaim !== null) {
    if (typeof extra.mainClaim !== 'string') errors.push({ at: 'ronten.mainClaim', message: 'expected a unit id or null' });
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
      errors.push({ at: `ronten.comments[${i}]`, message: 'expected { id, targetKind, targetId, author, body, createdAt }' });
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
  else return { ok: false, errors: [{ at: 'text', message: 'the file has no text: pass the document it annotates' }] };
  return draftToAnnotated(draft, document, options.labels ?? draft.labels ?? defaultLabelDefinitions);
}

export const aifFormat: FormatAdapter<AifFile> = { serialize: serializeAif, parse: parseAif };
