// AIF (Argument Interchange Format), in the JSON dialect OVA3 saves and AIFdb / the ARG-tech
// argument-mining pipeline (xAIF) read: `{ AIF: { nodes, edges, schemefulfillments,
// descriptorfulfillments, participants, locutions }, text, OVA }`.
//
// Mapping. Each unit is an I-node whose text is its quote. Each support is a RA node ("Default
// Inference", scheme 72) with edges I(premise) → RA → I(to), one from every premise of a linked
// argument; each attack a CA node ("Default Conflict", scheme 71), I(attacker) → CA → I(target),
// or CA → RA/CA for an undercutter. A support with a scheme is an RA whose text and `scheme` are
// the scheme's OVA3 name (lib/argument/schemes `aifName`; no schemefulfillment, as OVA3's numeric
// ids for them are not known here). An implicit unit is an I-node with its own text and no
// locution (it was never said); a relation none of whose premises was said has no TA. As in IAT analyses (AIFdb), the author
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
// labelled with the scheme's first label (claim). An S-node with several premises is one linked
// relation; a CA aimed at another S-node an undercutter; an RA named by a catalogue scheme gets
// it; in a dialogical file, an I-node no YA asserts is implicit. What a map cannot represent —
// inferences aimed at an S-node (backing), undercutters of what is left out, rephrase/preference
// nodes, S-nodes without both ends — is left out and listed as skipped. L, YA and TA nodes (the dialogue layer) are ignored: they carry no
// argument structure of their own. Files exported before the text was HTML read as before.
import { sha256Hex } from '@/lib/text/hash';
import { makeOffsetConverter } from '@/lib/text/offsets';
import { contextAround } from './anchor';
import { htmlToText, ovaData, ovaHtml } from './ovaText';
import { documentFromText, draftToAnnotated, formatError, parseJsonInput } from './draft';
import { defaultLabelDefinitions, resolveLabel } from './labels';
import { isCount, isObject, parseLabelList as parseLabels, type Json } from './json';
import type { AnnotatedDocument, AnnotatedMap, FormatAdapter, FormatError, LabelDefinition, MapComment, MapDraft, ParseResult, ReadOptions, RelationDraft, UnitDraft } from './types';
import { isImplicit, textUnits } from '@/lib/argument/types';
import { schemeById, schemes } from '@/lib/argument/schemes';

export interface AifNode {
  nodeID: string;
  text: string;
  type: string;
  timestamp: string;
  /// An RA node's argumentation scheme, by the name OVA3 gives it (also its `text`).
  scheme?: string;
  ronten?: AifUnitExtra | AifRelationExtra;
}

export type AifUnitExtra =
  | { unitId: string; label: string; start: number; end: number; note: string }
  /// An implicit unit: an I-node whose text is the unit's own, with no locution.
  | { unitId: string; label: string; implicit: true; note: string };

