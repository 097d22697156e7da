// Issue 15 on the real server and database: the AliExpress dispute (buyer opens → seller responds
// within the window → platform decides) as a case flow; refund time limits as timer rows that fire
// once across restarts, with their exposure, and only where the shop set them; a case opened from
// a bad review (review → order → buyer); the A8 alert raised once and pushed to supervisors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { runDueDeadlines } from '../../src/app/timers/run-due.js';
import type { DomainEvent } from '../../src/core/contract/events.js';
import * as s from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

const H = 3_600_000;

describe(`disputes, time limits, cases from reviews and A8 alerts on ${databaseLabel} (issue 15)`, () => {
  let t: TestApp;
  let agent1: string;
  let supervisor: string;
  const events: DomainEvent[] = [];
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, payload: unknown, token = agent1) => t.app.inject({ method: 'POST', url, headers: h(token), payload: payload as object });
  const get = (url: string, token = agent1) => t.app.inject({ url, headers: h(token) });
  let seq = 0;
  const order = async (shopId: string, state: string, paidFen = 8800) => {
    const [o] = await t.database.db.insert(s.orders).values({
      shopId, platformOrderNo: `DX-${shopId}-${++seq}`, buyerAccount: `buyer_${seq}`, state, totalFen: paidFen, paidFen,
      orderedAt: new Date(t.now.getTime() - 100 * H), paidAt: new Date(t.now.getTime() - 99 * H), shippedAt: new Date(t.now.getTime() - 80 * H),
    }).returning();
    return o!;
  };
  const deadlineRows = (caseId: string) => t.database.db.select().from(s.deadlines).where(and(eq(s.deadlines.subjectKind, 'case'), eq(s.deadlines.subjectId, caseId)));

  beforeAll(async () => {
    t = await startTestApp();
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    // An AliExpress shop whose manager set the dispute response window and the return window
    // (no seed gives them); a Taobao-less JD shop that set nothing.
    await t.database.db.insert(s.shops).values([
      { id: 'ae-shop', orgId: org!.id, platform: 'aliexpress', name: '速卖通测试店', ruleOverrides: { aftersales: { time_limits: { seller_response_hours: 120, buyer_return_days: 10 } } } },
      { id: 'jd-shop', orgId: org!.id, platform: 'jd', name: '京东测试店' },
    ]);
    const [a1] = await t.database.db.select({ id: s.agents.id }).from(s.agents).where(eq(s.agents.login, 'agent1'));
    await t.database.db.insert(s.agentShops).values([{ agentId: a1!.id, shopId: 'ae-shop' }, { agentId: a1!.id, shopId: 'jd-shop' }]);
    agent1 = await t.login('agent1');
    supervisor = await t.login('supervisor');
    t.app.ctx.bus.subscribe((e) => void events.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('AliExpress: the buyer opens a dispute, the seller responds within the window, the platform decides', async () => {
    const o = await order('ae-shop', '运输中');
    const opened = await post('/api/v1/cases', { orderId: o.id, type: 'refund_only', reason: '收到商品破损', amount: 88 });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json().case;
    expect(c.state).toBe('买家已提起纠纷等待卖家响应');
    const events0 = c.choices.map((x: { event: string }) => x.event).sort();
    expect(events0).toEqual(['buyer_cancel', 'seller_agree_refund', 'seller_agree_return', 'seller_respond']);
    const respond = c.choices.find((x: { event: string }) => x.event === 'seller_respond');
    expect(respond.labelZh).toBe('回应纠纷（提出方案或举证）');
    expect(respond.money).toMatchObject({ kind: 'at_risk', fen: 8800 });
    // The response window the shop set is a timer row with its exposure; auto-agree is unset and says so.
    const limit = c.timeLimits.find((l: { kind: string }) => l.kind === 'seller_response');
    expect(limit).toMatchObject({ at: new Date(t.now.getTime() + 120 * H).toISOString(), exposureFen: 8800, deadline: { state: 'pending', kind: 'seller_response' } });
    expect(limit.textZh).toContain('涉及 ¥88.00');
    expect(c.timeLimits.find((l: { kind: string }) => l.kind === 'auto_agree')).toMatchObject({ at: null, deadline: null });
    expect(c.timeLimits.find((l: { kind: string }) => l.kind === 'auto_agree').textZh).toContain('店铺未设置');

    // Tmall's 垫付 does not exist here; the seller responds in time.
    const advance = await post(`/api/v1/cases/${c.id}/transition`, { event: 'platform_advance_return_required' });
    expect(advance.statusCode).toBe(409);
    const responded = await post(`/api/v1/cases/${c.id}/transition`, { event: 'seller_respond', note: '已提供发货前检验照片，商品完好' });
    expect(responded.statusCode, responded.body).toBe(200);
    expect(responded.json().case.state).toBe('卖家已响应纠纷等待买家回复');
    expect(responded.json().case.timeLimits).toEqual([]);
    expect((await deadlineRows(c.id)).find((r) => r.kind === 'seller_response')!.state).toBe('done');

    // The buyer escalates; the platform rules (counted as a dispute for A8).
    const escalated = (await post(`/api/v1/cases/${c.id}/transition`, { event: 'platform_intervene' })).json();
    expect(escalated.case.state).toBe('速卖通平台裁决中');
    const ruled = (await post(`/api/v1/cases/${c.id}/transition`, { event: 'platform_rule_for_seller' })).json();
    expect(ruled.case).toMatchObject({ state: '退款关闭', platformDecided: true });
    expect(ruled.timeline.map((e: { event: string }) => e.event)).toEqual(['apply', 'seller_respond', 'platform_intervene', 'platform_rule_for_seller']);
  });

  it('a response window that passes fires once across restarts and the case shows it missed', async () => {
    const o = await order('ae-shop', '运输中');
    const c = (await post('/api/v1/cases', { orderId: o.id, type: 'refund_only', reason: '收到商品破损', amount: 50 })).json().case;
    const due = new Date(t.now.getTime() + 120 * H);
    // The warning comes first (12 h ahead), then the miss; a second worker (a restarted process) finds nothing.
    const mine = (fired: { subjectId: string; kind: string }[]) => fired.filter((f) => f.subjectId === c.id && f.kind !== 'intervention');
    const warned = await runDueDeadlines(t.database, { now: new Date(due.getTime() - 6 * H), workerId: 'w1' });
    expect(mine(warned)).toEqual([expect.objectContaining({ kind: 'seller_response', outcome: 'warned' })]);
    const first = await runDueDeadlines(t.database, { now: new Date(due.getTime() + 1000), workerId: 'w1' });
    expect(mine(first)).toEqual([expect.objectContaining({ kind: 'seller_response', outcome: 'missed' })]);
    const again = await runDueDeadlines(t.database, { now: new Date(due.getTime() + 60_000), workerId: 'w2-after-restart' });
    expect(mine(again)).toEqual([]);
    const view = (await get(`/api/v1/cases/${c.id}`)).json().case;
    expect(view.timeLimits.find((l: { kind: string }) => l.kind === 'seller_response').deadline.state).toBe('missed');
    // Answering late keeps the miss on record (it is not turned into "done").
    await post(`/api/v1/cases/${c.id}/transition`, { event: 'seller_respond' });
    expect((await deadlineRows(c.id)).find((r) => r.kind === 'seller_response')!.state).toBe('missed');
  });

  it('the buyer\'s return window runs from the seller\'s agreement to the parcel, and a closed case voids its limits', async () => {
    const o = await order('ae-shop', '运输中');
    const c = (await post('/api/v1/cases', { orderId: o.id, type: 'return', reason: '收到商品破损', amount: 88 })).json().case;
    const agreed = (await post(`/api/v1/cases/${c.id}/transition`, { event: 'seller_agree_return' })).json().case;
    expect(agreed.state).toBe('退款申请达成等待买家发货');
    const ret = agreed.timeLimits.find((l: { kind: string }) => l.kind === 'buyer_return');
    expect(ret).toMatchObject({ at: new Date(t.now.getTime() + 10 * 24 * H).toISOString(), exposureFen: 0, deadline: { state: 'pending' } });
    const parcel = { platformOrderNo: o.platformOrderNo, applicationNo: 'AE-D-1', buyerName: 'John', contact: '+1 555 0100', returnTrackingNo: 'LP00112233' };
    await post(`/api/v1/cases/${c.id}/transition`, { event: 'parcel_received', parcel });
    expect((await deadlineRows(c.id)).find((r) => r.kind === 'buyer_return')!.state).toBe('done');

    // A case the buyer withdrew leaves no running limit.
    const c2 = (await post('/api/v1/cases', { orderId: (await order('ae-shop', '运输中')).id, type: 'refund_only', reason: '收到商品破损', amount: 10 })).json().case;
    await post(`/api/v1/cases/${c2.id}/transition`, { event: 'buyer_cancel' });
    expect((await deadlineRows(c2.id)).filter((r) => r.kind !== 'intervention').map((r) => r.state)).toEqual(['done']);
  });

  it('a shop that set no limits gets no timer rows, only the note that they are unset (no invented default)', async () => {
    const o = await order('jd-shop', '等待收货');
    const c = (await post('/api/v1/cases', { orderId: o.id, type: 'refund_only', reason: '收到商品破损', amount: 20 })).json().case;
    expect(c.state).toBe('退款申请等待卖家确认中'); // JD runs Tmall's machine (no seed of its own)
    expect((await deadlineRows(c.id)).map((r) => r.kind)).toEqual(['intervention']);
    expect(c.timeLimits.map((l: { kind: string; at: string | null; deadline: unknown }) => [l.kind, l.at, l.deadline])).toEqual([['seller_response', null, null], ['auto_agree', null, null]]);
  });

  it('a case from a bad review: review → order → buyer, linked both ways; good reviews and other shops are refused', async () => {
    const o = await order('ae-shop', '买家已签收', 12000);
    const [bad] = await t.database.db.insert(s.reviews).values({
      shopId: 'ae-shop', rating: 'bad', text: 'Arrived broken, very disappointed', at: t.now, platformReviewId: 'AE-R-1', platformOrderNo: o.platformOrderNo, buyerAccount: o.buyerAccount,
    }).returning();
    const [good] = await t.database.db.insert(s.reviews).values({ shopId: 'ae-shop', rating: 'good', sentiment: 'positive', text: 'Great', at: t.now, platformReviewId: 'AE-R-2', orderId: o.id }).returning();
    const [orphan] = await t.database.db.insert(s.reviews).values({ shopId: 'ae-shop', rating: 'bad', text: 'bad', at: t.now, platformReviewId: 'AE-R-3', platformOrderNo: 'NOT-IMPORTED' }).returning();

    const res = await post('/api/v1/cases', { reviewId: bad!.id, type: 'refund_only', reason: '收到商品破损', amount: 120 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().case).toMatchObject({ orderId: o.id, reviewId: bad!.id, buyerAccount: o.buyerAccount, state: '买家已提起纠纷等待卖家响应' });
    const [linked] = await t.database.db.select({ recovery: s.reviews.recovery }).from(s.reviews).where(eq(s.reviews.id, bad!.id));
    expect(linked!.recovery).toMatchObject({ caseId: res.json().case.id });

    const wrongOrder = await post('/api/v1/cases', { reviewId: bad!.id, orderId: (await order('ae-shop', '运输中')).id, type: 'refund_only', reason: '收到商品破损', amount: 1 });
    expect(wrongOrder.statusCode).toBe(400);
    const fromGood = await post('/api/v1/cases', { reviewId: good!.id, type: 'refund_only', reason: '收到商品破损', amount: 1 });
    expect([fromGood.statusCode, fromGood.json().error.message]).toEqual([400, '只有中差评（或内容负面的评价）可以发起售后']);
    const noOrder = await post('/api/v1/cases', { reviewId: orphan!.id, type: 'refund_only', reason: '收到商品破损', amount: 1 });
    expect(noOrder.statusCode).toBe(404);
    expect(noOrder.json().error.message).toContain('NOT-IMPORTED');
    const neither = await post('/api/v1/cases', { type: 'refund_only', reason: '收到商品破损', amount: 1 });
    expect(neither.statusCode).toBe(400);
    // A user without the shop does not learn the review exists.
    // agent2 does not serve ae-shop.
    const hidden = await post('/api/v1/cases', { reviewId: bad!.id, type: 'refund_only', reason: '收到商品破损', amount: 1 }, await t.login('agent2'));
    expect([hidden.statusCode, hidden.json().error.message]).toEqual([404, '找不到该评价']);
  });

  it('A8: a dispute rate over 4 ‰ raises one alert for the month, pushed once; reading the rates raises nothing', async () => {
    const alerts = () => events.filter((e) => e.type === 'rates.alert' && e.shopId === 'demo-tmall');
    const rates0 = (await get('/api/v1/shops/demo-tmall/rates', supervisor)).json();
    expect(rates0.thresholds.disputeAlertPerMille).toBe(4);
    const before = alerts().length;
    const tmallOrder = async () => {
      const [o] = await t.database.db.insert(s.orders).values({
        shopId: 'demo-tmall', platformOrderNo: `A8-${++seq}`, buyerAccount: 'a8', state: '卖家已发货等待买家确认', totalFen: 5000, paidFen: 5000,
        orderedAt: new Date(t.now.getTime() - 2 * H), paidAt: new Date(t.now.getTime() - 2 * H), shippedAt: new Date(t.now.getTime() - H),
      }).returning();
      return o!;
    };
    const disputeDecided = async () => {
      const o = await tmallOrder();
      const c = (await post('/api/v1/cases', { orderId: o.id, type: 'refund_only', reason: '收到商品破损', amount: 50 })).json().case;
      for (const event of ['seller_refuse', 'platform_intervene', 'platform_advance_not_received', 'seller_confirm']) {
        const r = await post(`/api/v1/cases/${c.id}/transition`, { event });
        expect(r.statusCode, `${event}: ${r.body}`).toBe(200);
      }
    };
    await disputeDecided();
    const rates = (await get('/api/v1/shops/demo-tmall/rates', supervisor)).json();
    expect(rates.shop.disputes).toBeGreaterThanOrEqual(1);
    expect(rates.shop.disputes * 1000).toBeGreaterThanOrEqual(4 * rates.shop.trades);
    const raised = alerts().slice(before);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ type: 'rates.alert', data: { kind: 'dispute', itemId: null, month: rates.month } });
    expect((raised[0]!.data as { messageZh: string }).messageZh).toContain('已达 4‰');
    // Another decided dispute, and more reads: still one alert for the month.
    await disputeDecided();
    for (let i = 0; i < 3; i++) await get('/api/v1/shops/demo-tmall/rates', supervisor);
    expect(alerts().length - before).toBe(1);
    const rows = await t.database.db.select().from(s.rateAlerts).where(and(eq(s.rateAlerts.shopId, 'demo-tmall'), eq(s.rateAlerts.kind, 'dispute'), eq(s.rateAlerts.scope, '')));
    expect(rows).toHaveLength(1);
  });
});
