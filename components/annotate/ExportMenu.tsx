'use client';
// The export menu: one download link per format (the list comes from the server's registry).
import { memo, useEffect, useRef, useState } from 'react';
import type { FormatId } from '@/lib/formats/index';
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../I18nProvider';

export interface FormatChoice {
  id: FormatId;
  name: string;
  canImport: boolean;
}

/// What each format keeps, in the UI's language.
const formatLines: Record<FormatId, MessageKey> = {
  json: 'io.format.json',
  w3c: 'io.format.w3c',
  aif: 'io.format.aif',
  brat: 'io.format.brat',
  hypothesis: 'io.format.hypothesis',
  argdown: 'io.format.argdown',
  csv: 'io.format.csv',
};

/// Memoized: it sits in the workspace's toolbar, which re-renders on every key.
export const ExportMenu = memo(function ExportMenu({ mapId, formats }: { mapId: string; formats: FormatChoice[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  const href = (format: string) => `/api/maps/${encodeURIComponent(mapId)}/export?format=${format}`;
  return (
    <div ref={ref} className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('io.export')} ▾
      </button>
      {open && (
        <ul role="menu" aria-label={t('io.export')} className="absolute right-0 z-30 mt-1 w-72 rounded-md border border-stone-300 bg-white p-1 shadow-lg">
          {formats.map((f) => (
            <li key={f.id} role="none">
              <a role="menuitem" href={href(f.id)} download onClick={() => setOpen(false)} className="block rounded px-2 py-1.5 hover:bg-stone-100 focus:bg-stone-100">
                <span className="block font-medium">{t('io.exportAs', { name: f.name })}</span>
                <span className="block text-xs text-stone-500">{t(formatLines[f.id])}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
