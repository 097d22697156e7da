// Issue 15 (O2, N5) on the real server and database: the money at stake of an order or case in
// another currency is figured and shown in that currency (minor units + code), never as ¥0.00 and
// never added to yuan — on the case board, GET /exposure and the orders screen's per-currency
// total. A shop's yuan floor and cap are not applied to a USD amount (nothing converts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

const H = 3_600_000;

describe(`money at stake in the order's own currency on ${databaseLabel} (issue 15, O2)`, () => {
  let t: TestApp;
  let agent1: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (url: string) => t.app.inject({ url, headers: h(agent1) });
  let usdOrderId = '';

  beforeAll(async () => {
    t = await startTestApp();
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    // An AliExpress shop that set a late-shipment rate (no seed gives one) with a yuan floor of ¥10:
    // 30 % of US$25.99 is US$7.80, and the ¥10 floor must not lift it (that would mix currencies).
    await t.database.db.insert(s.shops).values({
      id: 'ae-money', orgId: org!.id, platform: 'aliexpress', name: '速卖通币种店',
      ruleOverrides: { late_shipment: { rate_pct: 30, min_yuan: 10, cap_yuan: 500 } },
    });
    await t.database.db.insert(s.shops).values({ id: 'tm-money', orgId: org!.id, platform: 'tmall', name: '天猫币种店' });
    const [a1] = await t.database.db.select({ id: s.agents.id }).from(s.agents).where(eq(s.agents.login, 'agent1'));
    await t.database.db.insert(s.agentShops).values([{ agentId: a1!.id, shopId: 'ae-money' }, { agentId: a1!.id, shopId: 'tm-money' }]);
    const paidAt = new Date(t.now.getTime() - 100 * H); // past both ship-by windows (48 h / 72 h), unshipped
    const [usd] = await t.database.db.insert(s.orders).values({
      shopId: 'ae-money', platformOrderNo: 'AE-USD-1', buyerAccount: 'us_buyer', state: '等待卖家发货', currency: 'USD',
      totalFen: 0, paidFen: 0, totalMinor: 2599, paidMinor: 2599, orderedAt: paidAt, paidAt,
    }).returning();
    usdOrderId = usd!.id;
    await t.database.db.insert(s.orders).values({
      shopId: 'tm-money', platformOrderNo: 'TM-CNY-1', buyerAccount: 'tb_buyer', state: '买家已付款等待卖家发货', totalFen: 10000, paidFen: 10000, orderedAt: paidAt, paidAt,
    });
    agent1 = await t.login('agent1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the orders screen: a USD order\'s stake is in USD, and the total is given per currency, never mixed', async () => {
    const res = await get('/api/v1/orders?exposure=any');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    const usd = board.items.find((i: { order: { platformOrderNo: string } }) => i.order.platformOrderNo === 'AE-USD-1');
    // Late: US$7.80 to pay now, or US$7.80 if the platform rules first: two alternatives, so US$7.80 is at stake.
    expect(usd).toMatchObject({ currency: 'USD', atStakeMinor: 780, atStakeYuan: 0 });
    const cny = board.items.find((i: { order: { platformOrderNo: string } }) => i.order.platformOrderNo === 'TM-CNY-1');
    expect(cny.currency).toBe('CNY');
    expect(cny.atStakeMinor).toBeGreaterThan(0);
    expect(cny.atStakeMinor).toBe(Math.round(cny.atStakeYuan * 100));
    const perCurrency = Object.fromEntries(board.totals.atStake.map((x: { currency: string; minor: number }) => [x.currency, x.minor]));
    expect(board.totals.atStake[0].currency).toBe('CNY');
    expect(perCurrency.USD).toBe(780);
    // The yuan total holds yuan only: the USD stake is not in it.
    const cnySum = board.items.filter((i: { currency: string }) => i.currency === 'CNY').reduce((a: number, i: { atStakeMinor: number }) => a + i.atStakeMinor, 0);
    expect(perCurrency.CNY).toBe(cnySum);
    expect(Math.round(board.totals.atStakeYuan * 100)).toBe(cnySum);
  });

  it('a USD case carries its exposure in USD on the board and in GET /exposure, with USD in its advice', async () => {
    const opened = await t.app.inject({
      method: 'POST', url: '/api/v1/cases', headers: h(agent1),
      payload: { orderId: usdOrderId, type: 'refund_only', reason: '未按约定时间发货', amount: 25.99 },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json().case;
    expect(c).toMatchObject({ currency: 'USD', amountMinor: 2599 });
    expect(c.exposure).toMatchObject({ currency: 'USD', nowMinor: 780, nowYuan: 0, atNextDeadlineYuan: 0 });
    expect(c.exposure.advice).toContain('USD 7.80');
    expect(c.exposure.advice).not.toContain('¥');
    // What refusing risks adds the compensation in the same currency.
    expect(c.choices.find((x: { event: string }) => x.event === 'seller_respond').money.textZh).toBe('若平台判买家胜，需退款并承担 USD 33.79（含退款原因触发的赔付 USD 7.80）');

    const board = (await get('/api/v1/cases?shopId=ae-money')).json();
    expect(board.items.find((x: { id: string }) => x.id === c.id).exposure).toMatchObject({ currency: 'USD', nowMinor: 780 });

    const exposure = (await get('/api/v1/exposure')).json();
    const usdTotals = exposure.byCurrency.find((x: { currency: string }) => x.currency === 'USD');
    expect(usdTotals.nowMinor).toBe(780 + 780); // the late order and its case, in USD
    const cnyTotals = exposure.byCurrency.find((x: { currency: string }) => x.currency === 'CNY');
    expect(Math.round(exposure.total.nowYuan * 100)).toBe(cnyTotals.nowMinor);
    for (const line of exposure.items.filter((l: { currency: string }) => l.currency === 'USD')) expect(line.nowYuan).toBe(0);
  });
});
