// S2 (seed 000): the agent's 价保 card on real PGlite through the HTTP routes — the card's
// prefilled amounts and rule, a claim recorded with its order history and audit rows, a second
// claim on a Tmall line refused (once per item), a refused claim freeing the once, JD claims again
// and again within its window counted from signing and refused after it, another shop's order
// refused, paid/refused transitions, and the bot reading the claim instead of computing again.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuyerOrders } from '../../src/app/inbound/planner-input.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { loadShopContext } from '../../src/app/shops/shop-context.js';
import type { Database } from '../../src/store/open-database.js';
import { auditLog, items, orderEvents, priceProtectionClaims } from '../../src/store/schema/index.js';
import { databaseLabel } from '../helpers/database.js';
import { startWorldApp, type WorldApp } from '../helpers/app.js';
import { tokenFor, type World } from '../helpers/fixtures.js';

const T0 = new Date('2026-11-20T02:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

interface Claim { id: string; lineNo: number; refundYuan: number; status: string; ruleZh: string; claimedBy: string | null; settledBy: string | null }

describe(`价保 claims from the order drawer (S2, ${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let clock = T0;
  let harness: WorldApp | undefined;
  // Logged in at the request's clock (a session idles out across the simulated days).
  const A = 'A';
  const B = 'B';
  const sessions = new Map<string, { token: string; at: Date }>();
  const auth = async (who: 'A' | 'B') => {
    let s = sessions.get(who);
    if (!s || s.at !== clock) {
      s = { token: await tokenFor(app, who === 'A' ? world.agentA.login : world.agentB.login), at: clock };
      sessions.set(who, s);
    }
    return { authorization: `Bearer ${s.token}` };
  };
  beforeAll(async () => {
    harness = await startWorldApp({ now: () => clock, platformA: 'tmall' });
    ({ app, database, world } = harness);
    await database.db.insert(items).values({ shopId: world.shopA, sku: 'WS-01', title: '羊毛围巾', category: '配饰', priceFen: 8_000 });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  const tmallOrder = (no: string, account = 'pp_buyer') => ({
    platformOrderNo: no, buyerAccount: account, state: '买家已付款，等待卖家发货', orderedAt: at(-2), paidAt: at(-2), paidFen: 10_000, totalFen: 10_000,
    lines: [{ title: '羊毛围巾', sku: 'WS-01', qty: 1, priceFen: 10_000, redPacketFen: 1_000, shopCouponFen: 500 }],
  });
  const claim = async (id: string, who: 'A' | 'B', payload: object) => app.inject({ method: 'POST', url: `/api/v1/orders/${id}/price-protection`, headers: await auth(who), payload });
  const settle = async (id: string, claimId: string, who: 'A' | 'B', payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1/orders/${id}/price-protection/${claimId}`, headers: await auth(who), payload });
  const detail = async (id: string, who: 'A' | 'B') => app.inject({ method: 'GET', url: `/api/v1/orders/${id}`, headers: await auth(who) });

  it('S2 Tmall: the card is prefilled, a claim is recorded, a second claim on the line is refused, then paid', async () => {
    const { order } = await syncOrder(database, world.shopA, tmallOrder('PP-TM-1'), { kind: 'platform' }, at(-2));
    const card = (await detail(order.id, A)).json().priceProtection;
    expect(card.ruleZh).toBe('天猫价保：差价＝（实付＋红包）－现价－店铺券；同一商品限价保 1 次；平台未规定价保期');
    expect(card.blockedZh).toBeNull();
    expect(card.lines).toEqual([{ lineNo: 1, title: '羊毛围巾', qty: 1, paidYuan: 100, redPacketYuan: 10, shopCouponYuan: 5, newPriceYuan: 80, claimsSoFar: 0 }]);

    // Validation by the shared contract, in Chinese.
    const bad = await claim(order.id, A, { lineNo: 1, paidYuan: -1, newPriceYuan: 80 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('实付金额不能为负数');

    clock = at(0);
    const first = await claim(order.id, A, { lineNo: 1, paidYuan: 100, redPacketYuan: 10, shopCouponYuan: 5, newPriceYuan: 80, note: '买家截图现价 80' });
    expect(first.statusCode).toBe(200);
    const claims = first.json().priceProtection.claims as Claim[];
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ lineNo: 1, refundYuan: 25, status: 'pending', claimedBy: '客服小美', ruleZh: card.ruleZh });
    expect(first.json().priceProtection.lines[0].claimsSoFar).toBe(1);
    const [row] = await database.db.select().from(priceProtectionClaims).where(eq(priceProtectionClaims.id, claims[0]!.id));
    expect(row).toMatchObject({ shopId: world.shopA, paidFen: 10_000, redPacketFen: 1_000, shopCouponFen: 500, newPriceFen: 8_000, refundFen: 2_500, rulePlatform: 'tmall', claimedBy: world.agentA.id });
    const history = first.json().history as { event: string; note: string }[];
    expect(history.find((h) => h.event === 'price_protection_claimed')?.note).toContain('差价 25.00 元');
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, order.id), eq(auditLog.action, 'order.price_protection_claimed')))).toHaveLength(1);

    // Once per item: the second claim on the same line is refused with a stable reason.
    const second = await claim(order.id, A, { lineNo: 1, paidYuan: 100, newPriceYuan: 70 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'ALREADY_CLAIMED' } });
    expect(second.json().error.message).toContain('同一商品只能价保一次');
    expect(await database.db.select().from(priceProtectionClaims).where(eq(priceProtectionClaims.orderId, order.id))).toHaveLength(1);

    // A platform re-sync rewrites the line rows; the claim stays with its line number.
    await syncOrder(database, world.shopA, tmallOrder('PP-TM-1'), { kind: 'platform' }, at(0));
    expect((await claim(order.id, A, { lineNo: 1, paidYuan: 100, newPriceYuan: 70 })).json().error.details.reason).toBe('ALREADY_CLAIMED');

    // The bot reads the claim instead of computing a new figure.
    const shop = await loadShopContext(database, world.shopA);
    const botOrder = (await loadBuyerOrders(database, world.shopA, order.buyerId!, shop.profile)).find((o) => o.platformOrderNo === 'PP-TM-1')!;
    expect(botOrder.lines[0]!.priceProtection).toEqual({ status: 'pending', refund: 25, claimedAt: at(0).toISOString() });
    expect(botOrder.lines[0]).toMatchObject({ redPacket: 10, shopCoupon: 5 });

    // Paid, once: a settled claim cannot change again.
    clock = at(1);
    const paid = await settle(order.id, claims[0]!.id, A, { status: 'paid', note: '已通过支付宝补差价' });
    expect(paid.statusCode).toBe(200);
    expect((paid.json().priceProtection.claims as Claim[])[0]).toMatchObject({ status: 'paid', settledBy: '客服小美' });
    expect((paid.json().history as { event: string }[]).map((h) => h.event)).toContain('price_protection_settled');
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, order.id), eq(auditLog.action, 'order.price_protection_paid')))).toHaveLength(1);
    const again = await settle(order.id, claims[0]!.id, A, { status: 'refused' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'CLAIM_SETTLED' });
    expect((await loadBuyerOrders(database, world.shopA, order.buyerId!, shop.profile)).find((o) => o.id === order.id)!.lines[0]!.priceProtection?.status).toBe('paid');
  });

  it('S2: another shop\'s order is not found — no claim, no settlement', async () => {
    const { order } = await syncOrder(database, world.shopA, tmallOrder('PP-TM-2'), { kind: 'platform' }, at(-2));
    const outsider = await claim(order.id, B, { lineNo: 1, paidYuan: 100, newPriceYuan: 80 });
    expect(outsider.statusCode).toBe(404);
    expect(await database.db.select().from(priceProtectionClaims).where(eq(priceProtectionClaims.orderId, order.id))).toHaveLength(0);
    const mine = await claim(order.id, A, { lineNo: 1, paidYuan: 100, newPriceYuan: 90 });
    const claimId = (mine.json().priceProtection.claims as Claim[])[0]!.id;
    expect((await settle(order.id, claimId, B, { status: 'paid' })).statusCode).toBe(404);
    expect((await detail(order.id, B)).statusCode).toBe(404);
    const [row] = await database.db.select().from(priceProtectionClaims).where(eq(priceProtectionClaims.id, claimId));
    expect(row!.status).toBe('pending');
  });

  it('S2: a refused claim leaves the line its once; a line that does not exist, an unpaid order and no difference are refused', async () => {
    const { order } = await syncOrder(database, world.shopA, tmallOrder('PP-TM-3'), { kind: 'platform' }, at(-2));
    const first = await claim(order.id, A, { lineNo: 1, paidYuan: 100, newPriceYuan: 60 });
    const id = (first.json().priceProtection.claims as Claim[])[0]!.id;
    const refused = await settle(order.id, id, A, { status: 'refused', note: '买家对比的是其他店铺' });
    expect((refused.json().priceProtection.claims as Claim[])[0]!.status).toBe('refused');
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, order.id), eq(auditLog.action, 'order.price_protection_refused')))).toHaveLength(1);
    const corrected = await claim(order.id, A, { lineNo: 1, paidYuan: 100, redPacketYuan: 10, shopCouponYuan: 5, newPriceYuan: 90 });
    expect(corrected.statusCode).toBe(200);
    expect((corrected.json().priceProtection.claims as Claim[]).map((c) => [c.status, c.refundYuan])).toEqual([['refused', 40], ['pending', 15]]);

    expect((await claim(order.id, A, { lineNo: 9, paidYuan: 100, newPriceYuan: 60 })).json().error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'LINE_NOT_FOUND' } });
    const { order: other } = await syncOrder(database, world.shopA, tmallOrder('PP-TM-4'), { kind: 'platform' }, at(-2));
    const none = await claim(other.id, A, { lineNo: 1, paidYuan: 100, redPacketYuan: 0, shopCouponYuan: 30, newPriceYuan: 80 });
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'NO_DIFFERENCE', refundYuan: 0 } });
    const { order: unpaid } = await syncOrder(database, world.shopA, { ...tmallOrder('PP-TM-5'), state: '等待买家付款', paidAt: null }, { kind: 'platform' }, at(-2));
    const u = await claim(unpaid.id, A, { lineNo: 1, paidYuan: 100, newPriceYuan: 60 });
    expect(u.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'ORDER_NOT_PAID' } });
    expect((await detail(unpaid.id, A)).json().priceProtection.blockedZh).toBe('订单尚未付款，不能价保');
  });

  it('S2 JD: old − new, claimed again and again within 7 days of signing, refused after', async () => {
    clock = at(0);
    const { order } = await syncOrder(database, world.shopB, {
      platformOrderNo: 'PP-JD-1', buyerAccount: 'jd_pp', state: '等待收货', orderedAt: at(-3), paidAt: at(-3), shippedAt: at(-2), paidFen: 59_900,
      lines: [{ title: '蓝牙耳机', qty: 1, priceFen: 59_900 }],
    }, { kind: 'platform' }, at(-3));
    // Not signed yet: the window has not started, the claim is open.
    const before = await claim(order.id, B, { lineNo: 1, paidYuan: 599, redPacketYuan: 20, shopCouponYuan: 10, newPriceYuan: 569 });
    expect(before.statusCode).toBe(200);
    expect(before.json().priceProtection.ruleZh).toBe('京东价保：差价＝实付－现价；价保期内可多次价保；价保期为签收后 7 天');
    expect(before.json().priceProtection.windowEndsAt).toBeNull();
    expect((before.json().priceProtection.claims as Claim[])[0]!.refundYuan).toBe(30);
    const signed = await app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/logistics`, headers: await auth(B), payload: { at: at(0).toISOString(), status: 'signed', text: '已签收' } });
    expect(signed.statusCode).toBe(201);
    clock = at(7);
    const edge = await claim(order.id, B, { lineNo: 1, paidYuan: 569, newPriceYuan: 549 });
    expect(edge.statusCode).toBe(200);
    expect(edge.json().priceProtection.windowEndsAt).toBe(at(7).toISOString());
    expect((edge.json().priceProtection.claims as Claim[]).map((c) => c.refundYuan)).toEqual([30, 20]);
    clock = new Date(at(7).getTime() + 1);
    const late = await claim(order.id, B, { lineNo: 1, paidYuan: 549, newPriceYuan: 499 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'WINDOW_CLOSED' } });
    expect(late.json().error.message).toContain('已超过价保期（签收后 7 天）');
    expect(await database.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.event, 'price_protection_claimed')))).toHaveLength(2);
  });

  it('S2 ledger: the claims of the caller\'s shops, pending first, with the totals per status; a foreign shop is 404', async () => {
    const ledger = async (who: 'A' | 'B', query = '') => app.inject({ method: 'GET', url: `/api/v1/price-protection-claims${query}`, headers: await auth(who) });
    const a = await ledger(A);
    expect(a.statusCode, a.body).toBe(200);
    const view = a.json() as { items: (Claim & { platformOrderNo: string; shopId: string; shopName: string })[]; totals: Record<string, { count: number; refundYuan: number }>; truncated: boolean };
    // Shop A's four claims (the JD shop's are agent B's): the two pending ones first (recorded at
    // the same instant of the test clock: their order between them is not fixed), then newest first.
    const rows = view.items.map((c) => [c.platformOrderNo, c.status, c.refundYuan]);
    expect(rows.slice(0, 2).sort()).toEqual([['PP-TM-2', 'pending', 10], ['PP-TM-3', 'pending', 15]]);
    expect(rows.slice(2)).toEqual([['PP-TM-3', 'refused', 40], ['PP-TM-1', 'paid', 25]]);
    expect(view.items.every((c) => c.shopId === world.shopA && c.shopName !== '')).toBe(true);
    expect(view.items[3]).toMatchObject({ claimedBy: '客服小美', settledBy: '客服小美' });
    expect(view.totals).toEqual({ pending: { count: 2, refundYuan: 25 }, paid: { count: 1, refundYuan: 25 }, refused: { count: 1, refundYuan: 40 } });
    expect(view.truncated).toBe(false);
    // A status filter narrows the rows, not the totals; a limit says it cut the list.
    const pending = (await ledger(A, '?status=pending&limit=1')).json() as typeof view;
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]!.status).toBe('pending');
    expect(pending.truncated).toBe(true);
    expect(pending.totals.paid).toEqual({ count: 1, refundYuan: 25 });
    // Agent B sees the JD shop only; shop A by name is not found for B.
    const b = (await ledger(B)).json() as typeof view;
    expect(b.items.map((c) => [c.platformOrderNo, c.refundYuan])).toEqual([['PP-JD-1', 20], ['PP-JD-1', 30]]);
    expect((await ledger(B, `?shopId=${world.shopA}`)).statusCode).toBe(404);
    // The days count back from now: only the claim of the last day.
    expect(((await ledger(B, '?days=1')).json() as typeof view).items.map((c) => c.refundYuan)).toEqual([20]);
    const bad = await ledger(A, '?days=0&status=later');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('天数应为 1 到 366 的整数');
    expect(bad.body).toContain('价保状态筛选应为');
  });
});
