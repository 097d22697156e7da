// When the guard replaces or blocks a bot answer, the agent sees why (issue 11): the rule's
// Chinese name, its points and the original text are stored on the message that went out instead
// (or on the hand-over when nothing went out) and returned with the conversation. And the bot's
// guard is told who is asking (D6): a buyer naming another account's order gets no details.
// Real store and server (PGlite), demo organisation.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { invalidateShopContext } from '../../src/app/shops/shop-context.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-tmall';
let h: TestApp;
let token: string;
const deps = () => ({ database: h.database, bus: createLocalBus(), now: h.now });

beforeAll(async () => {
  h = await startTestApp();
  token = await h.login('supervisor');
}, 180_000);
afterAll(async () => h?.close());

/** A standard answer saved before save-time checks existed (written straight to the store). */
async function legacyAnswer(intent: string, variants: string[]) {
  await h.database.db
    .insert(t.standardAnswers)
    .values({ shopId: SHOP, intent, variants, updatedAt: h.now })
    .onConflictDoUpdate({ target: [t.standardAnswers.shopId, t.standardAnswers.intent], set: { variants } });
  invalidateShopContext(h.database, SHOP);
}

const detail = async (id: string) =>
  (await h.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}`, headers: { authorization: `Bearer ${token}` } })).json() as {
    messages: { authorKind: string; text: string; guardVerdict: { interventions?: { action: string; original: string; violations: { rule: string; title: string; points: number }[] }[] } | null }[];
    guardBlocks: { action: string; original: string; violations: { rule: string; title: string }[] }[];
  };

describe('the agent sees why the guard changed a bot answer (issue 11)', () => {
  it('a replaced answer carries the rule, its Chinese name, points and the original text', async () => {
    await legacyAnswer('payment.guide', ['亲，付款有问题的话可以加我微信abc12345，我帮您处理']);
    const r = await handleInboundMessage(deps(), { shopId: SHOP, buyerAccountId: 'gi_buyer_1', channel: 'bridge', messageId: 'gi-1', text: '怎么付款啊' });
    expect(r.plan?.blocked).toBe(1);
    expect(r.replies.map((m) => m.text).join('')).not.toContain('微信');
    const d = await detail(r.conversationId);
    const notes = d.messages.flatMap((m) => m.guardVerdict?.interventions ?? []);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.action).toBe('replaced');
    expect(notes[0]!.original).toContain('加我微信abc12345');
    // A WeChat id offered to fix a payment problem is contact details (D2) or an off-platform
    // payment route (D1): either way the agent sees the rule's Chinese name.
    const named = notes[0]!.violations.map((v) => `${v.rule} ${v.title}`);
    expect(named.some((n) => n === 'D2 泄露联系方式或站外链接' || n === 'D1 站外交易')).toBe(true);
  });

  it('D6 in the pipeline: the same answer about another account’s order is replaced, about the buyer’s own it goes out', async () => {
    // The bot answers another account's order with its privacy answer (logistics.privacy); a shop
    // that wrote order details into it would leak them, and so would the payment answer.
    await legacyAnswer('logistics.privacy', ['亲，这个订单已经付款成功了，正在安排发货']);
    await legacyAnswer('payment.guide', ['亲，这个订单已经付款成功了，正在安排发货']);
    const [other] = await h.database.db.insert(t.buyers).values({ shopId: SHOP, platformAccount: 'gi_other' }).returning();
    await h.database.db.insert(t.orders).values({ shopId: SHOP, platformOrderNo: '4002000000000000001', buyerId: other!.id, state: '买家已付款，等待卖家发货', totalFen: 9900 });
    const foreign = await handleInboundMessage(deps(), {
      shopId: SHOP, buyerAccountId: 'gi_buyer_2', channel: 'bridge', messageId: 'gi-2', text: '订单4002000000000000001怎么付款啊',
    });
    const d = await detail(foreign.conversationId);
    const notes = d.messages.flatMap((m) => m.guardVerdict?.interventions ?? []);
    expect(notes.flatMap((n) => n.violations.map((v) => [v.rule, v.title, v.points]))).toContainEqual(['D6', '泄露买家信息', 6]);
    expect(foreign.replies.map((m) => m.text).join('')).not.toContain('已经付款成功');

    const own = await handleInboundMessage(deps(), {
      shopId: SHOP, buyerAccountId: 'gi_other', channel: 'bridge', messageId: 'gi-3', text: '订单4002000000000000001怎么付款啊',
    });
    expect(own.replies.map((m) => m.text).join('')).toContain('已经付款成功');
  });

  it('an answer dropped because even its rewrite breaks a rule hands the chat over with why', async () => {
    // A shop override whose D1 and D2 rewrites themselves name a WeChat id: the rewrite is blocked again.
    const [shop] = await h.database.db.select().from(t.shops).where(eq(t.shops.id, SHOP));
    const badRewrite = { rewrite: { zh: '加我微信abc12345联系', en: 'x' } };
    await h.database.db.update(t.shops).set({ ruleOverrides: { guard: { rules: { D1: badRewrite, D2: badRewrite } } } }).where(eq(t.shops.id, SHOP));
    await legacyAnswer('payment.guide', ['亲，付款有问题的话可以加我微信abc12345，我帮您处理']);
    try {
      const first = await handleInboundMessage(deps(), { shopId: SHOP, buyerAccountId: 'gi_buyer_4', channel: 'bridge', messageId: 'gi-4', text: '在吗' });
      expect(first.replies.length).toBeGreaterThan(0);
      const r = await handleInboundMessage(deps(), { shopId: SHOP, buyerAccountId: 'gi_buyer_4', channel: 'bridge', messageId: 'gi-5', text: '怎么付款啊' });
      expect(r.replies).toEqual([]);
      expect(r.handover?.reason).toBe('guard_blocked');
      const d = await detail(r.conversationId);
      expect(d.guardBlocks).toHaveLength(1);
      expect(d.guardBlocks[0]!.action).toBe('dropped');
      expect(d.guardBlocks[0]!.original).toContain('abc12345');
      const named = d.guardBlocks[0]!.violations.map((v) => `${v.rule} ${v.title}`);
      expect(named.some((n) => n === 'D2 泄露联系方式或站外链接' || n === 'D1 站外交易')).toBe(true);
    } finally {
      await h.database.db.update(t.shops).set({ ruleOverrides: shop!.ruleOverrides }).where(eq(t.shops.id, SHOP));
      invalidateShopContext(h.database, SHOP);
    }
  });
});