export interface AifRelationExtra {
  relationId: string;
  note: string;
  /// The scheme's id in lib/argument/schemes and the answers to its critical questions.
  scheme?: string;
  criticalQuestions?: Array<{ id: string; answer: string }>;
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
  const map = input.map;
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
  const add = (text: string, type: string, scheme?: { text: string; schemeID?: string }, ronten?: AifUnitExtra | AifRelationExtra) => {
    const nodeID = String(next++);
    nodes.push({ nodeID, text: scheme?.text ?? text, type, timestamp, ...(ronten ? { ronten } : {}) });
    if (scheme?.schemeID) schemefulfillments.push({ nodeID, schemeID: scheme.schemeID });
    if (ronten) extras[nodeID] = ronten;
    return nodeID;
  };
  const edge = (fromID: string, toID: string) => edges.push({ edgeID: edges.length + 1, fromID, toID });
  for (const u of map.units) {
    nodeOfUnit.set(
      u.id,
      isImplicit(u)
        ? add(u.text, 'I', undefined, { unitId: u.id, label: u.label, implicit: true, note: u.note })
        : add(document.text.slice(u.start, u.end), 'I', undefined, { unitId: u.id, label: u.label, start: offsets.toCodePoint(u.start), end: offsets.toCodePoint(u.end), note: u.note }),
    );
  }
  // One S-node per relation, all its premises into it; an undercutter's CA points at the S-node
  // of the relation it attacks (created first: targets before what targets them).
  const nodeOfRelation = new Map<string, string>();
  const relationNodes = map.relations.map((r) => {
    const kind = r.type === 'support' ? 'RA' : 'CA';
    const named = r.scheme !== undefined ? schemeById(r.scheme) : undefined;
    const extra: AifRelationExtra = { relationId: r.id, note: r.note, ...(r.scheme !== undefined ? { scheme: r.scheme } : {}), ...(r.criticalQuestions ? { criticalQuestions: r.criticalQuestions.map((a) => ({ ...a })) } : {}) };
    const nodeID = named ? add('', kind, { text: named.aifName }, extra) : add('', kind, SCHEMES[kind], extra);
    if (named) nodes[nodes.length - 1].scheme = named.aifName;
    nodeOfRelation.set(r.id, nodeID);
    return nodeID;
  });
  map.relations.forEach((r, i) => {
    for (const p of r.from) edge(nodeOfUnit.get(p)!, relationNodes[i]);
    edge(relationNodes[i], nodeOfUnit.get(r.to) ?? nodeOfRelation.get(r.to)!);
  });
  // The dialogue layer, as IAT analyses (and AIFdb) have it: the author says each unit (L-node,
  // YA Asserting to its I-node), and moves from premise to conclusion (TA between their
  // L-nodes, YA Arguing or Disagreeing to the relation node).
  const speaker = `${AUTHOR.firstname} ${AUTHOR.surname}`;
  const locutionOfUnit = new Map<string, string>();
  const transitionOfRelation = new Map<string, string>();
  for (const u of textUnits(map.units)) {
    const l = add(`${speaker}: ${document.text.slice(u.start, u.end)}`, 'L');
    locutions.push({ nodeID: l, personID: AUTHOR.participantID, start: null, end: null });
    const ya = add('', 'YA', SCHEMES.asserting);
    edge(l, ya);
    edge(ya, nodeOfUnit.get(u.id)!);
    locutionOfUnit.set(u.id, l);
  }
  // Implicit units were never said: no locution, and a relation none of whose premises was said
  // has no transition. An undercutter's transition goes to the one of the relation it attacks.
  const later: Array<[string, string]> = [];
  map.relations.forEach((r, i) => {
    const said = r.from.filter((p) => locutionOfUnit.has(p));
    if (said.length === 0) return;
    const ta = add('', 'TA', SCHEMES.transition);
    transitionOfRelation.set(r.id, ta);
    for (const p of said) edge(locutionOfUnit.get(p)!, ta);
    if (locutionOfUnit.has(r.to)) edge(ta, locutionOfUnit.get(r.to)!);
    else later.push([ta, r.to]);
    const ya = add('', 'YA', r.type === 'support' ? SCHEMES.arguing : SCHEMES.disagreeing);
    edge(ta, ya);
    edge(ya, relationNodes[i]);
  });
  for (const [ta, to] of later) if (transitionOfRelation.has(to)) edge(ta, transitionOfRelation.get(to)!);
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
    textUnits(map.units).map((u) => ({ start: u.start, end: u.end, nodeID: nodeOfUnit.get(u.id)! })),
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

  const dialogical = [...nodeById.values()].some(({ node }) => node.type === 'L');
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
    // Ours say so; in plain dialogical AIF (with L-nodes), an I-node nobody asserted is one.
    const implicit = r ? r.implicit === true : dialogical && !(incoming.get(nodeID) ?? []).some((id) => nodeById.get(id)?.node.type === 'YA');
    const quote = implicit ? '' : node.text;
    let label: string | null = labels[0]?.id ?? 'claim';
    if (r && typeof r.label === 'string') label = resolveLabel(r.label, labels);
    if (label === null) {
      errors.push(formatError(at, 'unknownLabel', { label: String(r!.label), expected: labels.map((l) => l.id).join(', ') }));
      continue;
    }
    let start: number | null = null;
    let end: number | null = null;
    if (implicit) {
      units.push({ id, label, note: r && typeof r.note === 'string' ? r.note : '', quote, start: null, end: null, text: node.text, at });
      continue;
    }
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

