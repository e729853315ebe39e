// The argument map as a value: units (tagged spans of the canonical text, or implicit units
// with their own text) and relations from one or more premises to a unit or to a relation.
// Offsets are UTF-16 code units on token boundaries; exports convert to code points.
//
// The deeper model (issue 17), as AIF/OVA3 and Argdown draw it but kept small:
// - A relation's `from` lists its premises (≥ 1 unit ids, distinct, in the order the author
//   gave them). Two or more premises are a *linked* argument: they support or attack the target
//   only together (one RA node in AIF, one premise–conclusion structure in Argdown). Convergent
//   reasons stay separate relations.
// - `to` names a unit or a relation: ids are unique across a map's units and relations. A
//   relation aimed at a relation must be an `attack` — an *undercutter* (「だからといって…とは
//   言えない」 attacks the inference, not its premise or conclusion). Support of a relation
//   (Toulmin's backing) is refused in this version: its uses in students' essays are rare and it
//   would make every inference a possible target of a chain of supports; the refusal has its
//   own code (`backingNotAllowed`) so it can be lifted later without touching storage.
// - A unit is either a span of the text (`TextUnit`) or `implicit` (`ImplicitUnit`): a
//   reconstructed premise or conclusion with its own `text` (trimmed, non-empty, at most
//   LIMITS.implicitTextChars) and no offsets. Implicit units appear in the list and the map,
//   never among the essay's highlights (use `textUnits`).
// - A support may name an argumentation scheme from ./schemes (`scheme`, its id) and answer
//   that scheme's critical questions (`criticalQuestions`, in the catalogue's order, each a short
//   note). Attacks carry no scheme.
//
// Canonical shapes (so stored, imported and computed maps compare equal): `scheme` and
// `criticalQuestions` are left out when there is none (never undefined, never []); text units
// have no `implicit` and no `text` key.

export type RelationType = 'support' | 'attack';
export const relationTypes: readonly RelationType[] = ['support', 'attack'];

/// The default label scheme's ids, in the order the toolbar and the keys 1–4 offer them.
export const defaultLabels = ['claim', 'evidence', 'counterargument', 'rebuttal'] as const;
export type DefaultLabel = (typeof defaultLabels)[number];

/// A tagged span. Units may overlap and nest.
export interface TextUnit {
  id: string;
  label: string;
  start: number;
  end: number;
  note: string;
  /// Never set: lets `unit.implicit` tell the two kinds apart.
  implicit?: undefined;
}

/// A premise or conclusion the text leaves unstated, reconstructed by the annotator.
export interface ImplicitUnit {
  id: string;
  label: string;
  implicit: true;
  text: string;
  note: string;
}

export type ArgumentUnit = TextUnit | ImplicitUnit;

export function isImplicit(unit: ArgumentUnit): unit is ImplicitUnit {
  return unit.implicit === true;
}

export function isTextUnit(unit: ArgumentUnit): unit is TextUnit {
  return unit.implicit !== true;
}

/// The units that are spans of the text (what the essay highlights), in text order.
export function textUnits(units: readonly ArgumentUnit[]): TextUnit[] {
  return units.filter(isTextUnit);
}

/// An answer to one of a scheme's critical questions (`id` from ./schemes).
export interface CriticalQuestionAnswer {
  id: string;
  answer: string;
}

/// `from` lists the premises or attackers (unit ids), `to` the unit or relation supported or
/// attacked.
export interface Relation {
  id: string;
  type: RelationType;
  from: string[];
  to: string;
  scheme?: string;
  criticalQuestions?: CriticalQuestionAnswer[];
  note: string;
}

/// Invariants (kept by `apply`): units sorted by compareUnits (text units by (start, end, id),
/// then implicit units by id), relations by id — the order storage returns them in, so a stored
/// map and a computed one compare equal; ids unique across units and relations; premises are
/// existing units, distinct, never the target; targets exist; only attacks target relations and
/// no chain of relations targeting relations comes back to where it started; no two relations
/// share (type, premise set, target); mainClaimId, when set, names a unit.
export interface ArgumentMap {
  units: readonly ArgumentUnit[];
  relations: readonly Relation[];
  mainClaimId: string | null;
}

export const emptyMap: ArgumentMap = { units: [], relations: [], mainClaimId: null };

export function compareUnits(a: ArgumentUnit, b: ArgumentUnit): number {
  const ai = isImplicit(a);
  const bi = isImplicit(b);
  if (ai !== bi) return ai ? 1 : -1;
  if (!ai && !bi) {
    const d = (a as TextUnit).start - (b as TextUnit).start || (a as TextUnit).end - (b as TextUnit).end;
    if (d) return d;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/// The key two relations must not share: type, premise set (order ignored) and target.
export function relationKey(r: Pick<Relation, 'type' | 'from' | 'to'>): string {
  return JSON.stringify([r.type, [...r.from].sort(), r.to]);
}

/// The ends of a relation, premises then target: what counts a unit's relations.
export function relationEnds(r: Pick<Relation, 'from' | 'to'>): string[] {
  return [...r.from, r.to];
}

/// Whether `r` has `id` among its premises or as its target.
export function touches(r: Pick<Relation, 'from' | 'to'>, id: string): boolean {
  return r.to === id || r.from.includes(id);
}

/// One premise of one relation, as an edge between two units: for consumers that draw or count
/// unit-to-unit edges (the map view, hints, agreement) until they learn linked arguments and
/// undercutters. A linked argument gives one edge per premise; an undercutter's edges end at the
/// unit the relation it attacks bears on (followed down a chain of undercutters).
export interface PremiseEdge {
  relation: Relation;
  /// The premise's position in `relation.from`.
  index: number;
  from: string;
  to: string;
}

export function premiseEdges(map: Pick<ArgumentMap, 'relations'>): PremiseEdge[] {
  const byId = new Map(map.relations.map((r) => [r.id, r]));
  const unitOf = (to: string): string => {
    let at = to;
    for (let hops = 0; byId.has(at) && hops <= byId.size; hops++) at = byId.get(at)!.to;
    return at;
  };
  const edges: PremiseEdge[] = [];
  for (const relation of map.relations) {
    const to = unitOf(relation.to);
    relation.from.forEach((from, index) => edges.push({ relation, index, from, to }));
  }
  return edges;
}

/// What a unit says: its span of `text`, or an implicit unit's own text.
export function unitText(unit: ArgumentUnit, text: string): string {
  return isImplicit(unit) ? unit.text : text.slice(unit.start, unit.end);
}
