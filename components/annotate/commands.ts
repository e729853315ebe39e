// The one table of the editor's commands (the pattern of excalidraw's actions): each command's
// id, keys, when it applies and what it does, and the message that names it. The keyboard
// handler, the toolbar and touch-bar buttons, every `aria-keyshortcuts` and the keyboard help
// below the essay all read this table; nothing else lists keys.
//
// Pure data and functions: the workspace supplies the state (CommandState) and the actions
// (CommandActions); a command only decides whether it applies and which action it runs.
// The caret moves are listed for the help (and their keys checked against the token layer's
// caretMove in the tests): the token layer performs them, inside ProseMirror's key handling.
import type { MessageKey } from '@/lib/i18n/messages';
import { labelKeys } from './labels';

/// What the commands read of the workspace.
export interface CommandState {
  readOnly: boolean;
  /// A snapped token range is selected (not only the caret).
  span: boolean;
  /// The essay has a word caret.
  caret: boolean;
  /// The key was pressed in the essay (Space and Enter act on the caret only there).
  inEssay: boolean;
  /// The unit whose list row the key was pressed in (read from each key event, as inEssay).
  rowUnit: string | null;
  /// The selected unit (of several, the last picked: the unit commands act on it).
  unit: { id: string; label: string } | null;
  /// A relation is selected (in the map or the list).
  relation: boolean;
  /// Link mode: the next unit (or relation) picked becomes a relation's target, premise or
  /// attacker.
  linking: boolean;
  /// Picks add to the selection, as with Shift (the touch bar's "select several").
  several: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /// The scheme's label that can be the main claim, if any.
  claimLabel: string | null;
  /// How many labels the scheme has (1–8): label commands past it do not apply.
  labelCount: number;
  /// The caret is in a suggested unit (lib/signposts) still on offer.
  suggestion: boolean;
}

/// What the commands do, supplied by the workspace.
export interface CommandActions {
  /// Labels the selection as the scheme's label `index`, or relabels the selected unit.
  label(index: number): void;
  /// S / A: the selected units become the premises of a relation to the next pick; A with a
  /// relation selected attacks it (an undercutter).
  startLink(type: 'support' | 'attack'): void;
  /// Says why S did nothing on a relation (a support cannot target a relation).
  explainBacking(): void;
  /// P: the next unit picked becomes a premise of the selected relation.
  startAddPremise(): void;
  /// Adds the unit at the caret (null) or of list row `rowUnit` to the selection, or takes it out.
  extendSelection(rowUnit: string | null): void;
  /// Turns "select several" (touch's Shift) on or off.
  toggleSeveral(): void;
  toggleMainClaim(): void;
  /// Says why M did nothing (the unit is not a claim).
  explainMainClaim(): void;
  /// Deletes the selected relation, else the selected unit.
  remove(): void;
  moveEdge(edge: 'start' | 'end', step: 1 | -1): void;
  undo(): void;
  redo(): void;
  /// Tells that there is nothing to undo or redo (a key pressed with an empty history).
  nothingTo(direction: 'undo' | 'redo'): void;
  /// Selects the word at the caret (the start of a Shift+move selection).
  pickWord(): void;
  /// Selects the unit at the caret.
  selectAtCaret(): void;
  /// Accepts, or dismisses, the suggestion the caret is in.
  acceptSuggestion(): void;
  dismissSuggestion(): void;
  /// Opens the selected relation's "add unstated premise" field (./RelationDetails).
  addUnstatedPremise(): void;
  /// Leaves link mode, else drops the selected range, else the selected units or relation.
  cancel(): void;
}

export type CommandId =
  | `label${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`
  | 'support'
  | 'attack'
  | 'mainClaim'
  | 'delete'
  | 'growStart'
  | 'shrinkStart'
  | 'shrinkEnd'
  | 'growEnd'
  | 'undo'
  | 'redo'
  | 'pickWord'
  | 'selectAtCaret'
  | 'acceptSuggestion'
  | 'dismissSuggestion'
  | 'addUnstated'
  | 'cancel'
  | 'extendSelection'
  | 'addPremise'
  | 'several'
  | 'moveWord'
  | 'moveSentence'
  | 'moveParagraph'
  | 'movePage'
  | 'moveEdge'
  | 'extend';

export interface Command {
  id: CommandId;
  /// Keys in `aria-keyshortcuts` syntax (modifiers Control, Shift, Alt, Meta; "Space"). None
  /// for a button only (touch's "select several": a keyboard has Shift); the help leaves it out.
  keys: readonly string[];
  /// How many of `keys` the help shows (the rest are alternatives: ⌘ for Ctrl, Backspace).
  shownKeys?: number;
  /// The command's name (on its buttons, and in the help unless `help` is given).
  label: MessageKey;
  help?: MessageKey;
  enabled(state: CommandState): boolean;
  /// Absent for the caret moves, which the token layer performs.
  perform?(actions: CommandActions, state: CommandState): void;
  /// What a key does when the command does not apply; true when it did something.
  whenDisabled?(actions: CommandActions, state: CommandState): boolean;
}

