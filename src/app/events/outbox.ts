// Events leave after their transaction commits, never before and never instead (issue 9: publish
// each event once; issue 10: a bus failure must neither lose an event nor fail a stored write).
// A use case runs its writes in `transact(deps, (tx, emit) => …)`. With the in-process bus the
// emitted events are published right after commit (it cannot fail). With a remote bus (Redis)
// they are also written to the event_outbox table in the same transaction; after commit this
// process claims its own rows, publishes and deletes them, and a background loop retries any row
// left behind by an outage or a crash. Rows are claimed with FOR UPDATE SKIP LOCKED and deleted in
// the claiming transaction, so two processes never publish one row twice while both are alive.
// Throughput (issue 9): the rows committed by concurrent requests of one process are published
// together — one claim-and-delete transaction and one bus call (publishMany) per batch, while
// the previous batch is in flight the next one gathers — instead of a transaction per request.
import { asc, inArray, lte, sql } from 'drizzle-orm';
import type { DomainEvent } from '../../core/contract/events.js';
import type { Database, Tx } from '../../store/open-database.js';
import { eventOutbox } from '../../store/schema/index.js';
import type { EventBus } from './event-bus.js';
import { startDrainLoop } from '../runtime/drain-loop.js';

export type Emit = (event: DomainEvent) => void;

export interface TransactDeps {
  database: Database;
  bus: EventBus;
  /** Told when an event could not be published now (it stays in the outbox and is retried). */
  onPublishError?: (err: unknown) => void;
}

/** Events emitted in a committed transaction, ready to go out. */
export interface Committed {
  events: DomainEvent[];
  /** Their outbox rows (remote bus only). */
  outboxIds: number[];
  /** The events all belong to the one row of a staged result (outboxIds has one id). */
  staged?: boolean;
}

/**
 * Outbox rows of the hot path hold a write's result, not its events (`{ staged: kind, data }`,
 * written by store `callJsonStaged` in the write's own statement); the events are derived from it
 * by the function registered for the kind — the same one that derives them after commit — so the
 * retry loop of any process publishes what the writer would have (issue 9, throughput).
 */
const stagedKinds = new Map<string, (data: unknown) => DomainEvent[]>();

export function registerStagedEvents(kind: string, events: (data: unknown) => DomainEvent[]): void {
  stagedKinds.set(kind, events);
}

/** The events an outbox row stands for: its event, or those derived from a staged result. */
export function eventsOfOutboxRow(stored: unknown): DomainEvent[] {
  if (stored && typeof stored === 'object' && 'staged' in stored) {
    const { staged, data } = stored as { staged: unknown; data: unknown };
    const derive = stagedKinds.get(String(staged));
    // Left in the outbox (the claiming transaction fails) until a process that knows it runs.
    if (!derive) throw new Error(`outbox row of unknown staged kind ${String(staged)}`);
    return derive(data);
  }
  return [stored as DomainEvent];
}

/**
 * Runs `work` in one transaction; events it emits are stored with it (remote bus) and published
 * after commit. Publishing never throws: what fails now is retried from the outbox.
 */
export async function transact<T>(deps: TransactDeps, work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const { result, committed } = await transactHeld(deps, work);
  await publishCommitted(deps, committed);
  return result;
}

/**
 * Like transact, but hands the committed events back instead of publishing them, for a caller
 * that has more to do first (it must call publishCommitted).
 */
export async function transactHeld<T>(
  deps: TransactDeps,
  work: (tx: Tx, emit: Emit) => Promise<T>,
): Promise<{ result: T; committed: Committed }> {
  const events: DomainEvent[] = [];
  let outboxIds: number[] = [];
  const result = await deps.database.db.transaction(async (tx) => {
    events.length = 0;
    const value = await work(tx, (e) => events.push(e));
    outboxIds = await stage(tx, deps.bus, events);
    return value;
  });
  return { result, committed: { events: [...events], outboxIds } };
}

/** Writes events to the outbox inside the caller's transaction when the bus is remote. */
export async function stage(tx: Tx, bus: EventBus, events: DomainEvent[]): Promise<number[]> {
  if (!bus.remote || events.length === 0) return [];
  const rows = await tx
    .insert(eventOutbox)
    .values(events.map((event) => ({ shopId: event.shopId, event })))
    .returning({ id: eventOutbox.id });
  return rows.map((r) => r.id);
}

export async function publishCommitted(deps: TransactDeps, committed: Committed): Promise<void> {
  if (committed.events.length === 0) return;
  if (!deps.bus.remote) {
    for (const event of committed.events) {
      try {
        await deps.bus.publish(event);
      } catch (err) {
        deps.onPublishError?.(err);
      }
    }
    return;
  }
  try {
    await publisherFor(deps.database, deps.bus).publish(committed);
  } catch (err) {
    deps.onPublishError?.(err);
  }
}

/** Publishes events in order: one bus call when the bus takes several at once. */
async function publishAll(bus: EventBus, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (bus.publishMany) await bus.publishMany(events);
  else for (const event of events) await bus.publish(event);
}

/**
 * The committed outbox rows of one process, published in batches: a request hands in its rows
 * and waits; while a batch is being published the next one gathers. A batch is one transaction
 * that deletes its rows (locking them; rows the retry loop of another process holds are waited
 * for, rows it already published are gone and skipped), publishes the events of the rows it
 * deleted in one bus call, and commits; if publishing fails the transaction rolls back and the
 * rows stay for the retry loop.
 */
