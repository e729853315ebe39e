'use client';
// The essay in tiptap with its layers: tokens (caret, snapped selection, hover) painted as CSS
// highlights, units drawn as boxes behind the text, and furigana when the reader turns them on
// (./readingOptions). The document never changes; props only drive the layers.
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { EditorContent, type Editor } from '@tiptap/react';
import type { Block } from '@/lib/text/types';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../editor/positions';
import { useEssayEditor } from '../editor/useEssayEditor';
import { TokenLayer, type TokenSelection } from '../editor/extensions/token-layer';
import { ReadingPlace } from '../editor/extensions/readingPlace';
import { useStableHandlers } from '../useStableHandlers';
import { afterNextPaint } from '../useAfterPaint';
import { UnitMarks, type UnitLayerInput } from '../editor/extensions/unit-layer';
import { Furigana } from '../editor/extensions/furigana';
import { readingOptions, useReadingOptions } from './readingOptions';
import { useFurigana } from './useFurigana';
import type { DocumentRef } from './useDocumentContent';
import { useT } from '../I18nProvider';
import { wordedFailure } from '../useJsonRequest';
import { ReadingOptions } from './ReadingOptions';

interface Props {
  text: string;
  blocks: Block[];
  tokens: readonly TokenSpan[];
  /// Phrase starts as token indices, then the token count (phraseStartTokens).
  phrases: readonly number[];
  documentRef: DocumentRef;
  positions: PositionMap;
  units: UnitLayerInput;
  label: string;
  onSelectionChange: (selection: TokenSelection) => void;
  onHoverChange: (index: number | null) => void;
  onReady: (editor: Editor) => void;
}

export function AnnotatedEssay({ text, blocks, tokens, phrases, documentRef, positions, units, label, onSelectionChange, onHoverChange, onReady }: Props) {
  const [editor, setEditor] = useState<Editor | null>(null);
  // The editor is made once, with these: they must reach the latest callbacks.
  const handlers = useStableHandlers({
    onSelectionChange,
    onHoverChange,
    onReady: (e: Editor) => {
      setEditor(e);
      onReady(e);
    },
  });
  const t = useT();
  const options = useReadingOptions();
  const furigana = useFurigana(editor, positions, documentRef, options.furigana, options.furiganaAbove);
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <ReadingOptions />
        <p role="status" className="text-stone-600" data-testid="furigana-status">
          {furigana.status === 'failed' ? t('reading.furiganaFailed', { reason: wordedFailure(t, furigana.error) }) : furigana.status === 'loading' ? t('reading.furiganaLoading') : ''}
        </p>
      </div>
      <div className={`essay-frame ${furigana.shown ? 'furigana' : ''}`}>
        <UnitLayer editor={editor} positions={positions} blocks={blocks} tokens={tokens} units={units} />
        <Essay text={text} blocks={blocks} tokens={tokens} phrases={phrases} positions={positions} label={label} {...handlers} />
      </div>
    </>
  );
}

type EssayProps = Omit<Props, 'units' | 'documentRef'>;

/// The editor itself, created once. Memoized: tiptap's useEditor updates the editor's options on
/// every render, which runs a ProseMirror view update over the whole essay — a unit change must
/// not re-render it. Its callbacks are stable (useStableHandlers above).
const Essay = memo(function Essay({ text, blocks, tokens, phrases, positions, label, onSelectionChange, onHoverChange, onReady }: EssayProps) {
  const editor = useEssayEditor(text, blocks, label, [
    // Precision is read at each gesture: the reader may change it while the editor lives.
    TokenLayer.configure({ text, tokens, phrases, positions, precision: () => readingOptions().precision, onSelectionChange, onHoverChange }),
    ReadingPlace,
    Furigana,
  ]);
  // The keyboard help below the essay describes it to screen readers.
  useEffect(() => {
    editor?.view.dom.setAttribute('aria-describedby', 'essay-help');
  }, [editor]);

  useEffect(() => {
    if (editor) onReady(editor);
  }, [editor, onReady]);

  return <EditorContent editor={editor} />;
});

/// The units' boxes, in a layer under the text.
function UnitLayer({ editor, positions, blocks, tokens, units }: { editor: Editor | null; positions: PositionMap; blocks: Block[]; tokens: readonly TokenSpan[]; units: UnitLayerInput }) {
  const layerRef = useRef<HTMLDivElement>(null);
  const marksRef = useRef<UnitMarks | null>(null);
  useLayoutEffect(() => {
    if (!editor || !layerRef.current) return;
    const marks = new UnitMarks(editor.view, positions, blocks, tokens, layerRef.current);
    marksRef.current = marks;
    return () => {
      marks.destroy();
      marksRef.current = null;
    };
  }, [editor, positions, blocks, tokens]);

  // A layout effect: the boxes of a new unit are in the DOM before the frame after the key.
  const timed = useRef<UnitMarks | null>(null);
  useLayoutEffect(() => {
    const marks = marksRef.current;
    if (!marks) return;
    const start = performance.now();
    marks.update(units);
    if (timed.current === marks) return;
    // User timing for the bench, for the first drawing only (later updates are edits): from
    // drawing the units until the frame showing them is done.
    timed.current = marks;
    afterNextPaint(() => performance.measure('ronten:units-rendered', { start, detail: units.units.length }));
  }, [editor, positions, blocks, tokens, units]);

  return <div ref={layerRef} className="unit-marks" aria-hidden="true" />;
}
