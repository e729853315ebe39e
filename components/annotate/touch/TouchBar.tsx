'use client';
// The label bar for touch: fixed at the bottom of the screen, within thumb reach, above the
// narrow layout's tab bar. It holds the commands of the table (../commands) for what is
// selected — labels for selected words; for a unit (a long press) its relabel, relate, "select
// several" (touch's Shift: taps add premises), main claim and delete; for a relation attack and
// add premise; in link mode the prompt to tap the target — and keeps the selection in view
// above itself. Its height is published as --touchbar-h, so the notices sit above it.
import { useLayoutEffect, useRef } from 'react';
import { useLocale, useT } from '../../I18nProvider';
import { CommandButton } from '../CommandButton';
import { LabelButtons, shortQuote } from '../SelectionToolbar';
import { labelName, type LabelInfo } from '../labels';
import type { CommandActions, CommandState } from '../commands';

interface Props {
  labels: readonly LabelInfo[];
  state: CommandState;
  actions: CommandActions;
  /// What the bar acts on: selected words, a unit, or the link being made.
  subject:
    | { kind: 'words'; quote: string }
    | { kind: 'unit'; label: string; quote: string; main: boolean; count: number }
    | { kind: 'relation' }
    | { kind: 'link'; prompt: string };
  /// Where the selection is on screen now (kept clear of the bar).
  selectionRect: () => DOMRect | null;
}

export function TouchBar({ labels, state, actions, subject, selectionRect }: Props) {
  const t = useT();
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const key = subject.kind === 'link' || subject.kind === 'relation' ? subject.kind : `${subject.kind}:${subject.quote}`;

  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const root = document.documentElement;
    root.style.setProperty('--touchbar-h', `${bar.offsetHeight}px`);
    // The selection stays above the bar (and below the sticky toolbar).
    const rect = selectionRect();
    const top = bar.getBoundingClientRect().top;
    if (rect && rect.bottom > top - 8) window.scrollBy({ top: rect.bottom - top + 24, behavior: 'instant' });
    return () => {
      root.style.removeProperty('--touchbar-h');
    };
    // Measured when what the bar shows changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={t('touch.bar')}
      data-testid="touch-bar"
      className="fixed inset-x-0 bottom-[var(--tabbar-h,0px)] z-30 border-t border-stone-300 bg-white px-3 pb-2 pt-1.5 shadow-[0_-4px_12px_rgba(0,0,0,0.08)]"
      onMouseDown={(e) => e.preventDefault()}
      // A button acts when the finger lifts on it: after a handle drag Chromium's gesture
      // detection sometimes made no click of the next tap. The click that may still follow is
      // swallowed (the bar may be gone by then: it must not land on the text under it).
      onPointerUp={(e) => {
        const button = (e.target as Element).closest<HTMLButtonElement>('button[data-command]');
        if (e.pointerType !== 'touch' || !button || button.disabled) return;
        button.click();
        const swallow = (click: MouseEvent) => {
          click.preventDefault();
          click.stopPropagation();
        };
        // Only this touch's click: the next touch starts afresh.
        const forget = () => window.removeEventListener('click', swallow, { capture: true });
        window.addEventListener('click', swallow, { capture: true, once: true });
        window.addEventListener('pointerdown', forget, { capture: true, once: true });
        setTimeout(forget, 500);
      }}
      onClick={(e) => e.stopPropagation()}
    >
      <p lang="ja" className="mb-1 truncate text-sm text-stone-700">
        {subject.kind === 'link'
          ? subject.prompt
          : subject.kind === 'relation'
            ? t('touch.relation')
            : subject.kind === 'unit'
              ? subject.count > 1
                ? t('announce.unitsSelected', { n: subject.count })
                : t('touch.unit', { label: labelName(labels.find((l) => l.id === subject.label), locale), quote: shortQuote(subject.quote) })
              : t('annotate.selection', { quote: shortQuote(subject.quote) })}
      </p>
      <div className="flex flex-wrap items-center gap-1.5">
        {(subject.kind === 'words' || subject.kind === 'unit') && <LabelButtons labels={labels} state={state} actions={actions} />}
        {(subject.kind === 'unit' || subject.kind === 'link') && <CommandButton id="several" state={state} actions={actions} pressed={state.several} />}
        {subject.kind === 'relation' && (
          <>
            <CommandButton id="attack" state={state} actions={actions} />
            <CommandButton id="addPremise" state={state} actions={actions} />
            <CommandButton id="delete" state={state} actions={actions} className="btn text-red-700" />
          </>
        )}
        {subject.kind === 'unit' && (
          <>
            <CommandButton id="support" state={state} actions={actions} />
            <CommandButton id="attack" state={state} actions={actions} />
            {state.unit?.label === state.claimLabel && <CommandButton id="mainClaim" state={state} actions={actions} pressed={subject.main} />}
            <CommandButton id="delete" state={state} actions={actions} className="btn text-red-700" />
          </>
        )}
        <CommandButton id="cancel" state={state} actions={actions} className="btn ml-auto" />
      </div>
    </div>
  );
}
