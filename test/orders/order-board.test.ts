// Issue 15: the orders screen's API — filters by phase, deadline, exposure and risk; fraud signals
// before shipping (O4) with the reason; stock problems (O5); an order marked shipped without a
// courier pickup scan within the profile's window flagged 虚假发货 with its exposure (O3), cleared by
// a pickup scan; unpaid orders not shown as a ¥0 price problem; the at-stake total over open
// orders only; shop scoping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

interface BoardItem {
  order: { id: string; platformOrderNo: string; shopId: string; pickedUpAt: string | null; totalYuan: number; paidYuan: number };
  phase: string;
  unpaid: boolean;
  atStakeYuan: number;
  risks: { kind: string; reasonZh: string; atStakeYuan: number | null }[];
}

describe(`orders screen API on ${databaseLabel} (O3–O5, A8, issue 15)`, () => {
  let t: TestApp;
  let bridge: string;
  let agent1: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, payload: unknown, token = bridge) => t.app.inject({ method: 'POST', url, headers: h(token), payload: payload as object });
  const board = async (q: string, token = agent1) => {
    const res = await t.app.inject({ url: `/api/v1/orders${q}`, headers: h(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: BoardItem[]; totals: { atStakeYuan: number; count: number } };
  };
  const find = (items: BoardItem[], no: string) => items.find((i) => i.order.platformOrderNo === no);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(); // now = 2026-11-23T06:00:00Z (14:00 Beijing)
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    bridge = (await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-tmall', name: 'bridge' })).token;
    agent1 = await t.login('agent1');
    const orders: [string, Record<string, unknown>][] = [
      // Marked shipped 2 days ago, no courier scan: 虚假发货 risk; paid 3.5 days ago, so by the courier's record it is also late (Tmall 72 h).
      ['OB-FAKE', { state: '卖家已发货等待买家确认', paidYuan: 200, paidAt: '2026-11-19T22:00:00+08:00', shippedAt: '2026-11-21T10:00:00+08:00' }],
      // Marked shipped, then the courier scanned it: fine.
      ['OB-SCANNED', { state: '卖家已发货等待买家确认', paidYuan: 100, paidAt: '2026-11-19T22:00:00+08:00', shippedAt: '2026-11-21T10:00:00+08:00' }],
      // Marked shipped 2 hours ago: still inside the window.
      ['OB-FRESH', { state: '卖家已发货等待买家确认', paidYuan: 100, paidAt: '2026-11-23T09:00:00+08:00', shippedAt: '2026-11-23T12:00:00+08:00' }],
      // Unpaid, with a buyer name that reads like a status (O4).
      ['OB-UNPAID', { state: '等待买家付款', totalYuan: 88, buyerAccount: '买家已付款等待卖家发货' }],
      // Paid, due within 24 h.
      ['OB-DUE', { state: '买家已付款等待卖家发货', paidYuan: 50, paidAt: '2026-11-20T20:00:00+08:00' }],
      // Closed.
      ['OB-CLOSED', { state: '交易关闭', totalYuan: 999, closedAt: '2026-11-22T10:00:00+08:00' }],
    ];
    for (const [no, body] of orders) {
      const res = await post('/api/v1/shops/demo-tmall/orders', { platformOrderNo: no, ...body });
      expect(res.statusCode, res.body).toBeLessThan(300);
      ids[no] = res.json().order.id;
    }
    const scan = await post(`/api/v1/orders/${ids['OB-SCANNED']}/logistics`, { at: '2026-11-21T18:30:00+08:00', status: '已揽收', text: '【杭州】圆通快递 已揽收' });
    expect(scan.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('O3: a shipped order without a pickup scan within the window is flagged 虚假发货 with its exposure; a scan sets the real ship time', async () => {
    const all = (await board('?shopId=demo-tmall')).items;
    const fake = find(all, 'OB-FAKE')!;
    const risk = fake.risks.find((r) => r.kind === 'fake_shipment')!;
    expect(risk.reasonZh).toContain('24 小时内没有快递揽收记录');
    expect(risk.reasonZh).toContain('虚假发货');
    // Tmall: 30 % of 200 = 60, repaid to the platform once more after a ruling.
    expect(risk.atStakeYuan).toBe(120);
    expect(fake.atStakeYuan).toBe(120);
    expect(find(all, 'OB-SCANNED')!.order.pickedUpAt).toBe('2026-11-21T10:30:00.000Z');
    expect(find(all, 'OB-SCANNED')!.risks).toEqual([]);
    expect(find(all, 'OB-FRESH')!.risks).toEqual([]);
    const flagged = (await board('?risk=fake_shipment')).items.map((i) => i.order.platformOrderNo);
    expect(flagged).toContain('OB-FAKE');
    expect(flagged).not.toContain('OB-SCANNED');
    // A later courier scan clears the flag.
    await post(`/api/v1/orders/${ids['OB-FAKE']}/logistics`, { at: '2026-11-23T13:00:00+08:00', status: 'in_transit', text: '快件已到达【杭州转运中心】' });
    expect(find((await board('?risk=fake_shipment')).items, 'OB-FAKE')).toBeUndefined();
    // A courier scan stored by an import (straight into the table) counts too.
    const imported = (await post('/api/v1/shops/demo-tmall/orders', { platformOrderNo: 'OB-IMPORTED', state: '卖家已发货等待买家确认', paidYuan: 10, paidAt: '2026-11-19T22:00:00+08:00', shippedAt: '2026-11-21T10:00:00+08:00' })).json().order.id;
    await t.database.query("insert into logistics_events (order_id, at, status, text) values ($1, '2026-11-21T04:00:00Z', 'collected', '快递员已揽件')", [imported]);
    expect(find((await board('?risk=fake_shipment')).items, 'OB-IMPORTED')).toBeUndefined();
    // An agent's note is no courier scan.
    await post(`/api/v1/orders/${ids['OB-FRESH']}/logistics`, { status: '说明', text: '已向买家解释天气原因' }, agent1);
    const detail = (await t.app.inject({ url: `/api/v1/orders/${ids['OB-FRESH']}`, headers: h(agent1) })).json();
    expect(detail.order.pickedUpAt).toBeNull();
  });

  it('O4: fraud signals before shipping come with the reason; an unpaid order is not a ¥0 price problem', async () => {
    const unpaid = find((await board('?risk=fraud')).items, 'OB-UNPAID')!;
    expect(unpaid.risks[0]!.reasonZh).toMatch(/状态|付款/);
    expect(unpaid).toMatchObject({ unpaid: true, phase: 'unpaid', atStakeYuan: 0 });
    expect(unpaid.order.totalYuan).toBe(88);
  });

  it('filters by phase, deadline and exposure; the at-stake total excludes closed and unpaid orders', async () => {
    expect((await board('?phase=closed')).items.every((i) => i.phase === 'closed')).toBe(true);
    const due = (await board('?deadline=due24h&shopId=demo-tmall')).items.map((i) => i.order.platformOrderNo);
    expect(due).toContain('OB-DUE');
    expect(due).not.toContain('OB-FAKE');
    const stake = await board('?exposure=any&shopId=demo-tmall');
    expect(stake.items.every((i) => i.atStakeYuan > 0)).toBe(true);
    expect(find(stake.items, 'OB-CLOSED')).toBeUndefined();
    const sum = stake.items.reduce((s, i) => s + i.atStakeYuan, 0);
    expect(stake.totals.atStakeYuan).toBeCloseTo(sum, 2);
    const closed = find((await board('?shopId=demo-tmall&q=OB-CLOSED')).items, 'OB-CLOSED')!;
    expect(closed.atStakeYuan).toBe(0);
  });

  it('O5: a paid order whose colour and size are out of stock is a stock risk with the advice', async () => {
    const [variant] = await t.database.query<{ item_id: string; colour: string; size: string; title: string }>(
      "select v.item_id, v.colour, v.size, i.title from item_variants v join items i on i.id = v.item_id where i.shop_id = 'demo-tmall' limit 1",
    );
    await t.database.query('update item_variants set stock = 0 where item_id = $1 and colour = $2 and size = $3', [variant!.item_id, variant!.colour, variant!.size]);
    const res = await post('/api/v1/shops/demo-tmall/orders', {
      platformOrderNo: 'OB-STOCK', state: '买家已付款等待卖家发货', paidYuan: 60, paidAt: '2026-11-23T10:00:00+08:00',
      lines: [{ sku: 'x', title: variant!.title, colour: variant!.colour || undefined, size: variant!.size || undefined, qty: 1, priceYuan: 60 }],
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    await t.database.query('update order_lines set item_id = $1 where order_id = $2', [variant!.item_id, res.json().order.id]);
    const item = find((await board('?risk=stock')).items, 'OB-STOCK')!;
    expect(item.risks[0]!.reasonZh).toContain('库存不足');
    expect(item.risks[0]!.reasonZh).toContain('联系买家');
  });

  it('scoping and bad filters', async () => {
    expect((await t.app.inject({ url: '/api/v1/orders?shopId=demo-taobao', headers: h(agent1) })).statusCode).toBe(404);
    expect((await board('')).items.every((i) => i.order.shopId === 'demo-tmall')).toBe(true);
    const bad = await t.app.inject({ url: '/api/v1/orders?risk=everything', headers: h(agent1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('风险筛选');
  });
});
