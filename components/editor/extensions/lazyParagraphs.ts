// Lazy paragraphs for long essays: a paragraph out of view is neither laid out nor painted
// (CSS content-visibility: auto, app/globals.css `.essay-lazy`). Until first shown it takes an
// estimated height, from its length (`--len`, a node decoration here) and the characters a line
// of the column holds (`--per-line`, kept by a ResizeObserver: the essay is set in full-width
// characters of 1em); once shown it keeps the height it had (contain-intrinsic-size: auto).
//
// Only long essays: an estimate is never exact, so every programmatic scroll in them is
// settled after layout (../reveal), and the unit layer draws again when the essay's height
// changes (a paragraph shown for the first time). For an essay of ordinary length the browser
// lays out everything at once in a few tens of milliseconds and nothing need be estimated.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

/// Texts longer than this (UTF-16 code units) render their paragraphs lazily. A typical essay
/// (the corpus's, ~15,000 characters) lays out in well under a frame budget's worth of long
/// tasks; at ~50,000 characters the first layout starts to cost a noticeable pause on a school
/// laptop, and a 1 MiB text (the CLI's limit) takes seconds (bench/bigDocumentPage.ts).
export const LAZY_TEXT_LENGTH = 50_000;

const key = new PluginKey<DecorationSet>('lazyParagraphs');

export const LazyParagraphs = Extension.create({
  name: 'lazyParagraphs',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        state: {
          // The essay never changes: its paragraphs' lengths are noted once.
          init: (_, { doc }) => {
            const lengths: Decoration[] = [];
            doc.forEach((node, offset) => {
              if (node.type.name === 'paragraph') lengths.push(Decoration.node(offset, offset + node.nodeSize, { style: `--len:${node.content.size}` }));
            });
            return DecorationSet.create(doc, lengths);
          },
          apply: (_, set) => set,
        },
        props: {
          attributes: { class: 'essay-lazy' },
          decorations: (state) => key.getState(state),
        },
        view: (view) => keepLineLength(view),
      }),
    ];
  },
});

/// Whether the view renders its paragraphs lazily.
export function isLazy(view: EditorView): boolean {
  return view.dom.classList.contains('essay-lazy');
}

/// Keeps `--per-line` (characters a line holds) on the essay as its width changes.
function keepLineLength(view: EditorView) {
  const resize = new ResizeObserver(([entry]) => {
    const em = parseFloat(getComputedStyle(view.dom).fontSize) || 17;
    view.dom.style.setProperty('--per-line', String(Math.max(1, Math.floor(entry.contentRect.width / em))));
  });
  resize.observe(view.dom);
  return { destroy: () => resize.disconnect() };
}
