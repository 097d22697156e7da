// C2: the inbox order the server sorts by and the workbench keeps.
import { describe, expect, it } from 'vitest';
import { compareQueue, type QueueEntry } from './queue-order.js';

type Row = QueueEntry & { id: string };
const order = (rows: Row[]) => [...rows].sort(compareQueue).map((r) => r.id);

describe('compareQueue (C2)', () => {
  it('escalations lead, then buyers awaiting a first reply (oldest first), then other waiting (longest first), then the rest (latest first)', () => {
    const rows: Row[] = [
      { id: 'idle-old', priority: 0, awaitingFirstResponse: false, waitingSince: null, lastMessageAt: '2026-11-23T08:00:00.000Z' },
      { id: 'idle-new', priority: 0, awaitingFirstResponse: false, waitingSince: null, lastMessageAt: '2026-11-23T10:00:00.000Z' },
      { id: 'waiting-short', priority: 0, awaitingFirstResponse: false, waitingSince: '2026-11-23T09:30:00.000Z' },
      { id: 'waiting-long', priority: 0, awaitingFirstResponse: false, waitingSince: '2026-11-23T09:00:00.000Z' },
      { id: 'new-late', priority: 0, awaitingFirstResponse: true, waitingSince: '2026-11-23T09:59:00.000Z', firstBuyerMessageAt: '2026-11-23T09:59:00.000Z' },
      { id: 'new-early', priority: 0, awaitingFirstResponse: true, waitingSince: '2026-11-23T09:58:00.000Z', firstBuyerMessageAt: '2026-11-23T09:58:00.000Z' },
      { id: 'escalated', priority: 10, awaitingFirstResponse: false, waitingSince: null },
    ];
    expect(order(rows)).toEqual(['escalated', 'new-early', 'new-late', 'waiting-long', 'waiting-short', 'idle-new', 'idle-old']);
  });

  it('a closed chat (nobody waits) sorts with the other idle conversations by its last message, not after them', () => {
    const rows: Row[] = [
      { id: 'bot-older', waitingSince: null, lastMessageAt: '2026-11-23T08:00:00.000Z' },
      { id: 'closed-recent', waitingSince: null, lastMessageAt: '2026-11-23T09:00:00.000Z' },
      { id: 'waiting', waitingSince: '2026-11-23T07:00:00.000Z' },
    ];
    expect(order(rows)).toEqual(['waiting', 'closed-recent', 'bot-older']);
  });

  it("a seller's dxe chat test (channel cli) never leads a buyer, even escalated and awaiting a first reply", () => {
    const rows: Row[] = [
      { id: 'test-escalated', channel: 'cli', priority: 10, awaitingFirstResponse: true, waitingSince: '2026-11-23T07:00:00.000Z', firstBuyerMessageAt: '2026-11-23T07:00:00.000Z' },
      { id: 'buyer-idle', channel: 'bridge', waitingSince: null, lastMessageAt: '2026-11-23T06:00:00.000Z' },
      { id: 'test-idle', channel: 'cli', waitingSince: null, lastMessageAt: '2026-11-23T09:00:00.000Z' },
      { id: 'visitor-waiting', channel: 'widget', waitingSince: '2026-11-23T08:00:00.000Z' },
    ];
    expect(order(rows)).toEqual(['visitor-waiting', 'buyer-idle', 'test-escalated', 'test-idle']);
  });

  it('absent fields count as the server would send them: priority 0, not awaiting, no times', () => {
    expect(compareQueue({}, { priority: 0, awaitingFirstResponse: false, waitingSince: null, lastMessageAt: null })).toBe(0);
    expect(compareQueue({ priority: 1 }, {})).toBeLessThan(0);
  });
});
