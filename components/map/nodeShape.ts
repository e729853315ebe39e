// How a unit looks as a map node: colour and outline shape by label (so the label reads without
// colour too), the quote broken into a few lines (SVG text does not wrap), and the node's size.
// Styles are SVG attributes, not CSS classes, so an exported SVG looks the same on its own.
import { wrapText } from '@/lib/text/wrap';

export const nodeWidth = 220;
const fontSize = 13;
const lineHeight = 18;
const headerHeight = 24;
const padding = 10;
/// Characters per line, in full-width units: the node's inner width over the font size.
const lineWidth = (nodeWidth - 2 * padding) / fontSize;
const maxLines = 4;

export const labelColors: Record<string, string> = {
  claim: '#0072b2',
  evidence: '#009e73',
  counterargument: '#d55e00',
  rebuttal: '#cc79a7',
};
export const otherColor = '#57534e';
export const fontFamily = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";

export interface NodeText {
  lines: string[];
  truncated: boolean;
}

export function nodeText(quote: string): NodeText {
  return wrapText(quote.replace(/\s+/g, ' ').trim(), lineWidth, maxLines);
}

export function nodeHeight(text: NodeText): number {
  return headerHeight + text.lines.length * lineHeight + padding;
}

export const nodeMetrics = { fontSize, lineHeight, headerHeight, padding };

/// The outline of a node by label: claims rounded, evidence square, counterarguments with cut
/// corners, rebuttals with a notched left edge.
export function nodeOutline(label: string, w: number, h: number): string {
  switch (label) {
    case 'claim': {
      const r = 12;
      return `M${r},0 H${w - r} Q${w},0 ${w},${r} V${h - r} Q${w},${h} ${w - r},${h} H${r} Q0,${h} 0,${h - r} V${r} Q0,0 ${r},0 Z`;
    }
    case 'counterargument': {
      const c = 10;
      return `M${c},0 H${w - c} L${w},${c} V${h - c} L${w - c},${h} H${c} L0,${h - c} V${c} Z`;
    }
    case 'rebuttal': {
      const n = 8;
      return `M0,0 H${w} V${h} H0 L${n},${h / 2} Z`;
    }
    default:
      return `M0,0 H${w} V${h} H0 Z`;
  }
}
