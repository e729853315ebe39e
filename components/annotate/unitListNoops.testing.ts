// Tests only: every action of the unit list (./UnitList) doing nothing, for component tests that
// render the list; they spread it and override the actions they watch.
import type { UnitListActions } from './UnitList';

const noop = () => {};

export const unitListNoops: UnitListActions = {
  onSelect: noop,
  onJump: noop,
  onHover: noop,
  onRelabel: noop,
  onNote: noop,
  onRemove: noop,
  onMoveEdge: noop,
  onToggleMainClaim: noop,
  onStartLink: noop,
  onRetype: noop,
  onRemoveRelation: noop,
  onRemovePremise: noop,
  onAddPremise: noop,
  onSelectRelation: noop,
};
