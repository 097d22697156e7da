// The bridge delivery outbox in batches (issue 9, throughput): one claim for many rows, POSTs side
// by side with one conversation's replies in order, one statement for every outcome. A failed POST
// keeps the others delivered and is retried alone after its back-off; two workers at once never
// send one row twice; a process that queued replies nudges its worker, which sends them without
// waiting for a poll. Real store (PGlite; PostgreSQL when DATABASE_URL is set), demo shop.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, deliverDueReplies, startDeliveryLoop, type PostJson } from '../../src/app/delivery/bridge-outbox.js';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage, type InboundResult } from '../../src/app/inbound/handle-inbound-message.js';
import { invalidateShopContext } from '../../src/app/shops/shop-context.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { until } from '../helpers/wait.js';

const SHOP = 'demo-tmall';
const URL_OK = 'https://bridge.example/replies';
let h: TestApp;
const bus = createLocalBus();

interface Posted {
  url: string;
  body: { conversation_id: string; buyer_account_id: string; message: { id: number; seq: number; text: string } };
}

beforeAll(async () => {
  h = await startTestApp();
  const [shop] = await h.database.db.select().from(t.shops).where(eq(t.shops.id, SHOP));
  await h.database.db.update(t.shops)
    .set({ settings: { ...(shop!.settings as Record<string, unknown>), bridgeCallbackUrl: URL_OK } })
    .where(eq(t.shops.id, SHOP));
  invalidateShopContext(h.database, SHOP);
});
afterAll(async () => h?.close());

async function buyerSays(account: string, messageId: string, text: string): Promise<InboundResult> {
  return handleInboundMessage({ database: h.database, bus, now: h.now }, { shopId: SHOP, buyerAccountId: account, channel: 'bridge', messageId, text });
}

async function deliveriesOf(results: InboundResult[]) {
  const ids = results.flatMap((r) => r.replies.map((m) => m.id));
  return h.database.db.select().from(t.deliveries).where(inArray(t.deliveries.messageId, ids));
}

describe('bridge delivery outbox in batches', () => {
  it('one failing POST keeps the rest of the batch delivered and is retried alone after its back-off', async () => {
    const results = [
      await buyerSays('db_buyer_1', 'db-1', '在吗'),
      await buyerSays('db_buyer_2', 'db-2', '在吗'),
      await buyerSays('db_buyer_3', 'db-3', '包邮吗'),
    ];
    const failing = results[1]!.replies[0]!.id;
    const posted: Posted[] = [];
    let down = true;
    const post: PostJson = async (url, body) => {
      const b = body as Posted['body'];
      if (down && b.message.id === failing) return { ok: false, status: 503 };
      posted.push({ url, body: b });
      return { ok: true, status: 200 };
    };
    const total = results.reduce((n, r) => n + r.replies.length, 0);
    const run = await deliverDueReplies({ database: h.database, now: h.now, post });
    expect(run).toEqual({ delivered: total - 1, retried: 1, failed: 0 });
    // Every reply but the failed one, each once, each conversation's replies in order.
    expect(posted.map((p) => p.body.message.id).sort()).toEqual(
      results.flatMap((r) => r.replies.map((m) => m.id)).filter((id) => id !== failing).sort(),
    );
    results.forEach((r, i) => {
      const mine = posted.filter((p) => p.body.conversation_id === r.conversationId);
      const seqs = mine.map((p) => p.body.message.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(mine.every((p) => p.body.buyer_account_id === `db_buyer_${i + 1}`)).toBe(true);
    });
    const rows = await deliveriesOf(results);
    const failed = rows.find((d) => d.messageId === failing)!;
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 503' });
    expect(failed.nextAttemptAt.getTime()).toBe(h.now.getTime() + backoffMs(1));
    expect(rows.filter((d) => d.messageId !== failing).every((d) => d.state === 'delivered' && d.attempts === 1)).toBe(true);

    // Not due again before its back-off; after it, only the failed one goes, and is delivered.
    expect(await deliverDueReplies({ database: h.database, now: h.now, post })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    down = false;
    posted.length = 0;
    const later = new Date(h.now.getTime() + backoffMs(1));
    expect(await deliverDueReplies({ database: h.database, now: later, post })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(posted.map((p) => p.body.message.id)).toEqual([failing]);
    const [retried] = await h.database.db.select().from(t.deliveries).where(eq(t.deliveries.id, failed.id));
    expect(retried).toMatchObject({ state: 'delivered', attempts: 2, lastError: null });
  });

  it('two workers at once never send one row twice', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await buyerSays(`db_pair_${i}`, `db-pair-${i}`, '在吗'));
    const seen = new Map<number, number>();
    const post: PostJson = async (_url, body) => {
      const id = (body as Posted['body']).message.id;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
      return { ok: true, status: 200 };
    };
    const runs = await Promise.all([
      deliverDueReplies({ database: h.database, now: h.now, post, limit: 4 }),
      deliverDueReplies({ database: h.database, now: h.now, post, limit: 4 }),
      deliverDueReplies({ database: h.database, now: h.now, post, limit: 4 }),
    ]);
    while ((await deliverDueReplies({ database: h.database, now: h.now, post })).delivered > 0);
    const ids = results.flatMap((r) => r.replies.map((m) => m.id));
    expect(runs.reduce((n, r) => n + r.delivered, 0)).toBeGreaterThan(0);
    expect(ids.every((id) => seen.get(id) === 1)).toBe(true);
    expect((await deliveriesOf(results)).every((d) => d.state === 'delivered')).toBe(true);
  });

  it('a nudged worker sends the replies just queued without waiting for a poll', async () => {
    const posted: number[] = [];
    const stop = startDeliveryLoop({
      database: h.database,
      now: () => h.now,
      intervalMs: null,
      post: async (_url, body) => {
        posted.push((body as Posted['body']).message.id);
        return { ok: true, status: 200 };
      },
    });
    try {
      const r = await buyerSays('db_nudge', 'db-nudge-1', '在吗');
      // No poll (intervalMs null): only the nudge can send them, so waiting longer cannot hide a missing nudge.
      await until('the nudged worker posts the replies', () => posted.length >= r.replies.length);
      expect(posted).toEqual(r.replies.map((m) => m.id));
    } finally {
      await stop();
    }
  });
});
