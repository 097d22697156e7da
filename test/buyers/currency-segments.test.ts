// Issue 14, what was left: (1) spend kept per currency — an AliExpress buyer's USD orders count in
// USD against the tier's own USD threshold (rules/buyers.yaml project defaults, M2), never added to
// or converted into CNY, on the list, the profile and the segments alike; (2) segments for
// targeted messages — 老客回访 (F4) pointed at a tag or a VIP tier: the picker's counts, the
// preview showing only the segment's buyers (and how many orders are left out), firing sending
// only to them (the others recorded as outside the segment), and a segment refused on a service
// flow or with a tier the shop does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { buyerSegmentInfo } from '../../src/app/buyers/segments.js';
import { tiersOfShop } from '../../src/app/buyers/buyers.js';
import { loadBuyerOrdersAndStanding } from '../../src/app/inbound/planner-input.js';
import { shopProfile } from '../../src/app/shops/shop-profile.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { defaultTiers, tierOf } from '../../src/core/buyers/tiers.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { buyers, messages, scheduledMessages, shops } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { tokenFor, seedWorld, type World } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Beijing: outside quiet hours.
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe('tiers from spend per currency (M2, pure)', () => {
  it('a USD spend meets the USD threshold only; amounts of two currencies are never added', () => {
    const tiers = defaultTiers();
    const loyal = tiers.find((t) => t.id === 'loyal')!;
    expect(loyal.minSpendByCurrency.USD).toBeGreaterThan(0);
    const usd = loyal.minSpendByCurrency.USD! * 100;
    expect(tierOf(tiers, { paidOrders: 1, spendFen: 0, spendByCurrency: { USD: usd } })?.id).toBe('loyal');
    expect(tierOf(tiers, { paidOrders: 1, spendFen: 0, spendByCurrency: { USD: usd - 1 } })).toBeNull();
    // Just under the CNY threshold plus just under the USD threshold: still no tier (no mixing).
    expect(tierOf(tiers, { paidOrders: 1, spendFen: loyal.minSpendYuan * 100 - 1, spendByCurrency: { USD: usd - 1 } })).toBeNull();
    // A currency with no threshold counts only through the orders rule.
    expect(tierOf(tiers, { paidOrders: 1, spendFen: 0, spendByCurrency: { XYZ: 10 ** 12 } })).toBeNull();
    // JPY has no minor digits: the threshold is in yen.
    const jpy = loyal.minSpendByCurrency.JPY!;
    expect(tierOf(tiers, { paidOrders: 1, spendFen: 0, spendByCurrency: { JPY: jpy } })?.id).toBe('loyal');
  });
});

