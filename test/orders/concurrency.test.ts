import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

describe(`orders and cases under concurrent requests on ${databaseLabel} (O1, O2, A4)`, () => {
  let t: TestApp;
  let bridge: string;
  let agent: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    bridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'bridge' })).token;
    agent = await t.login('agent2');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('O2: the same new order delivered five times at once is stored once', async () => {
    const body = { platformOrderNo: 'RACE-1', state: '买家已付款等待卖家发货', paidYuan: 20, paidAt: '2026-11-23T12:00:00+08:00' };
    const res = await Promise.all(
      Array.from({ length: 5 }, () => t.app.inject({ method: 'POST', url: '/api/v1/shops/demo-tmall/orders', headers: h(bridge), payload: body })),
    );
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    const rows = await t.database.query<{ n: number }>("select count(*)::int as n from orders where platform_order_no = 'RACE-1'");
    expect(Number(rows[0]!.n)).toBe(1);
    const due = await t.database.query<{ n: number }>(
      "select count(*)::int as n from deadlines d join orders o on o.id = d.subject_id where o.platform_order_no = 'RACE-1' and d.kind = 'ship_by'",
    );
    expect(Number(due[0]!.n)).toBe(1);
  });

  it('O1/A4: two agents making the same move at once — one wins, the other gets 409, one history row', async () => {
    const { order } = (await t.app.inject({ method: 'POST', url: '/api/v1/shops/demo-tmall/orders', headers: h(bridge), payload: { platformOrderNo: 'RACE-2', state: '买家已付款等待卖家发货', paidYuan: 20, paidAt: '2026-11-23T12:00:00+08:00' } })).json();
    const ship = () => t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/transition`, headers: h(agent), payload: { event: 'seller_ship' } });
    const res = await Promise.all([ship(), ship()]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.database.query<{ n: number }>("select count(*)::int as n from order_events where order_id = $1 and event = 'seller_ship'", [order.id]);
    expect(Number(events[0]!.n)).toBe(1);

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: h(agent), payload: { orderId: order.id, type: 'return', reason: '收到商品破损', amount: 20 } });
    const caseId = created.json().case.id;
    const agree = () => t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/transition`, headers: h(agent), payload: { event: 'seller_agree_return' } });
    const both = await Promise.all([agree(), agree()]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});
