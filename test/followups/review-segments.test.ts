// R7 (issue 14): the review invitation's wording follows where the buyer stands when it goes out —
// no review yet: the invitation (an honest review, nothing offered); a good review: a thank-you
// that asks for nothing; a neutral or bad review: an offer to help that never mentions the review.
// A shop's generic invitation never reaches a buyer who has reviewed; a segment template offering
// a reward is refused on save by the reply guard (D9), and each message is checked again at send.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { reviews, scheduledMessages } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe(`R7 review invitation by segment (${databaseLabel})`, () => {
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

  const finished = async (no: string, account: string, rating: 'good' | 'neutral' | 'bad' | null) => {
    const { order } = await syncOrder(database, world.shopA, {
      platformOrderNo: no, buyerAccount: account, state: '交易成功', orderedAt: at(-100), paidAt: at(-99), shippedAt: at(-80), completedAt: T0,
      courier: '中通快递', trackingNo: `ZT${no}`, lines: [{ title: '纯棉T恤', qty: 1, priceFen: 5900 }],
    }, { kind: 'platform' }, T0);
    if (rating) await database.db.insert(reviews).values({ shopId: world.shopA, orderId: order.id, buyerId: order.buyerId, rating, text: rating === 'good' ? '很好' : '一般', at: at(5) });
    return order.id;
  };
  const sentText = async (orderId: string) => {
    const [row] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, orderId), eq(scheduledMessages.kind, 'review_invite')));
    return row!;
  };

  it('each segment gets its own wording; none offers anything for a review', async () => {
    const none = await finished('R7-NONE', 'r7_none', null);
    const good = await finished('R7-GOOD', 'r7_good', 'good');
    const bad = await finished('R7-BAD', 'r7_bad', 'bad');
    const neutral = await finished('R7-MID', 'r7_mid', 'neutral');
    const done = await runDueFollowups(database, { now: at(25), workerId: 'w', bus });
    expect(done.filter((d) => d.flow === 'review_invite').map((d) => d.outcome)).toEqual(['sent', 'sent', 'sent', 'sent']);

    const invite = await sentText(none);
    expect(invite).toMatchObject({ reason: 'confirmed_not_reviewed', outcome: 'sent' });
    expect(invite.text).toContain('真实的评价');

    const thanks = await sentText(good);
    expect(thanks.reason).toBe('reviewed_good');
    expect(thanks.text).toContain('谢谢您');
    expect(thanks.text).not.toMatch(/评价|好评/);

    for (const id of [bad, neutral]) {
      const help = await sentText(id);
      expect(help.reason).toBe('reviewed_neutral_bad');
      expect(help.text).toContain('什么问题');
      // Help is never tied to the review (no 改评, 追评 or 删评 request).
      expect(help.text).not.toMatch(/评/);
    }
    for (const id of [none, good, bad, neutral]) expect((await sentText(id)).text).not.toMatch(/返现|红包|优惠券|赠品|礼品/);
  });

  it('a shop’s own generic invitation never goes to a buyer who has reviewed', async () => {
    const url = `/api/v1/shops/${world.shopA}/followups/templates`;
    const own = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'review_invite', lang: 'zh', text: '亲，「{item}」还满意吗？欢迎留下真实评价~' }] } });
    expect(own.statusCode, own.body).toBe(200);
    const none = await finished('R7-OWN-NONE', 'r7_own_none', null);
    const good = await finished('R7-OWN-GOOD', 'r7_own_good', 'good');
    await runDueFollowups(database, { now: at(25), workerId: 'w', bus });
    expect((await sentText(none)).text).toContain('欢迎留下真实评价');
    const thanks = await sentText(good);
    expect(thanks.text).not.toContain('欢迎留下真实评价');
    expect(thanks.reason).toBe('reviewed_good');
  });

  it('a segment template offering a reward is refused with D9; a segment on the wrong flow is refused in Chinese', async () => {
    const url = `/api/v1/shops/${world.shopA}/followups/templates`;
    const reward = await app.inject({
      method: 'PUT', url, headers,
      payload: { templates: [{ flow: 'review_invite', lang: 'zh', reason: 'confirmed_not_reviewed', text: '亲，五星好评截图发我，返现 5 元红包哦' }] },
    });
    expect(reward.statusCode).toBe(422);
    const err = reward.json().error as { code: string; message: string };
    expect(err.code).toBe('TEXT_BLOCKED');
    expect(err.message).toContain('D9');
    const wrong = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'review_invite', lang: 'zh', reason: 'price', text: '亲，还满意吗？' }] } });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json().error as { message: string }).message).toContain('只能用于催付模板');
    const segment = await app.inject({ method: 'PUT', url, headers, payload: { templates: [{ flow: 'review_invite', lang: 'zh', reason: 'reviewed_good', text: '亲，谢谢您的认可，有需要随时找我们~' }] } });
    expect(segment.statusCode, segment.body).toBe(200);
  });
});