describe(`spend per currency and segments for targeted messages (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let supervisor: string;
  let agent: string;
  const clock = T0;
  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database, { platformA: 'taobao' });
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => clock, logger: false });
    await app.ready();
    await database.query('insert into agent_shops (agent_id, shop_id) values ($1, $2) on conflict do nothing', [world.supervisor.id, world.shopA]);
    supervisor = await tokenFor(app, world.supervisor.login);
    agent = await tokenFor(app, world.agentA.login);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const call = (token: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** A buyer with finished orders in `currency` (minor units each), written as an import would. */
  async function foreignBuyer(account: string, currency: string, minors: number[]) {
    const [b] = await database.db.insert(buyers).values({ shopId: world.shopA, platformAccount: account }).returning();
    let i = 0;
    for (const minor of minors) {
      i += 1;
      await database.query(
        `insert into orders (id, shop_id, platform_order_no, buyer_id, buyer_account, state, currency, total_minor, paid_minor, total_fen, paid_fen, ordered_at, paid_at, shipped_at, completed_at)
         values ($1, $2, $3, $4, $5, '交易成功', $6, $7, $7, 0, 0, $8, $8, $8, $8)`,
        [`${account}-o${i}`, world.shopA, `${account}-${i}`, b!.id, account, currency, minor, at(-300 - i).toISOString()],
      );
    }
    return b!;
  }

  it('keeps spend per currency on the list, the profile, the bot and the segments; a USD buyer reaches 老客 by the USD threshold', async () => {
    const usd = await foreignBuyer('ae_usd', 'USD', [4500]); // one order, US$45 ≥ US$40 (project default)
    const small = await foreignBuyer('ae_usd_small', 'USD', [3000]); // US$30: no tier
    const mixed = await foreignBuyer('ae_mixed', 'EUR', [2000]);
    await database.query(
      `insert into orders (id, shop_id, platform_order_no, buyer_id, buyer_account, state, currency, total_fen, paid_fen, ordered_at, paid_at)
       values ('ae_mixed-cny', $1, 'ae_mixed-cny', $2, 'ae_mixed', '交易成功', 'CNY', 25000, 25000, $3, $3)`,
      [world.shopA, mixed.id, at(-100).toISOString()],
    );

    const list = await call(agent, 'GET', `/api/v1/shops/${world.shopA}/buyers?q=ae_`);
    expect(list.statusCode, list.body).toBe(200);
    const rows = new Map((list.json().items as { platformAccount: string; spendFen: number; spendByCurrency: Record<string, number>; tier: { id: string } | null }[]).map((r) => [r.platformAccount, r]));
    expect(rows.get('ae_usd')).toMatchObject({ spendFen: 0, spendByCurrency: { USD: 4500 }, tier: { id: 'loyal' } });
    expect(rows.get('ae_usd_small')).toMatchObject({ spendFen: 0, spendByCurrency: { USD: 3000 }, tier: null });
    // ¥250 and €20: each under its own threshold, and not added up — but 2 paid orders make 老客.
    expect(rows.get('ae_mixed')).toMatchObject({ spendFen: 25000, spendByCurrency: { EUR: 2000 }, tier: { id: 'loyal' } });

    const profile = (await call(agent, 'GET', `/api/v1/buyers/${usd.id}`)).json();
    expect(profile.standing).toEqual({ paidOrders: 1, spendFen: 0, spendByCurrency: { USD: 4500 } });
    expect(profile.tier).toEqual({ id: 'loyal', name: '老客' });
    // To VIP: US$140 − US$45 in USD, not a yuan figure made from dollars.
    expect(profile.nextTier).toMatchObject({ id: 'vip', spendToGoByCurrency: { USD: 14000 - 4500 } });
    const smallProfile = (await call(agent, 'GET', `/api/v1/buyers/${small.id}`)).json();
    expect(smallProfile.tier).toBeNull();
    expect(smallProfile.nextTier).toMatchObject({ id: 'loyal', spendToGoByCurrency: { USD: 1000 } });

    // The bot's standing (perks, M2) reads the same.
    const [shop] = await database.db.select().from(shops).where(eq(shops.id, world.shopA));
    const { standing } = await loadBuyerOrdersAndStanding(database, world.shopA, usd.id, shopProfile(shop!));
    expect(standing).toEqual({ paidOrders: 1, spendFen: 0, spendByCurrency: { USD: 4500 } });

    // The segments' tier is the same as the list's.
    const info = await buyerSegmentInfo(database, world.shopA, await tiersOfShop(database, world.shopA), [usd.id, small.id, mixed.id]);
    expect(info.get(usd.id)?.tier).toBe('loyal');
    expect(info.get(small.id)?.tier).toBeNull();
    expect(info.get(mixed.id)?.tier).toBe('loyal');
  });

  /** A buyer with two finished orders, the second finished 30.5 days before T0 (老客回访 due 12 h ago). */
  async function loyalBuyer(account: string, tags: string[]) {
    for (const [i, daysAgo] of [[1, 60], [2, 30.5]] as const) {
      await syncOrder(database, world.shopA, {
        platformOrderNo: `${account}-${i}`, buyerAccount: account, state: '交易成功', orderedAt: at(-24 * (daysAgo + 10)), paidAt: at(-24 * (daysAgo + 10)),
        shippedAt: at(-24 * (daysAgo + 5)), completedAt: at(-24 * daysAgo), lines: [{ title: '羊毛围巾', qty: 1, priceFen: 9900 }], totalFen: 9900,
      }, { kind: 'platform' }, at(-24 * daysAgo));
    }
    const [b] = await database.db.select().from(buyers).where(and(eq(buyers.shopId, world.shopA), eq(buyers.platformAccount, account)));
    await database.db.update(buyers).set({ tags }).where(eq(buyers.id, b!.id));
    return b!;
  }

  it('F4 to a segment: picker counts, preview of the segment only, and firing sends only to its buyers', async () => {
    const tagged = await loyalBuyer('tb_regular', ['回头客']);
    const other = await loyalBuyer('tb_other', ['学生']);
    const base = `/api/v1/shops/${world.shopA}`;

    const segs = await call(agent, 'GET', `${base}/buyer-segments`);
    expect(segs.statusCode, segs.body).toBe(200);
    expect(segs.json().tags).toEqual(expect.arrayContaining([{ tag: '回头客', buyers: 1 }, { tag: '学生', buyers: 1 }]));
    expect(segs.json().tiers.map((t: { id: string }) => t.id)).toEqual(['loyal', 'vip', 'none']);

    // Refused: a service flow narrowed to a segment; a tier the shop does not have.
    const service = await call(supervisor, 'PUT', `${base}/followups/flows`, { flow: 'shipment_notice', enabled: true, segment: { tiers: [], tags: ['回头客'] } });
    expect(service.statusCode).toBe(400);
    expect(service.json().error.message).toContain('服务消息');
    const badTier = await call(supervisor, 'PUT', `${base}/followups/flows`, { flow: 'revisit', enabled: true, segment: { tiers: ['gold'], tags: [] } });
    expect(badTier.statusCode).toBe(400);
    expect(badTier.json().error.message).toContain('gold');

    // Preview before saving: every loyal buyer, then the 回头客 segment only.
    const everyone = (await call(agent, 'POST', `${base}/followups/preview`, { flow: 'revisit' })).json();
    expect(everyone.segment).toBeNull();
    expect(everyone.orders).toBe(2);
    const draft = (await call(agent, 'POST', `${base}/followups/preview`, { flow: 'revisit', segment: { tiers: [], tags: ['回头客'] } })).json();
    expect(draft.orders).toBe(1);
    expect(draft.wouldSend).toBe(1);
    expect(draft.segment).toMatchObject({ tags: ['回头客'], label: '标签：回头客', outsideOrders: 1, buyers: 1 });
    expect(draft.rows.map((r: { orderNo: string }) => r.orderNo)).toEqual(['tb_regular-2']);

    // Saved: the flow's view names the segment; the saved one is previewed from now on.
    const saved = await call(supervisor, 'PUT', `${base}/followups/flows`, { flow: 'revisit', enabled: true, segment: { tiers: [], tags: ['回头客'] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().flows.find((f: { flow: string }) => f.flow === 'revisit').segment).toEqual({ tiers: [], tags: ['回头客'], label: '标签：回头客' });
    expect(saved.json().flows.find((f: { flow: string }) => f.flow === 'payment_reminder').segment).toBeNull();
    expect((await call(agent, 'POST', `${base}/followups/preview`, { flow: 'revisit' })).json().orders).toBe(1);
    // Switching on again without a segment keeps it; an explicit null clears it (checked below).
    const kept = await call(supervisor, 'PUT', `${base}/followups/flows`, { flow: 'revisit', enabled: true });
    expect(kept.json().flows.find((f: { flow: string }) => f.flow === 'revisit').segment?.tags).toEqual(['回头客']);

    // Firing: only the 回头客 buyer receives it; the other is recorded as outside the segment.
    const fired = await runDueFollowups(database, { now: T0, workerId: 'seg', bus });
    const revisits = fired.filter((f) => f.flow === 'revisit');
    expect(revisits.map((f) => f.outcome).sort()).toEqual(['outside_segment', 'sent']);
    const rows = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.shopId, world.shopA), eq(scheduledMessages.kind, 'revisit')));
    const byBuyer = new Map(rows.map((r) => [r.buyerId, r]));
    expect(byBuyer.get(tagged.id)).toMatchObject({ state: 'sent', outcome: 'sent' });
    expect(byBuyer.get(other.id)).toMatchObject({ state: 'cancelled', outcome: 'outside_segment', outcomeNote: '不在目标人群（标签：回头客）' });
    const out = await database.db.select().from(messages).where(and(eq(messages.shopId, world.shopA), eq(messages.direction, 'out')));
    expect(out.map((m) => m.conversationId)).toEqual([byBuyer.get(tagged.id)!.conversationId]);

    // A tier segment: VIP only (nobody here) → the preview sends nothing; null clears it.
    const vip = (await call(agent, 'POST', `${base}/followups/preview`, { flow: 'revisit', segment: { tiers: ['vip'], tags: [] } })).json();
    expect(vip.segment).toMatchObject({ label: '会员等级：VIP会员', buyers: 0 });
    const cleared = await call(supervisor, 'PUT', `${base}/followups/flows`, { flow: 'revisit', enabled: true, segment: null });
    expect(cleared.json().flows.find((f: { flow: string }) => f.flow === 'revisit').segment).toBeNull();
  });
});
