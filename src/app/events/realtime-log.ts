// Every realtime event gets one global sequence number so an agent's screen that reconnects can
// ask for what it missed (`resume afterSeq`) and get each event once, in order. One process: the
// numbers and a bounded recent-event log live in memory. Several processes: the Redis bus numbers
// events in Redis as it publishes them and keeps the log there (see redis-bus.ts), so any process
// can replay for any client.
import type { SequencedEvent } from '../../core/contract/events.js';
import type { EventBus } from './event-bus.js';

export type { SequencedEvent };

export interface RealtimeLog {
  /** Live events, numbered, in sequence order; each delivered once per listener. */
  subscribe(listener: (event: SequencedEvent) => void): () => void;
  /**
   * Events with seq > afterSeq, oldest first. `complete: false` when some of them have already
   * been dropped from the bounded log (the client must reload instead of replaying).
   */
  after(afterSeq: number): Promise<{ events: SequencedEvent[]; complete: boolean; lastSeq: number }>;
  /** The highest number handed out so far (0 before the first event). */
  lastSeq(): Promise<number>;
  /** Told when the numbering starts again (the Redis bus after a Redis restart); never for a memory log. */
  onReset?(listener: () => void): () => void;
}

/** How many recent events are kept for catch-up: a few minutes of a busy team's traffic. */
export const DEFAULT_LOG_SIZE = 5000;

/**
 * Bounded in-memory log fed by a bus whose events carry no number (the local bus). Numbers are
 * handed out on receipt, which is global because only one process exists.
 */
export function createMemoryLog(bus: EventBus, size = DEFAULT_LOG_SIZE): RealtimeLog {
  // A circular buffer: slot seq % size holds event seq (shifting a full array on every event
  // moved `size` entries per event; issue 9, throughput).
  const ring: (SequencedEvent | undefined)[] = new Array<SequencedEvent | undefined>(size);
  const listeners = new Set<(event: SequencedEvent) => void>();
  let seq = 0;
  bus.subscribe((event) => {
    const numbered = { ...event, seq: ++seq } as SequencedEvent;
    if (size > 0) ring[seq % size] = numbered;
    for (const l of listeners) l(numbered);
  });
  /** Events kept, oldest first: seq − size + 1 … seq. */
  const kept = (afterSeq: number): SequencedEvent[] => {
    const out: SequencedEvent[] = [];
    for (let s = Math.max(afterSeq + 1, seq - size + 1, 1); s <= seq; s++) out.push(ring[s % size]!);
    return out;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async after(afterSeq) {
      const oldest = size > 0 && seq > 0 ? Math.max(1, seq - size + 1) : seq + 1;
      const events = size > 0 ? kept(afterSeq) : [];
      return { events, complete: afterSeq >= oldest - 1 || afterSeq >= seq, lastSeq: seq };
    },
    async lastSeq() {
      return seq;
    },
  };
}

/** A bus that numbers and logs its own events (the Redis bus) exposes its log here. */
export interface LoggedBus extends EventBus {
  readonly log: RealtimeLog;
}

function hasLog(bus: EventBus): bus is LoggedBus {
  return 'log' in bus && typeof (bus as { log?: unknown }).log === 'object';
}

const memoryLogs = new WeakMap<EventBus, RealtimeLog>();

/** The log for a bus: its own when it keeps one, else one memory log per bus object. */
export function realtimeLogFor(bus: EventBus): RealtimeLog {
  if (hasLog(bus)) return bus.log;
  let log = memoryLogs.get(bus);
  if (!log) {
    log = createMemoryLog(bus);
    memoryLogs.set(bus, log);
  }
  return log;
}
