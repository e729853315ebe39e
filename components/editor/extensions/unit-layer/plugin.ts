// The unit layer: argument units drawn as decorations over the unchanging essay. Each unit is
// its own span (nodeName set, so ProseMirror nests overlapping units instead of merging their
// attributes), with its label as a class, its nesting depth, and a small label glyph at its
// start as a second cue besides colour. The set is rebuilt only when the units or the
// highlighted ids change, never on caret moves.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { ArgumentUnit } from '@/lib/argument/types';
import type { PositionMap } from '../../positions';
import { nestingDepths } from './nesting';

export interface UnitLayerInput {
  units: readonly ArgumentUnit[];
  mainClaimId: string | null;
  selectedId: string | null;
  /// Units to emphasise (hover in the list or map, link targets).
  highlightIds: ReadonlySet<string>;
  /// Short glyph per label id (主, 根, …).
  glyphs: Readonly<Record<string, string>>;
}

interface UnitLayerState {
  input: UnitLayerInput | null;
  decorations: DecorationSet;
}

export const unitLayerKey = new PluginKey<UnitLayerState>('unitLayer');

function glyphElement(text: string, main: boolean, label: string): () => HTMLElement {
  return () => {
    const el = document.createElement('span');
    el.className = `unit-glyph unit-glyph-${label}`;
    el.setAttribute('aria-hidden', 'true');
    el.textContent = main ? `★${text}` : text;
    return el;
  };
}

export function buildUnitDecorations(state: EditorState, positions: PositionMap, input: UnitLayerInput): DecorationSet {
  const depths = nestingDepths(input.units);
  const decorations: Decoration[] = [];
  for (const u of input.units) {
    const from = positions.toPos(u.start);
    const to = positions.toPos(u.end);
    const classes = [`unit`, `unit-${u.label}`, `unit-depth-${Math.min(depths.get(u.id) ?? 0, 3)}`];
    if (u.id === input.selectedId) classes.push('unit-selected');
    if (input.highlightIds.has(u.id)) classes.push('unit-highlight');
    if (u.id === input.mainClaimId) classes.push('unit-main');
    decorations.push(Decoration.inline(from, to, { nodeName: 'span', class: classes.join(' '), 'data-unit-id': u.id }));
    const main = u.id === input.mainClaimId;
    decorations.push(
      Decoration.widget(from, glyphElement(input.glyphs[u.label] ?? u.label.slice(0, 1), main, u.label), {
        side: -1,
        key: `g:${u.label}:${main ? 'm' : ''}`,
        ignoreSelection: true,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

export function unitLayerPlugin(positions: PositionMap): Plugin<UnitLayerState> {
  return new Plugin<UnitLayerState>({
    key: unitLayerKey,
    state: {
      init: () => ({ input: null, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const input = tr.getMeta(unitLayerKey) as UnitLayerInput | undefined;
        if (!input || input === value.input) return value;
        return { input, decorations: buildUnitDecorations(state, positions, input) };
      },
    },
    props: {
      decorations: (state) => unitLayerKey.getState(state)?.decorations,
    },
  });
}
