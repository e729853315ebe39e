import { describe, expect, it } from 'vitest';
import { curveMiddle, edgePath, flattenCurve, type Point } from './edgeGeometry';

const length = (line: readonly Point[]) => line.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - line[i].x, p.y - line[i].y), 0);

describe('edgePath', () => {
  it('is a straight segment for two points, quadratic pieces through the midpoints for more', () => {
    expect(edgePath([])).toBe('');
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 20 }])).toBe('M0,0 L10,20');
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 10 }])).toBe('M0,0 Q10,0 10,5 Q10,10 20,10');
  });
});

describe('curveMiddle', () => {
  it('is the midpoint of a straight edge, and the only point of a one-point one', () => {
    expect(curveMiddle([{ x: 2, y: 4 }, { x: 12, y: 24 }])).toEqual({ x: 7, y: 14 });
    expect(curveMiddle([{ x: 3, y: 5 }])).toEqual({ x: 3, y: 5 });
  });

  it('lies on the drawn curve and splits its length in halves', () => {
    // An S-shaped route (as dagre bends an edge round a box), not symmetric about its middle.
    const points = [{ x: 0, y: 200 }, { x: 0, y: 120 }, { x: 90, y: 80 }, { x: 100, y: 0 }];
    const flat = flattenCurve(points);
    const m = curveMiddle(points);
    const i = flat.findIndex((p, k) => k > 0 && Math.hypot(p.x - m.x, p.y - m.y) + Math.hypot(flat[k - 1].x - m.x, flat[k - 1].y - m.y) - Math.hypot(p.x - flat[k - 1].x, p.y - flat[k - 1].y) < 1e-9);
    expect(i).toBeGreaterThan(0);
    const before = length([...flat.slice(0, i), m]);
    expect(before).toBeCloseTo(length(flat) / 2, 6);
    // The polyline's own middle is elsewhere: measuring on it would miss the curve.
    expect(Math.hypot(m.x - 45, m.y - 100)).toBeGreaterThan(1);
  });

  it('is symmetric for a symmetric curve', () => {
    const m = curveMiddle([{ x: 0, y: 0 }, { x: 50, y: 100 }, { x: 100, y: 0 }]);
    expect(m.x).toBeCloseTo(50, 9);
    expect(m.y).toBeCloseTo(50, 1); // the quadratic's apex: half the control point's height
  });
});
