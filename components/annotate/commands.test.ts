import { describe, expect, it, vi } from 'vitest';
import { catalog, format } from '@/lib/i18n/messages';
import { caretMove } from '../editor/extensions/token-layer/moves';
import { commandForKey, commands, helpText, matchesKey, runKey, shortcutsOf, type CommandActions, type CommandState, type KeyLike } from './commands';

/// A key event from an aria-keyshortcuts spec, as a US keyboard types it.
function keyEvent(spec: string): KeyLike {
  const parts = spec.split('+');
  const name = parts.pop()!;
  const shift = parts.includes('Shift');
  const key = name === 'Space' ? ' ' : shift && name === '[' ? '{' : shift && name === ']' ? '}' : name.length === 1 ? (shift ? name.toUpperCase() : name.toLowerCase()) : name;
  return { key, code: /^[0-9]$/.test(name) ? `Digit${name}` : '', shiftKey: shift, ctrlKey: parts.includes('Control'), metaKey: parts.includes('Meta'), altKey: parts.includes('Alt') };
}

const idle: CommandState = {
  readOnly: false,
  span: false,
  caret: false,
  inEssay: false,
  rowUnit: null,
  unit: null,
  relation: false,
  linking: false,
  several: false,
  canUndo: false,
  canRedo: false,
  claimLabel: 'claim',
  labelCount: 4,
  suggestion: false,
};

function spyActions() {
  return {
    label: vi.fn(),
    startLink: vi.fn(),
    explainBacking: vi.fn(),
    startAddPremise: vi.fn(),
    extendSelection: vi.fn(),
    toggleSeveral: vi.fn(),
    toggleMainClaim: vi.fn(),
    explainMainClaim: vi.fn(),
    remove: vi.fn(),
    moveEdge: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    nothingTo: vi.fn(),
    pickWord: vi.fn(),
    selectAtCaret: vi.fn(),
    acceptSuggestion: vi.fn(),
    dismissSuggestion: vi.fn(),
    addUnstatedPremise: vi.fn(),
    cancel: vi.fn(),
  } satisfies CommandActions;
}

