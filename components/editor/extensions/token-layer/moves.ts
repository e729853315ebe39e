// Which caret move a key asks for, and where the sentence and paragraph moves land. Pure (the
// page move measures the screen, so it lives in ./plugin).
//
// Keys (README "Annotating"): ←/→ and ↑/↓ step one word; Ctrl+←/→ (also ⌥+←/→ on macOS, where
// Ctrl+arrows usually switch desktops) step to the previous / next sentence start; Ctrl+↑/↓ (also
// ⌥+↑/↓ on macOS) to the previous / next paragraph start; PageUp/PageDown move a screenful with the view;
// Home/End go to the first / last word. Alt is not taken elsewhere: Alt+← is the browser's Back.
import type { TokenSpan as Token } from '@/lib/tokens/types';
import { isWordToken, stepWordToken, tokenIndexAt } from './tokenIndex';

export type CaretMove = { by: 'word' | 'sentence' | 'paragraph' | 'page'; step: 1 | -1 } | { by: 'edge'; step: 1 | -1 };

type MoveKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>;

const STEP: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/// The move `event` asks for, or null when it is not a caret key (Shift, which extends the
/// selection, does not change the move).
export function caretMove(event: MoveKey, mac: boolean): CaretMove | null {
  if (event.metaKey) return null;
  // Ctrl everywhere; ⌥ on macOS only, where Ctrl+arrows usually switch desktops.
  const jump = event.ctrlKey !== event.altKey && (event.ctrlKey || mac);
  const step = STEP[event.key];
  if (step) {
    if (jump) return { by: event.key === 'ArrowLeft' || event.key === 'ArrowRight' ? 'sentence' : 'paragraph', step };
    return event.ctrlKey || event.altKey ? null : { by: 'word', step };
  }
  if (event.ctrlKey || event.altKey) return null;
  if (event.key === 'PageDown' || event.key === 'PageUp') return { by: 'page', step: event.key === 'PageDown' ? 1 : -1 };
  if (event.key === 'Home' || event.key === 'End') return { by: 'edge', step: event.key === 'End' ? 1 : -1 };
  return null;
}

/// The first / last word token.
export function edgeWord(tokens: readonly Token[], step: 1 | -1): number {
  return step === 1 ? stepWordToken(tokens, tokens.length, -1) : stepWordToken(tokens, -1, 1);
}

/// The word a stop (a sentence or paragraph start offset) puts the caret on.
function wordAtStop(tokens: readonly Token[], offset: number): number {
  const index = tokenIndexAt(tokens, offset);
  return isWordToken(tokens[index]) ? index : stepWordToken(tokens, index, 1);
}

/// Where a sentence or paragraph move from `caret` lands, given the stops (sorted start
/// offsets). Forward: the next stop's first word, or the last word after the last stop; when
/// extending a selection (`toEnd`), the last word before the next stop instead, so Shift+Ctrl+→
/// selects to the end of the sentence, 。 included, and not the next sentence's first word.
/// Backward: the start of the caret's own sentence or paragraph, or the one before when the
/// caret is already there (as text editors do), or the first word. No caret: the first word.
export function stepToStop(tokens: readonly Token[], stops: readonly number[], caret: number | null, step: 1 | -1, toEnd = false): number {
  if (caret == null) return edgeWord(tokens, -1);
  if (step === 1) {
    for (let i = toEnd ? 1 : 0; i < stops.length; i++) {
      const word = wordAtStop(tokens, stops[i]);
      const target = toEnd ? stepWordToken(tokens, word, -1) : word;
      if (target > caret) return target;
    }
    return edgeWord(tokens, 1);
  }
  for (let i = stops.length - 1; i >= 0; i--) {
    const word = wordAtStop(tokens, stops[i]);
    if (word < caret) return word;
  }
  return edgeWord(tokens, -1);
}
