'use client';
// A button for one command of the table (./commands): its name, its keys (aria-keyshortcuts),
// enabled when the command applies, and running it. Toolbars and the touch bar are lists of these.
import type { ReactNode } from 'react';
import { useT } from '../I18nProvider';
import { command, shortcutsOf, type CommandActions, type CommandId, type CommandState } from './commands';

interface Props {
  id: CommandId;
  state: CommandState;
  actions: CommandActions;
  className?: string;
  /// The visible name, when it is not the command's own (a label's name from the scheme).
  children?: ReactNode;
  pressed?: boolean;
}

export function CommandButton({ id, state, actions, className = 'btn', children, pressed }: Props) {
  const t = useT();
  const c = command(id);
  return (
    <button
      type="button"
      data-command={id}
      className={className}
      disabled={!c.enabled(state)}
      aria-keyshortcuts={shortcutsOf(id)}
      aria-pressed={pressed}
      onClick={() => c.perform?.(actions, state)}
    >
      {children ?? t(c.label)}
    </button>
  );
}
