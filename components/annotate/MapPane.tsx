'use client';
// The map tab: the argument map (loaded with its layout engine when the tab is first opened),
// the selected relation's details docked under it (./RelationDetails), the structure hints and
// label counts, and the comments on what is selected. Mounted only while shown, so the hints are
// worked out only then.
import { memo, useMemo } from 'react';
import dynamic from 'next/dynamic';
import { unitText, type ArgumentMap, type RelationType } from '@/lib/argument';
import { labelCounts, labelRoles, structureHints } from '@/lib/argument/hints';
import { StructureHints } from '../map/StructureHints';
import { SelectedComments, type Feedback } from './Comments';
import type { LabelInfo } from './labels';
import { RelationDetails } from './RelationDetails';
import type { RelationDetailsBinding } from './useRelationDetails';

const ArgumentMapView = dynamic(() => import('../map/ArgumentMapView').then((m) => m.ArgumentMapView), { ssr: false });

interface Props {
  title: string;
  text: string;
  boundaries: readonly number[];
  map: ArgumentMap;
  labels: LabelInfo[];
  mapId: string | null;
  selectedUnitId: string | null;
  selectedRelationId: string | null;
  emphasizedIds: ReadonlySet<string>;
  readOnly: boolean;
  feedback: Feedback | null;
  onSelectUnit: (id: string | null, extend?: boolean) => void;
  onSelectRelation: (id: string | null) => void;
  onHover: (ids: string[]) => void;
  onConnect: (from: string, to: string, type: RelationType) => void;
  /// A hint's unit chosen.
  onShowUnit: (id: string) => void;
  /// "In text" on a map node (J): the caret to the unit in the essay.
  onJumpToUnit: (id: string) => void;
  /// The selected relation's details, shown under the map.
  details?: RelationDetailsBinding;
}

export const MapPane = memo(function MapPane(p: Props) {
  const roles = useMemo(() => labelRoles(p.labels.map((l) => l.id)), [p.labels]);
  const hints = useMemo(() => structureHints(p.map, roles), [p.map, roles]);
  const counts = useMemo(() => labelCounts(p.map), [p.map]);
  const quoteOf = useMemo(() => {
    const byId = new Map(p.map.units.map((u) => [u.id, u]));
    return (id: string) => {
      const u = byId.get(id);
      return u ? unitText(u, p.text) : id;
    };
  }, [p.map, p.text]);
  return (
    <div className="flex h-[calc(100vh-8rem)] min-h-[32rem] flex-col">
      <ArgumentMapView
        title={p.title}
        text={p.text}
        boundaries={p.boundaries}
        map={p.map}
        labels={p.labels}
        hints={hints}
        selectedUnitId={p.selectedUnitId}
        selectedRelationId={p.selectedRelationId}
        emphasizedIds={p.emphasizedIds}
        readOnly={p.readOnly}
        onSelectUnit={p.onSelectUnit}
        onSelectRelation={p.onSelectRelation}
        onHover={p.onHover}
        onConnect={p.onConnect}
        onJumpToUnit={p.onJumpToUnit}
      />
      {p.details && p.selectedRelationId && (
        <div className="mt-2 max-h-[45%] shrink-0 overflow-y-auto" data-testid="map-relation-details">
          <RelationDetails map={p.map} text={p.text} labels={p.labels} relationId={p.selectedRelationId} binding={p.details} />
        </div>
      )}
      <StructureHints storageKey={`ronten:hints:${p.mapId ?? 'example'}`} hints={hints} counts={counts} labels={p.labels} quoteOf={quoteOf} onSelect={p.onShowUnit} onSelectRelation={p.onSelectRelation} />
      <SelectedComments feedback={p.feedback} unitId={p.selectedUnitId} relationId={p.selectedRelationId} />
    </div>
  );
});
