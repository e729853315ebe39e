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

/// The CSS class giving a label's colours (--unit, --unit-ink, --unit-edge: globals.css).
export function labelClass(labels: readonly { id: string }[], id: string): string {
  const slot = labelSlot(labels, id);
  return slot === null ? 'label-other' : `label-slot-${slot}`;
}

export interface SlotColors {
  /// The Okabe–Ito colour: chips, buttons, tints.
  fill: string;
  /// Text on the fill (white where it keeps ≥3:1, else near-black).
  ink: string;
  /// Lines on white (underlines, outlines): the fill, or a darker shade of it where the fill
  /// itself is under 3:1 against white.
  edge: string;
}

// The same values as the .label-slot-* rules in app/globals.css (SVG exports need them inline).
export const slotColors: readonly SlotColors[] = [
  { fill: '#0072b2', ink: '#ffffff', edge: '#0072b2' }, // blue
  { fill: '#009e73', ink: '#ffffff', edge: '#009e73' }, // bluish green
  { fill: '#d55e00', ink: '#ffffff', edge: '#d55e00' }, // vermillion
  { fill: '#cc79a7', ink: '#ffffff', edge: '#cc79a7' }, // reddish purple
  { fill: '#000000', ink: '#ffffff', edge: '#000000' }, // black
  { fill: '#e69f00', ink: '#1c1917', edge: '#a16f00' }, // orange
  { fill: '#56b4e9', ink: '#1c1917', edge: '#3c7ea3' }, // sky blue
  { fill: '#f0e442', ink: '#1c1917', edge: '#847d24' }, // yellow
];
export const otherColors: SlotColors = { fill: '#57534e', ink: '#ffffff', edge: '#57534e' };

export function colorsOfSlot(slot: number | null): SlotColors {
  return slot === null ? otherColors : (slotColors[slot] ?? otherColors);
}
