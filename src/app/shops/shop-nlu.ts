// Each shop's intent model: the shipped examples plus the shop's own (added in the workbench) and
// its item titles as the segmentation dictionary (issue 3). A shop without examples of its own uses
// the shared model. Training takes a few seconds of CPU, so it never runs on a buyer's message: the
// shop's current model (or the shared one) answers while a new one trains in the background.
// Every process re-reads the shop's training version at most every VERSION_TTL_MS, so a change made
// through any `dxe serve` reaches all of them.
// Training runs in a worker thread (nlu-training-thread.ts, issue 10 major 5): the event loop keeps
// answering meanwhile; the trained weights come back as bytes.
// A model trained before on the very same input (the shipped examples, the shop's examples and
// titles) is read from the model cache (nlu-model-cache.ts, keyed by a hash of that input) instead
// of being trained again: after a restart, in a second process, or when a shop's examples come back
// to an earlier set. Any change to that input is another key, so it trains.
// A training that fails (a database error, a word the segmenter refuses, the thread running out of
// memory or time…) is caught and logged, and
// the previous model keeps serving (issue 10, critical 1): background training never rejects, so it
// can never end the process; the same failed version is retried only after FAILED_RETRY_MS.
import { asc, count, eq, max } from 'drizzle-orm';
import { getDefaultNlu, loadedDefaultNlu, nluFromModelBytes, type Nlu } from '../../core/nlu/index.js';
import { isIntentId } from '../../core/intents.js';
import type { Database } from '../../store/open-database.js';
import { items, trainingExamples } from '../../store/schema/index.js';
import type { Log } from '../runtime/context.js';
import { trainInThread } from './nlu-training-thread.js';
import { nluModelCache, shopModelKey, useNluModelCache } from './nlu-model-cache.js';
import { recordRetrain } from './retrain-record.js';

// The shared model is read from the on-disk model cache when a process has trained it before.
useNluModelCache();

const VERSION_TTL_MS = 30_000;
const FAILED_RETRY_MS = 10 * 60_000;

type NluLog = Pick<Log, 'info' | 'error'>;

/** Until a process hands in its logger (setShopNluLog), failures go to stderr. */
const stderrLog: NluLog = {
  info: () => {},
  error: (obj, msg) => console.error(msg ?? '', obj),
};
let log: NluLog = stderrLog;

/** Where training failures are reported (the `dxe serve` logger; tests pass their own). */
export function setShopNluLog(next: NluLog | null): void {
  log = next ?? stderrLog;
}

interface Entry {
  /** Version the ready model was trained on ('' = shared model). */
  version: string;
  model: Nlu | null;
  checkedAt: number;
  training: Promise<void> | null;
  /** The version whose training last failed, and when (ms). */
  failed: { version: string; atMs: number } | null;
  /**
   * Id of the thread the ready model was trained in (0 = the main thread); null for the shared
   * model or one read from the model cache.
   */
  trainedIn: number | null;
  /** The ready model was read from the model cache, not trained by this process. */
  fromCache: boolean;
}

/**
 * The shops' models per database (issue 9: a test worker runs many files, each on a database of
 * its own whose shops may share ids such as `demo-tmall`; a process serves one database).
 */
let entriesByDatabase = new WeakMap<Database, Map<string, Entry>>();

function entriesOf(database: Database): Map<string, Entry> {
  let entries = entriesByDatabase.get(database);
  if (!entries) {
    entries = new Map();
    entriesByDatabase.set(database, entries);
  }
  return entries;
}

async function trainingVersion(database: Database, shopId: string): Promise<string> {
  const [ex] = await database.db
    .select({ n: count(), last: max(trainingExamples.createdAt) })
    .from(trainingExamples)
    .where(eq(trainingExamples.shopId, shopId));
  if (!ex || ex.n === 0) return '';
  const [it] = await database.db.select({ n: count() }).from(items).where(eq(items.shopId, shopId));
  return `${ex.n}:${ex.last?.toISOString() ?? ''}:${it?.n ?? 0}`;
}

