// C8 through the order update paths and the real pipeline (PGlite, demo shop): a bridge's sync or
// an order-export import that changes an unpaid order's price or freight writes a 改价 to the
// order's history; the planner reads it, so a buyer told to wait for the change is now asked to
// check the changed amount before paying — and a buyer who asks for a change is told to wait.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { loadBuyerOrders } from '../../src/app/inbound/planner-input.js';
import { importOrders } from '../../src/app/orders/import-orders.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { openOrderImport } from '../../src/channels/order-files/open-import.js';
import { bufferSource } from '../import/read-fixture.js';
import { loadShopContext } from '../../src/app/shops/shop-context.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-taobao';
let h: TestApp;
const bus = createLocalBus();
const later = (minutes: number) => new Date(h.now.getTime() + minutes * 60_000);

beforeAll(async () => {
  h = await startTestApp();
}, 120_000);
afterAll(async () => h?.close());

const history = async (no: string) => {
  const [o] = await h.database.db.select().from(t.orders).where(and(eq(t.orders.shopId, SHOP), eq(t.orders.platformOrderNo, no)));
  return h.database.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, o!.id));
};

describe('改价 on an unpaid order (C8)', () => {
  it('a sync changing an unpaid order’s freight writes a 改价 to its history; other updates do not', async () => {
    const order = { platformOrderNo: 'C8-SYNC-1', buyerAccount: 'c8_sync', state: '等待买家付款', orderedAt: h.now, lines: [{ title: '纯棉T恤', qty: 1, priceFen: 19900 }] };
    await syncOrder(h.database, SHOP, { ...order, totalFen: 20900, shippingFen: 1000 }, { kind: 'platform' }, h.now);
    // The same amounts again, and a note change: no 改价.
    await syncOrder(h.database, SHOP, { ...order, totalFen: 20900, shippingFen: 1000, sellerNote: '包邮' }, { kind: 'platform' }, later(1));
    expect((await history('C8-SYNC-1')).filter((e) => e.event === 'price_changed')).toEqual([]);
    await syncOrder(h.database, SHOP, { ...order, totalFen: 19900, shippingFen: 0 }, { kind: 'platform' }, later(2));
    const changed = (await history('C8-SYNC-1')).filter((e) => e.event === 'price_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ fromState: '等待买家付款', toState: '等待买家付款', actorKind: 'platform', note: '未付款订单改价：订单金额 209.00 元 → 199.00 元；运费 10.00 元 → 0.00 元' });
    // The planner sees when.
    const [buyer] = await h.database.db.select().from(t.buyers).where(and(eq(t.buyers.shopId, SHOP), eq(t.buyers.platformAccount, 'c8_sync')));
    const shop = await loadShopContext(h.database, SHOP);
    const orders = await loadBuyerOrders(h.database, SHOP, buyer!.id, shop.profile);
    expect(orders[0]).toMatchObject({ platformOrderNo: 'C8-SYNC-1', state: 'unpaid', priceChangedAt: later(2).toISOString() });
    // Paid at a new amount is not a 改价 (the order is no longer unpaid).
    await syncOrder(h.database, SHOP, { ...order, state: '买家已付款，等待卖家发货', paidAt: later(3), totalFen: 18900, paidFen: 18900 }, { kind: 'platform' }, later(3));
    expect((await history('C8-SYNC-1')).filter((e) => e.event === 'price_changed')).toHaveLength(1);
  });

  it('the bot: a buyer asking for a freight change is told to wait; after the 改价, to check the new amount and pay', async () => {
    const ask = await handleInboundMessage(
      { database: h.database, bus, now: h.now },
      { shopId: SHOP, buyerAccountId: 'c8_chat', channel: 'bridge', messageId: 'c8-1', text: '我先拍下，你帮我改下运费我再付款' },
    );
    expect(ask.replies.map((m) => m.text).join('\n')).toMatch(/先不要|暂时不要/);
    expect(ask.handover).toBeTruthy();

    // Another buyer whose unpaid order the seller has re-priced asks how to pay.
    const order = { platformOrderNo: 'C8-CHAT-2', buyerAccount: 'c8_paid_later', state: '等待买家付款', orderedAt: h.now, lines: [{ title: '纯棉T恤', qty: 1, priceFen: 19900 }] };
    await syncOrder(h.database, SHOP, { ...order, totalFen: 20900, shippingFen: 1000 }, { kind: 'platform' }, h.now);
    await syncOrder(h.database, SHOP, { ...order, totalFen: 19900, shippingFen: 0 }, { kind: 'platform' }, later(5));
    const pay = await handleInboundMessage(
      { database: h.database, bus, now: later(10) },
      { shopId: SHOP, buyerAccountId: 'c8_paid_later', channel: 'bridge', messageId: 'c8-2', text: '订单C8-CHAT-2怎么付款' },
    );
    const text = pay.replies.map((m) => m.text).join('\n');
    expect(text).toContain('C8-CHAT-2');
    expect(text).toMatch(/修改后的金额/);
  });

  it('an order-export import with a new freight for an unpaid order writes the 改价 too', async () => {
    const header = '订单号,订单状态,商品,商品总价(元),邮费(元),用户实付金额(元),订单创建时间,商品数量(件)';
    const file = (shipping: string, state = '待支付') => `${header}\nC8-PDD-1,${state},保温杯,59.00,${shipping},0.00,2026-11-23 10:00:00,1\n`;
    const load = async (text: string) => importOrders(h.database, { source: await openOrderImport({ platform: 'pdd', stream: bufferSource(text) }), now: later(20) });
    const first = await load(file('8.00'));
    expect(first.imported).toBe(1);
    const shopId = first.shopId!;
    const events = async () => {
      const [o] = await h.database.db.select().from(t.orders).where(and(eq(t.orders.shopId, shopId), eq(t.orders.platformOrderNo, 'C8-PDD-1')));
      return (await h.database.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, o!.id))).filter((e) => e.event === 'price_changed');
    };
    await load(file('0.00'));
    const changed = await events();
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ actorKind: 'import', note: '未付款订单改价：订单金额 67.00 元 → 59.00 元；运费 8.00 元 → 0.00 元' });
    // Paid at the new amount: not a 改价.
    await load(file('5.00', '待发货'));
    expect(await events()).toHaveLength(1);
  });
});
