import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

describe(`after-sales cases API on ${databaseLabel} (A1, A4–A8, N5)`, () => {
  let t: TestApp;
  let bridge: string;
  let agent1: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, payload: unknown, token = agent1) => t.app.inject({ method: 'POST', url, headers: h(token), payload: payload as object });
  let unshippedId: string;
  let shippedId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    bridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'bridge' })).token;
    agent1 = await t.login('agent1');
    const a = await post('/api/v1/shops/demo-tmall/orders', { platformOrderNo: 'CASE-1', state: '买家已付款等待卖家发货', paidYuan: 300, paidAt: '2026-11-19T10:00:00+08:00' }, bridge);
    unshippedId = a.json().order.id;
    const b = await post('/api/v1/shops/demo-tmall/orders', { platformOrderNo: 'CASE-2', state: '卖家已发货等待买家确认', paidYuan: 80, paidAt: '2026-11-20T10:00:00+08:00', shippedAt: '2026-11-21T10:00:00+08:00' }, bridge);
    shippedId = b.json().order.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('A5: the reason must fit the order state; A1: the case belongs to the order; A6: 72 h intervention deadline', async () => {
    const wrong = await post('/api/v1/cases', { orderId: shippedId, type: 'refund_only', reason: '缺货', amount: 80 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('收到商品破损');
    const tooMuch = await post('/api/v1/cases', { orderId: shippedId, type: 'return', reason: '收到商品破损', amount: 81 });
    expect(tooMuch.json().error.message).toContain('超过可退金额');
    const res = await post('/api/v1/cases', { orderId: shippedId, type: 'return', reason: '收到商品破损', amount: 80 });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.case).toMatchObject({ orderId: shippedId, state: '退款申请等待卖家确认中', amountYuan: 80, platformOrderNo: 'CASE-2' });
    expect(d.case.intervention.secondsLeft).toBe(72 * 3600);
    expect(d.case.intervention.deadline).toMatchObject({ kind: 'intervention', state: 'pending' });
    expect(d.case.playbook.situation).toBe('shipped_not_received');
    expect(d.case.allowedEvents).toContain('seller_agree_return');
    expect(d.timeline.map((e: { event: string }) => e.event)).toEqual(['apply']);
  });

  it('A6: no case on an unpaid order, nor after the 15-day after-sales window', async () => {
    const unpaid = (await post('/api/v1/shops/demo-tmall/orders', { platformOrderNo: 'CASE-U' }, bridge)).json().order.id;
    const a = await post('/api/v1/cases', { orderId: unpaid, type: 'refund_only', reason: '不想要了', amount: 1 });
    expect(a.statusCode).toBe(409);
    expect(a.json().error.message).toContain('尚未付款');
    const old = (await post('/api/v1/shops/demo-tmall/orders', {
      platformOrderNo: 'CASE-OLD', state: '交易成功', paidYuan: 50,
      paidAt: '2026-10-01T10:00:00+08:00', shippedAt: '2026-10-02T10:00:00+08:00', completedAt: '2026-10-20T10:00:00+08:00',
    }, bridge)).json();
    expect(old.deadlines.find((d: { kind: string }) => d.kind === 'aftersales_window').dueAt).toBe('2026-11-04T02:00:00.000Z');
    const b = await post('/api/v1/cases', { orderId: old.order.id, type: 'return', reason: '需要维修', amount: 10 });
    expect(b.statusCode).toBe(409);
    expect(b.json().error.message).toContain('售后申请期');
  });

  it('A4: transitions through the refund machine; an invalid event is 409 INVALID_TRANSITION in Chinese', async () => {
    const { case: c } = (await post('/api/v1/cases', { orderId: shippedId, type: 'refund_only', reason: '错发/漏发', amount: 10 })).json();
    const bad = await post(`/api/v1/cases/${c.id}/transition`, { event: 'seller_confirm_receipt' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(bad.json().error.message).toMatch(/售后单当前为「退款申请等待卖家确认中」/);
    const refuse = await post(`/api/v1/cases/${c.id}/transition`, { event: 'seller_refuse', note: '买家未提供照片' });
    expect(refuse.statusCode).toBe(200);
    expect(refuse.json().case.state).toBe('卖家不同意等待买家修改');
    expect(refuse.json().case.intervention.deadline.state).toBe('pending'); // still not agreed: the 72 h keep running
    const intervene = await post(`/api/v1/cases/${c.id}/transition`, { event: 'platform_intervene' });
    expect(intervene.json().case).toMatchObject({ state: '客服已介入先行垫付进行中', platformDecided: true });
    const timeline = (await t.app.inject({ url: `/api/v1/cases/${c.id}`, headers: h(agent1) })).json().timeline;
    expect(timeline.map((e: { event: string }) => e.event)).toEqual(['apply', 'seller_refuse', 'platform_intervene']);
    expect(timeline[1].note).toBe('买家未提供照片');
  });

  it('a full refund on an unshipped order closes the order (O1 refund_success) and counts in A8 rates', async () => {
    const { case: c } = (await post('/api/v1/cases', { orderId: unshippedId, type: 'refund_only', reason: '不想要了', amount: 300 })).json();
    const done = await post(`/api/v1/cases/${c.id}/transition`, { event: 'seller_agree_refund' });
    expect(done.json().case).toMatchObject({ state: '退款成功', intervention: null });
    const order = (await t.app.inject({ url: `/api/v1/orders/${unshippedId}`, headers: h(agent1) })).json();
    expect(order.order).toMatchObject({ state: '交易关闭', refundYuan: 300 });
    expect(order.history.at(-1)).toMatchObject({ event: 'refund_success' });
    const rates = (await t.app.inject({ url: '/api/v1/shops/demo-tmall/rates', headers: h(agent1) })).json();
    expect(rates.month).toBe('2026-11');
    expect(rates.shop.refunds).toBeGreaterThanOrEqual(1);
    expect(rates.thresholds.disputeAlertPerMille).toBe(4);
  });

  it('the case board lists open cases with countdown, exposure in yuan and next steps (A7, N5)', async () => {
    const board = await t.app.inject({ url: '/api/v1/cases?shopId=demo-tmall', headers: h(agent1) });
    expect(board.statusCode).toBe(200);
    const items = board.json().items as { intervention: { secondsLeft: number } | null; exposure: { nowYuan: number }; playbook: { stepsZh: string[] } }[];
    expect(items.length).toBeGreaterThan(1);
    for (const i of items) {
      expect(typeof i.exposure.nowYuan).toBe('number');
      expect(i.playbook.stepsZh.length).toBeGreaterThan(0);
    }
    const secs = items.map((i) => i.intervention?.secondsLeft ?? Infinity);
    expect([...secs].sort((a, b) => a - b)).toEqual(secs);
  });

  it('A5/N5: 缺货 on an order whose item is in stock is flagged untrue; exposure totals add up', async () => {
    const res = await post('/api/v1/shops/demo-tmall/orders', { platformOrderNo: 'CASE-3', state: '买家已付款等待卖家发货', paidYuan: 1000, paidAt: '2026-11-19T10:00:00+08:00' }, bridge);
    const created = await post('/api/v1/cases', { orderId: res.json().order.id, type: 'refund_only', reason: '缺货', amount: 100 });
    expect(created.json().reasonCheck).toMatchObject({ triggersCompensation: true, untrue: true });
    const exp = (await t.app.inject({ url: '/api/v1/exposure?shopId=demo-tmall', headers: h(agent1) })).json();
    const late = exp.items.find((i: { subjectKind: string; platformOrderNo: string }) => i.subjectKind === 'order' && i.platformOrderNo === 'CASE-3');
    expect(late).toMatchObject({ late: true, nowYuan: 300, atNextDeadlineYuan: 600, points: 0 }); // Tmall: 30 % of 1000, repaid once more after a ruling
    expect(late.advice).toContain('主动赔付');
    const sum = exp.items.reduce((s: number, i: { nowYuan: number }) => s + i.nowYuan, 0);
    expect(exp.total.nowYuan).toBeCloseTo(sum, 2);
  });

  it('scoping: an agent of the Tmall shop gets 404 for the Taobao shop’s cases and orders', async () => {
    const [taobaoOrder] = await t.database.query<{ id: string }>("select id from orders where shop_id = 'demo-taobao' and paid_at is not null limit 1");
    expect((await post('/api/v1/cases', { orderId: taobaoOrder!.id, type: 'refund_only', reason: '缺货', amount: 1 })).statusCode).toBe(404);
    const [taobaoCase] = await t.database.query<{ id: string }>("select id from aftersales_cases where shop_id = 'demo-taobao' limit 1");
    if (taobaoCase) {
      expect((await t.app.inject({ url: `/api/v1/cases/${taobaoCase.id}`, headers: h(agent1) })).statusCode).toBe(404);
      expect((await post(`/api/v1/cases/${taobaoCase.id}/transition`, { event: 'seller_refuse' })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ url: '/api/v1/cases?shopId=demo-taobao', headers: h(agent1) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/shops/demo-taobao/rates', headers: h(agent1) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/exposure?shopId=demo-taobao', headers: h(agent1) })).statusCode).toBe(404);
    const board = (await t.app.inject({ url: '/api/v1/cases', headers: h(agent1) })).json();
    expect(board.items.every((c: { shopId: string }) => c.shopId === 'demo-tmall')).toBe(true);
  });

  it('bad input: wrong types, unknown type, huge note, malformed JSON → 400 in Chinese, no case written', async () => {
    const before = (await t.database.query<{ n: number }>('select count(*)::int as n from aftersales_cases'))[0]!.n;
    const cases = [
      { orderId: shippedId, type: 'refund_only', reason: '收到商品破损', amount: '80' },
      { orderId: shippedId, type: 'steal', reason: '收到商品破损', amount: 1 },
      { orderId: shippedId, type: 'return', reason: '收到商品破损', amount: 1, note: 'x'.repeat(5000) },
      { orderId: shippedId, type: 'return', reason: '收到商品破损', amount: -5 },
    ];
    for (const body of cases) {
      const res = await post('/api/v1/cases', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...h(agent1), 'content-type': 'application/json' }, payload: '{"orderId":' });
    expect(malformed.json().error).toMatchObject({ code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' });
    const after = (await t.database.query<{ n: number }>('select count(*)::int as n from aftersales_cases'))[0]!.n;
    expect(Number(after)).toBe(Number(before));
  });
});
