// The marker the packed tokens (wire.ts) and the detail chunks (spans.ts) use for a basic form
// equal to the surface, or a reading equal to the surface in hiragana. Its own module so that the
// browser, which reads chunks, does not load the packing code (and the phrase rules it runs).
export const SAME = 0 as const;
