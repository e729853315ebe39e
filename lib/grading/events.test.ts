import { describe, expect, it, vi } from 'vitest';
import { emitGradingEvent, onGradingEvent, type GradingEvent } from './events';

const event: GradingEvent = { kind: 'submitted', assignmentId: 'a', userId: 'u', mapId: 'm', submittedAt: '2030-01-01T00:00:00.000Z', lateByMs: null };

describe('grading events', () => {
  it('reaches every listener in order until it is removed, and a failing listener does not stop the others', async () => {
    const seen: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const off1 = onGradingEvent(() => {
      throw new Error('boom');
    });
    const off2 = onGradingEvent(async (e) => void seen.push(`2:${e.kind}`));
    await emitGradingEvent(event);
    off2();
    await emitGradingEvent(event);
    off1();
    expect(seen).toEqual(['2:submitted']);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
