'use client';
// Touch on the essay. A tap on a word selects it, snapped to the morpheme (the mouse's press
// only places the caret there; a finger cannot then drag without scrolling the page); a second
// tap on it soon after (a double tap) selects its phrase (文節), as a double click does — its
// morpheme in morpheme precision; a tap beside the words drops the selection. In link mode a tap picks the unit under it (the
// workspace's click handler, as for the mouse). A long press on a unit selects it, which opens
// its actions in the label bar; pressed again it moves to the next unit around that place.
// Also says whether the last input was a touch, so the workspace shows the touch controls.
import { useEffect, useRef } from 'react';
import type { EditorView } from '@tiptap/pm/view';
import type { TextUnit } from '@/lib/argument';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../../editor/positions';
import { isWordToken, setTokenSelection } from '../../editor/extensions/token-layer';
import { phraseAround } from '../../editor/extensions/token-layer/moves';
import { readingOptions } from '../readingOptions';
import { pickUnitAt } from '../../editor/extensions/unit-layer';
import { wordAt } from './wordAt';

/// How long a still finger makes a long press, and how far it may drift meanwhile.
const LONG_PRESS_MS = 500;
const SLOP_PX = 10;
/// How soon and how near a second tap makes a double tap (Android's double-tap timeout, and a
/// fingertip's width).
const DOUBLE_TAP_MS = 300;
const DOUBLE_TAP_PX = 24;

interface Options {
  frameRef: React.RefObject<HTMLDivElement | null>;
  view: () => EditorView | null;
  positions: PositionMap;
  tokens: readonly TokenSpan[];
  /// Phrase starts as token indices, then the token count.
  phrases: readonly number[];
  units: readonly TextUnit[];
  selectedId: string | null;
  linking: boolean;
  onTouching: (touching: boolean) => void;
  /// A unit chosen (long press), or none (a tap beside the words).
  onUnit: (id: string | null) => void;
}

export function useTouchGestures(options: Options) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const frame = options.frameRef.current;
    if (!frame) return;
    let press: { id: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | null = null;
    /// A long press took this touch: the click that may follow it is not a tap.
    let longPressed = false;
    let lastPointer = '';
    /// The last tap that selected a word: a second one soon and near is a double tap.
    let lastTap: { time: number; x: number; y: number } | null = null;

    const stop = () => {
      if (press) clearTimeout(press.timer);
      press = null;
    };
    const longPress = (x: number, y: number) => {
      press = null;
      const { view, positions, units, selectedId, onUnit } = latest.current;
      const v = view();
      const hit = v?.posAtCoords({ left: x, top: y });
      const unit = hit ? pickUnitAt(units, positions.toOffset(hit.pos), selectedId) : null;
      if (!v || !unit) return;
      longPressed = true;
      setTokenSelection(v, { caret: null, anchor: null });
      onUnit(unit.id);
    };
    // A touch anywhere brings the touch controls; a mouse pressed on the text, the mouse's.
    const onAnyDown = (e: PointerEvent) => {
      lastPointer = e.pointerType;
      if (e.pointerType === 'touch') latest.current.onTouching(true);
    };
    /// The selection's handles (and whatever else sits in the frame) have gestures of their own.
    const onText = (e: Event) => !(e.target instanceof Element && e.target.closest('[data-handle], [role="toolbar"]'));
    const onDown = (e: PointerEvent) => {
      stop();
      if (!onText(e)) return;
      if (e.pointerType !== 'touch') return latest.current.onTouching(false);
      if (!e.isPrimary) return;
      longPressed = false;
      const { clientX: x, clientY: y } = e;
      press = { id: e.pointerId, x, y, timer: setTimeout(() => longPress(x, y), LONG_PRESS_MS) };
    };
    const onMove = (e: PointerEvent) => {
      if (press && e.pointerId === press.id && Math.hypot(e.clientX - press.x, e.clientY - press.y) > SLOP_PX) stop();
    };
    const onClick = (e: MouseEvent) => {
      const touch = ((e as PointerEvent).pointerType || lastPointer) === 'touch';
      if (!touch || !onText(e)) return;
      if (longPressed) {
        longPressed = false;
        e.stopPropagation();
        return;
      }
      const { view, positions, tokens, phrases, linking, onUnit } = latest.current;
      const v = view();
      // In link mode the tap picks the target (the workspace's click handler).
      if (!v || linking) return;
      e.stopPropagation();
      const index = wordAt(v, positions, tokens, e.clientX, e.clientY);
      const tap = { time: e.timeStamp, x: e.clientX, y: e.clientY };
      // Chromium counts taps in the click's detail too; the time and place are the fallback.
      const double = e.detail === 2 || (lastTap != null && tap.time - lastTap.time <= DOUBLE_TAP_MS && Math.hypot(tap.x - lastTap.x, tap.y - lastTap.y) <= DOUBLE_TAP_PX);
      if (index != null && isWordToken(tokens[index])) {
        // A third tap starts over: a word again.
        lastTap = double ? null : tap;
        const byPhrase = double && readingOptions().precision === 'phrase';
        setTokenSelection(v, byPhrase ? phraseAround(tokens, phrases, index) : { caret: index, anchor: index });
        onUnit(null);
      } else {
        lastTap = null;
        setTokenSelection(v, { caret: null, anchor: null });
        onUnit(null);
      }
    };
    // The browser's own long-press menu and text selection would cover the label bar.
    const onMenu = (e: Event) => {
      if (lastPointer === 'touch') e.preventDefault();
    };
    window.addEventListener('pointerdown', onAnyDown, true);
    frame.addEventListener('pointerdown', onDown);
    frame.addEventListener('pointermove', onMove);
    frame.addEventListener('pointerup', stop);
    frame.addEventListener('pointercancel', stop);
    frame.addEventListener('click', onClick);
    frame.addEventListener('contextmenu', onMenu);
    // Says the gestures are listening: this layer is a chunk loaded after the editor shows, and a
    // tap before it lands is a mouse's press (a caret, no label bar). The e2e touch helpers wait
    // for it.
    frame.dataset.gestures = 'touch';
    return () => {
      delete frame.dataset.gestures;
      stop();
      window.removeEventListener('pointerdown', onAnyDown, true);
      frame.removeEventListener('pointerdown', onDown);
      frame.removeEventListener('pointermove', onMove);
      frame.removeEventListener('pointerup', stop);
      frame.removeEventListener('pointercancel', stop);
      frame.removeEventListener('click', onClick);
      frame.removeEventListener('contextmenu', onMenu);
    };
  }, [options.frameRef]);
}
