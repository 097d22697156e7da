// The worker side of the embedded database on its own thread (issue 9, throughput): PGlite runs
// its engine (WebAssembly) synchronously on the thread that owns it, so on the server's main
// thread every statement stops HTTP parsing, the intent model and the guard. Here it owns a
// thread of its own and the main thread talks to it by messages (pglite-thread.ts). Requests are
// run strictly in arrival order; the main side makes sure that while a transaction is open only
// that transaction's statements are sent.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params?: unknown[]; rowMode?: 'array' | 'object'; rawTypes?: number[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'close' };

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

export interface SerializedError {
  message: string;
  name?: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  severity?: string;
}

const port = parentPort;
if (!port) throw new Error('pglite-worker must run in a worker thread');

const identity = (value: unknown) => value;
const rawParsers = new Map<string, QueryOptions['parsers']>();
/** drizzle reads some types as the server's text (timestamps, intervals…): the same here. */
function parsersFor(types: number[] | undefined): QueryOptions['parsers'] | undefined {
  if (!types || types.length === 0) return undefined;
  const key = types.join(',');
  let parsers = rawParsers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(types.map((t) => [t, identity]));
    rawParsers.set(key, parsers);
  }
  return parsers;
}

function serialize(err: unknown): SerializedError {
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    const out: SerializedError = { message: String(e.message ?? err) };
    for (const k of ['name', 'code', 'detail', 'constraint', 'table', 'severity'] as const) {
      if (typeof e[k] === 'string') out[k] = e[k] as string;
    }
    return out;
  }
  return { message: String(err) };
}

const dataDir = (workerData as { dataDir?: string } | undefined)?.dataDir;
const db = dataDir ? new PGlite(dataDir) : new PGlite();
let chain: Promise<unknown> = db.waitReady.then(
  () => port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies WorkerReply),
  (err: unknown) => port.postMessage({ id: 0, ok: false, error: serialize(err) } satisfies WorkerReply),
);

async function run(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'query': {
      const res = await db.query(req.sql, req.params, {
        rowMode: req.rowMode ?? 'object',
        parsers: parsersFor(req.rawTypes),
      });
      return { rows: res.rows, fields: res.fields, affectedRows: res.affectedRows };
    }
    case 'exec': {
      const results = await db.exec(req.sql);
      return results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case 'close':
      await db.close();
      return null;
  }
}

port.on('message', (req: WorkerRequest) => {
  chain = chain.then(async () => {
    let reply: WorkerReply;
    try {
      reply = { id: req.id, ok: true, value: await run(req) };
    } catch (err) {
      reply = { id: req.id, ok: false, error: serialize(err) };
    }
    port.postMessage(reply);
    if (req.op === 'close') port.close();
  });
});
