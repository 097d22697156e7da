// Reply delivery to a bridge's callback URL as a row-based outbox (DESIGN convention 5): a row per
// reply message, written in the transaction that stored the message (deliver.ts); a worker claims
// due rows with SKIP LOCKED (several `dxe serve` processes never send one twice), POSTs them with
// the poster the edge provides (src/channels/bridge), and retries failures with back-off.
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Database, Tx } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';

/** After this many failed attempts a delivery is given up (state `failed`, visible to the lead). */
export const MAX_ATTEMPTS = 8;
/** A claimed row is invisible to other workers this long while its POST runs. */
const LEASE_MS = 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

export async function queueBridgeDeliveries(
  tx: Tx,
  shopId: string,
  callbackUrl: string,
  messageIds: number[],
  now: Date,
): Promise<void> {
  if (messageIds.length === 0) return;
  await tx
    .insert(t.deliveries)
    .values(messageIds.map((messageId) => ({ shopId, messageId, callbackUrl, nextAttemptAt: now })));
}

/** Sends one JSON body to a URL; the edge's HTTP client implements it (src/channels/bridge). */
export type PostJson = (url: string, body: unknown) => Promise<{ ok: boolean; status: number }>;

export interface DeliveryRun {
  delivered: number;
  retried: number;
  failed: number;
}

/** The JSON a bridge receives for one reply (docs/openapi-bridge.yaml, ReplyDelivery). */
async function payloadFor(database: Database, messageId: number) {
  const [row] = await database.db
    .select({ m: t.messages, account: t.buyers.platformAccount })
    .from(t.messages)
    .innerJoin(t.conversations, eq(t.conversations.id, t.messages.conversationId))
    .innerJoin(t.buyers, eq(t.buyers.id, t.conversations.buyerId))
    .where(eq(t.messages.id, messageId));
  if (!row) return null;
  return {
    shop_id: row.m.shopId,
    conversation_id: row.m.conversationId,
    buyer_account_id: row.account,
    message: {
      id: row.m.id,
      seq: row.m.seq,
      text: row.m.text,
      author: row.m.authorKind,
      created_at: row.m.createdAt.toISOString(),
    },
  };
}

/** Claim due deliveries, POST each, record the outcome. */
export async function deliverDueReplies(opts: {
  database: Database;
  now: Date;
  post: PostJson;
  limit?: number;
}): Promise<DeliveryRun> {
  const { database, now, post } = opts;
  const claimed = await database.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(t.deliveries)
      .where(and(eq(t.deliveries.state, 'pending'), lte(t.deliveries.nextAttemptAt, now)))
      .orderBy(asc(t.deliveries.id))
      .limit(opts.limit ?? 50)
      .for('update', { skipLocked: true });
    if (due.length) {
      await tx
        .update(t.deliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(
          inArray(
            t.deliveries.id,
            due.map((d) => d.id),
          ),
        );
    }
    return due;
  });
  const run: DeliveryRun = { delivered: 0, retried: 0, failed: 0 };
  for (const d of claimed) {
    let error: string | null = null;
    try {
      const body = await payloadFor(database, d.messageId);
      if (!body) error = 'message not found';
      else {
        const res = await post(d.callbackUrl, body);
        if (!res.ok) error = `HTTP ${res.status}`;
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const attempts = d.attempts + 1;
    if (!error) {
      await database.db
        .update(t.deliveries)
        .set({ state: 'delivered', attempts, lastError: null })
        .where(eq(t.deliveries.id, d.id));
      run.delivered++;
    } else if (attempts >= MAX_ATTEMPTS) {
      await database.db
        .update(t.deliveries)
        .set({ state: 'failed', attempts, lastError: error })
        .where(eq(t.deliveries.id, d.id));
      run.failed++;
    } else {
      await database.db
        .update(t.deliveries)
        .set({ attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
        .where(eq(t.deliveries.id, d.id));
      run.retried++;
    }
  }
  return run;
}

/** A loop for `dxe serve`; returns a stop function that waits for the running step. */
export function startDeliveryLoop(opts: {
  database: Database;
  now: () => Date;
  post: PostJson;
  intervalMs?: number;
  onError?: (err: unknown) => void;
}): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    running = running
      .then(() => deliverDueReplies({ database: opts.database, now: opts.now(), post: opts.post }))
      .catch((err: unknown) => opts.onError?.(err));
  }, opts.intervalMs ?? 1000);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
