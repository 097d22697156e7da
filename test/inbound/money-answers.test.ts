// O6 through the real pipeline (PGlite, demo shop): the planner input carries the shop's merged
// profile's freight table, so a shop without free shipping answers a regional freight question
// with the figure instead of "the page shows it".
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { invalidateShopContext } from '../../src/app/shops/shop-context.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-taobao';
let h: TestApp;
const bus = createLocalBus();

beforeAll(async () => {
  h = await startTestApp();
  await h.database.db
    .update(t.shops)
    .set({ settings: sql`${t.shops.settings} || '{"freeShipping": false}'::jsonb` })
    .where(eq(t.shops.id, SHOP));
  invalidateShopContext(h.database, SHOP);
}, 120_000);
afterAll(async () => h?.close());

describe('money rules in live chats (issue 15, O6)', () => {
  it('a regional freight question with a weight is answered with the fee table figure', async () => {
    const r = await handleInboundMessage(
      { database: h.database, bus, now: h.now },
      { shopId: SHOP, buyerAccountId: 'o6_buyer', channel: 'bridge', messageId: 'o6-1', text: '寄到新疆2公斤运费多少钱' },
    );
    const text = r.replies.map((m) => m.text).join('\n');
    // rules/common.yaml shipping.fee_table_example: 新疆 first kg 18 + 1 extra kg × 8 = 26.
    expect(text).toMatch(/26/);
    expect(r.handover).toBeFalsy();
  });
});
