// How unit boxes look: the stylesheet of the unit layer's shadow root (./marks).
//
// The boxes live in a shadow root so that the page's styles do not reach them: Tailwind's reset
// styles every element and its ::before and ::after, which made each of the hundreds of boxes on
// a screen cost about twice the style work. Colours are the page's --slot-<k> variables
// (app/globals.css, the same as the map's), which inherit into the shadow tree.
//
// Overlapping and nested units stack their tints. Each slot has its own line besides its colour
// — solid, dotted, wavy, dashed, double, then the same over and under the text for slots 5–7 —
// and a nested unit's line sits lower by its nesting depth (--depth), so each stays visible —
// down to depth 2 only: the essay's line spacing leaves room for three lines under the text, and
// a deeper line would run into the next line's text. Deeper units share depth 2's line; their
// tints still stack.
// The tint covers the text (the content box); the line is the bottom border, below the padding.
// The main claim keeps its label's tint and line and is framed besides (an outline all round, in
// ink, not a colour): no label draws a frame, so it cannot be taken for one.
// In 縦書き (the layer's data-vertical) the same lines run down the left of the column — the side
// away from the furigana, which sit on the right — and nest further left; "over" lines go right.
import { SLOT_COUNT } from '@/components/annotate/labels';

/// The class of a box for a label slot (null: a label outside the scheme).
export function slotClass(slot: number | null): string {
  return slot === null ? 'slot-other' : `slot-${slot}`;
}

const slotColours = Array.from({ length: SLOT_COUNT }, (_, k) => `.slot-${k} { --unit: var(--slot-${k}); --unit-edge: var(--slot-${k}-edge); }`).join('\n');

const wave = `url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='8' height='5'><path d='M0 2.5 Q2 0.5 4 2.5 T8 2.5' fill='none' stroke='%23d55e00' stroke-width='1.6'/></svg>")`;
const waveDown = `url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='5' height='8'><path d='M2.5 0 Q0.5 2 2.5 4 T2.5 8' fill='none' stroke='%23d55e00' stroke-width='1.6'/></svg>")`;
const v = ':host([data-vertical])';

export const unitMarkCss = `
.block { position: absolute; left: 0; top: 0; width: 0; height: 0; contain: layout style; }
.unit-mark {
  position: absolute;
  --line: solid;
  --wave: 0px;
  padding-bottom: calc(min(var(--depth, 0), 2) * 4px + var(--wave));
  background: color-mix(in srgb, var(--unit) 11%, transparent) content-box;
  border-bottom: 2px var(--line) var(--unit-edge);
}
${slotColours}
.slot-other { --unit: var(--slot-other); --unit-edge: var(--slot-other); }
.slot-1, .slot-7 { --line: dotted; }
.slot-3, .slot-6 { --line: dashed; }
.slot-2 {
  --wave: 5px;
  border-bottom: 0;
  background: linear-gradient(color-mix(in srgb, var(--unit) 11%, transparent)) content-box, ${wave} left bottom / 8px 5px repeat-x padding-box;
}
.slot-4, .slot-other { --line: double; border-bottom-width: 4px; }
.slot-5, .slot-6, .slot-7 { border-top: 2px var(--line) var(--unit-edge); margin-top: -2px; }
.unit-mark.is-main { outline: 2px solid #1c1917; outline-offset: 1px; border-radius: 2px; }
.unit-mark.is-emphasized { --wave: 0px; background: color-mix(in srgb, #56b4e9 38%, transparent) content-box; border-bottom: 2px solid var(--unit-edge); }
.unit-mark.is-selected { --wave: 0px; background: color-mix(in srgb, #56b4e9 45%, transparent) content-box; border-bottom: 3px solid #1c1917; }
${v} .unit-mark {
  --edge-width: 2px;
  --pad: calc(min(var(--depth, 0), 2) * 4px + var(--wave));
  padding-bottom: 0;
  border-bottom: 0;
  padding-left: var(--pad);
  border-left: var(--edge-width) var(--line) var(--unit-edge);
  margin-left: calc(-1 * (var(--edge-width) + var(--pad)));
}
${v} .slot-2 { --edge-width: 0px; border-left: 0; background: linear-gradient(color-mix(in srgb, var(--unit) 11%, transparent)) content-box, ${waveDown} left top / 5px 8px repeat-y padding-box; }
${v} .slot-4, ${v} .slot-other { --edge-width: 4px; }
${v} .slot-5, ${v} .slot-6, ${v} .slot-7 { border-top: 0; margin-top: 0; border-right: 2px var(--line) var(--unit-edge); }
${v} .unit-mark.is-emphasized { --edge-width: 2px; border-bottom: 0; border-left: 2px solid var(--unit-edge); background: color-mix(in srgb, #56b4e9 38%, transparent) content-box; }
${v} .unit-mark.is-selected { --edge-width: 3px; border-bottom: 0; border-left: 3px solid #1c1917; background: color-mix(in srgb, #56b4e9 45%, transparent) content-box; }
`;
