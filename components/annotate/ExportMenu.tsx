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
  recogito: 'io.format.recogito',
  argdown: 'io.format.argdown',
  csv: 'io.format.csv',
};

/// Memoized: it sits in the workspace's toolbar, which re-renders on every key.
/// A WAI-ARIA menu button: Enter, Space or ↓ opens the menu on its first item (↑ on its last);
/// ↑/↓ move round the items, Home/End jump to the ends, Esc and Tab close it, Esc returning focus
/// to the button.
export const ExportMenu = memo(function ExportMenu({ mapId, formats }: { mapId: string; formats: FormatChoice[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  /// The item to focus once the menu is open (its index).
  const [initial, setInitial] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    items()[initial]?.focus();
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open, initial]);
  const show = (at: number) => {
    setInitial(at < 0 ? formats.length - 1 : at);
    setOpen(true);
  };
  const onMenuKey = (e: React.KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const to = (i: number) => {
      e.preventDefault();
      all[(i + all.length) % all.length]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return to(at + 1);
      case 'ArrowUp':
        return to(at - 1);
      case 'Home':
        return to(0);
      case 'End':
        return to(all.length - 1);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  };
  const href = (format: string) => `/api/maps/${encodeURIComponent(mapId)}/export?format=${format}`;
  return (
    <div ref={ref} className="relative">
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'export-menu' : undefined}
        onClick={() => (open ? setOpen(false) : show(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show(e.key === 'ArrowDown' ? 0 : -1);
          }
        }}
      >
        {t('io.export')} ▾
      </button>
      {open && (
        <ul id="export-menu" role="menu" aria-label={t('io.export')} onKeyDown={onMenuKey} className="absolute right-0 z-30 mt-1 w-72 rounded-md border border-stone-300 bg-white p-1 shadow-lg">
          {formats.map((f) => (
            <li key={f.id} role="none">
              <a role="menuitem" tabIndex={-1} href={href(f.id)} download onClick={() => setOpen(false)} className="block rounded px-2 py-1.5 hover:bg-stone-100 focus:bg-stone-100 focus:outline-2 focus:outline-sky-700">
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
