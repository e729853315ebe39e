'use client';
// The essay in tiptap with its two decoration layers: tokens (hover, caret, snapped selection)
// and units. The document itself never changes; props only drive decorations.
import { useEffect, useMemo, useRef } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import type { Block } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import { documentJSON, type PositionMap } from '../editor/positions';
import { essayNodes } from '../editor/extensions/essayNodes';
import { TokenLayer, type TokenSelection } from '../editor/extensions/token-layer';
import { UnitLayer, showUnits, type UnitLayerInput } from '../editor/extensions/unit-layer';

interface Props {
  text: string;
  blocks: Block[];
  tokens: readonly Token[];
  positions: PositionMap;
  units: UnitLayerInput;
  label: string;
  onSelectionChange: (selection: TokenSelection) => void;
  onReady: (editor: Editor) => void;
}

export function AnnotatedEssay({ text, blocks, tokens, positions, units, label, onSelectionChange, onReady }: Props) {
  // The editor is created once; callbacks reach it through a ref.
  const selectionRef = useRef(onSelectionChange);
  selectionRef.current = onSelectionChange;
  const content = useMemo(() => documentJSON(text, blocks), [text, blocks]);

  const editor = useEditor({
    immediatelyRender: false,
    editable: false,
    extensions: [
      ...essayNodes,
      TokenLayer.configure({ tokens, positions, onSelectionChange: (s) => selectionRef.current(s) }),
      UnitLayer.configure({ positions }),
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
    if (editor && !editor.isDestroyed) showUnits(editor.view, units);
  }, [editor, units]);

  return <EditorContent editor={editor} />;
}
