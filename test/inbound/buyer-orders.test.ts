// The buyer's orders as the planner reads them (D6: theirs only, masked), now in one round trip
// (issue 9, throughput): each order with its lines in line order, its logistics events in the
// order they were recorded, and its open after-sales case; another buyer's orders never appear.
// Real store (PGlite; PostgreSQL when DATABASE_URL is set), demo shop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuyerOrders } from '../../src/app/inbound/planner-input.js';
import { loadShopContext } from '../../src/app/shops/shop-context.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-tmall';
let h: TestApp;

beforeAll(async () => {
  h = await startTestApp();
});
afterAll(async () => h?.close());

describe('loadBuyerOrders', () => {
  it('reads orders with their lines, logistics and open case in one go, newest first, masked', async () => {
    const [me] = await h.database.db.insert(t.buyers).values({ shopId: SHOP, platformAccount: 'bo_me' }).returning();
    const [other] = await h.database.db.insert(t.buyers).values({ shopId: SHOP, platformAccount: 'bo_other' }).returning();
    const day = 86_400_000;
    const [older] = await h.database.db.insert(t.orders).values({
      shopId: SHOP, platformOrderNo: 'BO-1', buyerId: me!.id, state: '卖家已发货，等待买家确认', totalFen: 11800,
      orderedAt: new Date(h.now.getTime() - 3 * day), paidAt: new Date(h.now.getTime() - 3 * day), shippedAt: new Date(h.now.getTime() - 2 * day),
      trackingNo: 'YT1234567890123', courier: '圆通', receiverName: '周小舟', receiverPhone: '13812345678',
      receiverAddress: '浙江省杭州市西湖区文三路 100 号',
    }).returning();
    await h.database.db.insert(t.orders).values({
      shopId: SHOP, platformOrderNo: 'BO-2', buyerId: me!.id, state: '等待买家付款', totalFen: 5900,
      orderedAt: new Date(h.now.getTime() - day), buyerNote: '周末送货',
    });
    await h.database.db.insert(t.orders).values({ shopId: SHOP, platformOrderNo: 'BO-3', buyerId: other!.id, state: '等待买家付款' });
    await h.database.db.insert(t.orderLines).values([
      { orderId: older!.id, lineNo: 2, title: '纯棉T恤 白色', qty: 1, priceFen: 5900, colour: '白色', size: 'L' },
      { orderId: older!.id, lineNo: 1, title: '纯棉T恤 黑色', qty: 1, priceFen: 5900, colour: '黑色', size: 'XL', itemId: 'tee-1' },
    ]);
    await h.database.db.insert(t.logisticsEvents).values([
      { orderId: older!.id, at: new Date(h.now.getTime() - 2 * day), status: 'picked', text: '已揽收' },
      { orderId: older!.id, at: new Date(h.now.getTime() - day), status: 'transit', text: '运输中，到达杭州转运中心' },
    ]);
    await h.database.db.insert(t.aftersalesCases).values({
      shopId: SHOP, orderId: older!.id, type: 'refund_only', state: '买家已申请退款，等待卖家同意', reason: '不想要了',
      amountFen: 5900, openedAt: new Date(h.now.getTime() - day),
    });

    const shop = await loadShopContext(h.database, SHOP);
    const orders = await loadBuyerOrders(h.database, SHOP, me!.id, shop.profile);
    expect(orders.map((o) => o.platformOrderNo)).toEqual(['BO-2', 'BO-1']);
    const [n, o] = orders;
    expect(n).toMatchObject({ buyerId: me!.id, buyerNote: '周末送货', lines: [], logistics: [] });
    expect(n!.refundState).toBeUndefined();
    expect(o!.lines).toEqual([
      { itemId: 'tee-1', title: '纯棉T恤 黑色', quantity: 1, price: 59, colour: '黑色', size: 'XL' },
      { itemId: '', title: '纯棉T恤 白色', quantity: 1, price: 59, colour: '白色', size: 'L' },
    ]);
    expect(o!.logistics.map((e) => e.text)).toEqual(['已揽收', '运输中，到达杭州转运中心']);
    expect(o!.logistics[0]!.at).toBe(new Date(h.now.getTime() - 2 * day).toISOString());
    expect(o).toMatchObject({ trackingNo: 'YT1234567890123', courier: '圆通', refundState: '买家已申请退款，等待卖家同意' });
    expect(o!.shippedAt).toBe(new Date(h.now.getTime() - 2 * day).toISOString());
    expect(o!.address!.phone).toBe('138****5678');
    expect(JSON.stringify(orders)).not.toContain('13812345678');

    // Inside a transaction too (the resume path reads there).
    const inTx = await h.database.db.transaction((tx) => loadBuyerOrders(tx, SHOP, me!.id, shop.profile));
    expect(inTx).toEqual(orders);
    expect(await loadBuyerOrders(h.database, SHOP, 'no-such-buyer', shop.profile)).toEqual([]);
  });
});
