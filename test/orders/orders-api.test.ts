import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

describe(`orders API on ${databaseLabel} (O1–O5, O7, N5)`, () => {
  let t: TestApp;
  let bridge: string;
  let agent1: string;
  let supervisor: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const count = async () => Number((await t.database.query<{ n: number }>('select count(*)::int as n from orders'))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    bridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'bridge' })).token;
    agent1 = await t.login('agent1');
    supervisor = await t.login('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  const sync = (body: unknown, token = bridge, shop = 'demo-tmall') =>
    t.app.inject({ method: 'POST', url: `/api/v1/shops/${shop}/orders`, headers: h(token), payload: body as object });

  it('O2: live sync creates once, is idempotent on the order no., and accepts partial updates; O3: ship-by 72 h on Tmall', async () => {
    const body = {
      platformOrderNo: 'LIVE-1001',
      state: '买家已付款,等待卖家发货',
      buyerAccount: 'tb_live_buyer',
      totalYuan: 199,
      paidYuan: 199,
      paidAt: '2026-11-23 10:00:00', // Beijing time = 02:00Z
      receiverName: '张三',
      receiverPhone: '13812345678',
      receiverAddress: '浙江省杭州市西湖区文三路 1 号',
      lines: [{ title: '纯棉T恤', sku: 'TS-1', colour: '白色', size: 'L', qty: 1, priceYuan: 199 }],
    };
    const first = await sync(body);
    expect(first.statusCode).toBe(201);
    const order = first.json();
    expect(order.order.state).toBe('买家已付款等待卖家发货');
    expect(order.order.paidAt).toBe('2026-11-23T02:00:00.000Z');
    const shipBy = order.deadlines.find((d: { kind: string }) => d.kind === 'ship_by');
    expect(shipBy).toMatchObject({ dueAt: '2026-11-26T02:00:00.000Z', state: 'pending', labelZh: '发货时限' });
    expect(shipBy.secondsLeft).toBe(68 * 3600); // test clock: 06:00Z
    expect(order.exposure).toMatchObject({ nowYuan: 0, late: false, atNextDeadlineYuan: 119.4 }); // N1: 30 % of 199, repaid once more after a ruling
    const again = await sync(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().order.id).toBe(order.order.id);
    const partial = await sync({ platformOrderNo: 'LIVE-1001', trackingNo: 'SF123' });
    expect(partial.statusCode).toBe(200);
    expect(partial.json().order).toMatchObject({ trackingNo: 'SF123', totalYuan: 199, state: '买家已付款等待卖家发货' });
    expect(partial.json().history).toHaveLength(1);
  });

  it('O1: a transition goes through the machine with history; an invalid one is 409 in Chinese; shipping settles ship-by', async () => {
    const { order } = (await sync({ platformOrderNo: 'LIVE-1002', state: '买家已付款等待卖家发货', paidYuan: 50, paidAt: '2026-11-23T05:00:00Z' })).json();
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/transition`, headers: h(agent1), payload: { event: 'buyer_confirm' } });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('INVALID_TRANSITION');
    expect(bad.json().error.message).toContain('不能执行');
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/transition`, headers: h(agent1), payload: { event: 'seller_ship', note: '顺丰' } });
    expect(ok.statusCode).toBe(200);
    const d = ok.json();
    expect(d.order.state).toBe('卖家已发货等待买家确认');
    expect(d.order.shippedAt).toBe(t.now.toISOString());
    expect(d.history.map((e: { event: string }) => e.event)).toEqual(['platform_sync', 'seller_ship']);
    expect(d.deadlines.find((x: { kind: string }) => x.kind === 'ship_by').state).toBe('done');
    const close = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/transition`, headers: h(agent1), payload: { event: 'buyer_confirm' } });
    const windows = close.json().deadlines.map((x: { kind: string }) => x.kind).sort();
    expect(windows).toEqual(['aftersales_window', 'complaint_window', 'review_window', 'ship_by']);
  });

  it('D7: a seller may not close an unpaid order without the buyer’s consent', async () => {
    const { order } = (await sync({ platformOrderNo: 'LIVE-1003' })).json();
    expect(order.state).toBe('等待买家付款');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/transition`, headers: h(agent1), payload: { event: 'seller_close' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('未经买家同意');
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/transition`, headers: h(agent1), payload: { event: 'seller_close', buyerConsented: true } });
    expect(ok.json().order.state).toBe('交易关闭');
  });

  it('receiver phone and address are masked for agents, shown to supervisors', async () => {
    const list = await t.app.inject({ url: '/api/v1/shops/demo-tmall/orders?q=LIVE-1001', headers: h(agent1) });
    expect(list.statusCode).toBe(200);
    const [row] = list.json().items;
    expect(row.receiverPhone).toBe('138****5678');
    expect(row.receiverAddress).toMatch(/^浙江省.*\*\*\*\*$/);
    expect(row.receiverAddress).not.toContain('文三路');
    expect(row.shipBy.kind).toBe('ship_by');
    const full = await t.app.inject({ url: `/api/v1/orders/${row.id}`, headers: h(supervisor) });
    expect(full.json().order.receiverPhone).toBe('13812345678');
    const filtered = await t.app.inject({ url: `/api/v1/shops/demo-tmall/orders?state=${encodeURIComponent('买家已付款,等待卖家发货')}`, headers: h(agent1) });
    expect(filtered.json().items.length).toBeGreaterThan(1);
    expect(filtered.json().items.every((o: { state: string }) => o.state.replace(/,/g, '') === '买家已付款等待卖家发货')).toBe(true);
  });

  it('O4/O5: the detail carries fraud signals and stock warnings', async () => {
    const [demo] = await t.database.query<{ id: string }>("select id from orders where shop_id = 'demo-tmall' and source = 'demo' limit 1");
    const res = await t.app.inject({ url: `/api/v1/orders/${demo!.id}`, headers: h(agent1) });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.fraud).toHaveProperty('signals');
    expect(Array.isArray(d.stockWarnings)).toBe(true);
    expect(d.lines.length).toBeGreaterThan(0);
  });

  it('O7: logistics events are recorded and listed', async () => {
    const { order } = (await sync({ platformOrderNo: 'LIVE-1001' })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/logistics`, headers: h(agent1), payload: { status: 'delayed', text: '受降雪影响，快件预计延迟一天' } });
    expect(res.statusCode).toBe(201);
    const d = (await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: h(agent1) })).json();
    expect(d.logistics.at(-1)).toMatchObject({ status: 'delayed' });
  });

  it('scoping: another shop’s order and list are 404; a shop token cannot sync into another shop', async () => {
    const [other] = await t.database.query<{ id: string }>("select id from orders where shop_id = 'demo-taobao' limit 1");
    expect((await t.app.inject({ url: `/api/v1/orders/${other!.id}`, headers: h(agent1) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/shops/demo-taobao/orders', headers: h(agent1) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${other!.id}/transition`, headers: h(agent1), payload: { event: 'seller_ship' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${other!.id}/logistics`, headers: h(agent1), payload: { status: 'x', text: 'y' } })).statusCode).toBe(404);
    expect((await sync({ platformOrderNo: 'X-1' }, bridge, 'demo-taobao')).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/shops/demo-tmall/orders' })).statusCode).toBe(401);
  });

  it('bad input is refused in Chinese with a code, and nothing is half-written', async () => {
    const before = await count();
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/shops/demo-tmall/orders', headers: { ...h(bridge), 'content-type': 'application/json' }, payload: '{"platformOrderNo": "BAD-1",' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    const types = await sync({ platformOrderNo: 'BAD-2', totalYuan: '一百', lines: [{ title: 'x', qty: 0, priceYuan: 1 }] });
    expect(types.statusCode).toBe(400);
    expect(types.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(types.json().error.message).toMatch(/输入有误/);
    const huge = await sync({ platformOrderNo: 'BAD-3', buyerNote: '长'.repeat(100_000) });
    expect(huge.statusCode).toBe(400);
    const state = await sync({ platformOrderNo: 'BAD-4', state: '已经飞走了' });
    expect(state.statusCode).toBe(400);
    expect(state.json().error.message).toContain('未知的订单状态');
    const time = await sync({ platformOrderNo: 'BAD-5', paidAt: '2026-13-45' });
    expect(time.json().error.message).toContain('时间');
    const extra = await sync({ platformOrderNo: 'BAD-6', hack: true });
    expect(extra.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const badEvent = await t.app.inject({ method: 'POST', url: '/api/v1/orders/nope/transition', headers: h(agent1), payload: { event: 123 } });
    expect(badEvent.statusCode).toBe(400);
  });
});
