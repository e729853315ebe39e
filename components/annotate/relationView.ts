// What the relation details panel (./RelationDetails) shows and decides, as pure functions: a
// relation described for reading (premises in order, quoted, implicit ones marked; the target a
// unit or, for an undercutter, the inference it attacks), the scheme picker's choices, the
// critical questions with their answers and which are still open, what a changed answer field
// means (save, clear, or nothing), the label an unstated premise gets, and why its text is
// refused. The panel only renders these and runs the operations they name.
//
// Invariants: questions come in the catalogue's order (lib/argument/schemes), answers matched by
// question id; an answer is saved trimmed and a blank one is never saved (it clears the answer,
// as answerCriticalQuestion requires); the label chosen is always one of the map's labels.
import { isImplicit, schemeById, schemes, unitText, type ArgumentMap, type ArgumentUnit, type Relation, type RelationType } from '@/lib/argument';
import { labelRoles } from '@/lib/argument/hints';
import { LIMITS } from '@/lib/argument/limits';
import type { Locale } from '@/lib/i18n/locale';

/// One end of a relation as the panel names it.
export interface UnitEnd {
  id: string;
  label: string;
  quote: string;
  /// Not in the text: a reconstructed (implicit) unit.
  implicit: boolean;
}

export type RelationTarget =
  | { kind: 'unit'; unit: UnitEnd }
  /// An undercutter's target: the inference from `from` to `to` (`to` null when that relation
  /// itself aims at a relation: "another inference").
  | { kind: 'inference'; id: string; from: UnitEnd[]; to: UnitEnd | null };

export interface CriticalQuestionView {
  id: string;
  question: string;
  /// null: still open.
  answer: string | null;
}

export interface RelationDescription {
  relation: Relation;
  type: RelationType;
  premises: UnitEnd[];
  target: RelationTarget;
  /// The scheme's name in the locale, when the relation names one.
  schemeName: string | null;
  questions: CriticalQuestionView[];
  /// How many of `questions` are unanswered.
  open: number;
}

function unitEnd(unit: ArgumentUnit | undefined, id: string, text: string): UnitEnd {
  if (!unit) return { id, label: '', quote: id, implicit: false };
  return { id, label: unit.label, quote: unitText(unit, text), implicit: isImplicit(unit) };
}

/// The relation `id` of `map` described for the panel, or null when there is no such relation.
export function describeRelation(map: ArgumentMap, id: string, text: string, locale: Locale): RelationDescription | null {
  const relation = map.relations.find((r) => r.id === id);
  if (!relation) return null;
  const units = new Map(map.units.map((u) => [u.id, u]));
  const end = (unitId: string) => unitEnd(units.get(unitId), unitId, text);
  const attacked = map.relations.find((r) => r.id === relation.to);
  const target: RelationTarget = attacked
    ? { kind: 'inference', id: attacked.id, from: attacked.from.map(end), to: units.has(attacked.to) ? end(attacked.to) : null }
    : { kind: 'unit', unit: end(relation.to) };
  const scheme = relation.scheme === undefined ? undefined : schemeById(relation.scheme);
  const answers = new Map((relation.criticalQuestions ?? []).map((a) => [a.id, a.answer]));
  const questions = (scheme?.criticalQuestions ?? []).map((q) => ({ id: q.id, question: q[locale], answer: answers.get(q.id) ?? null }));
  return {
    relation,
    type: relation.type,
    premises: relation.from.map(end),
    target,
    schemeName: scheme ? scheme.name[locale] : (relation.scheme ?? null),
    questions,
    open: questions.filter((q) => q.answer === null).length,
  };
}

/// The scheme picker's options in the catalogue's order, named in the locale ('' is "none").
export function schemeOptions(locale: Locale): Array<{ id: string; name: string }> {
  return schemes.map((s) => ({ id: s.id, name: s.name[locale] }));
}

/// What an answer field's draft asks for, against the saved answer: a string to save (trimmed),
/// null to clear the answer, undefined when nothing changes.
export function answerChange(saved: string | null, draft: string): string | null | undefined {
  const value = draft.trim();
  if (value === '') return saved === null ? undefined : null;
  return value === saved ? undefined : value;
}

/// The label an unstated premise of `relation` gets unless the user picks another: a support's
/// premise is evidence-like (the scheme's evidence role, its second label); an attack's takes
/// the label of the attack's first premise (a co-premise of a counterargument is one too).
/// Falls back to the evidence role, then the scheme's first label.
export function unstatedPremiseLabel(relation: Pick<Relation, 'type' | 'from'>, map: Pick<ArgumentMap, 'units'>, labelIds: readonly string[]): string {
  const roles = labelRoles(labelIds);
  if (relation.type === 'attack') {
    const first = map.units.find((u) => u.id === relation.from[0]);
    if (first && labelIds.includes(first.label)) return first.label;
  }
  return roles.evidence ?? roles.claim ?? '';
}

/// Why an implicit unit's text is refused (the model's code, lib/argument/operations), or null.
/// Whitespace around it is trimmed, not refused.
export type ImplicitTextProblem = 'emptyImplicitText' | 'implicitTextTooLong';

export function implicitTextProblem(text: string): ImplicitTextProblem | null {
  const value = text.trim();
  if (value === '') return 'emptyImplicitText';
  return value.length > LIMITS.implicitTextChars ? 'implicitTextTooLong' : null;
}
