// Draws argument units over the essay (a decoration-only extension, like token-layer).
import { Extension } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import type { PositionMap } from '../../positions';
import { unitLayerKey, unitLayerPlugin, type UnitLayerInput } from './plugin';

export const UnitLayer = Extension.create<{ positions: PositionMap | null }>({
  name: 'unitLayer',
  addOptions: () => ({ positions: null }),
  addProseMirrorPlugins() {
    return this.options.positions ? [unitLayerPlugin(this.options.positions)] : [];
  },
});

export function showUnits(view: EditorView, input: UnitLayerInput) {
  view.dispatch(view.state.tr.setMeta(unitLayerKey, input));
}

export { unitLayerKey, type UnitLayerInput } from './plugin';
export { pickUnitAt, unitsAt, nestingDepths } from './nesting';
