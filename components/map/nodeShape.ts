// How a unit looks as a map node: the outline shape by its label's slot (the label's position
// in its scheme; colours: ../annotate/labels), so the label reads without colour too; the quote
// broken into a few lines (SVG text does not wrap), and the node's size. Styles are SVG
// attributes, not CSS classes, so an exported SVG looks the same on its own.
import { wrapText } from '@/lib/text/wrap';

export const nodeWidth = 220;
// Both sizes are ≥ 11 px on screen at the map's readable scale (./viewport).
const fontSize = 13;
const labelFontSize = 12;
const lineHeight = 18;
const headerHeight = 26;
const padding = 10;
/// Characters per line, in full-width units: the node's inner width over the font size.
const lineWidth = (nodeWidth - 2 * padding) / fontSize;
const maxLines = 4;

export const fontFamily = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";

export interface NodeText {
  lines: string[];
  truncated: boolean;
}

/// The quote's lines. `boundaries` (sorted token boundaries of the whole text) and `start` (the
/// quote's offset in it) let lines break only between words; whitespace runs become one space.
export function nodeText(quote: string, boundaries?: readonly number[], start = 0): NodeText {
  let flat = '';
  const wordStarts = new Set<number>();
  let b = 0;
  if (boundaries) while (b < boundaries.length && boundaries[b] < start) b++;
  for (let i = 0; i < quote.length; i++) {
    if (boundaries) {
      while (b < boundaries.length && boundaries[b] < start + i) b++;
      if (boundaries[b] === start + i) wordStarts.add(flat.length);
    }
    if (/\s/.test(quote[i])) {
      if (flat.length > 0 && !flat.endsWith(' ')) flat += ' ';
    } else flat += quote[i];
  }
  flat = flat.trimEnd();
  return wrapText(flat, lineWidth, maxLines, boundaries ? wordStarts : undefined);
}

export function nodeHeight(text: NodeText): number {
  return headerHeight + text.lines.length * lineHeight + padding;
}

export const nodeMetrics = { fontSize, labelFontSize, lineHeight, headerHeight, padding };

/// The outline of a node by slot (the default scheme's claim, evidence, counterargument,
/// rebuttal are 0–3): 0 rounded, 1 square (also a label outside the scheme), 2 cut corners,
/// 3 a notched left edge, 4 pointed ends, 5 both ends notched, 6 a folded (cut) top-right corner, 7 a
/// slanted parallelogram. Every shape stays inside the w×h box and clear of the text's padding.
export function nodeOutline(slot: number | null, w: number, h: number): string {
  switch (slot) {
    case 0: {
      const r = 12;
      return `M${r},0 H${w - r} Q${w},0 ${w},${r} V${h - r} Q${w},${h} ${w - r},${h} H${r} Q0,${h} 0,${h - r} V${r} Q0,0 ${r},0 Z`;
    }
    case 2: {
      const c = 10;
      return `M${c},0 H${w - c} L${w},${c} V${h - c} L${w - c},${h} H${c} L0,${h - c} V${c} Z`;
    }
    case 3: {
      const n = 8;
      return `M0,0 H${w} V${h} H0 L${n},${h / 2} Z`;
    }
    case 4: {
      const p = 8;
      return `M${p},0 H${w - p} L${w},${h / 2} L${w - p},${h} H${p} L0,${h / 2} Z`;
    }
    case 5: {
      const n = 8;
      return `M0,0 H${w} L${w - n},${h / 2} L${w},${h} H0 L${n},${h / 2} Z`;
    }
    case 6: {
      const f = 14;
      return `M0,0 H${w - f} L${w},${f} V${h} H0 Z`;
    }
    case 7: {
      const s = 8;
      return `M${s},0 H${w} L${w - s},${h} H0 Z`;
    }
    default:
      return `M0,0 H${w} V${h} H0 Z`;
  }
}
