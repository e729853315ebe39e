'use client';
// The small toolbar at a snapped selection: one button per label (keys 1 to the number of labels, at most 8), and cancel (Esc).
import { useLocale, useT } from '../I18nProvider';
import { labelClass, type LabelInfo } from './labels';

interface Props {
  labels: readonly LabelInfo[];
  quote: string;
  at: { left: number; top: number };
  onLabel: (label: string) => void;
  onCancel: () => void;
}

export function SelectionToolbar({ labels, quote, at, onLabel, onCancel }: Props) {
  const t = useT();
  const locale = useLocale();
  const shown = quote.length > 40 ? `${quote.slice(0, 18)}…${quote.slice(-18)}` : quote;
  return (
    <div
      role="toolbar"
      aria-label={t('annotate.toolbar')}
      className="absolute z-30 flex flex-wrap items-center gap-1 rounded-lg border border-stone-300 bg-white p-1.5 shadow-xl"
      style={{ left: at.left, top: at.top }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => e.stopPropagation()}
    >
      <span className="sr-only">{t('annotate.selection', { quote: shown })}</span>
      {labels.map((label, i) => (
        <button
          key={label.id}
          type="button"
          onClick={() => onLabel(label.id)}
          aria-keyshortcuts={String(i + 1)}
          className={`label-button ${labelClass(labels, label.id)}`}
        >
          {label[locale]}
          <kbd aria-hidden="true" className="ml-1 text-[0.7em] opacity-60">
            {i + 1}
          </kbd>
        </button>
      ))}
      <button type="button" onClick={onCancel} aria-keyshortcuts="Escape" className="btn ml-1">
        {t('annotate.cancel')}
      </button>
    </div>
  );
}
