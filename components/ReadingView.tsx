'use client';
// The essay, read-only in tiptap, with its morphemes as decorations: hover a word (or move the
// token caret with the arrow keys) to see its reading, part of speech and base form.
import { useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Block } from '@/lib/text/types';
import { unpackTokens, type PackedTokens } from '@/lib/tokens/wire';
import { createPositionMap, documentJSON } from './editor/positions';
import { essayNodes } from './editor/extensions/essayNodes';
import { TokenLayer } from './editor/extensions/token-layer';
import { TokenInfo } from './TokenInfo';
import { useT } from './I18nProvider';

interface Props {
  text: string;
  blocks: Block[];
  packedTokens: PackedTokens;
}

interface Hover {
  index: number;
  left: number;
  top: number;
}

export function ReadingView({ text, blocks, packedTokens }: Props) {
  const t = useT();
  const tokens = useMemo(() => unpackTokens(text, packedTokens), [text, packedTokens]);
  const positions = useMemo(() => createPositionMap(blocks, text.length), [blocks, text.length]);
  const [caret, setCaret] = useState<number | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);

  const editor = useEditor({
    immediatelyRender: false,
    editable: false,
    extensions: [...essayNodes, TokenLayer.configure({ tokens, positions, onSelectionChange: (s) => setCaret(s.caret) })],
    content: documentJSON(text, blocks),
    editorProps: {
      attributes: {
        class: 'essay',
        lang: 'ja',
        tabindex: '0',
        role: 'document',
        'aria-label': t('document.text'),
        'aria-describedby': 'token-hint',
      },
    },
  });

  // One listener on the frame instead of one per token: thousands of tokens stay cheap.
  const onMouseOver = (event: React.MouseEvent) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-ti]');
    const frame = frameRef.current;
    if (!el || !frame) return setHover(null);
    const rect = el.getBoundingClientRect();
    const base = frame.getBoundingClientRect();
    setHover({ index: Number(el.dataset.ti), left: rect.left - base.left, top: rect.bottom - base.top + 6 });
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,42rem)_16rem]">
      <div ref={frameRef} className="relative" onMouseOver={onMouseOver} onMouseLeave={() => setHover(null)}>
        <EditorContent editor={editor} />
        {hover && (
          <div
            role="tooltip"
            className="pointer-events-none absolute z-10 min-w-40 rounded-md border border-stone-300 bg-white/95 px-3 py-2 shadow-lg"
            style={{ left: hover.left, top: hover.top }}
          >
            <TokenInfo token={tokens[hover.index]} />
          </div>
        )}
      </div>
      <aside className="text-sm lg:sticky lg:top-6 lg:self-start">
        <h2 className="mb-2 font-semibold text-stone-700">{t('token.panel')}</h2>
        <div aria-live="polite" data-testid="token-panel" className="rounded-md border border-stone-200 bg-white p-3">
          {caret != null ? <TokenInfo token={tokens[caret]} /> : <p className="text-stone-400">{t('token.none')}</p>}
        </div>
        <p id="token-hint" className="mt-2 text-xs text-stone-500">
          {t('token.hint')}
        </p>
      </aside>
    </div>
  );
}
