// Long work on the server's one event loop, done in slices: a store of tens of thousands of rows
// (maps.ts), a batch of hundreds of operations on a map of thousands (operations.ts). Each slice
// runs until TURN_SLICE_MS have passed, then lets the event loop turn, so that other requests —
// health checks, the class's saves — are answered in between instead of after.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/// How long sliced work runs before it lets the event loop turn.
export const TURN_SLICE_MS = 8;

/// A pacer for work done a piece at a time: each call lets the event loop turn if TURN_SLICE_MS
/// have passed since the last turn (or since the pacer was made), and otherwise goes straight on.
export function slicedTurns(): () => Promise<void> {
  let turnedAt = performance.now();
  return async () => {
    if (performance.now() - turnedAt < TURN_SLICE_MS) return;
    await nextTurn();
    turnedAt = performance.now();
  };
}

/// The items in chunks, letting the event loop run other requests whenever the chunks since the
/// last turn took TURN_SLICE_MS: storing a 20,000-unit import is hundreds of statements, which
/// in one go held every other request (health checks, other students' saves) for seconds. A
/// turn after every chunk was no better under load: each turn waited for everything else
/// queued, which stretched the transaction to seconds — and on SQLite every save waits for the
/// one writer, so a class's saves piled up behind it and then held the loop in their turn.
/// The transaction stays open meanwhile; other writers wait for it as they would anyway.
export async function* chunks<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  const turn = slicedTurns();
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await turn();
    yield items.slice(i, i + size);
  }
}

/// Runs `steps` (a generator that yields between pieces of its work) to its end, letting the
/// event loop turn whenever the pieces since the last turn took TURN_SLICE_MS.
export async function inSlices<R>(steps: Generator<void, R>): Promise<R> {
  const turn = slicedTurns();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await turn();
  }
}
