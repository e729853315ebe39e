// What grading tells the rest of the application: a map was submitted, or a grade (or a request
// for revision) was returned to its student. Every submit and return goes through emitGradingEvent
// once its transaction has committed; whoever must react (in-app notifications, a webhook)
// subscribes here, so the grading code does not know who listens. A listener that throws is
// logged and does not undo or fail the grading write — it already happened.

export type GradingEvent =
  | { kind: 'submitted'; assignmentId: string; userId: string; mapId: string; submittedAt: string; lateByMs: number | null }
  | { kind: 'returned'; assignmentId: string; userId: string; mapId: string; returnedAt: string; total: number; max: number }
  | { kind: 'revisionRequested'; assignmentId: string; userId: string; mapId: string; byUserId: string; message: string };

export type GradingListener = (event: GradingEvent) => void | Promise<void>;

const listeners = new Set<GradingListener>();

/// Adds a listener; returns the function that removes it.
export function onGradingEvent(listener: GradingListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/// Tells every listener, in the order they subscribed; waits for them, never throws.
export async function emitGradingEvent(event: GradingEvent): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(event);
    } catch (e) {
      console.error(`grading event ${event.kind}: a listener failed`, e);
    }
  }
}
