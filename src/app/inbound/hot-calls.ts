// The two writes of a buyer message's hot path — receive (dxe_receive) and the committed answer
// (dxe_answer) — each through a group-commit batcher (batching.ts): one request alone makes the
// single call as before; concurrent requests share one call of dxe_receive_many /
// dxe_answer_many (migration 0012). Events are published after commit, once, as with
// writeWithEvents; with a remote bus the write's own statement also stores its result in the event
// outbox (store callJsonStaged), from which the events are derived — after commit here, or by the
// retry loop of any process after a crash or an outage — so a message costs no BEGIN, outbox
// INSERT and COMMIT round trips on top of its write.
import type { DomainEvent } from '../../core/contract/events.js';
import type { Database } from '../../store/open-database.js';
import { callJson, callJsonStaged, type SqlArg } from '../../store/sql-functions.js';
import type { EventBus } from '../events/event-bus.js';
import { publishCommitted, registerStagedEvents, writeWithEvents, type TransactDeps } from '../events/outbox.js';
import { MicroBatcher } from './batching.js';

/** One write of the hot path (`_R`: the type of its result, for the batcher that runs it). */
export interface HotCall<_R> {
  deps: TransactDeps;
  /** The single function's arguments. */
  args: SqlArg[];
  /** The same as one item of the batch function. */
  item: Record<string, unknown>;
  /** Orders a batch's items (shop and buyer account) so two batches lock rows in one order. */
  lockKey: string;
  /** The shop the write is for (the outbox row's shop). */
  shopId: string;
  /** What, beside the result, the kind's events are derived from (JSON: it may be stored). */
  extra: unknown;
}

export interface HotKind {
  single: string;
  many: string;
  /** Arguments of the batch function after the items. */
  manyArgs: SqlArg[];
  /** What a single call's error means, when it is an answer rather than a failure. */
  recover?(err: unknown): unknown;
  /** The events of one committed write, from its call's `extra` and its result. */
  events(extra: unknown, result: never): DomainEvent[];
}

/**
 * Lets every process derive the events of a staged outbox row of this kind (single and batch);
 * called where the kind is defined, so any process that serves the inbound path knows it.
 */
export function registerHotKind(kind: HotKind): void {
  const events = kind.events as (extra: unknown, result: unknown) => DomainEvent[];
  registerStagedEvents(kind.single, (data) => {
    const { result, extra } = data as { result: unknown; extra: unknown };
    return events(extra, result);
  });
  registerStagedEvents(kind.many, (data) => {
    const { result, extra } = data as { result: unknown[]; extra: unknown[] };
    return result.flatMap((r, i) => events(extra[i], r));
  });
}

/**
 * One hot write and its events. Local bus: the call alone, then the events. Remote bus: the call
 * with its staged outbox row in one statement, then the events published (and the row removed).
 */
async function writeHot<T>(deps: TransactDeps, name: string, args: SqlArg[], stage: { shopId: string; extra: unknown }, events: (result: T) => DomainEvent[]): Promise<T> {
  if (!deps.bus.remote) return writeWithEvents(deps, async (target) => (await callJson(target, name, args)) as T, events);
  const { result, outboxId } = await callJsonStaged(deps.database, name, args, stage);
  await publishCommitted(deps, { events: events(result as T), outboxIds: [outboxId], staged: true });
  return result as T;
}

const MAX_BATCH = 32;

/** PostgreSQL chose this statement's transaction to end a deadlock: nothing of it was kept. */
function isDeadlock(err: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined);
  return code(err) === '40P01' || code((err as { cause?: unknown } | null)?.cause) === '40P01';
}

function makeBatcher<R>(database: Database, bus: EventBus, kind: HotKind): MicroBatcher<HotCall<R>, R> {
  return new MicroBatcher<HotCall<R>, R>({
    maxBatch: MAX_BATCH,
    // The embedded engine runs one statement at a time; a pool runs two batches side by side.
    maxInFlight: database.kind === 'pglite' ? 1 : 2,
    async one(call) {
      const events = (r: R) => kind.events(call.extra, r as never);
      const once = () => writeHot<R>(call.deps, kind.single, call.args, call, events);
      try {
        // A deadlock rolled the call back whole: once more is safe (and the other side has gone on).
        return await once().catch((err: unknown) => (isDeadlock(err) ? once() : Promise.reject(err)));
      } catch (err) {
        if (!kind.recover) throw err;
        return kind.recover(err) as R;
      }
    },
    async many(calls) {
      const deps: TransactDeps = {
        database,
        bus,
        onPublishError: (err) => {
          for (const c of calls) c.deps.onPublishError?.(err);
        },
      };
      const items = calls.map((c) => ({ ...c.item, lock_key: c.lockKey }));
      return writeHot<R[]>(
        deps,
        kind.many,
        [{ json: items }, ...kind.manyArgs],
        { shopId: calls[0]!.shopId, extra: calls.map((c) => c.extra) },
        (results) => results.flatMap((r, i) => kind.events(calls[i]!.extra, r as never)),
      );
    },
  });
}

const batchers = new WeakMap<Database, WeakMap<EventBus, Map<string, MicroBatcher<HotCall<unknown>, unknown>>>>();

/** The batcher of one kind of hot write for a database and bus. */
export function hotBatcher<R>(database: Database, bus: EventBus, kind: HotKind): MicroBatcher<HotCall<R>, R> {
  let byBus = batchers.get(database);
  if (!byBus) batchers.set(database, (byBus = new WeakMap()));
  let byKind = byBus.get(bus);
  if (!byKind) byBus.set(bus, (byKind = new Map()));
  let b = byKind.get(kind.single);
  if (!b) byKind.set(kind.single, (b = makeBatcher<unknown>(database, bus, kind)));
  return b as MicroBatcher<HotCall<R>, R>;
}

/**
 * How many batches and items each hot write has run so far for a database and bus, and how many
 * calls it holds now (`queued`: waiting or in a batch not yet settled) (tests, bench).
 */
export function groupCommitStats(database: Database, bus: EventBus): Record<string, MicroBatcher<unknown, unknown>['stats'] & { queued: number }> {
  const byKind = batchers.get(database)?.get(bus);
  return Object.fromEntries([...(byKind ?? new Map<string, MicroBatcher<unknown, unknown>>())].map(([name, b]) => [name, { ...b.stats, queued: b.queued }]));
}
