'use client';
// A relation on the map, drawn as the layout placed it (lib/argument/layout): an arrow from the
// premise — or, for a linked argument, a line from each premise to a junction dot and one arrow
// from the junction — to its target, which is a unit or, for an undercutter, the middle of the
// arrow it attacks. Support is a solid dark arrow, attack a dashed vermilion one ending in a bar.
// A support naming a scheme shows the scheme's name in a small label beside its arrow.
//
// The whole relation is one control: one focusable element named by its ends (brought into view
// when focused), one wide invisible hit area along every part (touch), and hover, focus and
// selection thicken every part together. Hovering also emphasizes the units it joins (onHover), as hovering a node does.
import { memo, useState } from 'react';
import type { RelationType } from '@/lib/argument/types';
import type { PlacedEdge } from '@/lib/argument/layout';
import { edgePath } from '@/lib/argument/edgeGeometry';

const ink = { support: '#44403c', attack: '#d55e00' } as const;
/// A finger-wide band along each line (in map units; the map is never shown much below 1:1).
const hitWidth = 24;
/// As large as a node's label chip, so it is readable wherever node text is (../viewport).
export const schemeFontSize = 12;
const junctionRadius = 4.5;

/// The arrowheads the edges use (one <defs> per map).
export function EdgeMarkers() {
  return (
    <defs>
      <marker id="arrow-support" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 Z" fill={ink.support} />
      </marker>
      <marker id="arrow-attack" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10" fill="none" stroke={ink.attack} strokeWidth="2" />
        <path d="M10,0 L10,10" stroke={ink.attack} strokeWidth="2" />
      </marker>
    </defs>
  );
}

export interface EdgeActions {
  onSelectRelation: (id: string | null) => void;
  onHover: (ids: string[]) => void;
  /// Brings the focused edge into view.
  onFocusEdge: (id: string) => void;
}

interface Props {
  edge: PlacedEdge;
  type: RelationType;
  selected: boolean;
  /// The accessible name (also the tooltip).
  name: string;
  /// The scheme's name for the label in `edge.label`'s box; null without a scheme.
  schemeName: string | null;
  /// The units the relation joins (premises and the unit its target bears on), for onHover.
  /// Memoized by the caller: a new array re-renders the edge.
  ends: readonly string[];
  actions: EdgeActions;
}

export const MapEdge = memo(function MapEdge({ edge, type, selected, name, schemeName, ends, actions }: Props) {
  const [hot, setHot] = useState(false);
  const lines = [...edge.premiseLines.map(edgePath), edgePath(edge.points)];
  const width = selected ? 3.5 : hot ? 2.8 : 1.8;
  const stroke = ink[type];
  const dash = type === 'attack' ? '7 4' : undefined;
  const select = () => actions.onSelectRelation(edge.id);
  return (
    <g
      data-relation-id={edge.id}
      data-linked={edge.junction ? '' : undefined}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      style={{ cursor: 'pointer' }}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select();
        }
      }}
      onPointerEnter={() => {
        setHot(true);
        actions.onHover([...ends]);
      }}
      onPointerLeave={() => {
        setHot(false);
        actions.onHover([]);
      }}
      onFocus={() => {
        setHot(true);
        actions.onFocusEdge(edge.id);
      }}
      onBlur={() => setHot(false)}
    >
      <title>{name}</title>
      {lines.map((d, i) => (
        <path key={`hit${i}`} d={d} fill="none" stroke="transparent" strokeWidth={hitWidth} strokeLinecap="round" data-export="omit" />
      ))}
      {edge.premiseLines.map((_, i) => (
        <path key={i} d={lines[i]} fill="none" stroke={stroke} strokeWidth={width} data-export-stroke-width={1.8} strokeDasharray={dash} data-edge-part="premise" />
      ))}
      <path
        d={lines[lines.length - 1]}
        fill="none"
        stroke={stroke}
        strokeWidth={width}
        data-export-stroke-width={1.8}
        strokeDasharray={dash}
        markerEnd={`url(#arrow-${type})`}
        data-edge-part="arrow"
      />
      {edge.junction && (
        <circle
          cx={edge.junction.x}
          cy={edge.junction.y}
          r={selected || hot ? junctionRadius + 1.5 : junctionRadius}
          data-export-r={junctionRadius}
          fill={stroke}
          stroke="#ffffff"
          strokeWidth={1.5}
          data-junction=""
        />
      )}
      {schemeName && edge.label && (
        <g data-scheme-label="">
          <rect x={edge.label.x} y={edge.label.y} width={edge.label.width} height={edge.label.height} rx={3} fill="#ffffff" stroke="#a8a29e" strokeWidth={0.8} />
          <text x={edge.label.x + edge.label.width / 2} y={edge.label.y + edge.label.height / 2 + schemeFontSize * 0.36} textAnchor="middle" fontSize={schemeFontSize} fill="#44403c">
            {schemeName}
          </text>
        </g>
      )}
    </g>
  );
});
