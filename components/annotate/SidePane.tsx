'use client';
// The workspace layout. Wide screens (desktop, a tablet in landscape, ≥ 1024 px): the text on the
// left, and beside it a pane with two tabs — the unit list and the argument map — whose width the
// user can drag (or set with ←/→ on the divider). Narrow screens (a phone, a tablet in portrait):
// the text full width, and a tab bar fixed at the bottom — text, list, map — that opens the list
// or the map as a sheet over the text from any place in it; the text underneath keeps its place.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../I18nProvider';
import { useMediaQuery } from '../useMediaQuery';

export type PaneTab = 'list' | 'map' | 'suggestions';

interface Props {
  main: ReactNode;
  list: ReactNode;
  map: ReactNode;
  /// The signposts' suggestions; no tab when absent (read-only views, or turned off).
  suggestions?: ReactNode;
  footer?: ReactNode;
  tab: PaneTab;
  onTab: (tab: PaneTab) => void;
  /// Narrow screens: the list or map sheet is open over the text.
  sheetOpen: boolean;
  onSheet: (open: boolean) => void;
  onKeyDown: (event: React.KeyboardEvent) => void;
}

const widthKey = 'ronten:pane-width';
const minWidth = 280;
const maxWidth = 1100;

/// Below this width the pane is a sheet (Tailwind's lg breakpoint, as the CSS says).
export const narrowQuery = '(max-width: 1023.98px)';

export function SidePane({ main, list, map, footer, tab, onTab, suggestions, sheetOpen, onSheet, onKeyDown }: Props) {
  const t = useT();
  const narrow = useMediaQuery(narrowQuery);
  const [width, setWidth] = useState(420);
  const drag = useRef<{ startX: number; width: number } | null>(null);
  useEffect(() => {
    const saved = Number(localStorage.getItem(widthKey));
    if (saved >= minWidth && saved <= maxWidth) setWidth(saved);
  }, []);
  const resize = (w: number) => {
    const next = Math.round(Math.min(maxWidth, Math.max(minWidth, w)));
    setWidth(next);
    try {
      localStorage.setItem(widthKey, String(next));
    } catch {
      // not remembered
    }
  };
  // On a narrow screen the text is a tab too; the pane's tabs open the sheet.
  // The suggestions tab exists only while there are suggestions.
  const shown = tab === 'suggestions' && !suggestions ? 'list' : tab;
  const current = narrow && !sheetOpen ? 'text' : shown;
  // The sheet opens only on a narrow screen: a tablet turned from landscape to portrait shows
  // the text, not the tab last chosen beside it.
  const choose = (id: PaneTab | 'text') => {
    if (id !== 'text') onTab(id);
    onSheet(narrow && id !== 'text');
  };
  const tabs: Array<{ id: PaneTab | 'text'; label: string }> = [
    ...(narrow ? [{ id: 'text' as const, label: t('pane.text') }] : []),
    { id: 'list', label: t('pane.list') },
    { id: 'map', label: t('pane.map') },
    ...(suggestions ? [{ id: 'suggestions' as const, label: t('pane.suggestions') }] : []),
  ];
  const showPanel = !narrow || sheetOpen;

  return (
    <div className="workspace-grid grid gap-4" style={{ ['--side' as string]: `${width}px` }} onKeyDown={onKeyDown}>
      <div id="panel-text" className="min-w-0">
        {main}
      </div>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-valuenow={width}
        aria-valuemin={minWidth}
        aria-valuemax={maxWidth}
        aria-label={t('pane.divider')}
        tabIndex={0}
        className="hidden cursor-col-resize rounded bg-stone-200 hover:bg-sky-300 focus-visible:bg-sky-400 lg:block"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { startX: e.clientX, width };
        }}
        onPointerMove={(e) => drag.current && resize(drag.current.width - (e.clientX - drag.current.startX))}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') resize(width + 40);
          else if (e.key === 'ArrowRight') resize(width - 40);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <div role="tablist" aria-label={t('pane.tabs')} className="pane-tabs mb-3 flex gap-1 border-b border-stone-200">
          {tabs.map((x, i) => (
            <button
              key={x.id}
              id={`tab-${x.id}`}
              type="button"
              role="tab"
              aria-selected={current === x.id}
              aria-controls={`panel-${x.id}`}
              tabIndex={current === x.id ? 0 : -1}
              onClick={() => choose(x.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  e.preventDefault();
                  e.stopPropagation();
                  const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
                  choose(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }
              }}
              className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm font-medium text-stone-600 aria-selected:border-sky-700 aria-selected:text-sky-900 max-lg:flex-1"
            >
              {x.label}
            </button>
          ))}
        </div>
        {showPanel && (
          <div id={`panel-${shown}`} role="tabpanel" aria-labelledby={`tab-${shown}`} className="pane-sheet" data-open={narrow && sheetOpen}>
            {shown === 'list' ? list : shown === 'map' ? map : suggestions}
          </div>
        )}
      </div>
      {footer}
    </div>
  );
}
