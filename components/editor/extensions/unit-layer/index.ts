// Draws argument units over the essay as CSS highlights (see ../../highlights): one highlight
// per label slot (the label's position in its scheme, components/annotate/labels) and nesting
// depth, so nested and overlapping units stack their tints, and one each for the selected,
// emphasised and main-claim units. Each slot also has its own underline style (globals.css), so
// colour is never the only cue.
import type { EditorView } from '@tiptap/pm/view';
import type { ArgumentUnit } from '@/lib/argument/types';
import type { PositionMap } from '../../positions';
import { clear, paint, rangesOf } from '../../highlights';
import { SLOT_COUNT, labelSlot } from '@/components/annotate/labels';
import { nestingDepths } from './nesting';

export interface UnitLayerInput {
  units: readonly ArgumentUnit[];
  /// The scheme's labels in order: a unit's look is its label's slot.
  labels: readonly { id: string }[];
  mainClaimId: string | null;
  selectedId: string | null;
  /// Units to emphasise (hover in the list or map, link targets).
  highlightIds: ReadonlySet<string>;
}

const depths = [0, 1, 2];
/// The highlight of a slot (null: a label outside the scheme) at a nesting depth. The name ends
/// in -<depth> (bench/editor.ts counts unit ranges by that shape).
export function unitHighlightName(slot: number | null, depth: number): string {
  return `ronten-unit-${slot === null ? 'other' : `slot${slot}`}-${depth}`;
}
const unitNames = [...Array.from({ length: SLOT_COUNT }, (_, k) => k), null].flatMap((slot) => depths.map((d) => unitHighlightName(slot, d)));
const stateNames = ['ronten-unit-main', 'ronten-unit-highlight', 'ronten-unit-selected'];

export function paintUnits(view: EditorView, positions: PositionMap, input: UnitLayerInput) {
  const ranges = rangesOf(view, positions);
  const groups = new Map<string, Range[]>(unitNames.map((n) => [n, []]));
  const nesting = nestingDepths(input.units);
  const byId = new Map<string, ArgumentUnit>();
  for (const u of input.units) {
    byId.set(u.id, u);
    const depth = Math.min(nesting.get(u.id) ?? 0, depths.length - 1);
    groups.get(unitHighlightName(labelSlot(input.labels, u.label), depth))!.push(ranges.range(u.start, u.end));
  }
  paint(view, groups, 0);
  const one = (id: string | null) => {
    const u = id ? byId.get(id) : undefined;
    return u ? [ranges.range(u.start, u.end)] : [];
  };
  paint(view, new Map([['ronten-unit-main', one(input.mainClaimId)]]), 1);
  paint(view, new Map([['ronten-unit-highlight', [...input.highlightIds].flatMap(one)]]), 2);
  paint(view, new Map([['ronten-unit-selected', one(input.selectedId)]]), 3);
}

export function clearUnits(view: EditorView) {
  clear(view, [...unitNames, ...stateNames]);
}

export { pickUnitAt, unitsAt, nestingDepths } from './nesting';
