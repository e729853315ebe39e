// The argument map as a value: units (tagged spans of the canonical text) and relations between
// them. Offsets are UTF-16 code units on token boundaries; exports convert to code points.

export type RelationType = 'support' | 'attack';
export const relationTypes: readonly RelationType[] = ['support', 'attack'];

/// The default label scheme's ids, in the order the toolbar and the keys 1–4 offer them.
export const defaultLabels = ['claim', 'evidence', 'counterargument', 'rebuttal'] as const;
export type DefaultLabel = (typeof defaultLabels)[number];

/// A tagged span. Units may overlap and nest.
export interface ArgumentUnit {
  id: string;
  label: string;
  start: number;
  end: number;
  note: string;
}

/// `from` is the premise or the attacker, `to` the unit it supports or attacks.
export interface Relation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  note: string;
}

/// Invariants (kept by `apply`): units sorted by (start, end, id), relations by id — the order
/// storage returns them in, so a stored map and a computed one compare equal; ids unique; relations reference existing units, no self-relations, no duplicate (type, from, to);
/// mainClaimId, when set, names a unit.
export interface ArgumentMap {
  units: readonly ArgumentUnit[];
  relations: readonly Relation[];
  mainClaimId: string | null;
}

export const emptyMap: ArgumentMap = { units: [], relations: [], mainClaimId: null };

export function compareUnits(a: ArgumentUnit, b: ArgumentUnit): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
