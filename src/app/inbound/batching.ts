// Group commit for the hot path (issue 9, throughput). Calls that arrive while earlier ones are
// in flight are gathered and sent as ONE statement (one round trip, one transaction, one commit):
// under load, many buyer messages share a round trip; alone, a message goes at once by itself,
// so nothing waits for a timer. Each caller still learns its own outcome, and its promise
// resolves only after the statement that stored it has committed — the bridge is answered 2xx
// only for a message that is durably stored. When a batch fails as a whole (a race with another
// transaction on the same message id, a deadlock, any error), nothing of it was kept and its
// items run again one by one, so one bad item never costs the others.

export interface MicroBatcherOptions<I, O> {
  /** Runs several items in one statement; results in the order of the items. */
  many(items: I[]): Promise<O[]>;
  /** Runs one item alone (a batch of one, and the fallback when a batch fails). */
  one(item: I): Promise<O>;
  /** Most items in one batch. */
  maxBatch: number;
  /** Batches in flight at once (pooled connections); the next gathers meanwhile. */
  maxInFlight: number;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export class MicroBatcher<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = 0;
  private inFlightItems = 0;
  /** How many batches ran and how many items they held (for tests and the bench). */
  readonly stats = { batches: 0, items: 0, fallbacks: 0 };

  /**
   * Items handed to call() whose promise has not settled yet: waiting for a batch or in one. A test
   * waits for this to reach its count instead of sleeping (issue 9: no fixed sleep racing a batch).
   */
  get queued(): number {
    return this.waiting.length + this.inFlightItems;
  }

  constructor(private readonly opts: MicroBatcherOptions<I, O>) {}

  call(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.opts.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.opts.maxBatch);
      this.inFlight++;
      this.inFlightItems += batch.length;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.inFlightItems -= batch.length;
        this.pump();
      });
    }
  }

  private async run(batch: Waiting<I, O>[]): Promise<void> {
    this.stats.batches++;
    this.stats.items += batch.length;
    if (batch.length > 1) {
      let results: O[] | null = null;
      try {
        results = await this.opts.many(batch.map((b) => b.item));
      } catch {
        // Nothing of the batch was kept: each item again on its own (below).
        this.stats.fallbacks++;
      }
      if (results) {
        batch.forEach((b, i) => b.resolve(results[i]!));
        return;
      }
    }
    await Promise.all(
      batch.map(async (b) => {
        try {
          b.resolve(await this.opts.one(b.item));
        } catch (err) {
          b.reject(err);
        }
      }),
    );
  }
}

/** One batcher per key object (a database, a bus) and name, made on first use. */
export function batcherCache<K extends object, B>(make: (key: K) => B): (key: K) => B {
  const cache = new WeakMap<K, B>();
  return (key) => {
    let b = cache.get(key);
    if (!b) cache.set(key, (b = make(key)));
    return b;
  };
}
