// R7 入会邀请 (seed 001 一、1 (3)): a buyer whose latest review in the shop is good may be invited to
// the shop's membership — off until the shop switches it on, 8 days after the review (so it never
// sits beside the review's thank-you under F3), once per buyer in 90 days, never to a member, never
// after a later neutral or bad review, and never tied to the review: a template mentioning the review
// is refused on save and a message mentioning it is blocked at send; the reply guard checks both.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { ensureFollowups } from '../../src/app/followups/sweep.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { buyers, followupTemplates, reviews, scheduledMessages } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

const T0 = new Date('2026-11-23T02:00:00.000Z'); // 10:00 in Beijing: never in quiet hours below
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe(`R7 入会邀请 for buyers whose latest review is good (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database, { platformA: 'taobao' });
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => T0, logger: false });
    await app.ready();
    headers = { authorization: `Bearer ${await tokenFor(app, world.supervisor.login)}` };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const finished = async (no: string, account: string) => {
    const { order } = await syncOrder(database, world.shopA, {
      platformOrderNo: no, buyerAccount: account, state: '交易成功', orderedAt: at(-100), paidAt: at(-99), shippedAt: at(-80), completedAt: T0,
      courier: '中通快递', trackingNo: `ZT${no}`, lines: [{ title: '纯棉T恤', qty: 1, priceFen: 5900 }],
    }, { kind: 'platform' }, T0);
    return { orderId: order.id, buyerId: order.buyerId! };
  };
  const review = (o: { orderId: string; buyerId: string }, rating: 'good' | 'neutral' | 'bad', hours: number) =>
    database.db.insert(reviews).values({ shopId: world.shopA, orderId: o.orderId, buyerId: o.buyerId, rating, text: rating === 'good' ? '质量很好' : '有线头', at: at(hours) });
  const inviteRow = async (orderId: string) => {
    const [row] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, orderId), eq(scheduledMessages.kind, 'member_invite')));
    return row;
  };
  const setFlow = (enabled: boolean) =>
    app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/followups/flows`, headers, payload: { flow: 'member_invite', enabled } });

  it('is off by default: a good review schedules nothing until the shop switches it on', async () => {
    const view = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/followups`, headers });
    expect(view.statusCode, view.body).toBe(200);
    const flow = (view.json() as { flows: { flow: string; enabled: boolean; category: string; title: string }[] }).flows.find((f) => f.flow === 'member_invite');
    expect(flow).toMatchObject({ enabled: false, category: 'marketing', title: '入会邀请' });
    const o = await finished('MI-OFF', 'mi_off');
    await review(o, 'good', 5);
    await ensureFollowups(database, at(6));
    expect(await inviteRow(o.orderId)).toBeUndefined();
  });

  it('once on: sent 8 days after the good review, after the thank-you, never mentioning the review; shown in the sent log', async () => {
    const on = await setFlow(true);
    expect(on.statusCode, on.body).toBe(200);
    const o = await finished('MI-GOOD', 'mi_good');
    await review(o, 'good', 5);
    await ensureFollowups(database, at(6));
    const row = await inviteRow(o.orderId);
    expect(row).toMatchObject({ state: 'pending', category: 'marketing' });
    expect(row!.dueAt.toISOString()).toBe(at(5 + 192).toISOString());

    // The review's thank-you (评价邀请, 24 h after confirmation) goes first; F3's marketing limit
    // (one in 7 days) still lets the invitation through 8 days after the review.
    const first = await runDueFollowups(database, { now: at(25), workerId: 'w', bus });
    expect(first.filter((d) => d.orderId === o.orderId && d.flow !== 'shipment_notice').map((d) => [d.flow, d.outcome])).toEqual([['review_invite', 'sent']]);
    const done = await runDueFollowups(database, { now: at(5 + 192), workerId: 'w', bus });
    expect(done.filter((d) => d.orderId === o.orderId && d.outcome !== 'expired').map((d) => [d.flow, d.outcome])).toEqual([['member_invite', 'sent']]);
    const sent = (await inviteRow(o.orderId))!;
    expect(sent.text).toContain('会员');
    expect(sent.text).toContain('入会免费');
    expect(sent.text).not.toMatch(/评|返现|红包|优惠券|赠品|礼品/);

    const log = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/followups/log?flow=member_invite`, headers });
    expect(log.statusCode, log.body).toBe(200);
    const items = (log.json() as { items: { flow: string; outcome: string; orderNo: string; text: string }[] }).items;
    expect(items.find((i) => i.orderNo === 'MI-GOOD')).toMatchObject({ flow: 'member_invite', outcome: 'sent' });
  });

  it('at most one invitation per buyer in 90 days, over all their orders', async () => {
    const a = await finished('MI-GAP-1', 'mi_gap');
    await review(a, 'good', 5);
    await ensureFollowups(database, at(6));
    expect((await runDueFollowups(database, { now: at(197), workerId: 'w', bus })).find((d) => d.flow === 'member_invite' && d.orderId === a.orderId)?.outcome).toBe('sent');
    // A second good review 20 days later (another order) is not invited again.
    const b = await finished('MI-GAP-2', 'mi_gap');
    await review(b, 'good', 480);
    await ensureFollowups(database, at(481));
    expect(await inviteRow(b.orderId)).toBeUndefined();
    // A row scheduled before the first invitation went out is held at send.
    const c = await finished('MI-GAP-3', 'mi_gap');
    await database.db.insert(scheduledMessages).values({ shopId: world.shopA, orderId: c.orderId, buyerId: c.buyerId, kind: 'member_invite', step: 0, category: 'marketing', text: '', dueAt: at(490) });
    await review(c, 'good', 485);
    const held = await runDueFollowups(database, { now: at(490), workerId: 'w', bus });
    expect(held.find((d) => d.flow === 'member_invite' && d.orderId === c.orderId)?.outcome).toBe('held_member_gap');
  });

  it('a later neutral or bad review stops it; a buyer tagged as a member is never invited (preview and send)', async () => {
    const o = await finished('MI-TURNED', 'mi_turned');
    await review(o, 'good', 5);
    await ensureFollowups(database, at(6));
    expect((await inviteRow(o.orderId))?.state).toBe('pending');
    // The buyer's next order gets a bad review before the invitation falls due.
    const later = await finished('MI-TURNED-2', 'mi_turned');
    await review(later, 'bad', 50);
    const m = await finished('MI-MEMBER', 'mi_member');
    await review(m, 'good', 6);
    await ensureFollowups(database, at(7));

    const preview = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/followups/preview`, headers, payload: { flow: 'member_invite' } });
    expect(preview.statusCode, preview.body).toBe(200);
    await database.db.update(buyers).set({ tags: ['店铺会员'] }).where(eq(buyers.id, m.buyerId));
    const tagged = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/followups/preview`, headers, payload: { flow: 'member_invite' } });
    const rows = (tagged.json() as { rows: { orderNo: string; outcome: string; text: string }[] }).rows;
    // The turned buyer's latest review is bad: not a candidate at all; the member is shown as such.
    expect(rows.find((r) => r.orderNo === 'MI-TURNED')).toBeUndefined();
    expect(rows.find((r) => r.orderNo === 'MI-MEMBER')).toMatchObject({ outcome: 'already_member' });
    expect((preview.json() as { rows: { orderNo: string; outcome: string; text: string }[] }).rows.find((r) => r.orderNo === 'MI-MEMBER')).toMatchObject({ outcome: 'would_send' });

    const done = await runDueFollowups(database, { now: at(5 + 192), workerId: 'w', bus });
    expect(done.find((d) => d.flow === 'member_invite' && d.orderId === o.orderId)?.outcome).toBe('stopped_review_not_good');
    const member = await runDueFollowups(database, { now: at(6 + 192), workerId: 'w', bus });
    expect(member.find((d) => d.flow === 'member_invite' && d.orderId === m.orderId)?.outcome).toBe('already_member');
  });

  it('a template tying membership to the review is refused on save (R7/D9), and blocked at send if it got in', async () => {
    const url = `/api/v1/shops/${world.shopA}/followups/templates`;
    const tied = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'member_invite', lang: 'zh', text: '亲，感谢您的好评！诚邀您加入{shop}会员~' }] } });
    expect(tied.statusCode).toBe(422);
    expect((tied.json().error as { code: string; message: string })).toMatchObject({ code: 'TEXT_BLOCKED' });
    expect((tied.json().error as { message: string }).message).toContain('入会邀请不能和评价挂钩');
    const en = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'member_invite', lang: 'en', text: 'Thanks for the 5-star review! Join our membership.' }] } });
    expect(en.statusCode).toBe(422);
    // Wording that does not mention the review passes (and the reply guard checks it too).
    const ok = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'member_invite', lang: 'zh', text: '亲，诚邀您加入{shop}店铺会员，入会免费，新品上架第一时间通知您~' }] } });
    expect(ok.statusCode, ok.body).toBe(200);

    // A template written into the table past the save check is still blocked at send.
    await database.db.delete(followupTemplates).where(eq(followupTemplates.shopId, world.shopA));
    await database.db.insert(followupTemplates).values({ shopId: world.shopA, flow: 'member_invite', lang: 'zh', text: '亲，谢谢您的五星好评，欢迎入会~', updatedAt: T0 });
    const o = await finished('MI-BLOCK', 'mi_block');
    await review(o, 'good', 5);
    await ensureFollowups(database, at(6));
    const done = await runDueFollowups(database, { now: at(197), workerId: 'w', bus });
    expect(done.find((d) => d.flow === 'member_invite' && d.orderId === o.orderId)?.outcome).toBe('blocked');
    const row = (await inviteRow(o.orderId))!;
    expect(row.outcomeNote).toContain('入会邀请不能提及评价');
    await database.db.delete(followupTemplates).where(eq(followupTemplates.shopId, world.shopA));
  });

  it('the English default invites without mentioning the review', async () => {
    const { followupRules } = await import('../../src/core/followups/config.js');
    const en = followupRules().templates.find((t) => t.flow === 'member_invite' && t.lang === 'en')!;
    expect(en.text).toMatch(/membership/);
    expect(en.text).not.toMatch(/review|rating|star|feedback/i);
  });
});
