'use client';
// The units beside the text, in text order: label, quote, note, relations and a count of
// feedback comments; implicit units (not in the text) after them, dashed and marked 「本文にない」,
// their text editable. The selected unit expands into its editing controls, its relations (each
// selectable — the target of an undercutter, the argument P adds a premise to — with a linked
// argument's premises listed, each removable, the attacks aimed at it, and the selected one's
// details: ./RelationDetails) and comment threads; the others are one fixed-height row each,
// marked when they are among several selected units, and only the rows in view are rendered
// (virtualRows), so thousands of units stay cheap.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { isImplicit, labelRoles, relationEnds, unitText, type ArgumentMap, type ArgumentUnit, type Relation, type RelationType } from '@/lib/argument';
import { useLocale, useT } from '../I18nProvider';
import { labelClass, labelKeys, labelName, type LabelInfo } from './labels';
import { CommentBadge, CommentThread, MapComments, commentCount, type Feedback } from './Comments';
import { rowTop, totalHeight, visibleRows, type RowLayout } from './virtualRows';
import { useStableHandlers } from '../useStableHandlers';
import { relationTypeKey } from '@/lib/i18n/locale';
import { shortcutsOf } from './commands';
import { RelationRow, type RelationActions } from './RelationRow';
import { DraftText } from './DraftText';
import { ImplicitMark } from './RelationDetails';
import type { RelationDetailsBinding } from './useRelationDetails';
import { LIMITS } from '@/lib/argument/limits';

export interface UnitListActions extends RelationActions {
  /// `extend`: Shift was held (the unit joins the selection, or leaves it).
  onSelect: (id: string, extend?: boolean) => void;
  /// Moves the essay's caret to the unit and focuses the essay.
  onJump: (id: string) => void;
  onHover: (ids: string[]) => void;
  onRelabel: (id: string, label: string) => void;
  onNote: (id: string, note: string) => void;
  onRemove: (id: string) => void;
  onMoveEdge: (id: string, edge: 'start' | 'end', step: 1 | -1) => void;
  onToggleMainClaim: (id: string) => void;
}

interface Props extends UnitListActions {
  text: string;
  map: ArgumentMap;
  labels: LabelInfo[];
  /// The open row's unit: the selected unit, or the one a selected relation was picked from.
  selectedId: string | null;
  /// Every selected unit, in the order picked (several: premises being gathered).
  selectedIds: readonly string[];
  selectedRelationId: string | null;
  /// Link mode is on: the rows are targets.
  linking: boolean;
  readOnly: boolean;
  /// The map's feedback comments; null where there are none to show (the example map).
  feedback: Feedback | null;
  /// The relation details (./RelationDetails) the open row shows under a relation's line.
  details?: RelationDetailsBinding;
}

const noRelations: Relation[] = [];
const noRelationsById = new Map<string, Relation>();
const noUndercutters = new Map<string, Relation[]>();
// Only the open row lists relations with quotes; the others get a constant so memo holds.
const noQuotes = new Map<string, string>();
const rowHeight = 72;

