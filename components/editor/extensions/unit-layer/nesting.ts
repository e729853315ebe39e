// Nesting depth of overlapping units, so that nested and overlapping units can be drawn
// apart (each level's underline sits lower). O(n log n) over units sorted by position.
export interface Span {
  id: string;
  start: number;
  end: number;
}

/// The order units open in: by start, longer first (so an outer unit comes before what it holds),
/// then by id.
export function nestingOrder(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/// depth 0 for a unit no other unit covers at its start; +1 for each unit still open there.
/// Longer units open first at the same start, so an outer unit gets the smaller depth.
export function nestingDepths(units: readonly Span[]): Map<string, number> {
  const order = [...units].sort(nestingOrder);
  const open: Span[] = [];
  const depths = new Map<string, number>();
  for (const u of order) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i].end <= u.start) open.splice(i, 1);
    depths.set(u.id, open.length);
    open.push(u);
  }
  return depths;
}

/// The units containing `offset`, innermost (shortest) first.
export function unitsAt<T extends Span>(units: readonly T[], offset: number): T[] {
  return units.filter((u) => u.start <= offset && offset < u.end).sort((a, b) => a.end - a.start - (b.end - b.start) || (a.id < b.id ? -1 : 1));
}

/// Which unit a click (or Enter) at `offset` picks: the innermost, or — when the current
/// selection is one of the units there — the next one outward, so every nested unit is reachable.
export function pickUnitAt<T extends Span>(units: readonly T[], offset: number, selectedId: string | null): T | null {
  const here = unitsAt(units, offset);
  if (here.length === 0) return null;
  const current = here.findIndex((u) => u.id === selectedId);
  return here[(current + 1) % here.length];
}
