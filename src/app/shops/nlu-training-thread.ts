// Runs a shop's model training in a worker thread (issue 10, major 5) so the event loop keeps
// serving buyers, agents and health checks meanwhile. One training at a time per process (the
// machine's CPUs are for answering); each gets a fresh thread that ends with it, with a memory
// cap and a time limit: a thread that runs out of either is stopped and its training fails — the
// caller (shop-nlu.ts) logs that and keeps the previous model.
import { Worker } from 'node:worker_threads';
import type { Example } from '../../core/nlu/index.js';

export interface TrainingLimits {
  /** Old-generation heap of the thread, MB. */
  memoryMb: number;
  timeoutMs: number;
}

export const DEFAULT_TRAINING_LIMITS: TrainingLimits = { memoryMb: 1024, timeoutMs: 5 * 60_000 };

let limits: TrainingLimits = { ...DEFAULT_TRAINING_LIMITS };

/** Set by the process from its configuration (NLU_TRAIN_MEMORY_MB). */
export function setTrainingLimits(next: Partial<TrainingLimits>): void {
  limits = { ...limits, ...next };
}

const WORKER_URL = new URL('./nlu-train-worker.mjs', import.meta.url);

type Reply = { ok: true; bytes: Uint8Array; threadId: number } | { ok: false; error: string; threadId: number };

let queue: Promise<unknown> = Promise.resolve();

function runOnce(extraExamples: Example[], shopDictionary: string[]): Promise<{ bytes: Uint8Array; threadId: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } });
    let settled = false;
    const finish = (err: Error | null, value?: { bytes: Uint8Array; threadId: number }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (err) reject(err);
      else resolve(value!);
    };
    const timer = setTimeout(() => finish(new Error(`shop model training exceeded ${limits.timeoutMs} ms`)), limits.timeoutMs);
    worker.on('message', (reply: Reply) => {
      if (reply.ok) finish(null, { bytes: new Uint8Array(reply.bytes), threadId: reply.threadId });
      else finish(new Error(`shop model training failed in thread ${reply.threadId}: ${reply.error}`));
    });
    worker.on('error', (err) => finish(err));
    worker.on('exit', (code) => finish(new Error(`the training thread ended (exit code ${code}) before answering`)));
    worker.postMessage({ extraExamples, shopDictionary });
  });
}

/** Trains in a worker thread and hands back the model's bytes and the thread's id. */
export function trainInThread(extraExamples: Example[], shopDictionary: string[]): Promise<{ bytes: Uint8Array; threadId: number }> {
  const run = queue.then(
    () => runOnce(extraExamples, shopDictionary),
    () => runOnce(extraExamples, shopDictionary),
  );
  queue = run.catch(() => undefined);
  return run;
}
