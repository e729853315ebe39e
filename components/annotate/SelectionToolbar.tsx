'use client';
// The small toolbar at a snapped selection (mouse and keyboard): the label commands, one button
// per label of the scheme (keys 1 to its size), and cancel (Esc) — from the command table.
import { useLocale, useT } from '../I18nProvider';
import { labelClass, type LabelInfo } from './labels';
import { CommandButton } from './CommandButton';
import type { CommandActions, CommandId, CommandState } from './commands';

interface Props {
  labels: readonly LabelInfo[];
  quote: string;
  at: { left: number; top: number };
  state: CommandState;
  actions: CommandActions;
}

/// The quote as a toolbar names it: long ones by their ends.
export const shortQuote = (quote: string) => (quote.length > 40 ? `${quote.slice(0, 18)}…${quote.slice(-18)}` : quote);

export function SelectionToolbar({ labels, quote, at, state, actions }: Props) {
  const t = useT();
  return (
    <div
      role="toolbar"
      aria-label={t('annotate.toolbar')}
      className="absolute z-30 flex flex-wrap items-center gap-1 rounded-lg border border-stone-300 bg-white p-1.5 shadow-xl"
      style={{ left: at.left, top: at.top }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => e.stopPropagation()}
    >
      <span className="sr-only">{t('annotate.selection', { quote: shortQuote(quote) })}</span>
      <LabelButtons labels={labels} state={state} actions={actions} />
      <CommandButton id="cancel" state={state} actions={actions} className="btn ml-1" />
    </div>
  );
}

/// The scheme's labels as label commands (a unit from the selection, or the selected unit
/// relabelled), each showing its key.
export function LabelButtons({ labels, state, actions }: Omit<Props, 'quote' | 'at'>) {
  const locale = useLocale();
  return labels.slice(0, 8).map((label, i) => (
    <CommandButton key={label.id} id={`label${i + 1}` as CommandId} state={state} actions={actions} className={`label-button ${labelClass(labels, label.id)}`}>
      {label[locale]}
      <kbd aria-hidden="true" className="ml-1 text-[0.7em] opacity-60">
        {i + 1}
      </kbd>
    </CommandButton>
  ));
}
