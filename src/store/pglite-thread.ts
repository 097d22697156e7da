// The main-thread side of the embedded database on its own thread (issue 9, throughput; the
// worker is pglite-worker.ts). It offers what drizzle's PGlite driver and openDatabase() use of a
// PGlite instance — query, exec, transaction, close — and forwards each call as a message. The
// engine has one session, so a transaction holds a lock on this side: statements of the open
// transaction go straight through, everything else waits until it commits or rolls back, exactly
// as PGlite's own transaction lock behaves on one thread.
import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import { DxeError } from '../core/errors.js';
import type { SerializedError, WorkerReply, WorkerRequest } from './pglite-worker.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The calls drizzle makes on a PGlite client or on its transaction. */
export interface PgliteLike {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Array<Results>>;
  transaction<T>(cb: (tx: PgliteLike & { rollback(): Promise<void> }) => Promise<T>): Promise<T>;
}

function revive(e: SerializedError): Error {
  const err = new Error(e.message);
  Object.assign(err, e);
  return err;
}

export class PgliteThread implements PgliteLike {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: Error | null = null;
  /** Settles when the last transaction queued for the session ends. */
  private lock: Promise<void> = Promise.resolve();
  /** Transactions open or waiting: while there are none, single statements go straight out. */
  private holders = 0;
  readonly waitReady: Promise<void>;

  constructor(dataDir?: string) {
    const ts = import.meta.url.endsWith('.ts');
    const url = new URL(ts ? './pglite-worker.ts' : './pglite-worker.js', import.meta.url).href;
    // The sources run through tsx (bin/dxe.js registers it on the main thread only): the worker
    // registers it for itself before loading its module.
    const boot = ts
      ? `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`
      : `import(${JSON.stringify(url)})`;
    this.worker = new Worker(boot, { eval: true, workerData: { dataDir } });
    this.waitReady = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    this.worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(revive(reply.error));
    });
    const fail = (err: Error) => {
      this.dead = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', (err) => fail(err));
    this.worker.on('exit', (code) => fail(new DxeError('INTERNAL', `嵌入式数据库线程已退出（代码 ${code}）`)));
  }

  private send<T>(req: Request): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  private direct(): PgliteLike & { rollback(): Promise<void> } {
    return {
      query: <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
        this.send<Results<T>>({
          op: 'query',
          sql,
          params,
          rowMode: options?.rowMode,
          rawTypes: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
        }),
      exec: (sql: string) => this.send<Array<Results>>({ op: 'exec', sql }),
      transaction: () => Promise.reject(new DxeError('INTERNAL', 'nested transactions are not supported')),
      rollback: async () => {
        await this.send({ op: 'exec', sql: 'ROLLBACK' });
      },
    };
  }

  /** Runs `fn` holding the session: alone, in arrival order. */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.lock;
    let release!: () => void;
    this.lock = new Promise<void>((r) => (release = r));
    this.holders++;
    try {
      await before;
      return await fn();
    } finally {
      this.holders--;
      release();
    }
  }

  /** A single statement: posted at once unless a transaction holds or awaits the session. */
  private single<T>(fn: () => Promise<T>): Promise<T> {
    return this.holders === 0 ? fn() : this.exclusive(fn);
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.single(() => this.direct().query<T>(sql, params, options));
  }

  exec(sql: string): Promise<Array<Results>> {
    return this.single(() => this.direct().exec(sql));
  }

  transaction<T>(cb: (tx: PgliteLike & { rollback(): Promise<void> }) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const tx = this.direct();
      await tx.exec('BEGIN');
      let value: T;
      try {
        value = await cb(tx);
      } catch (err) {
        await tx.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
      await tx.exec('COMMIT');
      return value;
    });
  }

  async close(): Promise<void> {
    if (this.dead) return;
    await this.exclusive(() => this.send({ op: 'close' }));
    await this.worker.terminate();
  }
}
