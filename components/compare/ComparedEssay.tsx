'use client';
// One side of the compare view: the essay with each unit painted by how it fared in the
// comparison — matched with the same label, matched with another label, or found on this side
// only — as CSS highlights (see ../editor/highlights).
import { useEffect, useMemo } from 'react';
import { EditorContent } from '@tiptap/react';
import { textUnits, type ArgumentUnit } from '@/lib/argument/types';
import type { Block } from '@/lib/text/types';
import { createPositionMap } from '../editor/positions';
import { clear, paint, rangesOf } from '../editor/highlights';
import { useEssayEditor } from '../editor/useEssayEditor';

export type UnitStatus = 'matched' | 'relabelled' | 'missing' | 'extra';
export const statusNames: Record<UnitStatus, string> = {
  matched: 'ronten-cmp-matched',
  relabelled: 'ronten-cmp-relabelled',
  missing: 'ronten-cmp-missing',
  extra: 'ronten-cmp-extra',
};

interface Props {
  text: string;
  blocks: Block[];
  label: string;
  units: readonly ArgumentUnit[];
  status: ReadonlyMap<string, UnitStatus>;
}

export function ComparedEssay({ text, blocks, label, units, status }: Props) {
  const editor = useEssayEditor(text, blocks, label);
  const positions = useMemo(() => createPositionMap(blocks, text.length), [blocks, text.length]);
  useEffect(() => {
    if (!editor) return;
    const view = editor.view;
    const ranges = rangesOf(view, positions);
    const groups = new Map<string, AbstractRange[]>(Object.values(statusNames).map((n) => [n, []]));
    for (const u of textUnits(units)) groups.get(statusNames[status.get(u.id) ?? 'extra'])!.push(ranges.range(u.start, u.end));
    paint(view, groups);
    return () => clear(view, Object.values(statusNames));
  }, [editor, positions, units, status]);
  return <EditorContent editor={editor} />;
}
