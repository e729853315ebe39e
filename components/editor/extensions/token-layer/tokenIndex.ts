// Finds tokens by canonical offset. Tokens are contiguous and sorted, so binary search suffices.
import type { TokenSpan } from '@/lib/tokens/types';
import { widenToPhrases } from '@/lib/argument/snap';

/// Index of the token containing `offset` (start ≤ offset < end); the last token for the end.
export function tokenIndexAt(tokens: readonly Pick<TokenSpan, 'start'>[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/// Whitespace tokens (spaces, line breaks) are not words: the caret and hover skip them.
export function isWordToken(token: TokenSpan): boolean {
  return token.surface.trim() !== '';
}

/// The next word token from `index` in direction `step` (±1), or `index` when there is none.
export function stepWordToken(tokens: readonly TokenSpan[], index: number, step: 1 | -1): number {
  for (let i = index + step; i >= 0 && i < tokens.length; i += step) {
    if (isWordToken(tokens[i])) return i;
  }
  return index;
}

/// The tokens [first, last] the caret shows, and the live region names: from the caret to the
/// last word of its phrase (`phrases`: phrase starts as token indices, then the token count), or
/// the caret's own token when there are no phrases to go by (morpheme precision) or the move
/// that put it there held the modifier (`morpheme`, Alt+arrows).
export function caretTokens(tokens: readonly TokenSpan[], phrases: readonly number[] | null, caret: number, morpheme = false): { first: number; last: number } {
  if (morpheme || !phrases || phrases.length < 2) return { first: caret, last: caret };
  let last = widenToPhrases(phrases, caret, caret).last;
  while (last > caret && !isWordToken(tokens[last])) last--;
  return { first: caret, last };
}
