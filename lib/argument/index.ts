// The argument-map core: the model, its operations (each with an inverse), validation against a
// document, and snapping spans to tokens. Pure: no I/O, no UI.
export * from './types';
export * from './operations';
export * from './check';
export * from './snap';
export * from './history';
export * from './sync';
export * from './schema';
