// The token under a point of the essay: the one whose character box holds the point, else — a
// point beside the text — the one posAtCoords finds nearest (-1 before it: the gap after a
// character's centre belongs to the character). Word or not: the caller decides.
import type { EditorView } from '@tiptap/pm/view';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../../editor/positions';
import { rangesOf } from '../../editor/highlights';
import { tokenIndexAt } from '../../editor/extensions/token-layer';

export function wordAt(view: EditorView, positions: PositionMap, tokens: readonly TokenSpan[], x: number, y: number, inside = true): number | null {
  if (tokens.length === 0) return null;
  const hit = view.posAtCoords({ left: x, top: y });
  if (!hit) return null;
  const o = positions.toOffset(hit.pos);
  const end = tokens[tokens.length - 1].end;
  const ranges = rangesOf(view, positions);
  for (const c of [o - 1, o]) {
    if (c < 0 || c >= end) continue;
    const r = ranges.rect(c, c + 1);
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return tokenIndexAt(tokens, c);
  }
  return inside ? null : tokenIndexAt(tokens, Math.min(Math.max(0, o - 1), end - 1));
}
