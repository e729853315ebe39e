'use client';
// The workspace's sticky toolbar: undo and redo (commands of the table), the save status, what
// the workspace adds (the suggestion at the caret, Submit), and the map's export and import.
import type { ReactNode } from 'react';
import { useT } from '../I18nProvider';
import { CommandButton } from './CommandButton';
import type { CommandActions, CommandState } from './commands';
import { SaveIndicator } from './SaveIndicator';
import { ExportMenu, type FormatChoice } from './ExportMenu';
import { ImportDialog } from './ImportDialog';
import type { SaveStatus } from './useSavedMap';
import type { ArgumentMap } from '@/lib/argument';

interface Props {
  mapId: string | null;
  readOnly: boolean;
  status: SaveStatus;
  unsaved: number;
  savedVersion: number;
  formats: FormatChoice[];
  state: CommandState;
  actions: CommandActions;
  onImported: (version: number, map: ArgumentMap, units: number, relations: number) => void;
  children?: ReactNode;
}

export function WorkspaceToolbar({ mapId, readOnly, status, unsaved, savedVersion, formats, state, actions, onImported, children }: Props) {
  const t = useT();
  return (
    <div className="sticky top-0 z-20 mb-3 flex flex-wrap items-center gap-2 border-b border-stone-200 bg-stone-50 py-2 text-sm">
      {!readOnly && (
        <>
          <CommandButton id="undo" state={state} actions={actions} />
          <CommandButton id="redo" state={state} actions={actions} />
          <SaveIndicator status={status} unsaved={unsaved} />
        </>
      )}
      {readOnly && <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">{t('annotate.readOnly')}</span>}
      {children}
      {mapId && (
        <span className="ml-auto flex gap-2">
          <a href={`/api/maps/${encodeURIComponent(mapId)}/export?format=json`} download className="btn">
            {t('annotate.exportJson')}
          </a>
          <ExportMenu mapId={mapId} formats={formats} />
          {!readOnly && <ImportDialog mapId={mapId} baseVersion={savedVersion} busy={unsaved > 0} onImported={onImported} />}
        </span>
      )}
    </div>
  );
}
