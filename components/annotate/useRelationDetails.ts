'use client';
// The edits the relation details panel (./RelationDetails) makes, each through the workspace's
// `run` (checked, applied, one undo step, saved, refusals shown): naming a scheme, answering its
// critical questions, the relation's note, an implicit unit's text, and adding an unstated
// premise — an implicit unit and its place among the relation's premises in ONE step, so one
// undo takes both away. Also which relation's "add unstated premise" field is open (the U
// command opens it). What to save and which label to give are ./relationView's decisions.
import { useMemo, useState } from 'react';
import { addImplicitUnitOp, addPremiseOp, answerCriticalQuestionOp, schemeById, setSchemeOp, updateRelationOp, updateUnitOp, type ArgumentMap, type Operation } from '@/lib/argument';
import { LIMITS } from '@/lib/argument/limits';
import type { Locale, Translate } from '@/lib/i18n/locale';
import { useStableHandlers } from '../useStableHandlers';
import type { CommitReason } from './DraftText';
import type { NoticeInput } from './Notices';
import { labelName, type LabelInfo } from './labels';
import { answerChange, implicitTextProblem, type ImplicitTextProblem } from './relationView';

export interface RelationDetailsActions {
  /// Shows (or, with null, hides) a relation's details in the unit list, keeping the unit open.
  onOpen(relationId: string | null): void;
  /// False when the map refused it.
  onScheme(relationId: string, scheme: string | null): boolean;
  onAnswer(relationId: string, question: string, draft: string, reason: CommitReason): void;
  onRelationNote(relationId: string, note: string): void;
  /// False when the text is refused (the field then shows the saved text again).
  onImplicitText(unitId: string, draft: string): boolean;
  /// Opens (or, with null, closes) the "add unstated premise" field of a relation.
  onCompose(relationId: string | null): void;
  /// Adds the premise; answers why not when its text is refused, 'refused' when the map was.
  onAddUnstated(relationId: string, text: string, label: string): ImplicitTextProblem | 'refused' | null;
}

/// What a details panel needs besides the map: the actions (stable) and what is open.
export interface RelationDetailsBinding extends RelationDetailsActions {
  readOnly: boolean;
  selectedRelationId: string | null;
  composing: string | null;
}

interface Options {
  t: Translate;
  locale: Locale;
  map: ArgumentMap;
  labels: readonly LabelInfo[];
  readOnly: boolean;
  selectedRelationId: string | null;
  setSelectedRelationId: (id: string | null) => void;
  run: (operations: Operation[], message?: string) => boolean;
  showNotice: (notice: NoticeInput) => void;
}

/// The words for a refused implicit text.
export function implicitTextRefusal(t: Translate, problem: ImplicitTextProblem): string {
  return problem === 'emptyImplicitText' ? t('details.refusal.emptyImplicitText') : t('details.refusal.implicitTextTooLong', { max: LIMITS.implicitTextChars });
}

export function useRelationDetails({ t, locale, map, labels, readOnly, selectedRelationId, setSelectedRelationId, run, showNotice }: Options) {
  const [composing, setComposing] = useState<string | null>(null);
  // The field belongs to the selected relation: choosing another (or none) closes it.
  if (composing !== null && composing !== selectedRelationId) setComposing(null);
  const relation = (id: string) => map.relations.find((r) => r.id === id);

  const actions = useStableHandlers<RelationDetailsActions>({
    onOpen: (relationId) => {
      setSelectedRelationId(relationId);
      if (relationId === null) setComposing(null);
    },
    onScheme: (relationId, scheme) => {
      const dropped = relation(relationId)?.criticalQuestions?.length ?? 0;
      const name = scheme === null ? '' : (schemeById(scheme)?.name[locale] ?? scheme);
      const message = scheme === null ? t('details.announce.schemeCleared') : dropped ? t('details.announce.schemeSetDropped', { scheme: name, n: dropped }) : t('details.announce.schemeSet', { scheme: name });
      return run([setSchemeOp(map, relationId, scheme)], message);
    },
    onAnswer: (relationId, question, draft, reason) => {
      const saved = relation(relationId)?.criticalQuestions?.find((a) => a.id === question)?.answer ?? null;
      const answer = answerChange(saved, draft);
      if (answer === undefined) return;
      // Said when the field is left or Ctrl+Enter pressed, not at each pause in typing.
      const message = reason === 'pause' ? undefined : t(answer === null ? 'details.announce.answerCleared' : 'details.announce.answerSaved');
      run([answerCriticalQuestionOp(map, relationId, question, answer)], message);
    },
    onRelationNote: (relationId, note) => run([updateRelationOp(map, relationId, { note })]),
    onImplicitText: (unitId, draft) => {
      const problem = implicitTextProblem(draft);
      if (problem) {
        showNotice({ tone: 'error', text: t('announce.refused', { reason: implicitTextRefusal(t, problem) }) });
        return false;
      }
      const unit = map.units.find((u) => u.id === unitId);
      const text = draft.trim();
      if (!unit || (unit.implicit && unit.text === text)) return true;
      return run([updateUnitOp(map, unitId, { text })]);
    },
    onCompose: (relationId) => setComposing(readOnly ? null : relationId),
    onAddUnstated: (relationId, text, label) => {
      const problem = implicitTextProblem(text);
      if (problem) return problem;
      const id = `u-${crypto.randomUUID().slice(0, 8)}`;
      const name = labelName(labels.find((l) => l.id === label), locale);
      // One action: undo removes the premise and the unit together.
      if (!run([addImplicitUnitOp(id, label, text), addPremiseOp(map, relationId, id)], t('details.announce.unstatedAdded', { label: name }))) return 'refused';
      setComposing(null);
      return null;
    },
  });

  const binding: RelationDetailsBinding = useMemo(() => ({ ...actions, readOnly, selectedRelationId, composing }), [actions, readOnly, selectedRelationId, composing]);
  return { binding, compose: actions.onCompose };
}
