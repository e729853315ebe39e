'use client';
// The editor's keys: each key event goes to the command table (./commands), which decides what
// it does; this hook only says where keys come from — the workspace, and the page itself when
// nothing in particular has focus (after a dialog closed) — and leaves typing alone.
import { useEffect } from 'react';
import { useStableHandlers } from '../useStableHandlers';
import { runKey, type CommandActions, type CommandState, type KeyLike } from './commands';

type KeyEvent = KeyLike & Pick<KeyboardEvent, 'target' | 'preventDefault'>;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && ((target.isContentEditable && target.getAttribute('contenteditable') === 'true') || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/// The unit of the list row whose own button (not a control inside it) has the key.
const rowUnitOf = (target: EventTarget | null) => (target instanceof HTMLElement && target.dataset.unitPick) || null;

/// `state` without `inEssay` and `rowUnit`: those are read from each event (is its target
/// `essay()`, or a unit row's button?).
export function useCommandKeys(state: Omit<CommandState, 'inEssay' | 'rowUnit'>, actions: CommandActions, essay: () => Element | null) {
  const { onKeyDown } = useStableHandlers({
    onKeyDown: (event: KeyEvent) => {
      if (isTyping(event.target)) return;
      if (runKey(event, { ...state, inEssay: event.target !== null && event.target === essay(), rowUnit: rowUnitOf(event.target) }, actions)) event.preventDefault();
    },
  });
  useEffect(() => {
    const onBodyKey = (event: KeyboardEvent) => {
      if (event.target === document.body) onKeyDown(event);
    };
    window.addEventListener('keydown', onBodyKey);
    return () => window.removeEventListener('keydown', onBodyKey);
  }, [onKeyDown]);
  return onKeyDown;
}
