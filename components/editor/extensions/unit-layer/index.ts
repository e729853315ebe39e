// The unit layer: argument units drawn over the essay (./marks), and how a position in the text
// picks among nested units (./nesting).
export { UnitMarks, type UnitLayerInput } from './marks';
export { pickUnitAt, unitsAt } from './nesting';
