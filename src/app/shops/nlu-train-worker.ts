// The body of the thread a shop's intent model trains in (issue 10, major 5): training is seconds
// of CPU, and on the main thread it froze every shop, socket and health check. The parent posts
// the examples and dictionary; this thread answers with the model's bytes and its own thread id.
import { parentPort, threadId } from 'node:worker_threads';
import { trainNluBytes } from '../../core/nlu/index.js';
import type { Example } from '../../core/nlu/index.js';

export interface TrainRequest {
  extraExamples: Example[];
  shopDictionary: string[];
}

export type TrainReply = { ok: true; bytes: Uint8Array; threadId: number } | { ok: false; error: string; threadId: number };

parentPort?.on('message', (req: TrainRequest) => {
  let reply: TrainReply;
  try {
    const bytes = trainNluBytes({ extraExamples: req.extraExamples, shopDictionary: req.shopDictionary });
    reply = { ok: true, bytes, threadId };
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err), threadId };
  }
  parentPort!.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
});
