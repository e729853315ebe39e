// Which caret move a key asks for, and where the sentence and paragraph moves land. Pure (the
// page move measures the screen, so it lives in ./plugin).
//
// Keys (README "Annotating"): ←/→ and ↑/↓ step one phrase (文節) — one morpheme when the reader
// chose morpheme precision, or with Alt (⌃⌥ on macOS, where ⌥ alone jumps by sentence); Ctrl+←/→ (also ⌥+←/→ on macOS, where
// Ctrl+arrows usually switch desktops) step to the previous / next sentence start; Ctrl+↑/↓ (also
// ⌥+↑/↓ on macOS) to the previous / next paragraph start; PageUp/PageDown move a screenful with the view;
// Home/End go to the first / last word. Alt is not taken elsewhere: Alt+← is the browser's Back.
// 縦書き (vertical-rl): the arrows turn with the text — ↓/↑ run along the column as →/← run
// along a line, and ←/→ go to the next / previous column (the next is to the left), to the word
// beside the caret there (measured: ./columns); Ctrl+↓/↑ step by sentence, Ctrl+←/→ by paragraph.
import type { TokenSpan as Token } from '@/lib/tokens/types';
import { phraseOf } from '@/lib/argument/snap';
import { isWordToken, stepWordToken, tokenIndexAt } from './tokenIndex';

/// A 'word' move steps by phrase, or by morpheme when `morpheme` is set (the modifier).
export type CaretMove =
  | { by: 'word'; step: 1 | -1; morpheme: boolean }
  | { by: 'sentence' | 'paragraph' | 'page'; step: 1 | -1 }
  | { by: 'edge'; step: 1 | -1 }
  /// 縦書き only: to the word beside the caret in the next / previous column.
  | { by: 'line'; step: 1 | -1; morpheme: boolean };

type MoveKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>;

const STEP: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/// In vertical-rl, which horizontal arrow each arrow acts as: along the column is along the line,
/// and the next column (to the left) is the next line (down).
const TURNED: Record<string, string> = { ArrowDown: 'ArrowRight', ArrowUp: 'ArrowLeft', ArrowLeft: 'ArrowDown', ArrowRight: 'ArrowUp' };

