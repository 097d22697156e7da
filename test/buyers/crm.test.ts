// Issue 14: buyers (CRM). M1: the profile with purchase and service history, masked for an agent,
// unmasked for a supervisor, scoped to the caller's shops, notes/tags/occupation edited (a masked
// line saved back keeps its original). M2: tiers from paid orders and spend (project defaults,
// then the shop's own), segments by tier and tag, and the bot offering the tier's perk to a VIP
// buyer in chat (and not to a new buyer). M3: items listed / sold / sell-through per month.
// F3: 退订 written in chat is recorded by the inbound pipeline and the scheduler honours it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { buyers, followupConsent, items, messages } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { tokenFor, seedWorld, type World } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Beijing: outside quiet hours.
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe(`buyers (CRM), VIP tiers and store figures (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let agent: string;
  let supervisor: string;
  let outsider: string;
  const clock = T0;
  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database, { platformA: 'taobao' });
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => clock, logger: false });
    await app.ready();
    agent = await tokenFor(app, world.agentA.login);
    supervisor = await tokenFor(app, world.supervisor.login);
    outsider = await tokenFor(app, world.agentB.login);
    // The supervisor serves shop A too.
    await database.query('insert into agent_shops (agent_id, shop_id) values ($1, $2) on conflict do nothing', [world.supervisor.id, world.shopA]);
    supervisor = await tokenFor(app, world.supervisor.login);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const call = (token: string, method: 'GET' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** n finished orders of `account`, each `fen` paid, in November 2026. */
  async function orders(account: string, n: number, fen: number, prefix = account) {
    for (let i = 1; i <= n; i++) {
      await syncOrder(database, world.shopA, {
        platformOrderNo: `${prefix}-${i}`, buyerAccount: account, state: '交易成功', orderedAt: at(-200 - i), paidAt: at(-199 - i), shippedAt: at(-150), completedAt: at(-10),
        receiverName: '张三', receiverPhone: '13812345678', receiverAddress: '浙江省杭州市西湖区文三路 100 号',
        lines: [{ title: '纯棉T恤', qty: 1, priceFen: fen }], totalFen: fen,
      }, { kind: 'platform' }, at(-10));
    }
    const [b] = await database.db.select().from(buyers).where(and(eq(buyers.shopId, world.shopA), eq(buyers.platformAccount, account)));
    return b!;
  }

  it('M1: the profile has purchases and service history; phone masked for an agent, shown to a supervisor; other shops cannot see it', async () => {
    const b = await orders('tb_profile', 2, 15900);
    await database.db.update(buyers).set({ phone: '13912345678', address: '浙江省杭州市西湖区文三路 100 号', notes: '老顾客\n电话 13912345678 白天打' }).where(eq(buyers.id, b.id));
    const res = await call(agent, 'GET', `/api/v1/buyers/${b.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.masked).toBe(true);
    expect(view.phone).not.toContain('13912345678');
    expect(view.notes).not.toContain('13912345678');
    expect(view.purchases).toHaveLength(2);
    expect(view.purchases[0].items).toEqual(['纯棉T恤']);
    expect(view.standing).toEqual({ paidOrders: 2, spendFen: 31800, spendByCurrency: {} });
    // Default tiers (rules/buyers.yaml, project defaults): 2 paid orders → 老客.
    expect(view.tier).toEqual({ id: 'loyal', name: '老客' });
    expect(view.nextTier.id).toBe('vip');
    const lead = (await call(supervisor, 'GET', `/api/v1/buyers/${b.id}`)).json();
    expect(lead.masked).toBe(false);
    expect(lead.phone).toBe('13912345678');
    // Another shop's agent: not found (no leak).
    expect((await call(outsider, 'GET', `/api/v1/buyers/${b.id}`)).statusCode).toBe(404);
    expect((await call(outsider, 'PUT', `/api/v1/buyers/${b.id}`, { tags: ['x'] })).statusCode).toBe(404);
  });

  it('M1: an agent edits notes, tags and occupation; a masked line sent back keeps its original; bad input is refused in Chinese', async () => {
    const [b] = await database.db.select().from(buyers).where(and(eq(buyers.shopId, world.shopA), eq(buyers.platformAccount, 'tb_profile')));
    const seen = (await call(agent, 'GET', `/api/v1/buyers/${b!.id}`)).json();
    const res = await call(agent, 'PUT', `/api/v1/buyers/${b!.id}`, { notes: `${seen.notes}\n喜欢宽松款`, tags: ['回头客', '大码'], occupation: '教师' });
    expect(res.statusCode, res.body).toBe(200);
    const [after] = await database.db.select().from(buyers).where(eq(buyers.id, b!.id));
    expect(after!.notes).toBe('老顾客\n电话 13912345678 白天打\n喜欢宽松款');
    expect(after!.tags).toEqual(['回头客', '大码']);
    expect(after!.occupation).toBe('教师');
    const audit = await database.query<{ action: string }>("select action from audit_log where subject_id = $1 and action = 'buyer.update'", [b!.id]);
    expect(audit).toHaveLength(1);
    const bad = await call(agent, 'PUT', `/api/v1/buyers/${b!.id}`, { tags: ['这是一个超过二十个字的非常非常非常长的标签文字'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('标签不能超过 20 字');
  });

  it('M2: segments by tier and tag; the shop raises its thresholds and the tiers follow', async () => {
    await orders('tb_vip', 5, 9900);
    await orders('tb_new', 1, 5900);
    const all = (await call(agent, 'GET', `/api/v1/shops/${world.shopA}/buyers`)).json();
    expect(all.byTier).toMatchObject({ vip: 1, loyal: 1, none: 1 });
    const vip = (await call(agent, 'GET', `/api/v1/shops/${world.shopA}/buyers?tier=vip`)).json();
    expect(vip.items.map((x: { platformAccount: string }) => x.platformAccount)).toEqual(['tb_vip']);
    expect(vip.total).toBe(1);
    const tagged = (await call(agent, 'GET', `/api/v1/shops/${world.shopA}/buyers?tag=${encodeURIComponent('回头客')}`)).json();
    expect(tagged.items.map((x: { platformAccount: string }) => x.platformAccount)).toEqual(['tb_profile']);
    expect((await call(agent, 'GET', `/api/v1/shops/${world.shopA}/buyers?tier=gold`)).statusCode).toBe(400);

    // An agent may not change the tiers; a supervisor may. A perk with a WeChat id is refused by the guard.
    const tiers = [{ id: 'vip', name: '金卡会员', minOrders: 6, minSpendYuan: 2000, perks: [{ kind: 'new_item_discount', text: '新品首发 9 折' }] }];
    expect((await call(agent, 'PUT', `/api/v1/shops/${world.shopA}/vip-tiers`, { tiers })).statusCode).toBe(403);
    const blocked = await call(supervisor, 'PUT', `/api/v1/shops/${world.shopA}/vip-tiers`, { tiers: [{ ...tiers[0], perks: [{ kind: 'coupon', text: '加微信 abc12345 领券' }] }] });
    expect(blocked.statusCode).toBe(422);
    const saved = await call(supervisor, 'PUT', `/api/v1/shops/${world.shopA}/vip-tiers`, { tiers });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().own).toBe(true);
    const now = (await call(agent, 'GET', `/api/v1/shops/${world.shopA}/buyers`)).json();
    // 5 orders of ¥99 no longer reach 6 orders or ¥2000.
    expect(now.byTier).toEqual({ none: 3 });
  });

  it('M2: the bot offers the tier perk to a VIP buyer in chat, once, and not to a buyer without a tier', async () => {
    await orders('tb_gold', 6, 9900);
    const deps = { database, bus, now: at(0) };
    const first = await handleInboundMessage(deps, { shopId: world.shopA, buyerAccountId: 'tb_gold', channel: 'bridge', messageId: 'gold-1', text: '你好' });
    const said = first.replies.map((r) => r.text).join('\n');
    expect(said).toContain('金卡会员');
    expect(said).toContain('新品首发 9 折');
    const again = await handleInboundMessage({ ...deps, now: at(0.01) }, { shopId: world.shopA, buyerAccountId: 'tb_gold', channel: 'bridge', messageId: 'gold-2', text: '有什么优惠活动吗' });
    expect(again.replies.map((r) => r.text).join('\n')).not.toContain('新品首发 9 折');
    const plain = await handleInboundMessage(deps, { shopId: world.shopA, buyerAccountId: 'tb_new', channel: 'bridge', messageId: 'new-1', text: '你好' });
    expect(plain.replies.map((r) => r.text).join('\n')).not.toContain('新品首发');
  });

  it('F3: 退订 written in chat is recorded at inbound, and the scheduler sends that buyer nothing more', async () => {
    const deps = { database, bus, now: at(1) };
    await handleInboundMessage(deps, { shopId: world.shopA, buyerAccountId: 'tb_td', channel: 'bridge', messageId: 'td-1', text: '在吗' });
    expect(await database.db.select().from(followupConsent).where(eq(followupConsent.shopId, world.shopA))).toEqual([]);
    await handleInboundMessage({ ...deps, now: at(1.1) }, { shopId: world.shopA, buyerAccountId: 'tb_td', channel: 'bridge', messageId: 'td-2', text: 'TD' });
    const consent = await database.db.select().from(followupConsent).where(eq(followupConsent.shopId, world.shopA));
    expect(consent.map((c) => c.source)).toEqual(['buyer_message']);
    const [b] = await database.db.select().from(buyers).where(and(eq(buyers.shopId, world.shopA), eq(buyers.platformAccount, 'tb_td')));
    expect(consent[0]!.buyerId).toBe(b!.id);
    // A shipment for that buyer: the notice is not sent.
    await syncOrder(database, world.shopA, {
      platformOrderNo: 'TD-1', buyerAccount: 'tb_td', state: '卖家已发货等待买家确认', orderedAt: at(-10), paidAt: at(-9), shippedAt: at(1.2),
      courier: '圆通速递', trackingNo: 'YT1234509876', lines: [{ title: '雪纺连衣裙', qty: 1, priceFen: 12900 }],
    }, { kind: 'platform' }, at(1.2));
    const before = (await database.db.select().from(messages).where(and(eq(messages.shopId, world.shopA), eq(messages.direction, 'out')))).length;
    const done = await runDueFollowups(database, { now: at(2.5), workerId: 'w', bus });
    expect(done.filter((d) => d.orderId && d.flow === 'shipment_notice').map((d) => d.outcome)).toContain('opted_out');
    const after = (await database.db.select().from(messages).where(and(eq(messages.shopId, world.shopA), eq(messages.direction, 'out')))).length;
    expect(after - before).toBe(done.filter((d) => d.outcome === 'sent').length);
    expect(done.some((d) => d.outcome === 'sent' && d.flow === 'shipment_notice')).toBe(false);
  });

  it('M3: items listed, items sold and the sell-through rate per month; the flows\' figures beside them', async () => {
    // Three items: two listed since October, one delisted in mid-October (counts in October only).
    const oct = new Date('2026-10-01T00:00:00.000Z');
    const [, b, c] = await database.db.insert(items).values([
      { shopId: world.shopA, sku: 'M3-A', title: '纯棉T恤', category: '女装', priceFen: 5900, createdAt: oct },
      { shopId: world.shopA, sku: 'M3-B', title: '雪纺连衣裙', category: '女装', priceFen: 12900, createdAt: oct },
      { shopId: world.shopA, sku: 'M3-C', title: '羊毛围巾', category: '配饰', priceFen: 8900, createdAt: oct },
    ]).returning();
    await database.db.update(items).set({ listed: false }).where(eq(items.id, c!.id));
    await database.db.update(items).set({ delistedAt: new Date('2026-10-15T00:00:00.000Z') }).where(eq(items.id, c!.id));
    // One November sale of item A (2 units).
    await syncOrder(database, world.shopA, {
      platformOrderNo: 'M3-NOV', buyerAccount: 'tb_m3', state: '交易成功', orderedAt: at(-48), paidAt: at(-47), shippedAt: at(-40), completedAt: at(-5),
      lines: [{ title: '纯棉T恤', qty: 2, priceFen: 5900, sku: 'M3-A' }],
    }, { kind: 'platform' }, at(-5));
    const res = await call(agent, 'GET', `/api/v1/shops/${world.shopA}/store-figures?months=2`);
    expect(res.statusCode, res.body).toBe(200);
    const fig = res.json();
    expect(fig.months.map((m: { month: string }) => m.month)).toEqual(['2026-10', '2026-11']);
    const [octM, novM] = fig.months;
    expect(octM).toMatchObject({ itemsListed: 3, itemsSold: 0, sellThrough: 0 });
    expect(novM).toMatchObject({ itemsListed: 2, itemsSold: 1, unitsSold: 2, sellThrough: 0.5 });
    expect(b).toBeTruthy();
    const reminder = fig.flows.find((f: { flow: string }) => f.flow === 'payment_reminder');
    expect(reminder.title).toBe('催付');
    const ship = fig.flows.find((f: { flow: string }) => f.flow === 'shipment_notice');
    expect(ship.optedOut + ship.sent + ship.stopped + ship.pending).toBeGreaterThanOrEqual(0);
  });
});