describe('the command table', () => {
  it('names every command in Japanese and English', () => {
    for (const c of commands) {
      for (const key of [c.label, c.help ?? c.label]) {
        expect(catalog.ja[key], `${c.id} ${key}`).toBeTruthy();
        expect(catalog.en[key], `${c.id} ${key}`).toBeTruthy();
      }
    }
  });

  it('has unique ids and gives every key to one command only', () => {
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length);
    const keys = commands.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
    // No key event is claimed by two commands either (matching is looser than the spec strings).
    for (const c of commands) {
      for (const k of c.keys) {
        const claimants = commands.filter((o) => o.keys.some((ok) => matchesKey(ok, keyEvent(k))));
        expect(claimants.map((o) => o.id), k).toEqual([c.id]);
      }
    }
  });

  it('finds each command by each of its keys; the caret moves are the token layer’s', () => {
    for (const c of commands) {
      for (const k of c.keys) {
        if (c.perform) expect(commandForKey(keyEvent(k))?.id, k).toBe(c.id);
        else {
          expect(commandForKey(keyEvent(k)), k).toBeNull();
          expect(caretMove(keyEvent(k), false), k).not.toBeNull();
        }
      }
    }
  });

  it('reads keys by the character: Shift+[ is {, digits by their place, letters in either case', () => {
    expect(commandForKey({ ...keyEvent('Shift+['), key: '{' })?.id).toBe('shrinkStart');
    expect(commandForKey({ ...keyEvent('['), key: '[' })?.id).toBe('growStart');
    expect(commandForKey({ key: '&', code: 'Digit1', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false })?.id).toBe('label1');
    expect(commandForKey({ ...keyEvent('S'), key: 'S' })?.id).toBe('support');
    expect(commandForKey({ ...keyEvent('Control+Z'), key: 'z' })?.id).toBe('undo');
    expect(commandForKey({ ...keyEvent('Control+Shift+Z'), key: 'Z' })?.id).toBe('redo');
    expect(commandForKey(keyEvent('Control+S'))).toBeNull();
    expect(shortcutsOf('undo')).toBe('Control+Z Meta+Z');
  });

  it('runs a command only when it applies', () => {
    const cases: Array<[string, Partial<CommandState>, keyof CommandActions | null]> = [
      ['1', {}, null],
      ['1', { span: true }, 'label'],
      ['4', { unit: { id: 'u', label: 'evidence' } }, 'label'],
      ['5', { span: true }, null], // a four-label scheme
      ['1', { span: true, readOnly: true }, null],
      ['S', {}, null],
      ['S', { unit: { id: 'u', label: 'claim' } }, 'startLink'],
      ['M', { unit: { id: 'u', label: 'claim' } }, 'toggleMainClaim'],
      ['M', { unit: { id: 'u', label: 'evidence' } }, 'explainMainClaim'],
      ['Delete', { relation: true }, 'remove'],
      ['Delete', {}, null],
      ['Space', { caret: true }, null],
      ['Space', { caret: true, inEssay: true }, 'pickWord'],
      ['Enter', { caret: true, inEssay: false }, null],
      ['Control+Z', { canUndo: true }, 'undo'],
      ['Control+Z', {}, 'nothingTo'],
      ['Control+Z', { readOnly: true, canUndo: true }, null],
      ['Escape', {}, null],
      ['Escape', { linking: true }, 'cancel'],
      ['Y', { suggestion: true }, 'acceptSuggestion'],
      ['N', { suggestion: true }, 'dismissSuggestion'],
      ['Y', {}, null],
      ['N', { suggestion: true, readOnly: true }, null],
      // Linked arguments, undercutters and premises (issue 17).
      ['Shift+Enter', { caret: true, inEssay: true }, 'extendSelection'],
      ['Shift+Enter', { rowUnit: 'u' }, 'extendSelection'],
      ['Shift+Enter', { caret: true }, null],
      ['A', { relation: true }, 'startLink'],
      ['A', { relation: true, readOnly: true }, null],
      ['S', { relation: true }, 'explainBacking'],
      ['S', { relation: true, readOnly: true }, null],
      ['P', { relation: true }, 'startAddPremise'],
      ['P', { unit: { id: 'u', label: 'claim' } }, null],
      ['P', { relation: true, linking: true }, null],
      ['Escape', { relation: true }, 'cancel'],
      ['U', { relation: true }, 'addUnstatedPremise'],
      ['U', { unit: { id: 'u', label: 'claim' } }, null],
      ['U', { relation: true, readOnly: true }, null],
    ];
    for (const [key, state, expected] of cases) {
      const actions = spyActions();
      const handled = runKey(keyEvent(key), { ...idle, ...state }, actions);
      const called = Object.entries(actions).filter(([, f]) => f.mock.calls.length > 0).map(([name]) => name);
      expect(called, `${key} ${JSON.stringify(state)}`).toEqual(expected ? [expected] : []);
      expect(handled).toBe(expected !== null);
    }
  });

  it('passes the label’s index and the edge moves’ directions', () => {
    const actions = spyActions();
    const s = { ...idle, unit: { id: 'u', label: 'claim' } };
    runKey(keyEvent('3'), s, actions);
    runKey(keyEvent('['), s, actions);
    runKey(keyEvent('Shift+]'), s, actions);
    expect(actions.label).toHaveBeenCalledWith(2);
    expect(actions.moveEdge.mock.calls).toEqual([
      ['start', -1],
      ['end', -1],
    ]);
  });

  it('Shift+Enter acts on the caret in the essay, on its row in the list', () => {
    const actions = spyActions();
    runKey(keyEvent('Shift+Enter'), { ...idle, caret: true, inEssay: true, rowUnit: null }, actions);
    runKey(keyEvent('Shift+Enter'), { ...idle, caret: true, rowUnit: 'u7' }, actions);
    expect(actions.extendSelection.mock.calls).toEqual([[null], ['u7']]);
  });

  it('"select several" is a button only: no keys, left out of the help, no aria-keyshortcuts', () => {
    const several = commands.find((c) => c.id === 'several')!;
    expect(several.keys).toEqual([]);
    expect(shortcutsOf('several')).toBeUndefined();
    const actions = spyActions();
    several.perform!(actions, idle);
    expect(actions.toggleSeveral).toHaveBeenCalledOnce();
    expect(several.enabled({ ...idle, readOnly: true })).toBe(false);
    expect(helpText(4, (k, p) => format(catalog.en, k, p ?? {}))).not.toContain(catalog.en['annotate.selectSeveral']);
  });

  it('writes the keyboard help from the table, in both languages', () => {
    const ja = helpText(6, (k, p) => format(catalog.ja, k, p ?? {}));
    expect(ja).toContain('1〜6: ラベルを付ける・付け替える');
    expect(ja).toContain('Ctrl+Z: 元に戻す');
    expect(ja).toContain('S: 支持の関係を作る');
    expect(ja).toContain('P: 選んだ関係に前提を追加');
    expect(ja).toContain('Shift+Enter: カーソル位置');
    expect(ja).toContain('U: 選んだ関係に本文にない前提を補う');
    const en = helpText(1, (k, p) => format(catalog.en, k, p ?? {}));
    expect(en).toContain('1: label, or relabel');
    expect(en).toContain('Ctrl+←/Ctrl+→: by sentence');
    expect(en).not.toContain('Backspace');
  });
});