function shorten(s: string, n = 60) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/// Memoized: the workspace re-renders on every key, the list only when its data changes (the
/// workspace hands it stable handlers, ../useStableHandlers).
export const UnitList = memo(function UnitList({ text, map, labels, selectedId, selectedIds, selectedRelationId, linking, readOnly, feedback, details, ...actions }: Props) {
  const t = useT();
  const locale = useLocale();
  const [filter, setFilter] = useState<ReadonlySet<string>>(new Set());
  // Rows get stable callbacks that always reach the latest actions.
  const stable = useStableHandlers<UnitListActions>(actions);

  const relationsByUnit = useMemo(() => {
    const byUnit = new Map<string, Relation[]>();
    for (const r of map.relations) {
      for (const id of relationEnds(r)) {
        const list = byUnit.get(id);
        if (list) list.push(r);
        else byUnit.set(id, [r]);
      }
    }
    return byUnit;
  }, [map.relations]);
  // Relations by id and the attacks aimed at each (undercutters), for the open row.
  const { relationById, undercutters } = useMemo(() => {
    const byTarget = new Map<string, Relation[]>();
    for (const r of map.relations) {
      const list = byTarget.get(r.to);
      if (list) list.push(r);
      else byTarget.set(r.to, [r]);
    }
    return { relationById: new Map(map.relations.map((r) => [r.id, r])), undercutters: byTarget };
  }, [map.relations]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const u of map.units) c.set(u.label, (c.get(u.label) ?? 0) + 1);
    return c;
  }, [map.units]);
  const shown = filter.size === 0 ? map.units : map.units.filter((u) => filter.has(u.label));

  const scrollRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLLIElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [openHeight, setOpenHeight] = useState(rowHeight);
  const openIndex = selectedId ? shown.findIndex((u) => u.id === selectedId) : -1;
  // The quotes of the units related to the open one (its relations name them). Only those:
  // quoting every unit on each change cost a map of the whole list per key.
  const openQuotes = useMemo(() => {
    const own = (selectedId && relationsByUnit.get(selectedId)) || [];
    // Also the ends of a relation one of them attacks, and of the attacks aimed at them.
    const near = own.flatMap((r) => [r, ...(relationById.has(r.to) ? [relationById.get(r.to)!] : []), ...(undercutters.get(r.id) ?? [])]);
    const related = new Set(near.flatMap(relationEnds));
    return new Map(map.units.filter((u) => related.has(u.id)).map((u) => [u.id, unitText(u, text)]));
  }, [selectedId, relationsByUnit, relationById, undercutters, map.units, text]);
  const layout: RowLayout = { count: shown.length, rowHeight, openIndex, openHeight: openIndex >= 0 ? openHeight : rowHeight };
  const { first, last } = visibleRows(layout, scrollTop, viewport);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The open row's real height shifts the rows below it. Measured by a ResizeObserver, which
  // reports after the browser's own layout: reading offsetHeight here would force a layout of
  // the whole page inside React's commit, holding back the frame that shows a new unit. Until
  // the first report the rows below keep the last open row's height (rows look alike).
  useEffect(() => {
    const el = openRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setOpenHeight(entry.borderBoxSize[0].blockSize + 6));
    observer.observe(el);
    return () => observer.disconnect();
  }, [selectedId, openIndex >= first && openIndex < last]);

  // Bring the selected unit's row into view when it is chosen elsewhere (the text, the map).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || openIndex < 0) return;
    const top = rowTop(layout, openIndex);
    if (top < el.scrollTop || top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - rowHeight);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const toggle = (id: string) =>
    setFilter((f) => {
      const next = new Set(f);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="units-heading" className="min-w-0 lg:sticky lg:top-4 lg:self-start">
      <h2 id="units-heading" className="mb-2 flex items-baseline gap-2 font-semibold text-stone-800">
        {t('annotate.units')}
        <span className="text-sm font-normal text-stone-500">{t('annotate.unitCount', { n: map.units.length })}</span>
      </h2>
      <div role="group" aria-label={t('annotate.filter')} className="mb-3 flex flex-wrap gap-1 text-xs">
        <button type="button" aria-pressed={filter.size === 0} onClick={() => setFilter(new Set())} className="chip">
          {t('annotate.filterAll')}
        </button>
        {labels.map((l) => (
          <button key={l.id} type="button" aria-pressed={filter.has(l.id)} onClick={() => toggle(l.id)} className={`chip ${labelClass(labels, l.id)}`}>
            {l[locale]} {counts.get(l.id) ?? 0}
          </button>
        ))}
      </div>
      {feedback && <MapComments feedback={feedback} map={map} />}
      {map.units.length === 0 && <p className="text-sm text-stone-500">{t('annotate.empty', { keys: labelKeys(labels.length, t) })}</p>}
      <div
        ref={scrollRef}
        className="max-h-[60vh] overflow-y-auto lg:max-h-[calc(100vh-9rem)]"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <ol className="relative" style={{ height: totalHeight(layout) }} aria-label={t('annotate.units')}>
          {shown.slice(first, last).map((u, k) => {
            const index = first + k;
            const open = index === openIndex;
            const relations = relationsByUnit.get(u.id) ?? noRelations;
            const several = selectedIds.length > 1;
            return (
              <UnitRow
                key={u.id}
                rowRef={open ? openRef : undefined}
                top={rowTop(layout, index)}
                unit={u}
                quote={unitText(u, text)}
                quotes={open ? openQuotes : noQuotes}
                relations={relations}
                labels={labels}
                selected={open}
                picked={several ? selectedIds.indexOf(u.id) + 1 : 0}
                pickedOf={several ? selectedIds.length : 0}
                selectedRelationId={open ? selectedRelationId : null}
                relationById={open ? relationById : noRelationsById}
                undercutters={open ? undercutters : noUndercutters}
                isMain={u.id === map.mainClaimId}
                linkTarget={linking && !selectedIds.includes(u.id)}
                readOnly={readOnly}
                comments={commentCount(feedback, u.id, relations)}
                feedback={open ? feedback : null}
                detailsFor={open && details ? { binding: details, map, text, labels } : undefined}
                actions={stable}
              />
            );
          })}
        </ol>
      </div>
    </section>
  );
});

