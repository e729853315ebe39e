'use client';
// The "pick the target" prompt of S / A (link mode): shown next to the unit being related, where
// the user is looking — under its last line, or above it when there is no room below — and
// pinned to the top of the viewport while that unit is off screen (it may be far down the text,
// and the target is picked elsewhere). A polite status, so it is announced as it appears.
// Placed with position: fixed from the unit's viewport box, measured again on scroll and resize.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface LinkPromptProps {
  /// The viewport boxes of the unit being related, one per line (empty: not measurable).
  locate: () => readonly DOMRect[];
  /// The top of the area the prompt may sit in beside the unit (below the sticky toolbar).
  minTop?: number;
  children: ReactNode;
}

type Place = { pinned: true } | { pinned: false; left: number; top: number };

const gap = 8;
const edge = 8;

/// Where the prompt goes for a unit whose last line is `line`, in a viewport of the given size.
export function placeLinkPrompt(line: Pick<DOMRect, 'left' | 'top' | 'bottom'> | undefined, size: { width: number; height: number }, viewport: { width: number; height: number }, minTop: number): Place {
  if (!line) return { pinned: true };
  const left = Math.max(edge, Math.min(line.left, viewport.width - size.width - edge));
  const below = line.bottom + gap;
  const above = line.top - gap - size.height;
  // The line itself must be on screen, and the prompt must fit beside it.
  if (line.bottom <= minTop || line.top >= viewport.height) return { pinned: true };
  if (below + size.height <= viewport.height) return { pinned: false, left, top: below };
  if (above >= minTop) return { pinned: false, left, top: above };
  return { pinned: true };
}

export function LinkPrompt({ locate, minTop = 56, children }: LinkPromptProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [place, setPlace] = useState<Place>({ pinned: true });
  const locateRef = useRef(locate);
  useLayoutEffect(() => {
    locateRef.current = locate;
  });

  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const lines = locateRef.current();
      const next = placeLinkPrompt(lines[lines.length - 1], { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }, minTop);
      setPlace((prev) => (prev.pinned === next.pinned && (next.pinned || (!prev.pinned && prev.left === next.left && prev.top === next.top)) ? prev : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true, capture: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
    };
  }, [minTop]);

  return (
    <p
      ref={ref}
      role="status"
      data-testid="link-prompt"
      data-pinned={place.pinned ? '' : undefined}
      className={`fixed z-40 flex w-fit max-w-[min(40rem,92vw)] items-center gap-3 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900 shadow-lg ${place.pinned ? 'inset-x-0 top-2 mx-auto' : ''}`}
      style={place.pinned ? undefined : { left: place.left, top: place.top }}
    >
      {children}
    </p>
  );
}