/// The move `event` asks for, or null when it is not a caret key (Shift, which extends the
/// selection, does not change the move). `vertical`: the essay is in 縦書き.
export function caretMove(event: MoveKey, mac: boolean, vertical = false): CaretMove | null {
  if (vertical && TURNED[event.key]) {
    const move = caretMove({ key: TURNED[event.key], ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey }, mac);
    // Horizontal text has no line moves (↑/↓ step by phrase there); across columns they are.
    const across = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
    return across && move?.by === 'word' ? { by: 'line', step: move.step, morpheme: move.morpheme } : move;
  }
  if (event.metaKey) return null;
  // Ctrl everywhere; ⌥ on macOS only, where Ctrl+arrows usually switch desktops.
  const jump = event.ctrlKey !== event.altKey && (event.ctrlKey || mac);
  const step = STEP[event.key];
  if (step) {
    if (jump) return { by: event.key === 'ArrowLeft' || event.key === 'ArrowRight' ? 'sentence' : 'paragraph', step };
    // Morpheme precision: Alt, or ⌃⌥ on macOS (both keys: ⌥ alone is the sentence jump there).
    const fine = mac ? event.ctrlKey && event.altKey : event.altKey && !event.ctrlKey;
    if (fine) return { by: 'word', step, morpheme: true };
    return event.ctrlKey || event.altKey ? null : { by: 'word', step, morpheme: false };
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

/// The first word of phrase `phrase` (or the phrase's first token when it holds no word).
export function phraseWord(tokens: readonly Token[], starts: readonly number[], phrase: number): number {
  const first = starts[phrase];
  if (isWordToken(tokens[first])) return first;
  const next = stepWordToken(tokens, first, 1);
  return next < starts[phrase + 1] ? next : first;
}

/// The last word of phrase `phrase` (trailing spaces and line breaks are not words).
function phraseLastWord(tokens: readonly Token[], starts: readonly number[], phrase: number): number {
  const last = starts[phrase + 1] - 1;
  if (isWordToken(tokens[last])) return last;
  const prev = stepWordToken(tokens, last, -1);
  return prev >= starts[phrase] ? prev : last;
}

/// Whether the phrase holds a word (a phrase of only a line break, at the text's start, does not).
function hasWord(tokens: readonly Token[], starts: readonly number[], phrase: number): boolean {
  return isWordToken(tokens[phraseWord(tokens, starts, phrase)]);
}

/// The nearest phrase with a word from `phrase` in direction `step`, or null.
function nextPhrase(tokens: readonly Token[], starts: readonly number[], phrase: number, step: 1 | -1): number | null {
  for (let p = phrase + step; p >= 0 && p < starts.length - 1; p += step) if (hasWord(tokens, starts, p)) return p;
  return null;
}

/// Where a phrase step takes the caret: the first word of the next phrase; backward, the start of
/// the caret's own phrase, or of the one before when the caret is there already. No caret: the
/// first word.
export function stepPhrase(tokens: readonly Token[], starts: readonly number[], caret: number | null, step: 1 | -1): number {
  if (caret == null) return edgeWord(tokens, -1);
  const own = phraseOf(starts, caret);
  if (step === -1 && caret > phraseWord(tokens, starts, own)) return phraseWord(tokens, starts, own);
  const p = nextPhrase(tokens, starts, own, step);
  return p == null ? caret : phraseWord(tokens, starts, p);
}

/// Shift+arrow by phrase: the selection is whole phrases [a, b] with the caret at one end; the
/// caret's end moves one phrase (a one-phrase selection grows in the direction of the step).
/// Returns the new caret and anchor, on words at the selection's ends.
export function extendByPhrase(
  tokens: readonly Token[],
  starts: readonly number[],
  selection: { caret: number; anchor: number | null },
  step: 1 | -1,
): { caret: number; anchor: number } {
  const { caret } = selection;
  const anchor = selection.anchor ?? caret;
  let a = phraseOf(starts, Math.min(caret, anchor));
  let b = phraseOf(starts, Math.max(caret, anchor));
  let high = a === b ? step === 1 : caret >= anchor;
  if (high) {
    const p = step === 1 ? nextPhrase(tokens, starts, b, 1) : b > a ? nextPhrase(tokens, starts, b, -1) : null;
    if (p != null) b = p;
  } else {
    const p = step === -1 ? nextPhrase(tokens, starts, a, -1) : a < b ? nextPhrase(tokens, starts, a, 1) : null;
    if (p != null) a = p;
  }
  if (a === b) high = step === 1;
  const lo = phraseWord(tokens, starts, a);
  const hi = phraseLastWord(tokens, starts, b);
  return high ? { caret: hi, anchor: lo } : { caret: lo, anchor: hi };
}

/// What a double tap on word `index` selects (as a double click does): its phrase, from its first
/// to its last word; the word alone when there are no phrases to go by (morpheme precision).
export function phraseAround(tokens: readonly Token[], starts: readonly number[] | null, index: number): { caret: number; anchor: number } {
  if (!starts || starts.length < 2) return { caret: index, anchor: index };
  const p = phraseOf(starts, index);
  return { anchor: phraseWord(tokens, starts, p), caret: phraseLastWord(tokens, starts, p) };
}

/// Shift+← / → in 縦書き by phrase: the selection runs from the anchor's phrase to the phrase of
/// `to` (the word beside the caret in the next or previous column), whole phrases, with the caret
/// at the end that moved.
export function extendToPhrase(
  tokens: readonly Token[],
  starts: readonly number[],
  selection: { caret: number; anchor: number | null },
  to: number,
): { caret: number; anchor: number } {
  const anchor = selection.anchor ?? selection.caret;
  const a = phraseOf(starts, anchor);
  const t = phraseOf(starts, to);
  return t >= a ? { anchor: phraseWord(tokens, starts, a), caret: phraseLastWord(tokens, starts, t) } : { anchor: phraseLastWord(tokens, starts, a), caret: phraseWord(tokens, starts, t) };
}
