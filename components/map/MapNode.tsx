'use client';
// A unit on the map: its label's outline and chip, the quote in lines broken between words, the
// main claim framed (a second outline in ink: no label draws one, so it is never taken for a
// label's colour), hint badges. Focusing it (Tab) brings it into view (onFocusNode); J takes
// the essay's caret to its unit (onJumpToUnit), as the list's "In text" button does.
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
  labelText: string;
  /// "main claim", shown in the chip and said in the name of the main claim's node.
  mainText: string | null;
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

export const MapNode = memo(function MapNode({ id, node, slot, labelText, mainText, quote, note, lines, selected, emphasized, hints, hintText, actions }: Props) {
  const colors = colorsOfSlot(slot);
  const { fontSize, labelFontSize, lineHeight, headerHeight, padding } = nodeMetrics;
  const main = mainText !== null;
  const chip = main ? `${labelText} ★ ${mainText}` : labelText;
  const tip = [chip, quote, note, ...(hints ?? []).map(hintText)].filter(Boolean).join('\n');
  return (
    <g
      data-unit-id={id}
      data-main-claim={main ? '' : undefined}
      transform={`translate(${node.x},${node.y})`}
      role="button"
      tabIndex={0}
      aria-label={`${chip}: ${quote}`}
      aria-pressed={selected}
      aria-keyshortcuts="J"
      style={{ cursor: 'pointer' }}
      onFocus={() => actions.onFocusNode(id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          actions.onSelectUnit(id, e.shiftKey);
        } else if ((e.key === 'j' || e.key === 'J') && !e.ctrlKey && !e.metaKey && !e.altKey) {
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
        // Saved pictures show the map, not what happened to be selected (exportPicture.ts).
        data-export-fill="#ffffff"
        data-export-stroke={colors.edge}
        data-export-stroke-width={1.5}
      />
      <rect x={padding} y={5} width={Math.min(node.width - 2 * padding, Math.max(40, displayWidth(chip) * labelFontSize + 12))} height={labelFontSize + 6} rx={3} fill={colors.fill} />
      <text x={padding + 5} y={5 + labelFontSize + 1} fontSize={labelFontSize} fontWeight={700} fill={colors.ink}>
        {chip}
      </text>
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
