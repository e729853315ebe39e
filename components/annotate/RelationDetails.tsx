'use client';
// The details of one relation, shown beside it: in the unit list under the relation's line, and
// under the map when its edge is selected. Its type, its premises in order (quoted; an implicit
// one marked 「本文にない」), its target (a unit, or for an undercutter the inference it
// attacks), its note; for a support the argumentation scheme and its critical questions
// (./SchemeQuestions); and "add unstated premise" (./UnstatedPremise). What it shows is
// ./relationView's description; what it changes goes through the binding
// (./useRelationDetails).
import { memo, useRef } from 'react';
import type { ArgumentMap } from '@/lib/argument';
import { relationTypeKey } from '@/lib/i18n/locale';
import { useLocale, useT } from '../I18nProvider';
import { shortcutsOf } from './commands';
import { DraftText } from './DraftText';
import { labelClass, labelName, type LabelInfo } from './labels';
import { describeRelation, type UnitEnd } from './relationView';
import { SchemeQuestions } from './SchemeQuestions';
import { UnstatedPremise } from './UnstatedPremise';
import type { RelationDetailsBinding } from './useRelationDetails';

interface Props {
  map: ArgumentMap;
  text: string;
  labels: readonly LabelInfo[];
  relationId: string;
  binding: RelationDetailsBinding;
}

export const RelationDetails = memo(function RelationDetails({ map, text, labels, relationId, binding }: Props) {
  const t = useT();
  const locale = useLocale();
  const addButton = useRef<HTMLButtonElement>(null);
  const d = describeRelation(map, relationId, text, locale);
  if (!d) return null;
  const { readOnly } = binding;
  const headingId = `${relationDetailsId(relationId)}-heading`;
  const quote = (end: UnitEnd) => t('details.quote', { quote: end.quote });
  const quotes = (ends: UnitEnd[]) => ends.map(quote).join(t('details.premiseJoin'));
  const composing = binding.composing === relationId;
  return (
    <section id={relationDetailsId(relationId)} aria-labelledby={headingId} data-relation-details={relationId} className="space-y-2 rounded-md border border-stone-300 bg-stone-50 p-2 text-sm">
      <h3 id={headingId} className="font-semibold text-stone-800">
        {t('details.heading')}
      </h3>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-1">
        <dt className="text-stone-500">{t('details.type')}</dt>
        <dd>{t(relationTypeKey(d.type))}</dd>
        <dt className="text-stone-500">{t(d.type === 'support' ? 'details.from.support' : 'details.from.attack')}</dt>
        <dd>
          <ol className="space-y-0.5" data-testid="relation-premises">
            {d.premises.map((p) => (
              <li key={p.id} data-premise-id={p.id}>
                <EndText end={p} labels={labels} quote={quote(p)} />
              </li>
            ))}
          </ol>
        </dd>
        <dt className="text-stone-500">{t('details.target')}</dt>
        <dd data-testid="relation-target" lang="ja">
          {d.target.kind === 'unit' ? (
            <EndText end={d.target.unit} labels={labels} quote={quote(d.target.unit)} />
          ) : d.target.to ? (
            t('details.targetInference', { from: quotes(d.target.from), to: quote(d.target.to) })
          ) : (
            t('details.targetInferenceOther', { from: quotes(d.target.from) })
          )}
        </dd>
      </dl>
      {readOnly ? (
        d.relation.note && <p className="text-stone-700">{d.relation.note}</p>
      ) : (
        <DraftText value={d.relation.note} label={t('details.relationNote')} onCommit={(note) => binding.onRelationNote(relationId, note)} />
      )}
      {d.type === 'support' && <SchemeQuestions relationId={relationId} description={d} binding={binding} />}
      {!readOnly && (
        <div>
          <button
            ref={addButton}
            type="button"
            className="btn"
            aria-keyshortcuts={shortcutsOf('addUnstated')}
            aria-expanded={composing}
            onClick={() => binding.onCompose(composing ? null : relationId)}
          >
            {t('details.addUnstated')}
          </button>
          {composing && <UnstatedPremise relation={d.relation} map={map} labels={labels} binding={binding} onClosed={() => addButton.current?.focus()} />}
        </div>
      )}
    </section>
  );
});

/// The panel's element id (a disclosure button's aria-controls).
export const relationDetailsId = (relationId: string) => `relation-details-${relationId}`;

/// A premise or target: its label, its quote, and whether it is in the text.
function EndText({ end, labels, quote }: { end: UnitEnd; labels: readonly LabelInfo[]; quote: string }) {
  const locale = useLocale();
  return (
    <>
      {end.label && (
        <span className={`label-chip mr-1 ${labelClass(labels, end.label)}`} data-label={end.label}>
          {labelName(labels.find((l) => l.id === end.label), locale)}
        </span>
      )}
      {end.implicit && <ImplicitMark />}
      <span lang="ja" className="font-serif text-stone-800">
        {quote}
      </span>
    </>
  );
}

/// The dashed mark of a unit that is not in the text (the list and the panel).
export function ImplicitMark() {
  const t = useT();
  return (
    <span data-implicit-mark className="mr-1 inline-block rounded border border-dashed border-stone-600 px-1 text-xs text-stone-700">
      {t('details.notInText')}
    </span>
  );
}
