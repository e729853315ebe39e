// How labels look and are named in the UI. A scheme has 1–8 labels with ids the instructor
// chose, so looks go by a label's POSITION in its scheme (its slot, 0..7), never by its id: any
// scheme gets distinct looks, and an id can never collide with a CSS class name. The default
// scheme (claim, evidence, counterargument, rebuttal) takes slots 0–3.
// Colours are the eight Okabe–Ito colours (distinguishable with the common colour-vision
// deficiencies); each slot also has its own line style in the text
// (../editor/extensions/unit-layer/looks) and its own node outline in the map
// (../map/nodeShape), so colour is never the only cue.
import type { Locale, MessageKey } from '@/lib/i18n/messages';

export interface LabelInfo {
  id: string;
  ja: string;
  en: string;
}

export function labelName(label: LabelInfo | undefined, locale: Locale): string {
  return label ? label[locale] : '?';
}

/// The keys that pick a label (1 to the scheme's size; the workspace maps digit k to label k),
/// as the shortcut help says them: "1" alone, else a range in the locale's style.
export function labelKeys(count: number, t: (key: MessageKey, params: { n: number }) => string): string {
  return count <= 1 ? '1' : t('annotate.labelKeyRange', { n: count });
}

/// How many slots have a look of their own (a scheme's most labels: lib/classroom/schemas).
export const SLOT_COUNT = 8;

/// The slot of a label in its scheme, or null for an id the scheme does not have (or one past
/// the slots), which gets the neutral look.
export function labelSlot(labels: readonly { id: string }[], id: string): number | null {
  const i = labels.findIndex((l) => l.id === id);
  return i >= 0 && i < SLOT_COUNT ? i : null;
}

/// The CSS class giving a label's colours (--unit, --unit-ink, --unit-edge: labelColorCss).
export function labelClass(labels: readonly { id: string }[], id: string): string {
  const slot = labelSlot(labels, id);
  return slot === null ? 'label-other' : `label-slot-${slot}`;
}

export interface SlotColors {
  /// The Okabe–Ito colour: chips, buttons, tints.
  fill: string;
  /// Text on the fill, keeping WCAG AA for small text (≥ 4.5:1): white on the dark fills,
  /// near-black on the others (white on bluish green is only 3.42:1).
  ink: string;
  /// Lines on white (underlines, outlines): the fill, or a darker shade of it where the fill
  /// itself is under 3:1 against white.
  edge: string;
}

const dark = '#0c0a09';
const white = '#ffffff';

/// The one table of label colours. The page's CSS variables and .label-slot-* rules are generated
/// from it (labelColorCss → app/label-colors.css, `npm run gen:label-css`); SVG exports use it
/// inline.
export const slotColors: readonly SlotColors[] = [
  { fill: '#0072b2', ink: white, edge: '#0072b2' }, // blue
  { fill: '#009e73', ink: dark, edge: '#009e73' }, // bluish green
  { fill: '#d55e00', ink: dark, edge: '#d55e00' }, // vermillion
  { fill: '#cc79a7', ink: dark, edge: '#cc79a7' }, // reddish purple
  { fill: '#000000', ink: white, edge: '#000000' }, // black
  { fill: '#e69f00', ink: dark, edge: '#a16f00' }, // orange
  { fill: '#56b4e9', ink: dark, edge: '#3c7ea3' }, // sky blue
  { fill: '#f0e442', ink: dark, edge: '#847d24' }, // yellow
];
export const otherColors: SlotColors = { fill: '#57534e', ink: white, edge: '#57534e' };

/// The stylesheet of label colours: --slot-<k>, --slot-<k>-edge, --slot-<k>-ink and --slot-other*
/// on :root, and .label-slot-<k> / .label-other setting --unit, --unit-edge and --unit-ink.
export function labelColorCss(): string {
  const vars = [
    ...slotColors.map((c, k) => `  --slot-${k}: ${c.fill}; --slot-${k}-edge: ${c.edge}; --slot-${k}-ink: ${c.ink};`),
    `  --slot-other: ${otherColors.fill}; --slot-other-edge: ${otherColors.edge}; --slot-other-ink: ${otherColors.ink};`,
  ];
  const rules = [
    ...slotColors.map((_, k) => `.label-slot-${k} { --unit: var(--slot-${k}); --unit-edge: var(--slot-${k}-edge); --unit-ink: var(--slot-${k}-ink); }`),
    '.label-other { --unit: var(--slot-other); --unit-edge: var(--slot-other-edge); --unit-ink: var(--slot-other-ink); }',
  ];
  return `/* Generated from components/annotate/labels.ts (slotColors) by \`npm run gen:label-css\`: do not edit. */\n:root {\n${vars.join('\n')}\n}\n${rules.join('\n')}\n`;
}

export function colorsOfSlot(slot: number | null): SlotColors {
  return slot === null ? otherColors : (slotColors[slot] ?? otherColors);
}
