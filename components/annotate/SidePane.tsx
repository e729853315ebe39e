'use client';
// The workspace layout: the text on the left, and beside it a pane with two tabs — the unit list
// and the argument map — whose width the user can drag (or set with ←/→ on the divider). On
// narrow screens the pane stacks below the text.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../I18nProvider';

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
  onKeyDown: (event: React.KeyboardEvent) => void;
}

const widthKey = 'ronten:pane-width';
const minWidth = 280;
const maxWidth = 1100;

export function SidePane({ main, list, map, suggestions, footer, tab, onTab, onKeyDown }: Props) {
  const t = useT();
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
  const tabs: Array<{ id: PaneTab; label: string }> = [
    { id: 'list', label: t('pane.list') },
    { id: 'map', label: t('pane.map') },
    ...(suggestions ? [{ id: 'suggestions' as const, label: t('pane.suggestions') }] : []),
  ];
  const shown = tabs.some((x) => x.id === tab) ? tab : 'list';

  return (
    <div className="workspace-grid grid gap-4" style={{ ['--side' as string]: `${width}px` }} onKeyDown={onKeyDown}>
      <div className="min-w-0">{main}</div>
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
        <div role="tablist" aria-label={t('pane.tabs')} className="mb-3 flex gap-1 border-b border-stone-200">
          {tabs.map((x) => (
            <button
              key={x.id}
              id={`tab-${x.id}`}
              type="button"
              role="tab"
              aria-selected={shown === x.id}
              aria-controls={`panel-${x.id}`}
              tabIndex={shown === x.id ? 0 : -1}
              onClick={() => onTab(x.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  e.preventDefault();
                  e.stopPropagation();
                  const step = e.key === 'ArrowRight' ? 1 : tabs.length - 1;
                  onTab(tabs[(tabs.findIndex((y) => y.id === x.id) + step) % tabs.length].id);
                }
              }}
              className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm font-medium text-stone-600 aria-selected:border-sky-700 aria-selected:text-sky-900"
            >
              {x.label}
            </button>
          ))}
        </div>
        <div id={`panel-${shown}`} role="tabpanel" aria-labelledby={`tab-${shown}`}>
          {shown === 'list' ? list : shown === 'map' ? map : suggestions}
        </div>
      </div>
      {footer}
    </div>
  );
}