async function train(database: Database, shopId: string, version: string, entry: Entry): Promise<void> {
  if (version === '') {
    entry.model = null;
    entry.version = '';
    entry.trainedIn = null;
    entry.fromCache = false;
    return;
  }
  const readAt = new Date();
  // In a fixed order: the same examples and titles are the same training input (and cache key).
  // Examples added together share one created_at (one request, one clock reading) and their ids
  // are random, so after the time they go by text and intent, the id last: ordered by id, the same
  // batch was another input, another cache key and another training after each restart (issue 9).
  const rows = await database.db
    .select({ id: trainingExamples.id, text: trainingExamples.text, intent: trainingExamples.intent })
    .from(trainingExamples)
    .where(eq(trainingExamples.shopId, shopId))
    .orderBy(asc(trainingExamples.createdAt), asc(trainingExamples.text), asc(trainingExamples.intent), asc(trainingExamples.id));
  const titles = await database.db
    .select({ title: items.title })
    .from(items)
    .where(eq(items.shopId, shopId))
    .orderBy(asc(items.title), asc(items.id));
  const extraExamples = rows.flatMap((r) => (isIntentId(r.intent) ? [{ text: r.text, intent: r.intent }] : []));
  const shopDictionary = titles.map((t) => t.title);
  const cache = nluModelCache();
  const key = cache ? shopModelKey(extraExamples, shopDictionary) : '';
  let model = cachedModel(cache?.load(key), shopDictionary);
  const fromCache = model !== undefined;
  let threadId: number | null = null;
  if (!model) {
    const trained = await trainInThread(extraExamples, shopDictionary);
    model = nluFromModelBytes(trained.bytes, shopDictionary);
    threadId = trained.threadId;
    cache?.save(key, trained.bytes);
  }
  // The model serving until now (the shared one only if this process has it: training it here
  // would stop the event loop).
  const previous = entry.model ?? loadedDefaultNlu() ?? null;
  entry.model = model;
  entry.version = version;
  entry.trainedIn = threadId;
  entry.fromCache = fromCache;
  // Issue 12: the agents' corrections this model took in, and what it changed on them. A failure
  // here is logged; the new model keeps serving.
  await recordRetrain(database, shopId, readAt, rows.map((r) => r.id), previous, model).catch((err: unknown) =>
    log.error({ err, shopId }, 'recording the shop NLU retrain failed'),
  );
}

/** The model in a cache file's bytes; undefined when there are none or they are not a model of this version. */
function cachedModel(bytes: Uint8Array | undefined, shopDictionary: string[]): Nlu | undefined {
  if (!bytes) return undefined;
  try {
    return nluFromModelBytes(bytes, shopDictionary);
  } catch {
    return undefined;
  }
}

/**
 * The model to classify this shop's messages with now. Never waits for training; notices changes
 * within VERSION_TTL_MS (or at once after `invalidateShopNlu`) and retrains in the background.
 */
export async function nluForShop(database: Database, shopId: string, nowMs = Date.now()): Promise<Nlu> {
  const entries = entriesOf(database);
  let entry = entries.get(shopId);
  if (!entry) {
    entry = { version: '', model: null, checkedAt: 0, training: null, failed: null, trainedIn: null, fromCache: false };
    entries.set(shopId, entry);
  }
  if (!entry.training && nowMs - entry.checkedAt >= VERSION_TTL_MS) {
    entry.checkedAt = nowMs;
    const version = await trainingVersion(database, shopId);
    const failedLately = entry.failed?.version === version && nowMs - entry.failed.atMs < FAILED_RETRY_MS;
    if (version !== entry.version && !failedLately) {
      const e = entry;
      e.training = train(database, shopId, version, e)
        .then(() => {
          e.failed = null;
        })
        .catch((err: unknown) => {
          e.failed = { version, atMs: nowMs };
          log.error({ err, shopId, version }, 'shop NLU training failed; the previous model keeps serving');
        })
        .finally(() => {
          e.training = null;
        });
    }
  }
  return entry.model ?? getDefaultNlu();
}

/** Forces a version check on the next message (after the shop's examples or items changed here). */
export function invalidateShopNlu(database: Database, shopId: string): void {
  const entry = entriesOf(database).get(shopId);
  if (entry) entry.checkedAt = 0;
}

/**
 * Trains the shop's model now and waits for it (start-up, tests). A failed training leaves the
 * previous model, which is returned; only a failure to read the shop's version rejects.
 */
export async function refreshShopNlu(database: Database, shopId: string): Promise<Nlu> {
  // A training already running read the examples before this change: let it finish, then check again.
  const entries = entriesOf(database);
  const running = entries.get(shopId)?.training;
  if (running) await running;
  invalidateShopNlu(database, shopId);
  await nluForShop(database, shopId);
  await entries.get(shopId)?.training;
  return entries.get(shopId)?.model ?? getDefaultNlu();
}

/** Retrains in the background after a change here; never rejects (failures are logged). */
export function retrainShopNlu(database: Database, shopId: string): void {
  refreshShopNlu(database, shopId).catch((err: unknown) => log.error({ err, shopId }, 'shop NLU retrain failed'));
}

/**
 * The thread the shop's current model was trained in (null: the shop uses the shared model, or
 * its model was read from the model cache).
 */
export function shopNluTrainedIn(database: Database, shopId: string): number | null {
  return entriesOf(database).get(shopId)?.trainedIn ?? null;
}

/** Whether the shop's current model was read from the model cache rather than trained here. */
export function shopNluFromCache(database: Database, shopId: string): boolean {
  return entriesOf(database).get(shopId)?.fromCache ?? false;
}

/** For tests: forget every shop's model. */
export function resetShopNlu(): void {
  entriesByDatabase = new WeakMap();
}
