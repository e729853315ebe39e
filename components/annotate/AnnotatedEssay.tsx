'use client';
// The essay in tiptap with its layers: tokens (caret, snapped selection, hover) painted as CSS
// highlights, and units drawn as boxes behind the text. The document never changes; props only
// drive the layers.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { EditorContent, type Editor } from '@tiptap/react';
import type { Block } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import type { PositionMap } from '../editor/positions';
import { useEssayEditor } from '../editor/useEssayEditor';
import { TokenLayer, type TokenSelection } from '../editor/extensions/token-layer';
import { UnitMarks, type UnitLayerInput } from '../editor/extensions/unit-layer';

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

  const layerRef = useRef<HTMLDivElement>(null);
  const marksRef = useRef<UnitMarks | null>(null);
  useLayoutEffect(() => {
    if (!editor || !layerRef.current) return;
    const marks = new UnitMarks(editor.view, positions, blocks, layerRef.current);
    marksRef.current = marks;
    return () => {
      marks.destroy();
      marksRef.current = null;
    };
  }, [editor, positions, blocks]);

  // A layout effect: the boxes of a new unit are in the DOM before the frame after the key.
  useLayoutEffect(() => {
    const marks = marksRef.current;
    if (!marks) return;
    const start = performance.now();
    marks.update(units);
    // User timing for the bench: from drawing the units until the frame showing them is done
    // (a message posted from requestAnimationFrame runs after that frame's paint).
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.measure('ronten:units-rendered', { start, detail: units.units.length });
      channel.port2.postMessage(null);
    });
  }, [editor, positions, blocks, units]);

  return (
    <div className="essay-frame">
      <div ref={layerRef} className="unit-marks" aria-hidden="true" />
      <EditorContent editor={editor} />
    </div>
  );
}