const editable = (s: CommandState) => !s.readOnly;
const hasUnit = (s: CommandState) => !s.readOnly && s.unit !== null;

function labelCommand(k: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8): Command {
  return {
    id: `label${k}`,
    keys: [String(k)],
    label: 'command.label',
    enabled: (s) => !s.readOnly && k <= s.labelCount && (s.span || s.unit !== null || s.caret),
    perform: (a) => a.label(k - 1),
  };
}

const caretMove = (id: CommandId, keys: string[], label: MessageKey): Command => ({ id, keys, label, enabled: (s) => s.caret });

/// Every command, in the order the help lists them.
export const commands: readonly Command[] = [
  caretMove('moveWord', ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], 'command.moveWord'),
  caretMove('moveSentence', ['Control+ArrowLeft', 'Control+ArrowRight'], 'command.moveSentence'),
  caretMove('moveParagraph', ['Control+ArrowUp', 'Control+ArrowDown'], 'command.moveParagraph'),
  caretMove('movePage', ['PageUp', 'PageDown'], 'command.movePage'),
  caretMove('moveEdge', ['Home', 'End'], 'command.moveEdge'),
  caretMove('extend', ['Shift+ArrowLeft', 'Shift+ArrowRight'], 'command.extend'),
  { id: 'pickWord', keys: ['Space'], label: 'command.pickWord', enabled: (s) => s.caret && s.inEssay, perform: (a) => a.pickWord() },
  ...([1, 2, 3, 4, 5, 6, 7, 8] as const).map(labelCommand),
  { id: 'selectAtCaret', keys: ['Enter'], label: 'command.selectAtCaret', enabled: (s) => s.caret && s.inEssay, perform: (a) => a.selectAtCaret() },
  {
    id: 'extendSelection',
    keys: ['Shift+Enter'],
    label: 'command.extendSelection',
    enabled: (s) => (s.caret && s.inEssay) || s.rowUnit !== null,
    perform: (a, s) => a.extendSelection(s.inEssay ? null : s.rowUnit),
  },
  {
    id: 'several',
    keys: [],
    label: 'annotate.selectSeveral',
    enabled: editable,
    perform: (a) => a.toggleSeveral(),
  },
  {
    id: 'support',
    keys: ['S'],
    label: 'annotate.supports',
    help: 'command.support',
    enabled: hasUnit,
    perform: (a) => a.startLink('support'),
    whenDisabled: (a, s) => editable(s) && s.relation && (a.explainBacking(), true),
  },
  { id: 'attack', keys: ['A'], label: 'annotate.attacks', help: 'command.attack', enabled: (s) => hasUnit(s) || (editable(s) && s.relation), perform: (a) => a.startLink('attack') },
  { id: 'addPremise', keys: ['P'], label: 'annotate.addPremise', help: 'command.addPremise', enabled: (s) => editable(s) && s.relation && !s.linking, perform: (a) => a.startAddPremise() },
  {
    id: 'mainClaim',
    keys: ['M'],
    label: 'annotate.mainClaim',
    enabled: (s) => hasUnit(s) && s.unit!.label === s.claimLabel,
    perform: (a) => a.toggleMainClaim(),
    whenDisabled: (a, s) => {
      if (!hasUnit(s)) return false;
      a.explainMainClaim();
      return true;
    },
  },
  { id: 'growStart', keys: ['['], label: 'annotate.growStart', enabled: hasUnit, perform: (a) => a.moveEdge('start', -1) },
  { id: 'growEnd', keys: [']'], label: 'annotate.growEnd', enabled: hasUnit, perform: (a) => a.moveEdge('end', 1) },
  { id: 'shrinkStart', keys: ['Shift+['], label: 'annotate.shrinkStart', enabled: hasUnit, perform: (a) => a.moveEdge('start', 1) },
  { id: 'shrinkEnd', keys: ['Shift+]'], label: 'annotate.shrinkEnd', enabled: hasUnit, perform: (a) => a.moveEdge('end', -1) },
  {
    id: 'delete',
    keys: ['Delete', 'Backspace'],
    shownKeys: 1,
    label: 'annotate.delete',
    enabled: (s) => !s.readOnly && (s.unit !== null || s.relation),
    perform: (a) => a.remove(),
  },
  {
    id: 'undo',
    keys: ['Control+Z', 'Meta+Z'],
    shownKeys: 1,
    label: 'annotate.undo',
    enabled: (s) => editable(s) && s.canUndo,
    perform: (a) => a.undo(),
    whenDisabled: (a, s) => editable(s) && (a.nothingTo('undo'), true),
  },
  {
    id: 'redo',
    keys: ['Control+Shift+Z', 'Meta+Shift+Z', 'Control+Y'],
    shownKeys: 1,
    label: 'annotate.redo',
    enabled: (s) => editable(s) && s.canRedo,
    perform: (a) => a.redo(),
    whenDisabled: (a, s) => editable(s) && (a.nothingTo('redo'), true),
  },
  { id: 'acceptSuggestion', keys: ['Y'], label: 'suggest.accept', help: 'command.acceptSuggestion', enabled: (s) => !s.readOnly && s.suggestion, perform: (a) => a.acceptSuggestion() },
  { id: 'dismissSuggestion', keys: ['N'], label: 'suggest.dismiss', help: 'command.dismissSuggestion', enabled: (s) => !s.readOnly && s.suggestion, perform: (a) => a.dismissSuggestion() },
  { id: 'addUnstated', keys: ['U'], label: 'details.addUnstated', help: 'command.addUnstated', enabled: (s) => !s.readOnly && s.relation, perform: (a) => a.addUnstatedPremise() },
  { id: 'cancel', keys: ['Escape'], label: 'annotate.cancel', enabled: (s) => s.linking || s.span || s.unit !== null || s.relation, perform: (a) => a.cancel() },
];

