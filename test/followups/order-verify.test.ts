// C9 (seed 004 第五步核实): after the buyer pays, the order is confirmed with them — address and
// phone read back masked, their message on the order repeated — once, through the real scheduler,
// unless the bot already confirmed it in the chat or an agent recorded the confirmation; an agent
// records the buyer's corrections or notes on the order (做好备忘录), which stops the follow-up and
// keeps the bot from asking again. Nothing goes out once the parcel has left.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { readConversationState } from '../../src/core/conversation/state.js';
import { auditLog, conversations, orderEvents, scheduledMessages } from '../../src/store/schema/index.js';
import { databaseLabel } from '../helpers/database.js';
import { startWorldApp, type WorldApp } from '../helpers/app.js';
import { tokenFor } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Shanghai: no quiet hours in the way.
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const bus = createLocalBus();

describe(`C9 核对订单 (${databaseLabel})`, () => {
  let clock = T0;
  let w: WorldApp;
  let bridgeToken: string;
  const auth = async (login: string) => ({ authorization: `Bearer ${await tokenFor(w.app, login)}` });
  beforeAll(async () => {
    w = await startWorldApp({ now: () => clock });
    bridgeToken = (await createApiToken(w.database, { orgId: w.world.orgId, shopId: w.world.shopA, name: 'bridge' })).token;
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  /** A Tmall order paid at T0 (ordered five minutes before), with receiver and perhaps a note. */
  const paidOrder = async (no: string, buyerNote?: string) => {
    const { order } = await syncOrder(w.database, w.world.shopA, {
      platformOrderNo: no, buyerAccount: `buyer_${no}`, state: '买家已付款等待卖家发货', orderedAt: at(-5), paidAt: T0, totalFen: 5900,
      receiverName: '周小舟', receiverPhone: '13812345678', receiverAddress: '浙江省杭州市西湖区文三路 100 号',
      ...(buyerNote ? { buyerNote } : {}), lines: [{ title: '纯棉T恤', colour: '白色', size: 'L', qty: 1, priceFen: 5900 }],
    }, { kind: 'platform' }, T0);
    return order;
  };
  const rowsOf = (orderId: string) =>
    w.database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, orderId), eq(scheduledMessages.kind, 'order_verify')));
  const run = async (minutes: number) => (await runDueFollowups(w.database, { now: at(minutes), workerId: 'w', bus })).filter((d) => d.flow === 'order_verify');
  const inbound = (buyer: string, id: string, text: string) =>
    w.app.inject({ method: 'POST', url: `/api/v1/shops/${w.world.shopA}/inbound`, headers: { authorization: `Bearer ${bridgeToken}` }, payload: { buyer_account_id: buyer, message_id: id, text } });
  const stateOf = async (buyerId: string) => {
    const rows = await w.database.db.select().from(conversations).where(eq(conversations.buyerId, buyerId));
    return rows.map((r) => readConversationState(r.state));
  };

  it('paid → one confirmation 6 minutes later, masked, with the buyer note; the bot does not ask again; shipped first → not sent', async () => {
    const plain = await paidOrder('TM-C9-1', '周末送货，放门卫');
    const bare = await paidOrder('TM-C9-2');
    const gone = await paidOrder('TM-C9-3');
    const [row] = await rowsOf(plain.id);
    expect(row).toMatchObject({ state: 'pending', category: 'service', dueAt: at(6) });

    // The third order ships at once (the seller was quick): confirming the address is too late.
    await syncOrder(w.database, w.world.shopA, { platformOrderNo: 'TM-C9-3', state: '卖家已发货等待买家确认', shippedAt: at(3), courier: '中通快递', trackingNo: 'ZT9' }, { kind: 'platform' }, at(3));
    expect((await rowsOf(gone.id)).map((r) => [r.state, r.outcome])).toEqual([['cancelled', 'stopped_moved_on']]);

    expect(await run(5)).toEqual([]);
    const due = await run(7);
    expect(due.map((d) => [d.orderId, d.outcome]).sort()).toEqual([[bare.id, 'sent'], [plain.id, 'sent']].sort());
    const [sent] = await rowsOf(plain.id);
    expect(sent).toMatchObject({ state: 'sent', outcome: 'sent', lang: 'zh', reason: 'with_note' });
    // Address and phone read back masked (D6), never whole; the buyer's note repeated.
    expect(sent!.text).toMatch(/TM-C9-1.*周\*+.*138\*\*\*\*5678.*浙江省杭州市\*+.*纯棉T恤.*周末送货，放门卫/);
    expect(sent!.text).not.toMatch(/13812345678|文三路|周小舟/);
    const [sentBare] = await rowsOf(bare.id);
    expect(sentBare!.reason).toBeNull();
    expect(sentBare!.text).not.toMatch(/留言/);
    // The confirmation is remembered in the buyer's conversation, as the bot's own is.
    expect((await stateOf(plain.buyerId!)).some((s) => s.verifiedOrderIds.includes(plain.id))).toBe(true);
    // Once: a later run sends nothing more.
    expect(await run(30)).toEqual([]);

    // The buyer writes back: the bot answers, and does not confirm the order a second time.
    const reply = await inbound(`buyer_TM-C9-1`, 'c9-a', '好的');
    expect(reply.statusCode, reply.body).toBe(201);
    const texts = (reply.json() as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
    expect(texts).not.toContain('138****5678');
  });

  it('the bot confirmed the order in the chat first → the follow-up is not sent', async () => {
    const order = await paidOrder('TM-C9-4');
    clock = at(2);
    const r = await inbound('buyer_TM-C9-4', 'c9-b', '拍好了');
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json() as { stage: string | null; replies: { text: string }[] };
    expect(body.stage).toBe('verify');
    expect(body.replies.map((x) => x.text).join('\n')).toContain('138****5678');
    const due = await run(7);
    expect(due.filter((d) => d.orderId === order.id).map((d) => d.outcome)).toEqual(['stopped_verified']);
    const [row] = await rowsOf(order.id);
    expect(row).toMatchObject({ state: 'cancelled', outcome: 'stopped_verified', messageId: null });
    clock = T0;
  });

  it('an agent records the confirmation and the buyer\'s changes: memo on the order, history, audit; the follow-up stops; the bot will not ask', async () => {
    const order = await paidOrder('TM-C9-5');
    const headers = await auth(w.world.agentA.login);
    clock = at(3);
    const corrected = await w.app.inject({
      method: 'POST', url: `/api/v1/orders/${order.id}/verification`, headers,
      payload: { outcome: 'corrected', note: '地址改为 浙江省杭州市滨江区江南大道 5 号，电话 13900001111，周末送' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const detail = corrected.json() as { order: { verifiedAt: string; verifiedBy: string; verificationNote: string }; history: { event: string }[] };
    expect(detail.order.verifiedAt).toBe(at(3).toISOString());
    expect(detail.order.verifiedBy).toBeTruthy();
    expect(detail.order.verificationNote).toMatch(/买家有修改.*周末送/);
    expect(detail.history.map((h) => h.event)).toContain('order_verified');
    expect((await rowsOf(order.id)).map((r) => [r.state, r.outcome])).toEqual([['cancelled', 'stopped_verified']]);
    expect(await run(7)).toEqual([]);
    // A second record appends to the memo; nothing recorded before is lost.
    clock = at(4);
    const again = await w.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/verification`, headers, payload: { outcome: 'confirmed' } });
    expect(again.statusCode, again.body).toBe(200);
    const memo = (again.json() as { order: { verificationNote: string } }).order.verificationNote;
    expect(memo.split('\n')).toHaveLength(2);
    expect(memo).toMatch(/买家有修改[\s\S]*买家确认信息无误/);
    // The buyer's first message now gets no confirmation from the bot.
    clock = at(5);
    const r = await inbound('buyer_TM-C9-5', 'c9-c', '拍好了');
    expect((r.json() as { stage: string | null }).stage).not.toBe('verify');
    // A platform re-sync (its own seller note) does not overwrite the memo.
    await syncOrder(w.database, w.world.shopA, { platformOrderNo: 'TM-C9-5', sellerNote: '平台备注' }, { kind: 'platform' }, at(6));
    const fresh = await w.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}`, headers });
    expect((fresh.json() as { order: { verificationNote: string } }).order.verificationNote).toBe(memo);
    // The audit keeps that there was a note, never the new address itself.
    const audits = await w.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.verified'), eq(auditLog.subjectId, order.id)));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => a.data))).not.toMatch(/滨江|13900001111/);
    const events = await w.database.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.event, 'order_verified')));
    expect(events).toHaveLength(2);
    clock = T0;
  });

  it('bad input and other shops: a Chinese error with a stable code, nothing recorded', async () => {
    const order = await paidOrder('TM-C9-6');
    const headers = await auth(w.world.agentA.login);
    const noNote = await w.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/verification`, headers, payload: { outcome: 'corrected' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(noNote.body).toMatch(/请在备注中写明修改内容/);
    const wrong = await w.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/verification`, headers, payload: { outcome: 'ok', note: 'x'.repeat(600) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/核对结果应为/);
    // An agent of the other shop does not learn the order exists.
    const foreign = await w.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/verification`, headers: await auth(w.world.agentB.login), payload: { outcome: 'confirmed' } });
    expect(foreign.statusCode).toBe(404);
    // A closed order needs no confirmation.
    await syncOrder(w.database, w.world.shopA, { platformOrderNo: 'TM-C9-6', state: '交易关闭', closedAt: at(1) }, { kind: 'platform' }, at(1));
    const closed = await w.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/verification`, headers, payload: { outcome: 'confirmed' } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION', details: { reason: 'ORDER_CLOSED' } } });
    const after = await w.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}`, headers });
    expect((after.json() as { order: { verifiedAt: string | null } }).order.verifiedAt).toBeNull();
  });
});
