// What the polite live region says when the word caret moves, so a screen-reader user hears the
// text: what the caret shows — the rest of its phrase (文節) by default, its morpheme in morpheme
// precision or after an Alt move (caretTokens) — with its reading once (when it differs from the
// text; furigana are drawn without alternative text, so they add none) and the units covering it,
// innermost first, with the main claim named; while Shift extends a selection, the selection.
// Said after the keys stop for a moment (DELAY), so a held arrow key does not queue a word per
// repeat; said only when the caret or the selection moved, not when a unit is added under it
// (the workspace says that). A caret that lands where the readings have not loaded yet (a jump
// from the list or the map) waits for them, up to READING_WAIT, so the reading is said too.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TextUnit } from '@/lib/argument';
import type { Locale, Translate } from '@/lib/i18n/messages';
import type { TokenSpan } from '@/lib/tokens/types';
import { unitsAt } from '../editor/extensions/unit-layer';
import { caretTokens, type TokenSelection } from '../editor/extensions/token-layer';
import { labelName, type LabelInfo } from './labels';

/// Quiet time after the last caret move before it is announced (key repeat is ~30 ms apart).
export const DELAY = 250;
/// How long a rested caret waits for its reading before it is said without one.
export const READING_WAIT = 1500;

export interface CaretContext {
  t: Translate;
  locale: Locale;
  text: string;
  tokens: readonly TokenSpan[];
  /// Phrase starts as token indices, then the token count; null in morpheme precision.
  phrases: readonly number[] | null;
  /// The readings of the tokens the caret shows (caretTokens), once their details have arrived
  /// (they load by chunk).
  caretReadings: readonly string[] | null;
  /// The caret's token details (its readings) are still loading.
  detailsPending?: boolean;
  units: readonly TextUnit[];
  labels: readonly LabelInfo[];
  mainClaimId: string | null;
}

const shorten = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/// The sentence for a caret position (null: nothing to say).
export function caretAnnouncement({ t, locale, text, tokens, phrases, caretReadings, units, labels, mainClaimId }: CaretContext, selection: TokenSelection): string | null {
  if (selection.caret == null) return null;
  const token = tokens[selection.caret];
  if (selection.anchor != null) {
    const [a, b] = [tokens[Math.min(selection.anchor, selection.caret)], tokens[Math.max(selection.anchor, selection.caret)]];
    return t('annotate.selection', { quote: shorten(text.slice(a.start, b.end)) });
  }
  const shown = caretTokens(tokens, phrases, selection.caret, selection.morpheme);
  const surface = text.slice(token.start, tokens[shown.last].end);
  const reading = caretReadings && caretReadings.length === shown.last - shown.first + 1 ? readingOf(tokens, shown.first, caretReadings) : null;
  const word = reading && reading !== surface ? t('announce.caret', { word: surface, reading }) : surface;
  const here = unitsAt(units, token.start);
  if (here.length === 0) return word;
  const list = here
    .map((u) => {
      const label = labelName(labels.find((l) => l.id === u.label), locale);
      return u.id === mainClaimId ? t('announce.unitMain', { label }) : label;
    })
    .join(t('announce.listJoin'));
  return word + t('announce.listJoin') + t('announce.caretIn', { list });
}

/// The reading of tokens first, first + 1, … from theirs; a token without one (an unknown word,
/// a symbol) reads as written.
function readingOf(tokens: readonly TokenSpan[], first: number, readings: readonly string[]): string {
  return readings.map((r, i) => r || tokens[first + i].surface).join('');
}

/// Announces the caret through `say` (the workspace's live region) once it rests. `current` is
/// what the region says now: when something else is said meanwhile (an action's result), the
/// pending caret announcement is dropped rather than said over it.
export function useCaretAnnouncement(ctx: CaretContext, selection: TokenSelection, current: string, say: (text: string) => void) {
  const latest = useRef(ctx);
  useLayoutEffect(() => {
    latest.current = ctx;
  });
  const said = useRef<TokenSelection>({ caret: null, anchor: null });
  const saying = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /// A rested caret waiting for its reading.
  const waiting = useRef<TokenSelection | null>(null);
  const announce = useRef<(at: TokenSelection) => void>(() => {});
  useLayoutEffect(() => {
    announce.current = (at: TokenSelection) => {
      waiting.current = null;
      saying.current = caretAnnouncement(latest.current, at);
      if (saying.current) say(saying.current);
    };
  });
  useEffect(() => {
    const before = said.current;
    // A cleared selection with the caret in place is a unit being added: not a move.
    if (selection.caret === before.caret && (selection.anchor == null || selection.anchor === before.anchor)) {
      said.current = selection;
      return;
    }
    waiting.current = null;
    timer.current = setTimeout(() => {
      said.current = selection;
      if (selection.anchor == null && latest.current.detailsPending) {
        waiting.current = selection;
        timer.current = setTimeout(() => announce.current(selection), READING_WAIT);
      } else announce.current(selection);
    }, DELAY);
    return () => clearTimeout(timer.current);
  }, [selection]);
  // The reading arrived for the caret that waits for it: say it now.
  const pending = ctx.detailsPending ?? false;
  useEffect(() => {
    if (!pending && waiting.current) {
      clearTimeout(timer.current);
      announce.current(waiting.current);
    }
  }, [pending]);
  useEffect(() => {
    if (current !== saying.current) {
      clearTimeout(timer.current);
      waiting.current = null;
    }
  }, [current]);
}
