// Bridge API end to end against the real store (PGlite; PostgreSQL when DATABASE_URL is set):
// inbound → store → NLU → plan → guard → reply, idempotency, hand-over, polling, outbox (B1–B4).
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/app/auth/auth.js';
import { deliverDueReplies, MAX_ATTEMPTS } from '../src/app/delivery/bridge-outbox.js';
import { invalidateShopContext } from '../src/app/shops/shop-context.js';
import * as t from '../src/store/schema/index.js';
import { startTestApp, type TestApp } from './helpers/app.js';

let h: TestApp;
let token: string;
let otherShopToken: string;
const SHOP = 'demo-tmall';

interface InboundReply {
  conversation_id: string;
  duplicate: boolean;
  buyer_message: { id: number; seq: number; intent: string; confidence: number };
  replies: { id: number; seq: number; text: string }[];
  handover: { reason: string; reason_zh: string } | null;
  stage: string | null;
}

async function inbound(body: Record<string, unknown>, auth = token, shop = SHOP) {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/shops/${shop}/inbound`,
    headers: { authorization: `Bearer ${auth}` },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() as InboundReply & { error?: { code: string } } };
}

const text = (r: InboundReply) => r.replies.map((m) => m.text).join('\n');

beforeAll(async () => {
  h = await startTestApp();
  const [org] = await h.database.db.select().from(t.organisations);
  token = (await createApiToken(h.database, { orgId: org!.id, shopId: SHOP, name: 'bridge' })).token;
  otherShopToken = (
    await createApiToken(h.database, { orgId: org!.id, shopId: 'demo-taobao', name: 'other' })
  ).token;
});
afterAll(async () => h?.close());

describe('POST /api/v1/shops/:shopId/inbound', () => {
  it('C3: a first message is stored and answered with the welcome (bot persona and shop name)', async () => {
    const r = await inbound({
      buyer_account_id: 'tb_bridge_1',
      message_id: 'm-1',
      text: '在吗',
      sent_at: '2026-11-23T05:59:58Z',
    });
    expect(r.status).toBe(201);
    expect(r.body.duplicate).toBe(false);
    expect(r.body.buyer_message.intent).toBe('greeting');
    // Issue 12: the bot introduces itself by its own persona, never by the agent's name (小美).
    expect(text(r.body)).toContain('智能助手');
    expect(text(r.body)).not.toContain('小美');
    expect(text(r.body)).toContain('小二服饰旗舰店');
    const stored = await h.database.db
      .select()
      .from(t.messages)
      .where(eq(t.messages.conversationId, r.body.conversation_id));
    expect(stored.map((m) => m.authorKind)).toEqual(['buyer', ...r.body.replies.map(() => 'bot')]);
    expect(stored.every((m) => m.direction === (m.authorKind === 'buyer' ? 'in' : 'out'))).toBe(true);
  });

  it('a redelivered message id returns the earlier result and stores nothing new', async () => {
    const first = await inbound({ buyer_account_id: 'tb_bridge_2', message_id: 'dup-1', text: '能开发票吗' });
    const [before] = await h.database.db
      .select({ n: count() })
      .from(t.messages)
      .where(eq(t.messages.shopId, SHOP));
    const again = await inbound({ buyer_account_id: 'tb_bridge_2', message_id: 'dup-1', text: '能开发票吗' });
    const [after] = await h.database.db
      .select({ n: count() })
      .from(t.messages)
      .where(eq(t.messages.shopId, SHOP));
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.replies.map((m) => m.id)).toEqual(first.body.replies.map((m) => m.id));
    expect(after!.n).toBe(before!.n);
  });

  it('two first messages arriving together open one conversation, each stored once', async () => {
    const [a, b] = await Promise.all([
      inbound({ buyer_account_id: 'tb_bridge_12', message_id: 'r-1', text: '在吗' }),
      inbound({ buyer_account_id: 'tb_bridge_12', message_id: 'r-2', text: '有货吗' }),
    ]);
    expect(a.body.conversation_id).toBe(b.body.conversation_id);
    const rows = await h.database.db
      .select()
      .from(t.messages)
      .where(eq(t.messages.conversationId, a.body.conversation_id));
    expect(rows.filter((m) => m.authorKind === 'buyer').length).toBe(2);
    expect(new Set(rows.map((m) => m.seq)).size).toBe(rows.length);
  });

  it('B1/C5: stock is answered from live variants of the item named, with an alternative', async () => {
    // 纯棉圆领短袖T恤 白色/L is sold out in the demo catalogue.
    const r = await inbound({
      buyer_account_id: 'tb_bridge_3',
      message_id: 's-1',
      text: '纯棉圆领短袖T恤 白色L码还有货吗',
    });
    expect(r.body.buyer_message.intent).toBe('stock');
    expect(text(r.body)).toMatch(/不好意思|抱歉/);
    expect(text(r.body)).not.toMatch(/^没有$|[{}]/m);
    // the follow-up keeps the item in focus
    const next = await inbound({ buyer_account_id: 'tb_bridge_3', message_id: 's-2', text: '那黑色M码呢' });
    expect(text(next.body)).toMatch(/有货|库存|只剩/);
  });

  it('C6/C11: the item card sent by the bridge answers "what material" and brings a cross-sell', async () => {
    const [item] = await h.database.db
      .select()
      .from(t.items)
      .where(and(eq(t.items.shopId, SHOP), eq(t.items.sku, 'TS-001')));
    const r = await inbound({
      buyer_account_id: 'tb_bridge_9',
      message_id: 'i-1',
      text: '这件什么面料的',
      item_id: item!.id,
    });
    expect(text(r.body)).toContain('100%精梳棉');
    expect(r.body.stage).toBe('recommend');
    const next = await inbound({
      buyer_account_id: 'tb_bridge_9',
      message_id: 'i-2',
      text: '165 100斤穿什么码',
    });
    expect(text(next.body)).toMatch(/M码/);
  });

  it('C9/D6: a fresh order is confirmed once, with the phone masked, and only with its own buyer', async () => {
    const r = await inbound({ buyer_account_id: 'tb_bridge_10', message_id: 'v9-1', text: '你好' });
    const [c] = await h.database.db
      .select()
      .from(t.conversations)
      .where(eq(t.conversations.id, r.body.conversation_id));
    await h.database.db.insert(t.orders).values({
      shopId: SHOP,
      platformOrderNo: '4021337999000000001',
      buyerId: c!.buyerId,
      buyerAccount: 'tb_bridge_10',
      state: '等待买家付款',
      totalFen: 5900,
      orderedAt: new Date(h.now.getTime() - 10 * 60_000),
      receiverName: '周小舟',
      receiverPhone: '13812345678',
      receiverAddress: '浙江省杭州市西湖区文三路 100 号',
      buyerNote: '周末送货',
    });
    const first = await inbound({ buyer_account_id: 'tb_bridge_10', message_id: 'v9-2', text: '拍好了' });
    expect(text(first.body)).toContain('4021337999000000001');
    expect(text(first.body)).toContain('138****5678');
    expect(text(first.body)).not.toContain('13812345678');
    expect(text(first.body)).toContain('周末送货');
    expect(first.body.stage).toBe('verify');
    const second = await inbound({ buyer_account_id: 'tb_bridge_10', message_id: 'v9-3', text: '好的' });
    expect(text(second.body)).not.toContain('138****5678');
    // another account asking about that order number learns nothing about it
    const other = await inbound({
      buyer_account_id: 'tb_bridge_11',
      message_id: 'v9-4',
      text: '订单4021337999000000001到哪了',
    });
    expect(text(other.body)).not.toMatch(/周|138|文三路/);
    expect(text(other.body)).toMatch(/下单的账号|下单账号/);
  });

  it('C17/C18: a complaint hands over at once; the bot then stays silent', async () => {
    const r = await inbound({
      buyer_account_id: 'tb_bridge_4',
      message_id: 'c-1',
      text: '你们这什么服务，再不处理我就投诉给差评',
    });
    expect(r.body.handover?.reason).toBe('complaint');
    expect(text(r.body)).toMatch(/理解|抱歉/);
    const [c] = await h.database.db
      .select()
      .from(t.conversations)
      .where(eq(t.conversations.id, r.body.conversation_id));
    expect(c!.status).toBe('queued');
    expect(c!.handoverReason).toBe('complaint');
    const repeat = await inbound({
      buyer_account_id: 'tb_bridge_4',
      message_id: 'c-1',
      text: '你们这什么服务，再不处理我就投诉给差评',
    });
    expect(repeat.body.duplicate).toBe(true);
    expect(repeat.body.handover).toEqual(r.body.handover);
    const later = await inbound({ buyer_account_id: 'tb_bridge_4', message_id: 'c-2', text: '人呢' });
    expect(later.body.replies).toEqual([]);
    expect(later.body.conversation_id).toBe(r.body.conversation_id);
  });

  it('queued for one action (an order change), the bot goes on answering until a person takes it', async () => {
    const r = await inbound({ buyer_account_id: 'tb_bridge_8', message_id: 'a-1', text: '你好' });
    const byId = eq(t.conversations.id, r.body.conversation_id);
    await h.database.db
      .update(t.conversations)
      .set({ status: 'queued', handoverReason: 'order_action' })
      .where(byId);
    expect(
      text((await inbound({ buyer_account_id: 'tb_bridge_8', message_id: 'a-2', text: '能开发票吗' })).body),
    ).toMatch(/发票/);
    await h.database.db.update(t.conversations).set({ status: 'assigned' }).where(byId);
    expect(
      (await inbound({ buyer_account_id: 'tb_bridge_8', message_id: 'a-3', text: '能开发票吗' })).body
        .replies,
    ).toEqual([]);
  });

  it('B4: a shop answer that breaks platform rules is never sent', async () => {
    await h.database.db
      .update(t.standardAnswers)
      .set({ variants: ['亲，加我微信 wx12345 转账可以便宜10元哦'] })
      .where(and(eq(t.standardAnswers.shopId, SHOP), eq(t.standardAnswers.intent, 'invoice')));
    // Written behind the application's back: drop the shop's cached answers as a settings save does.
    invalidateShopContext(h.database, SHOP);
    const r = await inbound({ buyer_account_id: 'tb_bridge_5', message_id: 'g-1', text: '可以开发票吗' });
    const [row] = await h.database.db
      .select()
      .from(t.messages)
      .where(and(eq(t.messages.conversationId, r.body.conversation_id), eq(t.messages.authorKind, 'bot')));
    expect(row).toBeDefined();
    const all = await h.database.db
      .select()
      .from(t.messages)
      .where(eq(t.messages.conversationId, r.body.conversation_id));
    expect(all.map((m) => m.text).join('\n')).not.toMatch(/微信|wx12345|转账/);
  });

  it('rejects bad input, a missing token, an agent session and another shop’s token', async () => {
    expect((await inbound({ buyer_account_id: 'x', message_id: 'v-1' })).body.error?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await inbound({ buyer_account_id: 'x', message_id: 'v-2', text: 'hi' }, 'nope')).status).toBe(
      401,
    );
    const agent = await h.login('agent1');
    expect((await inbound({ buyer_account_id: 'x', message_id: 'v-3', text: 'hi' }, agent)).status).toBe(403);
    expect(
      (await inbound({ buyer_account_id: 'x', message_id: 'v-4', text: 'hi' }, otherShopToken)).status,
    ).toBe(404);
  });
});

describe('GET /api/v1/shops/:shopId/conversations/:id/messages', () => {
  it('polls messages after a sequence number, scoped to the shop', async () => {
    const r = await inbound({ buyer_account_id: 'tb_bridge_6', message_id: 'p-1', text: '什么时候发货' });
    const url = `/api/v1/shops/${SHOP}/conversations/${r.body.conversation_id}/messages?after=${r.body.buyer_message.seq}`;
    const res = await h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { messages: { seq: number; text: string }[]; last_seq: number };
    expect(body.messages.map((m) => m.seq)).toEqual(r.body.replies.map((m) => m.seq));
    expect(body.last_seq).toBe(r.body.replies.at(-1)!.seq);
    const other = await h.app.inject({
      method: 'GET',
      url: `/api/v1/shops/demo-taobao/conversations/${r.body.conversation_id}/messages`,
      headers: { authorization: `Bearer ${otherShopToken}` },
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('reply delivery outbox', () => {
  it('queues replies for the callback URL and retries until delivered, then gives up after the limit', async () => {
    const [shop] = await h.database.db.select().from(t.shops).where(eq(t.shops.id, SHOP));
    const settings = {
      ...(shop!.settings as Record<string, unknown>),
      bridgeCallbackUrl: 'https://bridge.example/replies',
    };
    await h.database.db.update(t.shops).set({ settings }).where(eq(t.shops.id, SHOP));
    invalidateShopContext(h.database, SHOP);
    const r = await inbound({ buyer_account_id: 'tb_bridge_7', message_id: 'o-1', text: '包邮吗' });
    const rows = await h.database.db.select().from(t.deliveries).where(eq(t.deliveries.shopId, SHOP));
    expect(rows.map((d) => d.messageId).sort()).toEqual(r.body.replies.map((m) => m.id).sort());

    const sent: unknown[] = [];
    let fail = true;
    const post = async (_url: string, body: unknown) => {
      if (fail) return { ok: false, status: 503 };
      sent.push(body);
      return { ok: true, status: 200 };
    };
    const first = await deliverDueReplies({ database: h.database, now: h.now, post });
    expect(first).toEqual({ delivered: 0, retried: rows.length, failed: 0 });
    // Not due again before the back-off has passed.
    expect((await deliverDueReplies({ database: h.database, now: h.now, post })).retried).toBe(0);
    fail = false;
    const later = new Date(h.now.getTime() + 120_000);
    expect((await deliverDueReplies({ database: h.database, now: later, post })).delivered).toBe(rows.length);
    expect(sent[0]).toMatchObject({
      shop_id: SHOP,
      buyer_account_id: 'tb_bridge_7',
      conversation_id: r.body.conversation_id,
    });

    await h.database.db.insert(t.deliveries).values({
      shopId: SHOP,
      messageId: rows[0]!.messageId,
      callbackUrl: 'https://down.example',
      attempts: MAX_ATTEMPTS - 1,
      nextAttemptAt: h.now,
    });
    const down = async () => ({ ok: false, status: 500 });
    expect((await deliverDueReplies({ database: h.database, now: later, post: down })).failed).toBe(1);
  });
});