  // S-nodes: an RA or CA with its I-node premises and one conclusion, an I-node or (a CA: an
  // undercutter) another S-node that is itself read. CAs aimed at an S-node are not its premises.
  type Candidate = { nodeID: string; path: string; type: 'support' | 'attack'; premises: string[]; to: string };
  const candidates = new Map<string, Candidate>();
  for (const [nodeID, { node, path }] of nodeById) {
    const type = node.type === 'RA' ? 'support' : node.type === 'CA' ? 'attack' : null;
    if (!type) {
      if (node.type === 'MA' || node.type === 'PA') skipped.push(formatError(path, node.type === 'MA' ? 'aifRephraseNode' : 'aifPreferenceNode'));
      continue;
    }
    const typeOf = (id: string) => nodeById.get(id)?.node.type;
    const incomingSides = (incoming.get(nodeID) ?? []).filter((id) => typeOf(id) !== 'YA');
    const premises = incomingSides.filter((id) => typeOf(id) === 'I');
    const conclusions = (outgoing.get(nodeID) ?? []).filter((id) => typeOf(id) !== 'YA');
    const aimedAtNodes = [...conclusions.filter((id) => typeOf(id) !== 'I' && !(type === 'attack' && (typeOf(id) === 'RA' || typeOf(id) === 'CA')))];
    if (aimedAtNodes.length) {
      skipped.push(formatError(path, 'aifUndercut', { type: String(node.type), id: nodeID, nodes: aimedAtNodes.join(', ') }));
      continue;
    }
    if (premises.length === 0 || conclusions.length !== 1) {
      skipped.push(formatError(path, 'aifRelationEnds', { type: String(node.type), id: nodeID, premises: premises.length, conclusions: conclusions.length }));
      continue;
    }
    candidates.set(nodeID, { nodeID, path, type, premises, to: conclusions[0] });
  }
  // An undercutter whose target was left out is left out too (down its chain; a cycle is kept
  // for checkDraft to refuse with its own code).
  const reads = (nodeID: string, seen: Set<string>): boolean => {
    const c = candidates.get(nodeID);
    if (!c) return false;
    if (nodeById.get(c.to)!.node.type === 'I' || seen.has(c.to)) return true;
    return reads(c.to, seen.add(nodeID));
  };
  const relationIdOf = (nodeID: string) => {
    const r = extraOf(nodeID, nodeById.get(nodeID)!.node);
    return r && typeof r.relationId === 'string' ? r.relationId : nodeID;
  };
  const relations: RelationDraft[] = [];
  for (const c of candidates.values()) {
    if (!reads(c.nodeID, new Set())) {
      skipped.push(formatError(c.path, 'aifUndercut', { type: String(nodeById.get(c.nodeID)!.node.type), id: c.nodeID, nodes: c.to }));
      continue;
    }
    const { node } = nodeById.get(c.nodeID)!;
    const r = extraOf(c.nodeID, node);
    const id = relationIdOf(c.nodeID);
    const to = nodeById.get(c.to)!.node.type === 'I' ? unitOfNode.get(c.to)! : relationIdOf(c.to);
    const scheme = c.type === 'support' ? (r && typeof r.scheme === 'string' ? r.scheme : schemeOfNode(node)) : undefined;
    const answers = r && Array.isArray(r.criticalQuestions) ? r.criticalQuestions.filter(isObject).map((a) => ({ id: String(a.id), answer: String(a.answer) })) : [];
    relations.push({
      id,
      type: c.type,
      from: c.premises.map((p) => unitOfNode.get(p)!),
      to,
      ...(scheme !== undefined ? { scheme } : {}),
      ...(answers.length ? { criticalQuestions: answers } : {}),
      note: r && typeof r.note === 'string' ? r.note : '',
      at: `${c.path} (relation ${id})`,
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

/// The catalogue's scheme an RA node names (plain AIF/OVA3: its `scheme` or its text, e.g.
/// "Expert Opinion" or "Argument From Expert Opinion"), if any.
function schemeOfNode(node: Json): string | undefined {
  const norm = (name: string) => name.toLowerCase().replace(/^argument\s+(from|by)\s+/, '').replace(/\s+/g, ' ').trim();
  for (const name of [node.scheme, node.text]) {
    if (typeof name !== 'string') continue;
    const found = schemes.find((s) => norm(s.aifName) === norm(name) || norm(s.name.en) === norm(name));
    if (found) return found.id;
  }
  return undefined;
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
