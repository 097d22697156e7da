// EventBus over Redis pub/sub for several `dxe serve` processes (DESIGN convention 3). A process
// publishes to Redis only and delivers only what it receives from Redis, so an event reaches each
// local listener exactly once whichever process raised it. Publishing runs one Lua script that
// numbers the event (INCR), keeps it in a capped sorted set for catch-up and PUBLISHes it, all
// atomically: Redis hands messages out in sequence order and any process can replay the log.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { domainEventSchema, type DomainEvent } from '../../core/contract/events.js';
import { DEFAULT_LOG_SIZE, type LoggedBus, type RealtimeLog, type SequencedEvent } from './realtime-log.js';

export interface RedisBusOptions {
  /** Key and channel prefix; tests use their own so they do not see each other's events. */
  prefix?: string;
  logSize?: number;
  /** Told about connection errors (Redis down): publishing fails meanwhile and the outbox retries. */
  onError?: (err: Error) => void;
  /**
   * How long the first connection may take (default 10 s). A Redis that cannot be reached at start
   * is a configuration error: creating the bus fails rather than waiting for ever (issue 10).
   */
  connectTimeoutMs?: number;
}

// The epoch names one life of the numbering: Redis keeps nothing on disk, so after a restart the
// numbers start again at 1; a new epoch tells every process (and every agent's screen) so.
const GAP_CHECK_MS = 1000;

const PUBLISH_SCRIPT = `
local epoch = redis.call('GET', KEYS[3])
if not epoch then
  epoch = ARGV[4]
  redis.call('SET', KEYS[3], epoch)
end
local seq = redis.call('INCR', KEYS[1])
local msg = '{"seq":' .. seq .. ',"epoch":"' .. epoch .. '","event":' .. ARGV[1] .. '}'
redis.call('ZADD', KEYS[2], seq, msg)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
redis.call('PUBLISH', ARGV[3], msg)
return seq
`;

// The same for several events in one call (the outbox publishes a batch at once): numbered and
// published in the order given; the log is trimmed once at the end.
const PUBLISH_MANY_SCRIPT = `
local epoch = redis.call('GET', KEYS[3])
if not epoch then
  epoch = ARGV[3]
  redis.call('SET', KEYS[3], epoch)
end
local seq = 0
for i = 4, #ARGV do
  seq = redis.call('INCR', KEYS[1])
  local msg = '{"seq":' .. seq .. ',"epoch":"' .. epoch .. '","event":' .. ARGV[i] .. '}'
  redis.call('ZADD', KEYS[2], seq, msg)
  redis.call('PUBLISH', ARGV[2], msg)
end
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[1]) + 1))
return seq
`;

/**
 * The event types the bus carries (from the contract's union). A message on our own channel was
 * written by a process of this deployment from an event that type-checked against the contract
 * (PUBLISH_SCRIPT wraps it), so receiving checks its envelope — a positive sequence number, a
 * known type, a shop and a data object — and not every field again: every process receives every
 * event, and a full schema parse of each was a noticeable share of the two-process mode's CPU
 * (issue 9, throughput). Anything else on the channel is dropped, as before.
 */
const EVENT_TYPES: ReadonlySet<string> = new Set(domainEventSchema.options.map((o) => o.shape.type.value));

function parseWire(raw: string): (SequencedEvent & { epoch?: string }) | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const { seq, event, epoch } = json as { seq?: unknown; event?: unknown; epoch?: unknown };
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0) return null;
  if (epoch !== undefined && typeof epoch !== 'string') return null;
  if (!event || typeof event !== 'object' || Array.isArray(event)) return null;
  const e = event as { type?: unknown; shopId?: unknown; data?: unknown };
  if (typeof e.type !== 'string' || !EVENT_TYPES.has(e.type) || typeof e.shopId !== 'string') return null;
  if (!e.data || typeof e.data !== 'object' || Array.isArray(e.data)) return null;
  return { ...(event as DomainEvent), seq, ...(epoch ? { epoch } : {}) } as SequencedEvent & { epoch?: string };
}

