'use client';
// The read-only tiptap editor every essay view is built on: the essay schema, the canonical
// blocks as content, lazy paragraphs for a long text (./extensions/lazyParagraphs), and
// whatever layers the view adds. Created once per mount.
import { useMemo } from 'react';
import { useEditor, type Editor } from '@tiptap/react';
import type { AnyExtension } from '@tiptap/core';
import type { Block } from '@/lib/text/types';
import { documentJSON } from './positions';
import { essayNodes } from './extensions/essayNodes';
import { LAZY_TEXT_LENGTH, LazyParagraphs } from './extensions/lazyParagraphs';

export function useEssayEditor(text: string, blocks: Block[], label: string, layers: AnyExtension[] = []): Editor | null {
  const content = useMemo(() => documentJSON(text, blocks), [text, blocks]);
  return useEditor({
    immediatelyRender: false,
    editable: false,
    extensions: [...essayNodes, ...(text.length > LAZY_TEXT_LENGTH ? [LazyParagraphs] : []), ...layers],
    content,
    editorProps: {
      attributes: { class: 'essay', lang: 'ja', tabindex: '0', role: 'document', 'aria-label': label },
    },
  });
}
