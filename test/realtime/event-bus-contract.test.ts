// One contract for both EventBus implementations (DESIGN convention 3): the local bus (one
// process) and the Redis bus (several `dxe serve` processes). Redis runs when REDIS_URL is set.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalBus, type BusEvent, type EventBus } from '../../src/app/events/event-bus.js';
import { createRedisBus } from '../../src/app/events/redis-bus.js';
import { createMemoryLog, realtimeLogFor, type RealtimeLog, type SequencedEvent } from '../../src/app/events/realtime-log.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('[skip] Redis bus contract tests: REDIS_URL not set');

// Room, not a race: a Redis round trip on a loaded CI machine can take seconds; a missing event still fails.
const waitFor = async (cond: () => boolean, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const settle = () => new Promise((r) => setTimeout(r, 100));

interface Factory {
  name: string;
  skip: boolean;
  /** Buses sharing one transport, as several processes would. */
  open(count: number): Promise<EventBus[]>;
}

const factories: Factory[] = [
  {
    name: 'local bus',
    skip: false,
    async open(count) {
      const bus = createLocalBus();
      return Array.from({ length: count }, () => bus);
    },
  },
  {
    name: 'redis bus',
    skip: !REDIS_URL,
    async open(count) {
      const prefix = `dxe-test-${randomBytes(4).toString('hex')}`;
      return Promise.all(Array.from({ length: count }, () => createRedisBus(REDIS_URL!, { prefix, logSize: 50 })));
    },
  },
];

for (const f of factories) {
  describe.skipIf(f.skip)(`EventBus contract: ${f.name}`, () => {
    const opened: EventBus[] = [];
    const open = async (n: number) => {
      const buses = await f.open(n);
      opened.push(...new Set(buses));
      return buses;
    };
    afterEach(async () => {
      for (const b of opened.splice(0)) await b.close();
    });

    const ev = (i: number): BusEvent => ({ type: 'shop.changed', shopId: 's1', data: { what: String(i) } });

    it('delivers each event once to every subscriber, in publish order', async () => {
      const [bus] = await open(1);
      const a: unknown[] = [];
      const b: unknown[] = [];
      bus!.subscribe((e) => a.push(e.data));
      bus!.subscribe((e) => b.push(e.data));
      for (let i = 0; i < 20; i++) await bus!.publish(ev(i));
      await waitFor(() => a.length === 20 && b.length === 20);
      await settle();
      expect(a).toEqual(Array.from({ length: 20 }, (_, i) => ({ what: String(i) })));
      expect(b).toEqual(a);
    });

    it('stops delivering after unsubscribe', async () => {
      const [bus] = await open(1);
      const got: unknown[] = [];
      const off = bus!.subscribe((e) => got.push(e.data));
      await bus!.publish(ev(1));
      await waitFor(() => got.length === 1);
      off();
      await bus!.publish(ev(2));
      await settle();
      expect(got).toEqual([{ what: '1' }]);
    });

    it('keeps type, shopId and data intact', async () => {
      const [bus] = await open(1);
      const got: BusEvent[] = [];
      bus!.subscribe((e) => got.push(e));
      await bus!.publish({ type: 'shop.changed', shopId: '店铺-1', data: { what: '亲，在的 😊 [1,2]' } });
      await waitFor(() => got.length === 1);
      expect(got[0]).toMatchObject({ type: 'shop.changed', shopId: '店铺-1', data: { what: '亲，在的 😊 [1,2]' } });
    });

    it('two processes: an event raised on either reaches listeners on both exactly once', async () => {
      const [p1, p2] = await open(2);
      const on1: unknown[] = [];
      const on2: unknown[] = [];
      p1!.subscribe((e) => on1.push(e.data));
      p2!.subscribe((e) => on2.push(e.data));
      await p1!.publish(ev(1));
      await p2!.publish(ev(2));
      await waitFor(() => on1.length >= 2 && on2.length >= 2);
      await settle();
      expect(on1).toEqual([{ what: '1' }, { what: '2' }]);
      expect(on2).toEqual([{ what: '1' }, { what: '2' }]);
    });

    it('publishMany (when the bus has it) delivers a batch in order, numbered on, between single publishes', async () => {
      const [p1, p2] = await open(2);
      const live: SequencedEvent[] = [];
      realtimeLogFor(p2!).subscribe((e) => live.push(e));
      await p1!.publish(ev(0));
      if (p1!.publishMany) await p1!.publishMany([ev(1), ev(2), ev(3)]);
      else for (const i of [1, 2, 3]) await p1!.publish(ev(i));
      await p1!.publish(ev(4));
      await waitFor(() => live.length === 5);
      await settle();
      expect(live.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((i) => ({ what: String(i) })));
      const seqs = live.map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    });

    it('numbers events globally and replays what a client missed, without duplicates', async () => {
      const [p1, p2] = await open(2);
      const log1 = realtimeLogFor(p1!);
      const log2 = realtimeLogFor(p2!);
      const live: SequencedEvent[] = [];
      log1.subscribe((e) => live.push(e));
      for (let i = 0; i < 6; i++) await (i % 2 ? p2! : p1!).publish(ev(i));
      await waitFor(() => live.length === 6);
      const seqs = live.map((e) => e.seq);
      expect(new Set(seqs).size).toBe(6);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      // A client that saw the first two asks the other process for the rest.
      const missed = await log2.after(seqs[1]!);
      expect(missed.complete).toBe(true);
      expect(missed.events.map((e) => e.seq)).toEqual(seqs.slice(2));
      expect(missed.events.map((e) => e.data)).toEqual([{ what: '2' }, { what: '3' }, { what: '4' }, { what: '5' }]);
      expect(await log2.lastSeq()).toBe(seqs[5]);
    });
  });
}

describe('bounded catch-up log', () => {
  const cases: { name: string; skip: boolean; open: () => Promise<{ bus: EventBus; log: RealtimeLog }> }[] = [
    {
      name: 'memory',
      skip: false,
      async open() {
        const bus = createLocalBus();
        return { bus, log: createMemoryLog(bus, 5) };
      },
    },
    {
      name: 'redis',
      skip: !REDIS_URL,
      async open() {
        const bus = await createRedisBus(REDIS_URL!, { prefix: `dxe-test-${randomBytes(4).toString('hex')}`, logSize: 5 });
        return { bus, log: bus.log };
      },
    },
  ];
  for (const c of cases) {
    it.skipIf(c.skip)(`${c.name}: a client too far behind is told to reload; a recent one replays`, async () => {
      const { bus, log } = await c.open();
      try {
        const seen: number[] = [];
        log.subscribe((e) => seen.push(e.seq));
        for (let i = 0; i < 12; i++) await bus.publish({ type: 'shop.changed', shopId: 's', data: { what: String(i) } });
        await waitFor(() => seen.length === 12);
        const last = seen[11]!;
        const old = await log.after(last - 10);
        expect(old.complete).toBe(false);
        expect(old.lastSeq).toBe(last);
        const recent = await log.after(last - 3);
        expect(recent.complete).toBe(true);
        expect(recent.events.map((e) => e.seq)).toEqual([last - 2, last - 1, last]);
        const none = await log.after(last);
        expect(none).toMatchObject({ complete: true, events: [] });
      } finally {
        await bus.close();
      }
    });
  }
});

describe.skipIf(!REDIS_URL)('redis bus: a process that missed messages fills the gap from the log', () => {
  it('delivers a message it never received live, in order, before the next one', async () => {
    const prefix = `dxe-test-${randomBytes(4).toString('hex')}`;
    const bus = await createRedisBus(REDIS_URL!, { prefix });
    const { Redis } = await import('ioredis');
    const raw = new Redis(REDIS_URL!);
    try {
      const got: unknown[] = [];
      bus.subscribe((e) => got.push(e.data));
      await bus.publish({ type: 'shop.changed', shopId: 's', data: { what: '1' } });
      // As if the subscriber connection was down while another process published n: 2.
      const seq = await raw.incr(`${prefix}:events:seq`);
      await raw.zadd(`${prefix}:events:log`, seq, JSON.stringify({ seq, event: { type: 'shop.changed', shopId: 's', data: { what: '2' } } }));
      await bus.publish({ type: 'shop.changed', shopId: 's', data: { what: '3' } });
      await waitFor(() => got.length === 3);
      expect(got).toEqual([{ what: '1' }, { what: '2' }, { what: '3' }]);
    } finally {
      raw.disconnect();
      await bus.close();
    }
  });
});