interface RowProps {
  rowRef?: React.Ref<HTMLLIElement>;
  top: number;
  unit: ArgumentUnit;
  quote: string;
  quotes: Map<string, string>;
  relations: Relation[];
  labels: LabelInfo[];
  selected: boolean;
  /// Its place (from 1) among `pickedOf` selected units; 0 when not one of several.
  picked: number;
  pickedOf: number;
  selectedRelationId: string | null;
  relationById: Map<string, Relation>;
  /// The attacks aimed at each relation.
  undercutters: Map<string, Relation[]>;
  isMain: boolean;
  linkTarget: boolean;
  readOnly: boolean;
  /// How many comments the unit and its relations have (the row's marker).
  comments: number;
  /// Only the open row shows the threads.
  feedback: Feedback | null;
  /// Only the open row shows relation details and edits an implicit unit's text.
  detailsFor?: { binding: RelationDetailsBinding; map: ArgumentMap; text: string; labels: readonly LabelInfo[] };
  actions: UnitListActions;
}

const UnitRow = memo(function UnitRow({ rowRef, top, unit, quote, quotes, relations, labels, selected, picked, pickedOf, selectedRelationId, relationById, undercutters, isMain, linkTarget, readOnly, comments, feedback, detailsFor, actions }: RowProps) {
  const t = useT();
  const locale = useLocale();
  const label = labels.find((l) => l.id === unit.label);
  const name = labelName(label, locale);
  const typeName = (type: RelationType) => t(relationTypeKey(type));
  const quoteOf = (id: string) => shorten(quotes.get(id) ?? id, 30);
  /// A relation named by its ends: 「a」+「b」→「c」.
  const argumentText = (r: Relation): string => `${r.from.map(quoteOf).join(' + ')} → ${relationById.has(r.to) ? `(${argumentText(relationById.get(r.to)!)})` : quoteOf(r.to)}`;
  // Not in the text: a dashed row, marked; no place in the essay to go to, no edges to move.
  const implicit = isImplicit(unit);
  return (
    <li
      ref={rowRef}
      data-unit-row={unit.id}
      style={{ top, height: selected ? undefined : rowHeight - 6 }}
      data-picked={picked || undefined}
      className={`absolute inset-x-0 overflow-hidden rounded-md border bg-white text-sm ${isMain ? 'main-claim-row' : ''} ${selected ? 'z-10 border-sky-600 ring-2 ring-sky-200' : picked ? 'border-sky-600 bg-sky-50' : 'border-stone-200'} ${linkTarget ? 'hover:border-sky-500' : ''} ${implicit ? 'border-dashed' : ''}`}
      onMouseEnter={() => actions.onHover([unit.id])}
      onMouseLeave={() => actions.onHover([])}
    >
      <button
        type="button"
        className="block w-full px-2.5 py-1 text-left"
        aria-current={selected ? 'true' : undefined}
        aria-keyshortcuts={shortcutsOf('extendSelection')}
        data-unit-pick={unit.id}
        onClick={(e) => actions.onSelect(unit.id, e.shiftKey)}
      >
        <span className={`label-chip ${labelClass(labels, unit.label)}`} data-label={unit.label}>
          {name}
        </span>
        {picked > 0 && <span className="ml-1 rounded bg-sky-700 px-1 text-xs text-white">{t('annotate.pickedChip', { n: picked, of: pickedOf })}</span>}
        {implicit && <ImplicitMark />}
        {isMain && <span className="main-claim-mark ml-1">★ {t('annotate.mainClaim')}</span>}
        <CommentBadge n={comments} />
        <span lang="ja" className={`mt-0.5 block font-serif text-stone-800 ${selected ? '' : 'truncate'}`}>
          {selected ? quote : shorten(quote, 80)}
        </span>
        {!selected && (unit.note || relations.length > 0) && (
          <span className="block truncate text-xs text-stone-500">
            {relations.map((r) => (r.from.includes(unit.id) ? `→${typeName(r.type)}` : `←${typeName(r.type)}`)).join(' ')}
            {relations.length > 0 && unit.note ? ' · ' : ''}
            {unit.note}
          </span>
        )}
      </button>
      {!implicit && (
        <button
          type="button"
          className="btn absolute right-1.5 top-1 px-1.5 py-0 text-xs"
          aria-label={t('annotate.jumpToUnitNamed', { label: name, quote: shorten(quote, 30) })}
          onClick={() => actions.onJump(unit.id)}
        >
          {t('annotate.jumpToUnit')}
        </button>
      )}
      {selected && (
        <div className="space-y-2 border-t border-stone-200 px-2.5 py-2">
          {!readOnly && (
            <div className="flex flex-wrap items-center gap-1">
              <label className="sr-only" htmlFor={`label-${unit.id}`}>
                {t('annotate.label')}
              </label>
              <select id={`label-${unit.id}`} value={unit.label} onChange={(e) => actions.onRelabel(unit.id, e.target.value)} className="rounded border border-stone-300 px-1 py-0.5">
                {labels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l[locale]}
                  </option>
                ))}
              </select>
              {!implicit && (
                <>
                  <button type="button" className="btn" aria-keyshortcuts={shortcutsOf('growStart')} aria-label={t('annotate.growStart')} title={t('annotate.growStart')} onClick={() => actions.onMoveEdge(unit.id, 'start', -1)}>
                    ←[
                  </button>
                  <button type="button" className="btn" aria-keyshortcuts={shortcutsOf('shrinkStart')} aria-label={t('annotate.shrinkStart')} title={t('annotate.shrinkStart')} onClick={() => actions.onMoveEdge(unit.id, 'start', 1)}>
                    [→
                  </button>
                  <button type="button" className="btn" aria-keyshortcuts={shortcutsOf('shrinkEnd')} aria-label={t('annotate.shrinkEnd')} title={t('annotate.shrinkEnd')} onClick={() => actions.onMoveEdge(unit.id, 'end', -1)}>
                    ←]
                  </button>
                  <button type="button" className="btn" aria-keyshortcuts={shortcutsOf('growEnd')} aria-label={t('annotate.growEnd')} title={t('annotate.growEnd')} onClick={() => actions.onMoveEdge(unit.id, 'end', 1)}>
                    ]→
                  </button>
                </>
              )}
              {unit.label === labelRoles(labels.map((l) => l.id)).claim && (
                <button type="button" className="btn" aria-keyshortcuts={shortcutsOf('mainClaim')} onClick={() => actions.onToggleMainClaim(unit.id)}>
                  {isMain ? t('annotate.unmarkMainClaim') : t('annotate.markMainClaim')}
                </button>
              )}
              <button type="button" className="btn text-red-700" aria-keyshortcuts={shortcutsOf('delete')} onClick={() => actions.onRemove(unit.id)}>
                {t('annotate.delete')}
              </button>
            </div>
          )}
          {implicit && !readOnly && detailsFor && (
            <DraftText value={unit.text} label={t('details.implicitText')} labelClassName="block text-xs text-stone-500" lang="ja" maxLength={LIMITS.implicitTextChars} onCommit={(draft) => detailsFor.binding.onImplicitText(unit.id, draft)} />
          )}
          {readOnly ? unit.note && <p className="text-stone-700">{unit.note}</p> : <DraftText value={unit.note} label={t('annotate.note')} onCommit={(note) => actions.onNote(unit.id, note)} />}
          {!readOnly && (
            <div className="flex gap-1">
              <button type="button" className="btn" aria-keyshortcuts={shortcutsOf('support')} onClick={() => actions.onStartLink('support', unit.id)}>
                {t('annotate.supports')}
              </button>
              <button type="button" className="btn" aria-keyshortcuts={shortcutsOf('attack')} onClick={() => actions.onStartLink('attack', unit.id)}>
                {t('annotate.attacks')}
              </button>
            </div>
          )}
          {relations.length > 0 && (
            <ul className="space-y-1" aria-label={t('annotate.relations')}>
              {relations.map((r) => (
                <RelationRow
                  key={r.id}
                  relation={r}
                  unitId={unit.id}
                  text={t(r.from.includes(unit.id) ? 'annotate.outgoing' : 'annotate.incoming', {
                    type: typeName(r.type),
                    // A linked argument's premises are named together; an undercutter names the
                    // argument it attacks.
                    quote: r.from.includes(unit.id) ? (relationById.has(r.to) ? argumentText(relationById.get(r.to)!) : quoteOf(r.to)) : r.from.map(quoteOf).join(' + '),
                  })}
                  selected={r.id === selectedRelationId}
                  quoteOf={quoteOf}
                  attacks={(undercutters.get(r.id) ?? noRelations).map((a) => a.from.map(quoteOf).join(' + '))}
                  readOnly={readOnly}
                  feedback={feedback}
                  details={detailsFor}
                  actions={actions}
                />
              ))}
            </ul>
          )}
          {feedback && <CommentThread feedback={feedback} kind="unit" id={unit.id} compose />}
        </div>
      )}
    </li>
  );
});
