'use client';
// The minimap: the whole drawing in small (units as boxes, implicit ones dashed), with the frame's
// view as a rectangle; pressing it moves the view there. Shown whenever part of the map is outside the frame.
import type { PlacedNode } from '@/lib/argument/layout';

interface Props {
  /// The nodes drawn on the map (its layout's, less units deleted since it was computed).
  nodes: readonly PlacedNode[];
  /// The drawing's size and the layout's offset in it.
  width: number;
  height: number;
  margin: number;
  viewRef: React.RefObject<SVGRectElement | null>;
  onJump: (x: number, y: number) => void;
  label: string;
  colorOf: (id: string) => string;
}

export function Minimap({ nodes, width, height, margin, viewRef, onJump, label, colorOf }: Props) {
  const w = 160;
  const h = Math.max(60, Math.min(140, (w * height) / width));
  const line = Math.max(width, height) / 200; // about one screen pixel at the minimap's scale
  return (
    <svg
      aria-label={label}
      role="img"
      data-minimap=""
      className="absolute right-2 bottom-2 rounded border border-stone-300 bg-white"
      width={w}
      height={h}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      onPointerDown={(e) => {
        e.stopPropagation(); // not a pan of the map behind
        // The drawing is centred in the minimap (preserveAspectRatio meet).
        const r = e.currentTarget.getBoundingClientRect();
        const scale = Math.max(width / r.width, height / r.height);
        const offsetX = (r.width - width / scale) / 2;
        const offsetY = (r.height - height / scale) / 2;
        onJump((e.clientX - r.left - offsetX) * scale, (e.clientY - r.top - offsetY) * scale);
      }}
    >
      <g transform={`translate(${margin},${margin})`}>
        {/* An implicit unit as on the map: a dashed outline (and paler, being in no text). */}
        {nodes.map((n) => (
          <rect
            key={n.id}
            x={n.x}
            y={n.y}
            width={n.width}
            height={n.height}
            fill={colorOf(n.id)}
            opacity={n.implicit ? 0.35 : 0.6}
            {...(n.implicit ? { stroke: '#44403c', strokeWidth: line, strokeDasharray: `${3 * line} ${2 * line}` } : {})}
          />
        ))}
      </g>
      <rect ref={viewRef} fill="none" stroke="#0369a1" strokeWidth={Math.max(width, height) / 80} />
    </svg>
  );
}
