// The background loop shared by the outbox publisher and the inbound resume sweep: it drains while
// a step reports work, never overlaps two rounds, survives a failing round, and stops cleanly.
import { describe, expect, it } from 'vitest';
import { startDrainLoop } from './drain-loop.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startDrainLoop', () => {
  it('drains while the step reports work, keeps going after a failing round, and waits for the round in progress at stop', async () => {
    const batches = [3, 2, 0, -1, 1, 0];
    const calls: number[] = [];
    const errors: unknown[] = [];
    let inFlight = 0;
    let overlapped = false;
    const stop = startDrainLoop(
      async () => {
        inFlight++;
        if (inFlight > 1) overlapped = true;
        await tick(2);
        inFlight--;
        const next = batches.shift() ?? 0;
        calls.push(next);
        if (next < 0) throw new Error('store down');
        return next;
      },
      { intervalMs: 5, onError: (e) => errors.push(e) },
    );
    for (let i = 0; i < 200 && batches.length > 0; i++) await tick(5);
    await stop();
    // Round 1 drains 3, 2 then stops at 0; round 2 fails; round 3 drains 1 then 0.
    expect(calls.slice(0, 6)).toEqual([3, 2, 0, -1, 1, 0]);
    expect(errors).toHaveLength(1);
    expect(overlapped).toBe(false);
    const after = calls.length;
    await tick(30);
    expect(calls.length).toBe(after); // stopped: no further rounds
  });
});
