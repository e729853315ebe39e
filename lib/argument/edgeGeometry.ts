// The curve a map edge is drawn as, and points on it. The layout (./layout) gives each arrow a
// polyline (its ends and dagre's bend points); the map draws a smooth curve through it (a chain
// of quadratic Béziers: one per interior point, which is its control point, joined at the
// midpoints of the segments between interior points). An undercutter ends halfway along the
// curve of the arrow it attacks, so "halfway" must be measured on that curve, not on the
// polyline: `curveMiddle` and `edgePath` agree by construction, being built from `curveSegments`.
//
// Invariants: the curve starts at the first point and ends at the last; a two-point polyline is
// the straight segment; `curveMiddle` is on the curve (within a hundredth of a pixel for the
// sizes the map uses) and splits its length in two halves.

export interface Point {
  x: number;
  y: number;
}

/// One piece of the curve: a straight segment when `control` is null.
interface Segment {
  start: Point;
  control: Point | null;
  end: Point;
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function curveSegments(points: readonly Point[]): Segment[] {
  if (points.length < 2) return [];
  if (points.length === 2) return [{ start: points[0], control: null, end: points[1] }];
  const segments: Segment[] = [];
  let start = points[0];
  for (let i = 1; i < points.length - 1; i++) {
    const end = i === points.length - 2 ? points[i + 1] : midpoint(points[i], points[i + 1]);
    segments.push({ start, control: points[i], end });
    start = end;
  }
  return segments;
}

const fmt = (p: Point) => `${p.x},${p.y}`;

/// The SVG path data of the curve through `points` ('' for fewer than two).
export function edgePath(points: readonly Point[]): string {
  const segments = curveSegments(points);
  if (segments.length === 0) return '';
  let d = `M${fmt(segments[0].start)}`;
  for (const s of segments) d += s.control ? ` Q${fmt(s.control)} ${fmt(s.end)}` : ` L${fmt(s.end)}`;
  return d;
}

// Quadratic pieces are measured as this many chords: the chord sum is within 0.01 px of the
// true length for the map's bends (a few hundred pixels at most), far below what anyone sees.
const chordsPerPiece = 64;

function pointOn(s: Segment, t: number): Point {
  if (!s.control) return { x: s.start.x + (s.end.x - s.start.x) * t, y: s.start.y + (s.end.y - s.start.y) * t };
  const u = 1 - t;
  return {
    x: u * u * s.start.x + 2 * u * t * s.control.x + t * t * s.end.x,
    y: u * u * s.start.y + 2 * u * t * s.control.y + t * t * s.end.y,
  };
}

/// The curve as a polyline of short chords (its ends and every chord end are on the curve).
export function flattenCurve(points: readonly Point[]): Point[] {
  const segments = curveSegments(points);
  if (segments.length === 0) return points.map((p) => ({ ...p }));
  const out: Point[] = [{ ...segments[0].start }];
  for (const s of segments) {
    const steps = s.control ? chordsPerPiece : 1;
    for (let k = 1; k <= steps; k++) out.push(pointOn(s, k / steps));
  }
  return out;
}

/// The point halfway along the curve through `points` (its only point, or the origin, when it
/// has fewer than two).
export function curveMiddle(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  if (points.length === 1) return { ...points[0] };
  const flat = flattenCurve(points);
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < flat.length; i++) {
    const l = Math.hypot(flat[i].x - flat[i - 1].x, flat[i].y - flat[i - 1].y);
    lengths.push(l);
    total += l;
  }
  let left = total / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i] || i === lengths.length - 1) {
      const t = lengths[i] === 0 ? 0 : Math.min(1, left / lengths[i]);
      return { x: flat[i].x + (flat[i + 1].x - flat[i].x) * t, y: flat[i].y + (flat[i + 1].y - flat[i].y) * t };
    }
    left -= lengths[i];
  }
  return { ...flat[flat.length - 1] };
}
