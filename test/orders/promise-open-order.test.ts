// Bug 1 of issue 9 (D8): a promise made in chat is tied to the buyer's order still under way, never
// to a finished one. Stored orders carry the profile's state names (交易成功, 交易关闭), which an
// English list of finished states (closed, TRADE_FINISHED…) never matched.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendReply } from '../../src/app/conversations/send-reply.js';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import type { Database } from '../../src/store/open-database.js';
import { conversations, orders, promises } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { seedConversation, seedWorld, type World } from '../helpers/fixtures.js';

const NOW = new Date('2026-11-11T02:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);

describe(`D8 promises and the buyer's open order (${databaseLabel})`, () => {
  let database: Database;
  let w: World;
  beforeAll(async () => {
    database = await openTestDatabase();
    w = await seedWorld(database); // shop A is on Tmall: 交易成功 / 交易关闭 are its finished states
  });
  afterAll(async () => {
    await database?.close();
  });

  async function promiseAfterOrders(states: string[]) {
    const conversationId = await seedConversation(database, { shopId: w.shopA, incoming: [{ text: '在吗', at: ago(60) }] });
    const [c] = await database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    const ids: Record<string, string> = {};
    for (const [i, state] of states.entries()) {
      const [o] = await database.db
        .insert(orders)
        .values({ shopId: w.shopA, platformOrderNo: `P${conversationId.slice(0, 8)}${i}`, buyerId: c!.buyerId, state, totalFen: 9900, orderedAt: ago(3600 - i) })
        .returning();
      ids[state] = o!.id;
    }
    await sendReply(
      { database, bus: createLocalBus(), now: NOW },
      { conversationId, text: '亲，下单送您一个小赠品哦', author: { kind: 'agent', id: w.agentA.id } },
    );
    const rows = await database.db.select().from(promises).where(eq(promises.conversationId, conversationId));
    expect(rows.map((r) => r.kind)).toContain('gift');
    return { rows, ids };
  }

  it('a promise made while the buyer’s only order is 交易成功 is not tied to it', async () => {
    const { rows } = await promiseAfterOrders(['交易成功']);
    expect(rows.every((r) => r.orderId === null)).toBe(true);
  });

  it('nor to a closed one (交易关闭)', async () => {
    const { rows } = await promiseAfterOrders(['交易关闭']);
    expect(rows.every((r) => r.orderId === null)).toBe(true);
  });

  it('with an order under way, the promise is tied to that order, not to the newer finished one', async () => {
    const { rows, ids } = await promiseAfterOrders(['买家已付款等待卖家发货', '交易成功']);
    expect(rows.map((r) => r.orderId)).toEqual(rows.map(() => ids['买家已付款等待卖家发货']));
  });
});
