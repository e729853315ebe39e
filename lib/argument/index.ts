// The argument-map core: the model, its operations (each with an inverse), validation against a
// document, snapping spans to tokens and structure hints. Pure: no I/O,
// no UI. The zod wire schemas are imported from './schema' directly, so that client code using
// the core does not ship zod; client code likewise imports './layout' directly (it brings
// dagre) only where the map view is drawn.
export * from './types';
export * from './operations';
export * from './check';
export * from './snap';
export * from './history';
export * from './sync';
export * from './hints';
export * from './schemes';
