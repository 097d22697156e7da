// EventBus over Redis pub/sub for several `dxe serve` processes (DESIGN convention 3). A process
// publishes to Redis only and delivers only what it receives from Redis, so an event reaches each
// local listener exactly once whichever process raised it. Publishing runs one Lua script that
// numbers the event (INCR), keeps it in a capped sorted set for catch-up and PUBLISHes it, all
// atomically: Redis hands messages out in sequence order and any process can replay the log.
import { Redis } from 'ioredis';
import { z } from 'zod';
import { domainEventSchema, type DomainEvent } from '../../core/contract/events.js';
import { DEFAULT_LOG_SIZE, type LoggedBus, type RealtimeLog, type SequencedEvent } from './realtime-log.js';

export interface RedisBusOptions {
  /** Key and channel prefix; tests use their own so they do not see each other's events. */
  prefix?: string;
  logSize?: number;
}

const PUBLISH_SCRIPT = `
local seq = redis.call('INCR', KEYS[1])
local msg = '{"seq":' .. seq .. ',"event":' .. ARGV[1] .. '}'
redis.call('ZADD', KEYS[2], seq, msg)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
redis.call('PUBLISH', ARGV[3], msg)
return seq
`;

const wireSchema = z.object({ seq: z.number().int().positive(), event: domainEventSchema });

function parseWire(raw: string): SequencedEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = wireSchema.safeParse(json);
  if (!parsed.success) return null;
  const { seq, event } = parsed.data;
  return { ...event, seq } as SequencedEvent;
}

export async function createRedisBus(url: string, opts: RedisBusOptions = {}): Promise<LoggedBus> {
  const prefix = opts.prefix ?? 'dxe';
  const logSize = opts.logSize ?? DEFAULT_LOG_SIZE;
  const seqKey = `${prefix}:events:seq`;
  const logKey = `${prefix}:events:log`;
  const channel = `${prefix}:events`;

  const command = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([command.connect(), subscriber.connect()]);

  const listeners = new Set<(event: SequencedEvent) => void>();
  const emit = (event: SequencedEvent) => {
    lastDelivered = event.seq;
    for (const l of listeners) {
      try {
        l(event);
      } catch {
        // One failing listener must not keep the event from the others.
      }
    }
  };
  // Numbers are consecutive on the channel, so a jump means this process missed messages (its
  // subscriber connection dropped and came back): fill the gap from the log, in order, first.
  let lastDelivered = Number((await command.get(seqKey)) ?? 0);
  let chain: Promise<void> = Promise.resolve();
  subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    const event = parseWire(raw);
    if (!event) return;
    chain = chain.then(async () => {
      if (event.seq <= lastDelivered) return;
      if (event.seq > lastDelivered + 1) {
        const rows = await command.zrangebyscore(logKey, `(${lastDelivered}`, `(${event.seq}`).catch(() => []);
        for (const missed of rows.map(parseWire)) if (missed && missed.seq > lastDelivered) emit(missed);
      }
      emit(event);
    });
  });
  // Confirmed before we return, so nothing published after creation is missed.
  await subscriber.subscribe(channel);

  const log: RealtimeLog = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async after(afterSeq) {
      const [rows, last] = await Promise.all([
        command.zrangebyscore(logKey, `(${afterSeq}`, '+inf'),
        command.get(seqKey),
      ]);
      const events = rows.map(parseWire).filter((e): e is SequencedEvent => e !== null);
      const lastSeq = Number(last ?? 0);
      const oldest = events[0]?.seq;
      const complete = afterSeq >= lastSeq || oldest === afterSeq + 1;
      return { events, complete, lastSeq };
    },
    async lastSeq() {
      return Number((await command.get(seqKey)) ?? 0);
    },
  };

  return {
    log,
    remote: true,
    async publish(event: DomainEvent) {
      const body = JSON.stringify(event);
      await command.eval(PUBLISH_SCRIPT, 2, seqKey, logKey, body, String(logSize), channel);
    },
    subscribe(listener) {
      return log.subscribe(listener);
    },
    async close() {
      listeners.clear();
      subscriber.disconnect();
      await command.quit().catch(() => command.disconnect());
    },
  };
}
