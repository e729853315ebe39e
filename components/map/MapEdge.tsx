'use client';
// A relation on the map: an arrow from the premise (or attacker) to its target — support a solid
// dark arrow, attack a dashed vermilion one ending in a bar — focusable and named by its ends'
// labels and quotes, so each edge is told apart by ear.
import { memo } from 'react';
import type { RelationType } from '@/lib/argument/types';
import type { PlacedEdge, Point } from '@/lib/argument/layout';

/// The arrowheads the edges use (one <defs> per map).
export function EdgeMarkers() {
  return (
    <defs>
      <marker id="arrow-support" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 Z" fill="#44403c" />
      </marker>
      <marker id="arrow-attack" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10" fill="none" stroke="#d55e00" strokeWidth="2" />
        <path d="M10,0 L10,10" stroke="#d55e00" strokeWidth="2" />
      </marker>
    </defs>
  );
}

export function edgePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  if (points.length === 2) return `M${points[0].x},${points[0].y} L${points[1].x},${points[1].y}`;
  // A smooth curve through dagre's bend points (quadratic segments between midpoints).
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q${points[i].x},${points[i].y} ${i === points.length - 2 ? `${points[i + 1].x},${points[i + 1].y}` : `${mid.x},${mid.y}`}`;
  }
  return d;
}

/// A quote shortened for an edge's name: its first and last characters around '…'.
export function shortQuote(quote: string, max = 12): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

interface Props {
  edge: PlacedEdge;
  /// The relation the edge draws (one of a linked argument's premises draws an edge of its own).
  relationId: string;
  type: RelationType;
  selected: boolean;
  label: string;
  onSelect: { onSelectRelation: (id: string | null) => void };
}

export const MapEdge = memo(function MapEdge({ edge, relationId, type, selected, label, onSelect }: Props) {
  const d = edgePath(edge.points);
  const attack = type === 'attack';
  return (
    <g
      data-relation-id={relationId}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      style={{ cursor: 'pointer' }}
      onClick={() => onSelect.onSelectRelation(relationId)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect.onSelectRelation(relationId);
        }
      }}
    >
      <title>{label}</title>
      {/* A wide invisible stroke makes thin edges easy to click. */}
      <path d={d} fill="none" stroke="transparent" strokeWidth={12} data-export="omit" />
      <path
        d={d}
        fill="none"
        stroke={attack ? '#d55e00' : '#44403c'}
        strokeWidth={selected ? 3.5 : 1.8}
        data-export-stroke-width={1.8}
        strokeDasharray={attack ? '7 4' : undefined}
        markerEnd={`url(#arrow-${type})`}
      />
    </g>
  );
});
