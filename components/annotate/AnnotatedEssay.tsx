'use client';
// The essay in tiptap with its layers painted as CSS highlights: tokens (caret, snapped
// selection, hover) and units. The document never changes; props only drive the highlights.
import { useEffect, useRef } from 'react';
import { EditorContent, type Editor } from '@tiptap/react';
import type { Block } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import type { PositionMap } from '../editor/positions';
import { useEssayEditor } from '../editor/useEssayEditor';
import { TokenLayer, type TokenSelection } from '../editor/extensions/token-layer';
import { clearUnits, paintUnits, type UnitLayerInput } from '../editor/extensions/unit-layer';

interface Props {
  text: string;
  blocks: Block[];
  tokens: readonly Token[];
  positions: PositionMap;
  units: UnitLayerInput;
  label: string;
  onSelectionChange: (selection: TokenSelection) => void;
  onHoverChange: (index: number | null) => void;
  onReady: (editor: Editor) => void;
}

export function AnnotatedEssay({ text, blocks, tokens, positions, units, label, onSelectionChange, onHoverChange, onReady }: Props) {
  // The editor is created once; callbacks reach it through refs.
  const selectionRef = useRef(onSelectionChange);
  selectionRef.current = onSelectionChange;
  const hoverRef = useRef(onHoverChange);
  hoverRef.current = onHoverChange;
  const editor = useEssayEditor(text, blocks, label, [
    TokenLayer.configure({ tokens, positions, onSelectionChange: (s) => selectionRef.current(s), onHoverChange: (i) => hoverRef.current(i) }),
  ]);
  // The keyboard help below the essay describes it to screen readers.
  useEffect(() => {
    editor?.view.dom.setAttribute('aria-describedby', 'essay-help');
  }, [editor]);

  useEffect(() => {
    if (editor) onReady(editor);
  }, [editor, onReady]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const start = performance.now();
    paintUnits(editor.view, positions, units);
    // User timing for the bench: from painting the highlights until the frame showing them is
    // done (a message posted from requestAnimationFrame runs after that frame's paint).
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.measure('ronten:units-rendered', { start, detail: units.units.length });
      channel.port2.postMessage(null);
    });
  }, [editor, positions, units]);

  // Take this editor's units out of the page-wide highlights when it goes away.
  useEffect(() => {
    if (!editor) return;
    const view = editor.view;
    return () => clearUnits(view);
  }, [editor]);

  return <EditorContent editor={editor} />;
}
