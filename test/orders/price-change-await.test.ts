// C8 (issue 14): an agent marks an unpaid order as awaiting a 改价 from the order view (the buyer
// asked outside the chat) and ends the wait; the 催付 sender, its preview and the bot honour the
// mark exactly like a buyer's request in chat. Real app on PGlite, the HTTP route, audit rows.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { loadBuyerOrders } from '../../src/app/inbound/planner-input.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { loadShopContext } from '../../src/app/shops/shop-context.js';
import { awaitsPriceChange } from '../../src/core/bot/handlers-orders.js';
import type { Database } from '../../src/store/open-database.js';
import { auditLog, messages, orderEvents } from '../../src/store/schema/index.js';
import { databaseLabel } from '../helpers/database.js';
import { startWorldApp, type WorldApp } from '../helpers/app.js';
import { seedConversation, tokenFor, type World } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Beijing: outside the buyer's quiet hours.
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe(`等待改价 marked by an agent (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let clock = T0;
  let harness: WorldApp | undefined;
  beforeAll(async () => {
    harness = await startWorldApp({ now: () => clock, platformA: 'taobao' });
    ({ app, database, world } = harness);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  const order = (account: string, no: string, state = '等待买家付款') => ({
    platformOrderNo: no, buyerAccount: account, state, orderedAt: T0, totalFen: 10900, shippingFen: 1000, lines: [{ title: '羊毛围巾', qty: 1, priceFen: 9900 }],
  });

  it('marks, is honoured by the sender, the preview and the bot, and unmarks', async () => {
    const conv = await seedConversation(database, { shopId: world.shopA, account: 'pm_phone', incoming: [{ text: '这个围巾是羊毛的吗', at: at(-0.5) }], status: 'bot' });
    const { order: placed } = await syncOrder(database, world.shopA, order('pm_phone', 'PM-1'), { kind: 'platform' }, T0);
    const agent = { authorization: `Bearer ${await tokenFor(app, world.agentA.login)}` };
    const outsider = { authorization: `Bearer ${await tokenFor(app, world.agentB.login)}` };
    const url = `/api/v1/orders/${placed.id}/price-change-await`;

    // Validation by the shared contract, in Chinese; another shop's agent does not see the order.
    const bad = await app.inject({ method: 'POST', url, headers: agent, payload: { awaiting: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json())).toContain('请说明是标记等待改价');
    expect((await app.inject({ method: 'POST', url, headers: outsider, payload: { awaiting: true } })).statusCode).toBe(404);

    const detail0 = await app.inject({ method: 'GET', url: `/api/v1/orders/${placed.id}`, headers: agent });
    expect(detail0.json().priceChangeHold).toEqual({ awaiting: false, byAgent: false });
    clock = at(0.5);
    const marked = await app.inject({ method: 'POST', url, headers: agent, payload: { awaiting: true, note: '买家电话说运费要改成包邮' } });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().priceChangeHold).toEqual({ awaiting: true, byAgent: true });
    expect(marked.json().history.map((h: { event: string }) => h.event)).toContain('price_change_awaited');
    const again = await app.inject({ method: 'POST', url, headers: agent, payload: { awaiting: true } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', message: '该订单已标记为等待改价', details: { reason: 'ALREADY_AWAITING' } });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, placed.id), eq(auditLog.action, 'order.price_change_awaited')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'agent', actorId: world.agentA.id, subjectKind: 'order' });

    // The 催付 waits, the preview says so, the bot tells the buyer to wait.
    const held = await runDueFollowups(database, { now: at(2.1), workerId: 'w', bus });
    expect(held.filter((d) => d.orderId === placed.id).map((d) => d.outcome)).toEqual(['deferred_price_change']);
    const lead = { authorization: `Bearer ${await tokenFor(app, world.supervisor.login)}` };
    clock = at(2.2);
    const preview = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/followups/preview`, headers: lead, payload: { flow: 'payment_reminder' } });
    const rows = (preview.json().rows as { orderNo: string; outcome: string; note: string | null }[]).filter((r) => r.orderNo === 'PM-1');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.outcome === 'deferred_price_change' && r.note === '等待改价，暂缓催付')).toBe(true);
    const shop = await loadShopContext(database, world.shopA);
    const botOrder = (await loadBuyerOrders(database, world.shopA, placed.buyerId!, shop.profile)).find((o) => o.platformOrderNo === 'PM-1')!;
    expect(botOrder.priceChangeMarkedAt).toBe(at(0.5).toISOString());
    expect(awaitsPriceChange(botOrder, [])).toBe(true);

    // The agent ends the wait: the next run sends the 催付 (no 改价 made: the usual wording).
    clock = at(2.5);
    const cleared = await app.inject({ method: 'POST', url, headers: agent, payload: { awaiting: false } });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().priceChangeHold).toEqual({ awaiting: false, byAgent: false });
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, placed.id), eq(auditLog.action, 'order.price_change_await_cleared')))).toHaveLength(1);
    const none = await app.inject({ method: 'POST', url, headers: agent, payload: { awaiting: false } });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.details).toEqual({ reason: 'NOT_AWAITING' });
    const sent = await runDueFollowups(database, { now: at(3.2), workerId: 'w', bus });
    expect(sent.filter((d) => d.orderId === placed.id).map((d) => d.outcome)).toEqual(['sent']);
    const out = await database.db.select().from(messages).where(and(eq(messages.conversationId, conv), eq(messages.direction, 'out')));
    expect(out).toHaveLength(1);
    expect(out[0]!.text).not.toContain('改好价格');
    const botAfter = (await loadBuyerOrders(database, world.shopA, placed.buyerId!, shop.profile)).find((o) => o.platformOrderNo === 'PM-1')!;
    expect(awaitsPriceChange(botAfter, [])).toBe(false);
  });

  it('only an unpaid order can be marked, with a stable reason', async () => {
    const { order: paid } = await syncOrder(database, world.shopA, { ...order('pm_paid', 'PM-2', '买家已付款，等待卖家发货'), paidAt: T0, paidFen: 10900 }, { kind: 'platform' }, T0);
    const agent = { authorization: `Bearer ${await tokenFor(app, world.agentA.login)}` };
    const res = await app.inject({ method: 'POST', url: `/api/v1/orders/${paid.id}/price-change-await`, headers: agent, payload: { awaiting: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'ORDER_NOT_UNPAID' } });
    expect(res.json().error.message).toContain('只有待付款的订单');
    expect(await database.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, paid.id), eq(orderEvents.event, 'price_change_awaited')))).toHaveLength(0);
  });
});
