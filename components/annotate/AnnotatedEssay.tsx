'use client';
// The essay in tiptap with its layers painted as CSS highlights: tokens (caret, snapped
// selection, hover) and units. The document never changes; props only drive the highlights.
import { useEffect, useMemo, useRef } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import type { Block } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import { documentJSON, type PositionMap } from '../editor/positions';
import { essayNodes } from '../editor/extensions/essayNodes';
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
  const content = useMemo(() => documentJSON(text, blocks), [text, blocks]);

  const editor = useEditor({
    immediatelyRender: false,
    editable: false,
    extensions: [
      ...essayNodes,
      TokenLayer.configure({ tokens, positions, onSelectionChange: (s) => selectionRef.current(s), onHoverChange: (i) => hoverRef.current(i) }),
    ],
    content,
    editorProps: {
      attributes: { class: 'essay', lang: 'ja', tabindex: '0', role: 'document', 'aria-label': label, 'aria-describedby': 'essay-help' },
    },
  });

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

  useEffect(() => clearUnits, []);

  return <EditorContent editor={editor} />;
}
