'use client';
// Saved / saving / offline, always visible while annotating.
import { useT } from '../I18nProvider';
import type { SaveStatus } from './useSavedMap';

export function SaveIndicator({ status, unsaved }: { status: SaveStatus; unsaved: number }) {
  const t = useT();
  const text = status === 'saved' ? t('save.saved') : status === 'saving' ? t('save.saving') : t('save.offline', { n: unsaved });
  const dot = status === 'saved' ? 'bg-emerald-600' : status === 'saving' ? 'bg-amber-500 animate-pulse' : 'bg-red-600';
  return (
    <span role="status" aria-label={t('save.status')} data-status={status} data-testid="save-status" className="inline-flex items-center gap-1.5 text-stone-700">
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${dot}`} />
      {text}
    </span>
  );
}