export async function createRedisBus(url: string, opts: RedisBusOptions = {}): Promise<LoggedBus> {
  const prefix = opts.prefix ?? 'dxe';
  const logSize = opts.logSize ?? DEFAULT_LOG_SIZE;
  const seqKey = `${prefix}:events:seq`;
  const logKey = `${prefix}:events:log`;
  const channel = `${prefix}:events`;
  const epochKey = `${prefix}:events:epoch`;

  // While Redis is down a publish fails at once (no offline queue): the event stays in the outbox
  // and the caller is not held up; the outbox loop retries.
  const command = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const subscriber = new Redis(url, { lazyConnect: true });
  // An outage is expected to happen: report it (not as an unhandled error) and let ioredis reconnect.
  const reportError = (err: Error) => opts.onError?.(err);
  // The scripts go by their SHA (EVALSHA; ioredis sends the body once after a NOSCRIPT), not as
  // text with every publish (issue 9, throughput).
  command.defineCommand('dxePublish', { numberOfKeys: 3, lua: PUBLISH_SCRIPT });
  command.defineCommand('dxePublishMany', { numberOfKeys: 3, lua: PUBLISH_MANY_SCRIPT });
  const scripts = command as unknown as {
    dxePublish(...args: string[]): Promise<unknown>;
    dxePublishMany(...args: string[]): Promise<unknown>;
  };
  command.on('error', reportError);
  subscriber.on('error', reportError);
  const connected = Promise.all([command.connect(), subscriber.connect()]);
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = opts.connectTimeoutMs ?? 10_000;
  try {
    await Promise.race([
      connected,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    // Stop reconnecting: a process that cannot start must be able to exit.
    command.disconnect();
    subscriber.disconnect();
    connected.catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }

  const listeners = new Set<(event: SequencedEvent) => void>();
  const resetListeners = new Set<() => void>();
  const emit = (event: SequencedEvent & { epoch?: string }) => {
    lastDelivered = event.seq;
    delete event.epoch;
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
  let epoch = await command.get(epochKey);
  let chain: Promise<void> = Promise.resolve();
  /** Redis restarted (or its keys were lost): the numbering began again — start over from 0. */
  const adopt = (next: string) => {
    const restarted = epoch !== null;
    epoch = next;
    lastDelivered = 0;
    if (restarted) for (const r of resetListeners) r();
  };
  /** Delivers, in order, what the log holds after the last delivered number and before `before`. */
  const fillFromLog = async (before?: number) => {
    const rows = await command.zrangebyscore(logKey, `(${lastDelivered}`, before === undefined ? '+inf' : `(${before}`);
    for (const missed of rows.map(parseWire)) if (missed && missed.seq > lastDelivered) emit(missed);
  };
  subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    const event = parseWire(raw);
    if (!event) return;
    chain = chain.then(async () => {
      if (event.epoch && event.epoch !== epoch) adopt(event.epoch);
      if (event.seq <= lastDelivered) return;
      if (event.seq > lastDelivered + 1) await fillFromLog(event.seq).catch(() => undefined);
      emit(event);
    });
  });
  // A subscriber that was disconnected (an outage, a network blip) misses what was published
  // meanwhile and learns of it only from the next message. Once a second, compare the counter
  // with what was delivered and fill any gap from the log.
  const watch = setInterval(() => {
    if (command.status !== 'ready') return;
    chain = chain.then(async () => {
      const [seq, current] = await Promise.all([command.get(seqKey), command.get(epochKey)]);
      if (current && current !== epoch) adopt(current);
      if (Number(seq ?? 0) > lastDelivered) await fillFromLog();
    }).catch(() => undefined);
  }, GAP_CHECK_MS);
  watch.unref();
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
    onReset(listener) {
      resetListeners.add(listener);
      return () => resetListeners.delete(listener);
    },
  };

  return {
    log,
    remote: true,
    async publish(event: DomainEvent) {
      const body = JSON.stringify(event);
      await scripts.dxePublish(seqKey, logKey, epochKey, body, String(logSize), channel, randomUUID());
    },
    async publishMany(events: DomainEvent[]) {
      if (events.length === 0) return;
      const bodies = events.map((e) => JSON.stringify(e));
      await scripts.dxePublishMany(seqKey, logKey, epochKey, String(logSize), channel, randomUUID(), ...bodies);
    },
    subscribe(listener) {
      return log.subscribe(listener);
    },
    async close() {
      clearInterval(watch);
      listeners.clear();
      subscriber.disconnect();
      await command.quit().catch(() => command.disconnect());
    },
  };
}
