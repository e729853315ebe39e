'use client';
// What became of the last take into the reference — done (with Undo), refused, or saving — in a
// polite live region pinned to the bottom of the viewport, so the sentence is where the user is
// looking however far down the list they clicked, and a screen reader hears it.
import { useT } from '../I18nProvider';
import type { CurationNotice as Notice } from './useReferenceCuration';

export function CurationNotice({ notice, onUndo, onDismiss }: { notice: Notice | null; onUndo: () => void; onDismiss: () => void }) {
  const t = useT();
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-20 flex justify-center px-4" data-testid="curation-notice">
      {notice && (
        <p
          className={`pointer-events-auto flex max-w-2xl flex-wrap items-center gap-3 rounded border px-4 py-2 text-sm shadow ${notice.tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-stone-300 bg-white'}`}
        >
          <span lang="ja">{notice.text}</span>
          {notice.undo && (
            <button type="button" className="btn min-h-11" onClick={onUndo} data-testid="curation-undo">
              {t('curation.undo')}
            </button>
          )}
          {notice.tone !== 'working' && (
            <button type="button" className="min-h-11 px-2 text-stone-600 underline" onClick={onDismiss}>
              {t('curation.dismiss')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
