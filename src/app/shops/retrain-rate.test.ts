// RETRAIN_PER_MINUTE for relabels (issue 12): retrains start while the shop has slots this minute;
// later relabels wait for one deferred retrain, however many arrive.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestRetrain, resetRetrainSlots, retrainPending, takeRetrainSlot } from './retrain-rate.js';

describe('requestRetrain', () => {
  /** The deployment the shops belong to (the database, in the app). */
  const db = {};
  afterEach(() => {
    resetRetrainSlots();
    vi.useRealTimers();
  });

  it('starts up to the limit, then schedules one retrain for when the minute frees', () => {
    vi.useFakeTimers();
    const runs: string[] = [];
    const t0 = 1_000_000;
    expect(requestRetrain(db, 's1', 2, t0, () => runs.push('a'))).toBe('started');
    expect(requestRetrain(db, 's1', 2, t0 + 1000, () => runs.push('b'))).toBe('started');
    expect(requestRetrain(db, 's1', 2, t0 + 2000, () => runs.push('c'))).toBe('waiting');
    expect(requestRetrain(db, 's1', 2, t0 + 3000, () => runs.push('d'))).toBe('waiting');
    expect(runs).toEqual(['a', 'b']);
    expect(retrainPending(db, 's1')).toBe(true);
    // Another shop has its own minute.
    expect(requestRetrain(db, 's2', 2, t0 + 3000, () => runs.push('other shop'))).toBe('started');
    vi.advanceTimersByTime(57_999);
    expect(runs).toEqual(['a', 'b', 'other shop']);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['a', 'b', 'other shop', 'c']);
    expect(retrainPending(db, 's1')).toBe(false);
  });

  it('shares the minute with example changes in settings (takeRetrainSlot)', () => {
    takeRetrainSlot(db, 's3', 1, 5_000);
    expect(() => takeRetrainSlot(db, 's3', 1, 6_000)).toThrow(/过于频繁/);
    expect(requestRetrain(db, 's3', 1, 7_000, () => undefined)).toBe('waiting');
    // The same shop id in another database (another deployment, or another test file's) has its own minute.
    expect(() => takeRetrainSlot({}, 's3', 1, 6_000)).not.toThrow();
  });
});
