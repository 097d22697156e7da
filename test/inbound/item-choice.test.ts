// C11/C6 through the real pipeline (PGlite, demo electronics shop): a category with two items is
// offered as a choice, the buyer's pick becomes the chat's item, and a matching item is suggested
// once for it, not under every answer.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { loadShopContext } from '../../src/app/shops/shop-context.js';
import { readConversationState } from '../../src/core/conversation/state.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-taobao';
let h: TestApp;
const bus = createLocalBus();
const deps = () => ({ database: h.database, bus, now: h.now });
let big: { id: string; title: string };
let small: { id: string; title: string };

beforeAll(async () => {
  h = await startTestApp();
  const shop = await loadShopContext(h.database, SHOP);
  const banks = shop.items.filter((i) => i.category === '充电宝');
  expect(banks.length).toBe(2);
  big = banks.find((i) => i.title.includes('20000'))!;
  small = banks.find((i) => i.title.includes('10000'))!;
}, 120_000);
afterAll(async () => h?.close());

const send = (buyer: string, id: string, text: string) =>
  handleInboundMessage(deps(), { shopId: SHOP, buyerAccountId: buyer, channel: 'bridge', messageId: id, text });
const said = (r: { replies: { text: string }[] }) => r.replies.map((m) => m.text).join('');

describe('the item named by its category (C11, C6)', () => {
  it('两款充电宝: listed to choose; "20000的那个" becomes the chat\'s item; one suggestion for it', async () => {
    const first = await send('pick_a', 'pick-a1', '这个充电宝能带上飞机吗');
    expect(said(first)).toContain(big.title);
    expect(said(first)).toContain(small.title);
    expect(said(first)).not.toMatch(/链接/);

    const pick = await send('pick_a', 'pick-a2', '那个20000的多少钱');
    expect(said(pick)).toContain('149');
    const [c] = await h.database.db.select().from(t.conversations).where(eq(t.conversations.id, pick.conversationId));
    const state = readConversationState(c!.state);
    expect(state.focusItemId).toBe(big.id);
    expect(pick.plan?.recommendations.length).toBe(1);
    expect(state.memory?.crossSoldFor).toBe(big.id);

    const next = await send('pick_a', 'pick-a3', '快充是多少瓦的');
    expect(said(next)).toMatch(/22.5W/);
    expect(next.plan?.recommendations).toEqual([]);
  });
});
