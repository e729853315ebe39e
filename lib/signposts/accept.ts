// From suggestions (suggest.ts) to the student's map: which suggestions are still open, and the
// one ordinary operation that accepts one (so it is undone, saved and synced like any unit the
// student made). Pure.
//
// A suggestion is settled, and no longer offered, when a unit of the map covers at least half of
// it (the student marked that sentence already, however they cut it). Accepting adds the unit
// with its relations to units already in the map: to the unit standing for the suggestion it
// points at, and from the units standing for suggestions that point at it (a conclusion accepted
// after its evidence gathers them). The suggestion's label is a default label; a map with
// another scheme gets the label in the same place of its scheme (as labelRoles reads roles).

import { defaultLabels, isImplicit, type ArgumentMap, type ArgumentUnit, type Relation, type TextUnit } from '@/lib/argument/types';
import type { Operation } from '@/lib/argument/operations';
import type { Suggestion } from './suggest';

type Span = { start: number; end: number };

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/// The unit of the map standing for a span: the one covering most of it, if it covers at least half.
export function unitFor(map: ArgumentMap, span: Span): TextUnit | undefined {
  let best: TextUnit | undefined;
  let bestOverlap = 0;
  for (const u of map.units) {
    // Units of the text come first, sorted by start; implicit units after them have no span.
    if (isImplicit(u) || u.start >= span.end) break;
    const o = overlap(u, span);
    if (o > bestOverlap) {
      best = u;
      bestOverlap = o;
    }
  }
  return bestOverlap * 2 >= span.end - span.start ? best : undefined;
}

/// The indices of the suggestions not yet settled by a unit, nor dismissed.
export function openSuggestions(suggestions: readonly Suggestion[], map: ArgumentMap, dismissed: ReadonlySet<string>): number[] {
  const open: number[] = [];
  suggestions.forEach((s, i) => {
    if (!dismissed.has(suggestionKey(s)) && !unitFor(map, s)) open.push(i);
  });
  return open;
}

/// A suggestion's identity across reloads (dismissals are remembered by it).
export function suggestionKey(s: Suggestion): string {
  return `${s.start}-${s.end}-${s.label}`;
}

/// The label id the suggestion takes in a scheme; undefined when the scheme has no such place.
export function schemeLabel(s: Suggestion, labelIds: readonly string[]): string | undefined {
  return labelIds[defaultLabels.indexOf(s.label)];
}

/// The operation accepting suggestion `index`; undefined when the scheme has no label for it.
export function acceptOperation(
  suggestions: readonly Suggestion[],
  index: number,
  map: ArgumentMap,
  labelIds: readonly string[],
  newId: (kind: 'unit' | 'relation') => string,
): Operation | undefined {
  const s = suggestions[index];
  const label = schemeLabel(s, labelIds);
  if (!label) return undefined;
  const unit: ArgumentUnit = { id: newId('unit'), label, start: s.start, end: s.end, note: '' };
  const relations: Relation[] = [];
  const relate = (type: Relation['type'], from: string, to: string) => {
    if (!relations.some((r) => r.type === type && r.from[0] === from && r.to === to)) relations.push({ id: newId('relation'), type, from: [from], to, note: '' });
  };
  if (s.relation) {
    const target = unitFor(map, suggestions[s.relation.to]);
    if (target) relate(s.relation.type, unit.id, target.id);
  }
  suggestions.forEach((other, k) => {
    if (other.relation?.to !== index) return;
    const source = unitFor(map, other);
    if (source) relate(other.relation.type, source.id, unit.id);
  });
  return { op: 'addUnit', unit, relations, mainClaim: false };
}
