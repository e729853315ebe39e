// The duty-cycled queue: its cap, its depth, and the rest that bounds the jobs' share of a slot
// (on a fake clock: no wall time is measured here).
import { describe, expect, it } from 'vitest';
import { createDutyQueue, QueueFullError } from './dutyQueue';

function fakeClock() {
  let t = 0;
  const rests: number[] = [];
  const pendingRests: Array<() => void> = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    rests,
    wait: (ms: number) => {
      rests.push(ms);
      return new Promise<void>((resolve) => pendingRests.push(resolve));
    },
    endRest: () => pendingRests.shift()?.(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createDutyQueue', () => {
  it('runs at most `concurrency` jobs, in arrival order, and refuses beyond `maxWaiting` without running the job', async () => {
    const queue = createDutyQueue({ concurrency: 1, maxWaiting: 2, share: 1, contended: () => false });
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const job = (i: number) => () => {
      order.push(i);
      return new Promise<number>((resolve) => releases.push(() => resolve(i)));
    };
    const runs = [queue.run(job(1)), queue.run(job(2)), queue.run(job(3))];
    await tick();
    expect(queue.stats()).toMatchObject({ running: 1, waiting: 2 });

    let ran = false;
    await expect(queue.run(async () => (ran = true))).rejects.toBeInstanceOf(QueueFullError);
    expect(ran).toBe(false);

    while (releases.length || order.length < 3) {
      releases.shift()?.();
      await tick();
    }
    expect(await Promise.all(runs)).toEqual([1, 2, 3]);
    expect(order).toEqual([1, 2, 3]);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, maxRunning: 1 });
  });

  it('rests after each job, while contended, in proportion to it, so jobs take at most `share` of the slot', async () => {
    const clock = fakeClock();
    let contended = true;
    const queue = createDutyQueue({ concurrency: 1, maxWaiting: 5, share: 1 / 3, contended: () => contended, now: clock.now, wait: clock.wait });
    const first = queue.run(async () => clock.advance(30));
    let secondStarted = false;
    const second = queue.run(async () => {
      secondStarted = true;
      clock.advance(60);
    });
    await first;
    await tick();
    expect(clock.rests).toEqual([60]); // 30 ms of work, then twice that resting: a third
    expect(secondStarted).toBe(false); // the slot is resting
    clock.endRest();
    await second;
    await tick();
    expect(clock.rests).toEqual([60, 120]);
    clock.endRest();
    await tick();

    contended = false; // nothing else wants the CPU: no rest
    await queue.run(async () => clock.advance(30));
    await tick();
    expect(clock.rests).toEqual([60, 120]);
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('while contended, rests at least long enough that a job and its rest last `minCycleMs`', async () => {
    const clock = fakeClock();
    let contended = true;
    const queue = createDutyQueue({ concurrency: 1, maxWaiting: 5, share: 1 / 3, minCycleMs: 500, contended: () => contended, now: clock.now, wait: clock.wait });
    await queue.run(async () => clock.advance(40));
    await tick();
    expect(clock.rests).toEqual([460]); // not 80: the cycle's floor, not the share, sets the rest
    clock.endRest();
    await queue.run(async () => clock.advance(300));
    await tick();
    expect(clock.rests).toEqual([460, 600]); // a long job: the share's rest is the longer one
    clock.endRest();
    await tick();

    contended = false; // nothing else wants the CPU: no floor either
    await queue.run(async () => clock.advance(40));
    await tick();
    expect(clock.rests).toEqual([460, 600]);
  });

  it('frees the slot when a job fails', async () => {
    const queue = createDutyQueue({ concurrency: 1, maxWaiting: 0, share: 1, contended: () => false });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await tick();
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