const byId = new Map(commands.map((c) => [c.id, c]));

export function command(id: CommandId): Command {
  return byId.get(id)!;
}

/// The `aria-keyshortcuts` value of a command (undefined: it has no keys).
export function shortcutsOf(id: CommandId): string | undefined {
  return command(id).keys.join(' ') || undefined;
}

/// What the key handler reads of a key event: React's and the DOM's both fit.
export type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/// Shift+[ types { on US and Japanese (JIS) layouts alike: keys go by the character.
const shifted: Record<string, string> = { '[': '{', ']': '}' };

/// Whether a key event is the key `spec` names (aria-keyshortcuts syntax).
export function matchesKey(spec: string, e: KeyLike): boolean {
  const parts = spec.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  if (e.ctrlKey !== mods.has('Control') || e.metaKey !== mods.has('Meta') || e.altKey !== mods.has('Alt')) return false;
  // A digit by its place too: on some layouts (AZERTY) the digits need Shift.
  if (/^[0-9]$/.test(key)) return !e.shiftKey && (e.key === key || e.code === `Digit${key}`);
  const shift = mods.has('Shift');
  if (shift && shifted[key] && e.key === shifted[key]) return true;
  if (e.shiftKey !== shift) return false;
  if (key === 'Space') return e.key === ' ';
  return key.length === 1 ? e.key.toLowerCase() === key.toLowerCase() : e.key === key;
}

/// The command a key event asks for (caret moves excluded: the token layer has them).
export function commandForKey(e: KeyLike): Command | null {
  for (const c of commands) if (c.perform && c.keys.some((k) => matchesKey(k, e))) return c;
  return null;
}

/// Runs the command a key asks for; true when the key did something (the caller then stops the
/// browser's default).
export function runKey(e: KeyLike, state: CommandState, actions: CommandActions): boolean {
  const c = commandForKey(e);
  if (!c) return false;
  if (c.enabled(state)) {
    c.perform!(actions, state);
    return true;
  }
  return c.whenDisabled?.(actions, state) ?? false;
}

const glyphs: Record<string, string> = {
  Control: 'Ctrl',
  Meta: '⌘',
  Escape: 'Esc',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

/// A key as the help shows it: "Ctrl+←".
export function keyText(spec: string): string {
  return spec
    .split('+')
    .map((p) => glyphs[p] ?? p)
    .join('+');
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/// The help's entries, one per command: the keys as shown, and what they do. The label commands
/// make one entry, for the scheme's `labelCount` labels ("1–4: label").
export function helpEntries(labelCount: number, t: Translate): Array<{ keys: string; what: string }> {
  const entries: Array<{ keys: string; what: string }> = [];
  for (const c of commands) {
    if (c.keys.length === 0) continue;
    if (c.id.startsWith('label')) {
      if (c.id !== 'label1') continue;
      entries.push({ keys: labelKeys(labelCount, t), what: t(c.label) });
      continue;
    }
    const shown = c.keys.slice(0, c.shownKeys ?? c.keys.length);
    entries.push({ keys: shown.map(keyText).join('/'), what: t(c.help ?? c.label) });
  }
  return entries;
}

/// The help as one line of text (the essay's description for screen readers, and shown below it).
export function helpText(labelCount: number, t: Translate): string {
  return helpEntries(labelCount, t)
    .map((e) => t('command.helpItem', e))
    .join(t('command.helpJoin'));
}
