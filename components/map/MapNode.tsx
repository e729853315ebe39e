'use client';
// A unit on the map: its label's outline and chip, the quote in lines broken between words, the
// main claim framed (a second outline in ink: no label draws one, so it is never taken for a
// label's colour), hint badges. An implicit unit (a premise the text leaves unstated) has a
// dashed outline and says "not in the text" in its header and its name. Focusing it (Tab)
// brings it into view (onFocusNode); J takes the essay's caret to its unit (onJumpToUnit), as
// the list's "In text" button does — not for an implicit unit, which has no place in the text.
import { memo } from 'react';
import type { PlacedNode } from '@/lib/argument/layout';
import type { StructureHint } from '@/lib/argument/hints';
import { displayWidth } from '@/lib/text/width';
import { colorsOfSlot } from '../annotate/labels';
import { nodeMetrics, nodeOutline, type NodeText } from './nodeShape';

export interface NodeActions {
  onSelectUnit: (id: string | null, extend?: boolean) => void;
  onHover: (ids: string[]) => void;
  onFocusNode: (id: string) => void;
  onJumpToUnit: (id: string) => void;
}

interface Props {
  id: string;
  node: PlacedNode;
  /// The label's slot in the scheme (null: not in it): colours and outline.
  slot: number | null;
  /// The label's name, with "★ main claim" after it on the main claim's node.
  chip: string;
  /// The main claim's node: framed.
  main: boolean;
  /// For an implicit unit: the "not in the text" marker, shown in its header; null for a span.
  implicitText: string | null;
  /// The node's accessible name.
  name: string;
  quote: string;
  note: string;
  lines: NodeText;
  selected: boolean;
  emphasized: boolean;
  hints: StructureHint[] | undefined;
  hintText: (h: StructureHint) => string;
  actions: NodeActions;
}

const frameGap = 4;

export const MapNode = memo(function MapNode({ id, node, slot, chip, main, implicitText, name, quote, note, lines, selected, emphasized, hints, hintText, actions }: Props) {
  const colors = colorsOfSlot(slot);
  const { fontSize, labelFontSize, lineHeight, headerHeight, padding } = nodeMetrics;
  const implicit = implicitText !== null;
  const tip = [implicit ? `${chip} · ${implicitText}` : chip, quote, note, ...(hints ?? []).map(hintText)].filter(Boolean).join('\n');
  return (
    <g
      data-unit-id={id}
      data-main-claim={main ? '' : undefined}
      data-implicit={implicit ? '' : undefined}
      transform={`translate(${node.x},${node.y})`}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      aria-keyshortcuts={implicit ? undefined : 'J'}
      style={{ cursor: 'pointer' }}
      onFocus={() => actions.onFocusNode(id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          actions.onSelectUnit(id, e.shiftKey);
        } else if (!implicit && (e.key === 'j' || e.key === 'J') && !e.ctrlKey && !e.metaKey && !e.altKey) {
          e.preventDefault();
          actions.onJumpToUnit(id);
        }
      }}
      onPointerEnter={() => actions.onHover([id])}
      onPointerLeave={() => actions.onHover([])}
    >
      <title>{tip}</title>
      {main && (
        <rect
          x={-frameGap}
          y={-frameGap}
          width={node.width + 2 * frameGap}
          height={node.height + 2 * frameGap}
          rx={6}
          fill="none"
          stroke="#1c1917"
          strokeWidth={2}
          data-main-frame=""
        />
      )}
      <path
        d={nodeOutline(slot, node.width, node.height)}
        fill={selected || emphasized ? '#e0f2fe' : '#ffffff'}
        stroke={selected ? '#0c4a6e' : colors.edge}
        strokeWidth={selected ? 3 : 1.5}
        strokeDasharray={implicit ? '6 4' : undefined}
        // Saved pictures show the map, not what happened to be selected (exportPicture.ts).
        data-export-fill="#ffffff"
        data-export-stroke={colors.edge}
        data-export-stroke-width={1.5}
      />
      <rect x={padding} y={5} width={Math.min(node.width - 2 * padding, Math.max(40, displayWidth(chip) * labelFontSize + 12))} height={labelFontSize + 6} rx={3} fill={colors.fill} />
      <text x={padding + 5} y={5 + labelFontSize + 1} fontSize={labelFontSize} fontWeight={700} fill={colors.ink}>
        {chip}
      </text>
      {implicit && (
        <text x={node.width - padding} y={5 + labelFontSize + 1} textAnchor="end" fontSize={labelFontSize} fill="#57534e" data-implicit-marker="">
          {implicitText}
        </text>
      )}
      <text fontSize={fontSize} fill="#1c1917">
        {lines.lines.map((line, i) => (
          <tspan key={i} x={padding} y={headerHeight + (i + 1) * lineHeight - 4}>
            {line}
          </tspan>
        ))}
      </text>
      {hints && hints.length > 0 && (
        <g transform={`translate(${node.width - 10},-6)`} data-hint-badge="">
          <circle r={9} fill="#f59e0b" stroke="#ffffff" strokeWidth={1.5} />
          <text textAnchor="middle" y={4} fontSize={12} fontWeight={700} fill="#1c1917">
            !
          </text>
        </g>
      )}
    </g>
  );
});
