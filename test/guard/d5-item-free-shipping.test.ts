// D5 wiring (issue 11): 包邮 is promised per item. The guard reads the flag of the item under
// discussion (the item card the buyer wrote from, else the bot's focus item) and the shop's
// setting only when the item has none. Set through the items API (supervisor). Real server and
// store (PGlite), demo Tmall shop (包邮 by default; D5 costs 4 points there).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/app/conversations/check-draft.js';
import type { Principal } from '../../src/app/auth/auth.js';
import * as t from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-tmall';
let h: TestApp;
let token: string;
let agent: Principal;

beforeAll(async () => {
  h = await startTestApp();
  token = await h.login('supervisor');
  const [a] = await h.database.db.select().from(t.agents).where(eq(t.agents.login, 'agent1'));
  agent = { kind: 'agent', agentId: a!.id, orgId: a!.orgId, role: 'agent', displayName: a!.displayName, shopIds: [SHOP] } as Principal;
}, 180_000);
afterAll(async () => h?.close());

const setFlag = (sku: string, freeShipping: boolean | null) =>
  h.app.inject({
    method: 'PUT', url: `/api/v1/shops/${SHOP}/items`, headers: { authorization: `Bearer ${token}` },
    payload: { items: [{ sku, freeShipping }] },
  });

/** A conversation whose buyer writes from the item card of `itemId`. */
async function chatAbout(itemId: string): Promise<string> {
  const [b] = await h.database.db.insert(t.buyers).values({ shopId: SHOP, platformAccount: `d5-${itemId}-${Math.random()}` }).returning();
  const [c] = await h.database.db.insert(t.conversations).values({ shopId: SHOP, buyerId: b!.id, channel: 'bridge', status: 'assigned', lastSeq: 1 }).returning();
  await h.database.db.insert(t.messages).values({
    shopId: SHOP, conversationId: c!.id, seq: 1, direction: 'in', authorKind: 'buyer', text: '这个包邮吗', itemRef: itemId,
  });
  return c!.id;
}

const NOT_FREE = '亲，这款是特价商品，不包邮哦';

describe('D5: the item under discussion decides 包邮 (issue 11)', () => {
  it('an item marked 不包邮 in a 包邮 shop may say so; the shop default still blocks for other items', async () => {
    const items = await h.database.db.select().from(t.items).where(and(eq(t.items.shopId, SHOP), eq(t.items.listed, true))).limit(2);
    const [special, normal] = [items[0]!, items[1]!];
    expect((await setFlag(special.sku, false)).statusCode).toBe(200);
    const listed = (await h.app.inject({ method: 'GET', url: `/api/v1/shops/${SHOP}/items`, headers: { authorization: `Bearer ${token}` } })).json() as {
      items: { sku: string; freeShipping: boolean | null }[];
    };
    expect(listed.items.find((i) => i.sku === special.sku)?.freeShipping).toBe(false);

    const onSpecial = await checkDraft(h.database, agent, { text: NOT_FREE, shopId: SHOP, conversationId: await chatAbout(special.id) });
    expect(onSpecial.violations.map((v) => v.rule)).not.toContain('D5');
    const onNormal = await checkDraft(h.database, agent, { text: NOT_FREE, shopId: SHOP, conversationId: await chatAbout(normal.id) });
    expect(onNormal.violations.map((v) => [v.rule, v.points])).toContainEqual(['D5', 4]);
  });

  it('an item marked 包邮 in a shop without the promise blocks the same words; null follows the shop again', async () => {
    const [item] = await h.database.db.select().from(t.items).where(and(eq(t.items.shopId, SHOP), eq(t.items.listed, true))).limit(1).offset(2);
    const [shop] = await h.database.db.select().from(t.shops).where(eq(t.shops.id, SHOP));
    await h.database.db.update(t.shops).set({ settings: { ...(shop!.settings as object), freeShipping: false } }).where(eq(t.shops.id, SHOP));
    expect((await setFlag(item!.sku, true)).statusCode).toBe(200);
    const conversationId = await chatAbout(item!.id);
    expect((await checkDraft(h.database, agent, { text: NOT_FREE, shopId: SHOP, conversationId })).verdict).toBe('block');
    expect((await setFlag(item!.sku, null)).statusCode).toBe(200);
    expect((await checkDraft(h.database, agent, { text: NOT_FREE, shopId: SHOP, conversationId })).violations.map((v) => v.rule)).not.toContain('D5');
  });
});
