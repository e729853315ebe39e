// The argument-map core: the model, its operations (each with an inverse), validation against a
// document, and snapping spans to tokens. Pure: no I/O, no UI. The zod wire schemas are
// imported from './schema' directly, so that client code using the core does not ship zod.
export * from './types';
export * from './operations';
export * from './check';
export * from './snap';
export * from './history';
export * from './sync';
