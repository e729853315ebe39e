'use client';
// One relation in the unit list's open row (./UnitList): a button that selects it — then A or
// its "attack" button attacks it (an undercutter), P or "add premise" adds a premise — its type
// and delete controls, a linked argument's premises (each removable while there are two or more:
// the model keeps at least one, so a lone premise goes with the relation's own delete) and the
// attacks aimed at it; the selected one's details (./RelationDetails: scheme, critical questions,
// unstated premises) under it.
import type { ArgumentMap, Relation, RelationType } from '@/lib/argument';
import { useT } from '../I18nProvider';
import { RelationComments, type Feedback } from './Comments';
import { shortcutsOf } from './commands';
import { RelationDetails, relationDetailsId } from './RelationDetails';
import type { RelationDetailsBinding } from './useRelationDetails';
import type { LabelInfo } from './labels';
import { relationTypeKey } from '@/lib/i18n/locale';

export interface RelationActions {
  /// S / A from a unit's row (`from`: its unit), or on the selected relation (A: attack it).
  onStartLink: (type: RelationType, from?: string) => void;
  /// P: the next unit picked joins the selected relation's premises.
  onAddPremise: () => void;
  onRetype: (relationId: string, type: RelationType) => void;
  onRemoveRelation: (relationId: string) => void;
  onRemovePremise: (relationId: string, unit: string) => void;
  /// A relation picked in unit `anchor`'s row (which stays open).
  onSelectRelation: (relationId: string, anchor: string) => void;
}

interface RelationRowProps {
  relation: Relation;
  /// The unit whose row lists it.
  unitId: string;
  text: string;
  selected: boolean;
  quoteOf: (id: string) => string;
  /// The attackers of each attack aimed at this relation (undercutters).
  attacks: string[];
  readOnly: boolean;
  feedback: Feedback | null;
  /// The open row's relation details: shown under the selected relation.
  details?: { binding: RelationDetailsBinding; map: ArgumentMap; text: string; labels: readonly LabelInfo[] };
  actions: RelationActions;
}

export function RelationRow({ relation: r, unitId, text, selected, quoteOf, attacks, readOnly, feedback, details, actions }: RelationRowProps) {
  const t = useT();
  const expanded = selected && details !== undefined;
  return (
    <li data-relation-id={r.id} className="text-xs">
      <div className="flex items-center gap-1">
        <button
          type="button"
          lang="ja"
          aria-pressed={selected}
          className={`min-w-0 flex-1 truncate rounded px-1 text-left pointer-coarse:min-h-11 ${selected ? 'bg-sky-100 ring-1 ring-sky-600' : 'hover:bg-stone-100'}`}
          onClick={() => actions.onSelectRelation(r.id, unitId)}
        >
          {text}
        </button>
        {!readOnly && (
          <>
            <select aria-label={t('annotate.relationType')} value={r.type} onChange={(e) => actions.onRetype(r.id, e.target.value as RelationType)} className="rounded border border-stone-300">
              <option value="support">{t('annotate.relationSupport')}</option>
              <option value="attack">{t('annotate.relationAttack')}</option>
            </select>
            <button type="button" className="btn" aria-label={t('annotate.deleteRelation')} onClick={() => actions.onRemoveRelation(r.id)}>
              ×
            </button>
          </>
        )}
        {details && (
          <button
            type="button"
            className="btn"
            aria-expanded={expanded}
            aria-controls={expanded ? relationDetailsId(r.id) : undefined}
            aria-label={t('details.showNamed', { type: t(relationTypeKey(r.type)), quote: r.from.includes(unitId) ? quoteOf(r.to) : r.from.map(quoteOf).join(' + ') })}
            onClick={() => (expanded ? details.binding.onOpen(null) : actions.onSelectRelation(r.id, unitId))}
          >
            {t('details.show')}
          </button>
        )}
      </div>
      {/* Next in tab order after the Details button that opens it. */}
      {expanded && <RelationDetails map={details.map} text={details.text} labels={details.labels} relationId={r.id} binding={details.binding} />}
      {selected && !readOnly && (
        <div className="ml-3 mt-0.5 flex gap-1">
          <button type="button" className="btn px-1.5 py-0" aria-keyshortcuts={shortcutsOf('attack')} onClick={() => actions.onStartLink('attack')}>
            {t('annotate.attackRelation')}
          </button>
          <button type="button" className="btn px-1.5 py-0" aria-keyshortcuts={shortcutsOf('addPremise')} onClick={actions.onAddPremise}>
            {t('annotate.addPremise')}
          </button>
        </div>
      )}
      {r.from.length > 1 && (
        <ul className="ml-3 mt-0.5 space-y-0.5" aria-label={t('annotate.premises', { n: r.from.length })}>
          {r.from.map((p) => (
            <li key={p} data-premise-id={p} className="flex items-center gap-1">
              <span lang="ja" className="min-w-0 flex-1 truncate">
                {t('annotate.premiseItem', { quote: quoteOf(p) })}
              </span>
              {!readOnly && (
                <button type="button" className="btn px-1 py-0" aria-label={t('annotate.removePremise', { quote: quoteOf(p) })} onClick={() => actions.onRemovePremise(r.id, p)}>
                  −
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {attacks.map((quote, i) => (
        <p key={i} lang="ja" className="ml-3 mt-0.5 truncate text-[#b34700]">
          {t('annotate.undercutBy', { quote })}
        </p>
      ))}
      {feedback && <RelationComments feedback={feedback} relationId={r.id} />}
    </li>
  );
}