class OutboxPublisher {
  private waiting: { committed: Committed; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private busy = false;

  constructor(
    private readonly database: Database,
    private readonly bus: EventBus,
  ) {}

  publish(committed: Committed): Promise<void> {
    if (committed.outboxIds.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ committed, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.busy || this.waiting.length === 0) return;
    this.busy = true;
    const batch = this.waiting.splice(0, 500);
    void this.run(batch).finally(() => {
      this.busy = false;
      this.pump();
    });
  }

  private async run(batch: OutboxPublisher['waiting']): Promise<void> {
    try {
      const byId = new Map<number, DomainEvent[]>();
      for (const { committed } of batch) {
        // Rows and events pair up in order: stage() wrote one row per event; a staged result
        // (callJsonStaged) is one row for all of its write's events.
        if (committed.staged) byId.set(committed.outboxIds[0]!, committed.events);
        else committed.outboxIds.forEach((id, i) => byId.set(id, [committed.events[i]!]));
      }
      const publishDeleted = async (deleted: { id: number | string }[]) => {
        const ids = deleted.map((r) => Number(r.id)).sort((a, b) => a - b);
        await publishAll(this.bus, ids.flatMap((id) => byId.get(id)!));
      };
      const wanted = [...byId.keys()];
      if (this.database.transactionFrom && wanted.every((id) => Number.isSafeInteger(id))) {
        // BEGIN and the DELETE in one round trip (issue 9, throughput): the ids are the integers
        // the outbox handed out, written into the text.
        await this.database.transactionFrom(
          `DELETE FROM event_outbox WHERE id IN (${wanted.join(',')}) RETURNING id`,
          publishDeleted,
        );
      } else {
        await this.database.db.transaction(async (tx) => {
          await publishDeleted(await tx.delete(eventOutbox).where(inArray(eventOutbox.id, wanted)).returning({ id: eventOutbox.id }));
        });
      }
      for (const b of batch) b.resolve();
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}

const publishers = new WeakMap<Database, WeakMap<EventBus, OutboxPublisher>>();

function publisherFor(database: Database, bus: EventBus): OutboxPublisher {
  let byBus = publishers.get(database);
  if (!byBus) publishers.set(database, (byBus = new WeakMap()));
  let publisher = byBus.get(bus);
  if (!publisher) byBus.set(bus, (publisher = new OutboxPublisher(database, bus)));
  return publisher;
}

/**
 * Claims outbox rows (the given ids, or every row older than `olderThan`), publishes them in id
 * order and deletes them, in one transaction: if publishing fails the transaction rolls back and
 * the rows stay for the next try. Returns how many were published.
 */
export async function publishOutboxRows(
  database: Database,
  bus: EventBus,
  which: { ids: number[] } | { olderThan: Date; limit?: number },
): Promise<number> {
  if ('ids' in which && which.ids.length === 0) return 0;
  return database.db.transaction(async (tx) => {
    const claimed = await tx
      .select()
      .from(eventOutbox)
      .where('ids' in which ? inArray(eventOutbox.id, which.ids) : lte(eventOutbox.createdAt, which.olderThan))
      .orderBy(asc(eventOutbox.id))
      .limit('ids' in which ? which.ids.length : (which.limit ?? 500))
      .for('update', { skipLocked: true });
    if (claimed.length === 0) return 0;
    await publishAll(bus, claimed.flatMap((row) => eventsOfOutboxRow(row.event)));
    await tx.delete(eventOutbox).where(inArray(eventOutbox.id, claimed.map((r) => r.id)));
    return claimed.length;
  });
}

/** Counts the events still waiting (for health checks and tests). */
export async function pendingEvents(database: Database): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(eventOutbox);
  return row?.n ?? 0;
}

/**
 * The retry loop of a process on a remote bus: every interval, publishes rows older than
 * `graceMs` (younger ones are still being published by the process that wrote them).
 */
export function startOutboxLoop(opts: {
  database: Database;
  bus: EventBus;
  now: () => Date;
  intervalMs?: number;
  graceMs?: number;
  onError?: (err: unknown) => void;
}): () => Promise<void> {
  // Drain in batches while the bus takes them.
  return startDrainLoop(
    () => publishOutboxRows(opts.database, opts.bus, { olderThan: new Date(opts.now().getTime() - (opts.graceMs ?? 1000)) }),
    { intervalMs: opts.intervalMs ?? 500, onError: opts.onError },
  );
}

/**
 * One write that is a single statement (a server-side function of the hot path) plus the events
 * it causes. With the in-process bus the statement runs on its own (its own transaction) and the
 * events follow; with a remote bus it runs in a transaction with the events' outbox rows.
 */
export async function writeWithEvents<T>(
  deps: TransactDeps,
  write: (target: Database | Tx) => Promise<T>,
  events: (result: T) => DomainEvent[],
): Promise<T> {
  if (!deps.bus.remote) {
    const result = await write(deps.database);
    await publishCommitted(deps, { events: events(result), outboxIds: [] });
    return result;
  }
  return transact(deps, async (tx, emit) => {
    const result = await write(tx);
    for (const e of events(result)) emit(e);
    return result;
  });
}

/**
 * Like writeWithEvents for a statement that stores several things at once (a group commit of
 * the hot path): the events of every result are staged and published together, once.
 */
export async function writeManyWithEvents<T>(
  deps: TransactDeps,
  write: (target: Database | Tx) => Promise<T[]>,
  events: (result: T) => DomainEvent[],
): Promise<T[]> {
  return writeWithEvents(deps, write, (results) => results.flatMap(events));
}
