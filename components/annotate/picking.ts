// What a pick means: the pure decisions behind selecting units and relations and making linked
// arguments, undercutters and added premises (issue 17's editing). The workspace
// (./useUnitEditing) keeps the state and runs the operations; this only decides.
//
// - The selection is a list of units in the order they were picked (Shift adds or takes one
//   away; the last is the one the unit commands act on) or one relation — never both.
// - S / A with units selected start link mode with all of them as premises: the next unit or
//   relation picked is the target, and one relation with every premise is made (a linked
//   argument when there are several). Shift-picks in link mode add or take away premises.
// - A with a relation selected starts undercut mode: units picked become the attackers of that
//   relation (a plain pick adds the last one and makes the attack; Shift-picks collect several).
// - P with a relation selected starts add-premise mode: the next unit picked joins its premises.
// Whether the result fits the map (a support aimed at a relation, a premise twice) is the
// model's to refuse (lib/argument/operations); the refusal is worded by `refusalKey`.
import type { OperationCode, Refusal, RelationType } from '@/lib/argument';
import type { MessageKey } from '@/lib/i18n/messages';

export type LinkMode =
  /// The premises are chosen; the next unit or relation picked is the target.
  | { kind: 'link'; type: RelationType; from: readonly string[] }
  /// The units picked attack relation `target`.
  | { kind: 'undercut'; target: string; from: readonly string[] }
  /// The next unit picked becomes one more premise of `relation`.
  | { kind: 'addPremise'; relation: string };

export interface Selection {
  /// In the order picked; the last is the focus (what the unit commands act on).
  units: readonly string[];
  relation: string | null;
}

export const noSelection: Selection = { units: [], relation: null };

/// A unit or relation picked in the text, the list or the map (null: a click on nothing).
/// `extend`: Shift was held (or the touch bar's "select several" is on).
export interface Picked {
  kind: 'unit' | 'relation';
  id: string | null;
  extend: boolean;
}

export type PickOutcome =
  /// The selection changes (link mode, if any, stays as it is).
  | { kind: 'select'; selection: Selection }
  /// Still picking, with these premises or attackers (null: link mode ends, none left).
  | { kind: 'mode'; mode: LinkMode | null; selection: Selection }
  /// Make one relation; on success link mode ends and `selection` is selected.
  | { kind: 'relate'; type: RelationType; from: string[]; to: string; selection: Selection }
  | { kind: 'addPremise'; relation: string; unit: string }
  | { kind: 'none' };

/// `ids` with `id` added at the end, or taken out when it is there.
export function toggled(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/// The unit the unit commands act on.
export function focusOf(selection: Selection): string | null {
  return selection.units.length ? selection.units[selection.units.length - 1] : null;
}

export function pick(selection: Selection, mode: LinkMode | null, picked: Picked): PickOutcome {
  const { kind, id, extend } = picked;
  if (!mode) {
    if (kind === 'relation') return { kind: 'select', selection: id ? { units: [], relation: id } : { ...selection, relation: null } };
    if (id === null) return extend ? { kind: 'none' } : { kind: 'select', selection: noSelection };
    return { kind: 'select', selection: { units: extend ? toggled(selection.units, id) : [id], relation: null } };
  }
  if (id === null) return { kind: 'none' };
  switch (mode.kind) {
    case 'link': {
      if (kind === 'unit' && extend) {
        const from = toggled(mode.from, id);
        return { kind: 'mode', mode: from.length ? { ...mode, from } : null, selection: { units: from, relation: null } };
      }
      // Aimed at a relation, an attack is an undercutter; a support is refused by the model.
      return { kind: 'relate', type: mode.type, from: [...mode.from], to: id, selection: { units: [...mode.from], relation: null } };
    }
    case 'undercut': {
      if (kind === 'relation') return { kind: 'none' };
      if (extend) {
        const from = toggled(mode.from, id);
        return { kind: 'mode', mode: { ...mode, from }, selection: { units: from, relation: mode.target } };
      }
      const from = mode.from.includes(id) ? [...mode.from] : [...mode.from, id];
      return { kind: 'relate', type: 'attack', from, to: mode.target, selection: { units: [], relation: mode.target } };
    }
    case 'addPremise':
      return kind === 'unit' ? { kind: 'addPremise', relation: mode.relation, unit: id } : { kind: 'none' };
  }
}

/// Ends undercut mode with the attackers collected so far (the prompt's "Done").
export function finishUndercut(mode: LinkMode | null): Extract<PickOutcome, { kind: 'relate' }> | null {
  if (mode?.kind !== 'undercut' || mode.from.length === 0) return null;
  return { kind: 'relate', type: 'attack', from: [...mode.from], to: mode.target, selection: { units: [], relation: mode.target } };
}

/// The mode S ('support'), A ('attack') or P ('addPremise') starts from this selection; null
/// when it starts none (S on a relation: backing is not allowed — `explainBacking`).
export function startMode(selection: Selection, command: RelationType | 'addPremise'): LinkMode | null {
  if (command === 'addPremise') return selection.relation ? { kind: 'addPremise', relation: selection.relation } : null;
  if (command === 'attack' && selection.relation) return { kind: 'undercut', target: selection.relation, from: [] };
  return selection.units.length ? { kind: 'link', type: command, from: [...selection.units] } : null;
}

/// What the selection shows while a mode is on: the premises (or attackers) chosen, and the
/// relation worked on.
export function modeSelection(mode: LinkMode): Selection {
  switch (mode.kind) {
    case 'link':
      return { units: [...mode.from], relation: null };
    case 'undercut':
      return { units: [...mode.from], relation: mode.target };
    case 'addPremise':
      return { units: [], relation: mode.relation };
  }
}

/// The model's refusals a user can run into while relating, by the message that words them.
const wordedCodes: Partial<Record<OperationCode, MessageKey>> = {
  backingNotAllowed: 'refusal.backingNotAllowed',
  lastPremise: 'refusal.lastPremise',
  repeatedPremise: 'refusal.repeatedPremise',
  undercutterCycle: 'refusal.undercutterCycle',
};

/// The message that words a refused edit: its refusal, else its model code when the user can
/// cause it by hand, else "changed meanwhile" (a stale edit: the map moved under it).
export function refusalKey(problem: { refusal?: Refusal; code?: OperationCode }): MessageKey {
  if (problem.refusal) return `refusal.${problem.refusal}`;
  return (problem.code && wordedCodes[problem.code]) || 'request.status.409';
}
