'use client';
// Puts furigana on the essay when the reader turns them on: fetches the document's rubies once
// (/api/documents/:id/ruby: readings and grades, computed on the server), shows those above the
// chosen grade, and takes them off again. The word rectangles the unit boxes are drawn from do
// not move with the rubies (they are generated content); the taller lines furigana need change
// the essay's height, which the unit layer's ResizeObserver answers by measuring again.
import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { RubyRow } from '@/lib/tokens/ruby';
import type { PositionMap } from '../editor/positions';
import { setFurigana, visibleRubies } from '../editor/extensions/furigana';
import { setTokenSelection, tokenLayerKey } from '../editor/extensions/token-layer';
import type { DocumentRef } from './useDocumentContent';
import { failureOf } from '../useJsonRequest';

/// A failure's `error` is worded where it is shown (wordedFailure).
export type FuriganaState = { status: 'idle' | 'loading'; shown: boolean } | { status: 'failed'; error: unknown; shown: false };

const loaded = new Map<string, Promise<RubyRow[]>>();

function rubies(doc: DocumentRef): Promise<RubyRow[]> {
  const url = `/api/documents/${encodeURIComponent(doc.id)}/ruby?v=${encodeURIComponent(doc.sha256)}`;
  let p = loaded.get(url);
  if (!p) {
    p = fetch(url).then(async (res) => {
      if (!res.ok) throw await failureOf(res);
      return ((await res.json()) as { ruby: RubyRow[] }).ruby;
    });
    p.catch(() => loaded.delete(url));
    loaded.set(url, p);
  }
  return p;
}

export function useFurigana(editor: Editor | null, positions: PositionMap, doc: DocumentRef, on: boolean, above: number): FuriganaState {
  const [state, setState] = useState<FuriganaState>({ status: 'idle', shown: false });
  useEffect(() => {
    if (!editor) return;
    let live = true;
    const show = (rows: readonly RubyRow[]) => {
      const view = editor.view;
      setFurigana(view, positions, rows);
      // The decorations wrap words in new nodes: paint the caret and selection on them again.
      const selection = tokenLayerKey.getState(view.state);
      if (selection) setTokenSelection(view, { ...selection });
    };
    if (!on) {
      show([]);
      setState({ status: 'idle', shown: false });
      return;
    }
    setState((s) => ({ status: 'loading', shown: s.shown }));
    rubies(doc)
      .then((rows) => {
        if (!live) return;
        show(visibleRubies(rows, above));
        setState({ status: 'idle', shown: true });
      })
      .catch((e: unknown) => {
        if (live) setState({ status: 'failed', error: e, shown: false });
      });
    return () => {
      live = false;
    };
  }, [editor, positions, doc.id, doc.sha256, on, above]);
  return state;
}
