// Issue 14, F3 and F2: a second marketing message inside the frequency window is held back, a
// buyer's 退订 stops proactive messages, and a template carrying a WeChat id is refused on save
// with the rule in Chinese; the preview shows who would receive what before a flow is switched on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { addLogisticsEvent, syncOrder } from '../../src/app/orders/orders.js';
import { ensureFollowups } from '../../src/app/followups/sweep.js';
import type { Database } from '../../src/store/open-database.js';
import { followupConsent, messages, scheduledMessages } from '../../src/store/schema/index.js';
import { databaseLabel } from '../helpers/database.js';
import { startWorldApp, type WorldApp } from '../helpers/app.js';
import { seedConversation, tokenFor, type World } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Beijing (the default time zone for domestic buyers): outside quiet hours.
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe(`follow-up consent, limits and templates (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let clock = T0;
  let harness: WorldApp | undefined;
  beforeAll(async () => {
    harness = await startWorldApp({ now: () => clock, platformA: 'taobao' });
    ({ app, database, world } = harness);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  const finished = (no: string, account: string, completedAt: Date) =>
    syncOrder(database, world.shopA, {
      platformOrderNo: no, buyerAccount: account, state: '交易成功', orderedAt: at(-100), paidAt: at(-99), shippedAt: at(-80), completedAt,
      courier: '中通快递', trackingNo: `ZT${no}`, lines: [{ title: '纯棉T恤', qty: 1, priceFen: 5900 }],
    }, { kind: 'platform' }, completedAt);

  it('F3: a second marketing message to the same buyer inside the window is held back', async () => {
    await finished('TB-F3-1', 'tb_loyal', T0);
    await finished('TB-F3-2', 'tb_loyal', T0);
    const rows = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.shopId, world.shopA), eq(scheduledMessages.kind, 'review_invite')));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.category === 'marketing')).toBe(true);
    const done = await runDueFollowups(database, { now: at(25), workerId: 'w', bus });
    const invites = done.filter((d) => d.flow === 'review_invite');
    expect(invites.map((d) => d.outcome).sort()).toEqual(['held_frequency', 'sent']);
    const [held] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.kind, 'review_invite'), eq(scheduledMessages.outcome, 'held_frequency')));
    expect(held!.outcomeNote).toContain('168 小时最多 1 条营销消息');
    const sent = await database.db.select().from(messages).where(and(eq(messages.shopId, world.shopA), eq(messages.direction, 'out')));
    expect(sent).toHaveLength(1);
    // R7: the invitation asks for an honest review and offers nothing for a good one.
    expect(sent[0]!.text).toContain('真实的评价');
  });

  it('F3: a buyer who wrote 退订 gets no shipment notice, and the opt-out is recorded', async () => {
    const conv = await seedConversation(database, { shopId: world.shopA, account: 'tb_optout', incoming: [{ text: '退订', at: at(-2) }], status: 'bot' });
    expect(conv).toBeTruthy();
    await syncOrder(database, world.shopA, {
      platformOrderNo: 'TB-OPT-1', buyerAccount: 'tb_optout', state: '卖家已发货等待买家确认', orderedAt: at(-10), paidAt: at(-9), shippedAt: at(0),
      courier: '圆通速递', trackingNo: 'YT9876543210', lines: [{ title: '雪纺连衣裙', qty: 1, priceFen: 12900 }],
    }, { kind: 'platform' }, at(0));
    const done = await runDueFollowups(database, { now: at(1.5), workerId: 'w', bus });
    const mine = done.filter((d) => d.flow === 'shipment_notice');
    expect(mine.map((d) => d.outcome)).toEqual(['opted_out']);
    const consent = await database.db.select().from(followupConsent).where(eq(followupConsent.shopId, world.shopA));
    expect(consent.map((c) => c.source)).toEqual(['buyer_message']);
    const out = await database.db.select().from(messages).where(and(eq(messages.conversationId, conv), eq(messages.direction, 'out')));
    expect(out).toEqual([]);
  });

  it('F1: an out-for-delivery scan brings the arrival notice (check the parcel in front of the courier), once', async () => {
    const { order } = await syncOrder(database, world.shopA, {
      platformOrderNo: 'TB-ARR-1', buyerAccount: 'tb_arrival', state: '卖家已发货等待买家确认', orderedAt: at(-30), paidAt: at(-29), shippedAt: at(-24),
      courier: '中通快递', trackingNo: 'ZT5550001', lines: [{ title: '保温杯', qty: 1, priceFen: 6900 }],
    }, { kind: 'platform' }, at(-24));
    await addLogisticsEvent(database, order.id, { at: at(2), status: '派送中', text: '快件正在派送，派送员：王师傅' });
    expect(await ensureFollowups(database, at(2.1))).toBeGreaterThan(0);
    expect(await ensureFollowups(database, at(2.2))).toBe(0);
    const done = await runDueFollowups(database, { now: at(2.3), workerId: 'w', bus });
    // The shipment notice (due since an hour after shipping) goes too: both are service messages, within the limit.
    expect(done.filter((d) => d.orderId === order.id).map((d) => [d.flow, d.outcome]).sort()).toEqual([['arrival_notice', 'sent'], ['shipment_notice', 'sent']]);
    const [row] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.kind, 'arrival_notice')));
    expect(row!.text).toContain('当着快递员的面');
  });

  it('a buyer who merely asks about 退订 is not opted out', async () => {
    const { isOptOut } = await import('../../src/core/followups/limits.js');
    const words = ['退订', 'TD', 'unsubscribe', 'stop'];
    expect(isOptOut('退订', words)).toBe(true);
    expect(isOptOut(' TD ', words)).toBe(true);
    expect(isOptOut('Unsubscribe me please', words)).toBe(true);
    expect(isOptOut('怎么退订会员吗？', words)).toBe(false);
    expect(isOptOut('when will it stop raining here in my city', words)).toBe(false);
  });

  it('F2: a template with a WeChat id is refused on save (TEXT_BLOCKED, rule in Chinese); a clean one saves', async () => {
    const token = await tokenFor(app, world.supervisor.login);
    const headers = { authorization: `Bearer ${token}` };
    const url = `/api/v1/shops/${world.shopA}/followups/templates`;
    const bad = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'care', lang: 'zh', text: '亲，收到「{item}」了吗？加我微信 xiaomei_888 领售后福利' }] } });
    expect(bad.statusCode).toBe(422);
    const err = bad.json().error as { code: string; message: string };
    expect(err.code).toBe('TEXT_BLOCKED');
    expect(err.message).toMatch(/第 1 个模板（关怀消息）违反平台规则「.+」/);
    const unknown = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'care', lang: 'zh', text: '亲，{wechat} 收到了吗' }] } });
    expect(unknown.statusCode).toBe(400);
    const good = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'shipment_notice', lang: 'zh', courier: '中通', text: '亲，您的订单 {orderNo} 已由中通发出，单号 {trackingNo}~' }] } });
    expect(good.statusCode).toBe(200);
    const view = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/followups`, headers });
    const templates = view.json().templates as { own: boolean; courier: string | null }[];
    expect(templates.filter((t) => t.own)).toEqual([expect.objectContaining({ courier: '中通' })]);
    // An agent (not a lead) may not change templates.
    const agent = await tokenFor(app, world.agentA.login);
    const refused = await app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${agent}` }, payload: { templates: [] } });
    expect(refused.statusCode).toBe(403);
  });

  it('C8: the preview shows who would receive what; switching a flow off stops its rows, on schedules open orders', async () => {
    const token = await tokenFor(app, world.supervisor.login);
    const headers = { authorization: `Bearer ${token}` };
    clock = at(0.5);
    await syncOrder(database, world.shopA, {
      platformOrderNo: 'TB-PAY-1', buyerAccount: 'tb_unpaid', state: '等待买家付款', orderedAt: at(0),
      lines: [{ title: '羊毛围巾', qty: 1, priceFen: 9900 }],
    }, { kind: 'platform' }, at(0));
    const off = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/followups/flows`, headers, payload: { flow: 'payment_reminder', enabled: false } });
    expect(off.statusCode).toBe(200);
    const stopped = await database.db.select().from(scheduledMessages).where(eq(scheduledMessages.kind, 'payment_reminder'));
    // Taobao's profile gives no payment window: the steps stay inside 24 h (2 h; the 24 h one would be too late).
    expect(stopped.map((r) => [r.step, r.outcome])).toEqual([[0, 'flow_off']]);
    const preview = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/followups/preview`, headers, payload: { flow: 'payment_reminder' } });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ flow: 'payment_reminder', title: '催付', enabled: false, orders: 1, wouldSend: 1 });
    expect(p.rows[0]).toMatchObject({ orderNo: 'TB-PAY-1', outcome: 'would_send' });
    expect(p.rows[0].text).toContain('羊毛围巾');
    const on = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/followups/flows`, headers, payload: { flow: 'payment_reminder', enabled: true, stepsHours: [1] } });
    expect(on.statusCode).toBe(200);
    expect(on.json().flows.find((f: { flow: string }) => f.flow === 'payment_reminder')).toMatchObject({ enabled: true, stepsHours: [1] });
    // The step stopped by the switch is armed again at the shop's new timing (1 h) and sent.
    const done = await runDueFollowups(database, { now: at(1.2), workerId: 'w', bus });
    expect(done.filter((d) => d.flow === 'payment_reminder').map((d) => d.outcome)).toEqual(['sent']);
    const log = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/followups/log?flow=payment_reminder`, headers });
    expect(log.json().items[0]).toMatchObject({ flow: 'payment_reminder', outcome: 'sent', orderNo: 'TB-PAY-1', paidAfter: false });
    // The buyer pays: the log and the figures count it as paid after the reminder.
    await syncOrder(database, world.shopA, { platformOrderNo: 'TB-PAY-1', state: '买家已付款等待卖家发货', paidAt: at(2) }, { kind: 'platform' }, at(2));
    const after = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/followups/log?flow=payment_reminder`, headers });
    expect(after.json().items[0]).toMatchObject({ paidAfter: true });
    const overview = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/followups`, headers });
    expect(overview.json().stats.find((s: { flow: string }) => s.flow === 'payment_reminder')).toMatchObject({ sent: 1, paidAfter: 1, conversion: 1 });
  });
});
