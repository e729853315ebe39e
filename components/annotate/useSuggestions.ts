'use client';
// The workspace's side of the signposts (lib/signposts): the suggestions still open for this
// map, which one the caret is in, accepting (one ordinary operation: undone, saved and synced like
// any other) and dismissing (remembered in this browser per map), and painting the cues and the
// suggestion at hand as CSS highlights (a few dozen ranges: see components/editor/highlights.ts).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { ArgumentMap, Operation } from '@/lib/argument';
import type { TokenSpan } from '@/lib/tokens';
import { findSignposts } from '@/lib/signposts/match';
import { suggestUnits, type Suggestion } from '@/lib/signposts/suggest';
import { acceptOperation, openSuggestions, schemeLabel, suggestionKey } from '@/lib/signposts/accept';
import { clear, paint, rangesOf } from '../editor/highlights';
import type { PositionMap } from '../editor/positions';

const SIGNPOSTS = 'ronten-signpost';
const AT_HAND = 'ronten-suggestion';
const showKey = 'ronten:signposts';

export interface SuggestionsState {
  suggestions: readonly Suggestion[];
  /// Indices into `suggestions` still on offer, in text order.
  open: readonly number[];
  /// The open suggestion the caret is in (or the list points at), if any.
  atHand: number | undefined;
  point: (index: number | undefined) => void;
  showSignposts: boolean;
  setShowSignposts: (show: boolean) => void;
  accept: (index: number) => void;
  dismiss: (index: number) => void;
}

interface Input {
  enabled: boolean;
  text: string;
  tokens: readonly TokenSpan[];
  map: ArgumentMap;
  labelIds: readonly string[];
  mapId: string | null;
  caretOffset: number | null;
  editor: Editor | null;
  positions: PositionMap;
  run: (operations: Operation[], message?: string) => boolean;
  accepted: (s: Suggestion) => string;
}

const newId = (kind: 'unit' | 'relation') => `${kind === 'unit' ? 'u' : 'r'}-${crypto.randomUUID().slice(0, 8)}`;

export function useSuggestions({ enabled, text, tokens, map, labelIds, mapId, caretOffset, editor, positions, run, accepted }: Input): SuggestionsState {
  const { matches, suggestions } = useMemo(() => {
    if (!enabled) return { matches: [], suggestions: [] as Suggestion[] };
    return { matches: findSignposts(text, tokens).matches, suggestions: suggestUnits(text, tokens) };
  }, [enabled, text, tokens]);

  const dismissedKey = `ronten:dismissed:${mapId ?? 'none'}`;
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [showSignposts, setShow] = useState(false);
  useEffect(() => {
    try {
      setDismissed(new Set(JSON.parse(localStorage.getItem(dismissedKey) ?? '[]') as string[]));
      setShow(localStorage.getItem(showKey) === '1');
    } catch {
      // nothing remembered
    }
  }, [dismissedKey]);

  // A suggestion whose label the map's scheme lacks is not offered.
  const open = useMemo(
    () => openSuggestions(suggestions, map, dismissed).filter((i) => schemeLabel(suggestions[i], labelIds) !== undefined),
    [suggestions, map, dismissed, labelIds],
  );
  const [pointed, point] = useState<number | undefined>(undefined);
  const atCaret = useMemo(() => {
    if (caretOffset == null) return undefined;
    return open.find((i) => suggestions[i].start <= caretOffset && caretOffset < suggestions[i].end);
  }, [open, suggestions, caretOffset]);
  const atHand = pointed !== undefined && open.includes(pointed) ? pointed : atCaret;

  const view = editor?.view;
  useEffect(() => {
    if (!view) return;
    const ranges = rangesOf(view, positions);
    paint(
      view,
      new Map([
        [SIGNPOSTS, showSignposts ? matches.map((m) => ranges.range(m.start, m.end)) : []],
        [AT_HAND, atHand === undefined ? [] : [ranges.range(suggestions[atHand].start, suggestions[atHand].end)]],
      ]),
    );
  }, [view, positions, matches, showSignposts, atHand, suggestions]);
  useEffect(() => () => void (view && clear(view, [SIGNPOSTS, AT_HAND])), [view]);

  const setShowSignposts = useCallback((show: boolean) => {
    setShow(show);
    try {
      localStorage.setItem(showKey, show ? '1' : '0');
    } catch {
      // not remembered
    }
  }, []);

  const accept = useCallback(
    (index: number) => {
      const op = acceptOperation(suggestions, index, map, labelIds, newId);
      if (op && run([op], accepted(suggestions[index]))) point(undefined);
    },
    [suggestions, map, labelIds, run, accepted],
  );
  const dismiss = useCallback(
    (index: number) => {
      const next = new Set(dismissed).add(suggestionKey(suggestions[index]));
      setDismissed(next);
      point(undefined);
      try {
        localStorage.setItem(dismissedKey, JSON.stringify([...next]));
      } catch {
        // dismissed for this visit only
      }
    },
    [dismissed, suggestions, dismissedKey],
  );

  return { suggestions, open, atHand, point, showSignposts, setShowSignposts, accept, dismiss };
}
