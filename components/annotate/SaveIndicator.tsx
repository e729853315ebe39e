'use client';
// Saved / saving / offline / busy / signed out, always visible while annotating (the notice
// area says more about the last three).
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../I18nProvider';
import type { SaveStatus } from './useSavedMap';

const texts: Record<SaveStatus, MessageKey> = {
  saved: 'save.saved',
  saving: 'save.saving',
  offline: 'save.offlineShort',
  busy: 'save.busyShort',
  signedOut: 'save.signedOutShort',
};

export function SaveIndicator({ status, unsaved }: { status: SaveStatus; unsaved: number }) {
  const t = useT();
  const dot = status === 'saved' ? 'bg-emerald-600' : status === 'saving' ? 'bg-amber-500 animate-pulse' : 'bg-red-600';
  return (
    <span role="status" aria-label={t('save.status')} data-status={status} data-testid="save-status" className="inline-flex items-center gap-1.5 text-stone-700">
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${dot}`} />
      {t(texts[status], { n: unsaved })}
    </span>
  );
}
