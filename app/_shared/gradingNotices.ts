// Grading's events (lib/grading/events), told to the people they concern: every route that
// submits or returns a map announces through here once its write has committed, so the student
// or the course's instructors get an in-app notification (and the webhook fires, lib/db/notify)
// besides whatever else listens to grading. A failed notification is logged, never fails the
// write that already happened.
import { notify, type Db } from '@/lib/db';
import { emitGradingEvent, type GradingEvent } from '@/lib/grading/events';

export async function announceGrading(db: Db, event: GradingEvent, actorId: string): Promise<void> {
  await emitGradingEvent(event);
  try {
    // A return for revision is a return too: the student's map is open again, with a message.
    const kind = event.kind === 'submitted' ? 'submitted' : 'returned';
    await notify(db, { kind, assignmentId: event.assignmentId, mapId: event.mapId, actorId });
  } catch (e) {
    console.error(`grading event ${event.kind}: notifying failed`, e);
  }
}
