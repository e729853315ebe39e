// Furigana over the essay's kanji words: ProseMirror inline decorations that wrap a word's kanji
// in a span carrying its reading in data-ruby, drawn by CSS (globals.css, .ronten-ruby::before)
// as generated content above the line. Generated content is not document text: it is never in
// a selection, a copy, a quote or an offset, and the caret and the word rectangles are those of
// the text alone. Its alternative text is empty (`content: attr(data-ruby) / ""`), so a screen
// reader reads the word once, as written, not word and reading twice.
//
// The rubies come from the server (/api/documents/:id/ruby, lib/tokens/ruby.ts) and are set with
// setFurigana; the essay document never changes, so the set is kept as is between them.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { RubyRow } from '@/lib/tokens/ruby';
import type { PositionMap } from '../positions';

export const furiganaKey = new PluginKey<DecorationSet>('furigana');

/// The rubies to show: those whose hardest kanji is above grade `above` (0: all).
export function visibleRubies(rows: readonly RubyRow[], above: number): RubyRow[] {
  return above <= 0 ? [...rows] : rows.filter((r) => r[2] > above);
}

/// Shows `rows` over the essay (none: furigana off).
export function setFurigana(view: EditorView, positions: PositionMap, rows: readonly RubyRow[]) {
  const decorations = rows.map(([start, end, , reading]) =>
    Decoration.inline(positions.toPos(start), positions.toPos(end), { class: 'ronten-ruby', 'data-ruby': reading }),
  );
  view.dispatch(view.state.tr.setMeta(furiganaKey, DecorationSet.create(view.state.doc, decorations)));
}

export const Furigana = Extension.create({
  name: 'furigana',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: furiganaKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => (tr.getMeta(furiganaKey) as DecorationSet | undefined) ?? set,
        },
        props: { decorations: (state) => furiganaKey.getState(state) },
      }),
    ];
  },
});
