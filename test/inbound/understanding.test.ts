// Issue 12 through the real pipeline (PGlite, demo shop): every question of a message answered,
// the conversation's memory stored between turns, English answered in English, other languages
// handed over with the language named.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { loadShopContext } from '../../src/app/shops/shop-context.js';
import { readConversationState } from '../../src/core/conversation/state.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-tmall';
let h: TestApp;
const bus = createLocalBus();
const deps = () => ({ database: h.database, bus, now: h.now });
let tee: string;

beforeAll(async () => {
  h = await startTestApp();
  const shop = await loadShopContext(h.database, SHOP);
  tee = shop.items.find((i) => i.sizeChart?.length && i.category.includes('T恤'))?.id ?? shop.items.find((i) => i.sizeChart?.length)!.id;
}, 120_000);
afterAll(async () => h?.close());

const send = (buyer: string, id: string, text: string, itemId?: string) =>
  handleInboundMessage(deps(), {
    shopId: SHOP, buyerAccountId: buyer, channel: 'bridge', messageId: id, text, ...(itemId ? { itemId } : {}),
  });
const said = (r: { replies: { text: string }[] }) => r.replies.map((m) => m.text).join('\n');

describe('the bot understands real buyers (issue 12)', () => {
  it('两个问题 in one message: both answered', async () => {
    const r = await send('u12_a', 'u12-a1', '这件T恤有L码吗？什么时候发货？', tee);
    expect(r.plan?.answered).toEqual(expect.arrayContaining(['stock', 'ship_time']));
    expect(said(r)).toMatch(/发货|发出/);
  });

  it('measurements are remembered: "那XL呢" does not ask for height and weight again', async () => {
    const first = await send('u12_b', 'u12-b1', '我身高170体重130斤穿什么码', tee);
    expect(said(first)).toMatch(/码/);
    const [c] = await h.database.db.select().from(t.conversations).where(eq(t.conversations.id, first.conversationId));
    expect(readConversationState(c!.state).memory?.measurements).toEqual({ heightCm: 170, weightJin: 130 });
    const next = await send('u12_b', 'u12-b2', '那XL呢');
    expect(said(next)).not.toMatch(/身高和体重/);
    expect(said(next)).toMatch(/码/);
  });

  it('an English buyer is answered in English; Spanish is handed over with the language named', async () => {
    const en = await send('u12_c', 'u12-c1', 'hello, when will you ship my order?', tee);
    expect(en.plan?.language).toBe('en');
    expect(said(en)).toMatch(/ship/i);
    const es = await send('u12_d', 'u12-d1', 'Hola, ¿cuándo llega mi pedido? Todavía no lo recibí');
    expect(es.handover?.reason).toBe('foreign_language');
    expect(es.handover?.reasonZh).toContain('西班牙语');
    expect(said(es)).toMatch(/Spanish/);
  });
});
