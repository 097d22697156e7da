// S2 in Chromium, in Chinese: an agent opens an order in the 订单 drawer, reads the 价保 card under
// the shop's Tmall rule with the red packets and shop coupon the platform reported prefilled,
// enters the price now, sees the refundable difference, records the claim, and cannot record a
// second one on the same line (once per item); then marks it paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { syncOrder } from '../../src/app/orders/orders.js';
import { priceProtectionClaims } from '../../src/store/schema/index.js';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

describe.skipIf(!hasChromium)('价保 card in the order drawer in Chromium (S2)', () => {
  let h: Harness;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    page = await h.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('S2: the agent sees the difference under the Tmall rule, records the claim, a second one is refused, then marks it paid', async () => {
    const paidAt = new Date(Date.now() - 2 * 86_400_000);
    const { order } = await syncOrder(h.database, h.data.tmallId, {
      platformOrderNo: 'TM-PP-1', buyerAccount: 'pp_browser', state: '买家已付款，等待卖家发货', orderedAt: paidAt, paidAt, paidFen: 10_000, totalFen: 10_000,
      lines: [{ title: '羊绒大衣', qty: 1, priceFen: 10_000, redPacketFen: 1_000, shopCouponFen: 500 }],
    }, { kind: 'platform' }, paidAt);
    await login(page, h.baseUrl, 'agent1');
    await page.goto(`${h.baseUrl}/orders?orderId=${encodeURIComponent(order.id)}`);
    const card = page.getByTestId('order-price-protection');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('天猫价保：差价＝（实付＋红包）－现价－店铺券；同一商品限价保 1 次');
    expect(await card.textContent()).toContain('羊绒大衣');
    // Prefilled from the order: paid 100, red packets 10, shop coupon 5; the price now is the agent's.
    expect(await page.getByTestId('pp-paid').inputValue()).toBe('100.00');
    expect(await page.getByTestId('pp-red-packet').inputValue()).toBe('10.00');
    expect(await page.getByTestId('pp-shop-coupon').inputValue()).toBe('5.00');
    expect(await page.getByTestId('pp-record').isDisabled()).toBe(true);
    await page.getByTestId('pp-new-price').fill('80');
    await expect.poll(() => page.getByTestId('pp-difference').textContent()).toBe('按平台规则可退差价 ¥25.00');
    // A shop coupon beyond the difference leaves nothing to refund: said in Chinese, no claim possible.
    await page.getByTestId('pp-shop-coupon').fill('40');
    await expect.poll(() => page.getByTestId('pp-difference').textContent()).toContain('没有差价可退');
    expect(await page.getByTestId('pp-record').isDisabled()).toBe(true);
    await page.getByTestId('pp-shop-coupon').fill('5');
    await expect.poll(() => page.getByTestId('pp-difference').textContent()).toBe('按平台规则可退差价 ¥25.00');
    await page.getByTestId('pp-note').fill('买家发来现价截图');
    await page.getByTestId('pp-record').click();

    await expect.poll(() => page.getByTestId('pp-claim').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('pp-claim-status').textContent()).toBe('待处理');
    expect(await page.getByTestId('pp-claim').textContent()).toContain('差价 ¥25.00');
    expect(await page.getByTestId('pp-claim').textContent()).toContain('客服 小美');
    // Once per item: the card now says the line has had its claim.
    await page.getByTestId('pp-new-price').fill('70');
    await expect.poll(() => page.getByTestId('pp-difference').textContent()).toContain('同一商品只能价保一次');
    expect(await page.getByTestId('pp-record').isDisabled()).toBe(true);
    await screenshot(page, 'order-price-protection');

    await page.getByTestId('pp-mark-paid').click();
    await expect.poll(() => page.getByTestId('pp-claim-status').textContent(), { timeout: 15_000 }).toBe('已补差价');
    const rows = await h.database.db.select().from(priceProtectionClaims).where(eq(priceProtectionClaims.orderId, order.id));
    expect(rows.map((r) => [r.status, r.refundFen, r.redPacketFen, r.shopCouponFen, r.note])).toEqual([['paid', 2_500, 1_000, 500, '买家发来现价截图']]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('S2 ledger: 价保记录 lists the claims of the shops with what is still owed; a row opens its order, settled there, and the ledger follows', async () => {
    const paidAt = new Date(Date.now() - 86_400_000);
    const { order } = await syncOrder(h.database, h.data.tmallId, {
      platformOrderNo: 'TM-PP-2', buyerAccount: 'pp_ledger', state: '买家已付款，等待卖家发货', orderedAt: paidAt, paidAt, paidFen: 5_000, totalFen: 5_000,
      lines: [{ title: '真丝围巾', qty: 1, priceFen: 5_000 }],
    }, { kind: 'platform' }, paidAt);
    const claimed = await page.evaluate(async ({ id }) => {
      const token = localStorage.getItem('dxe.token');
      const r = await fetch(`/api/v1/orders/${id}/price-protection`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ lineNo: 1, paidYuan: 50, newPriceYuan: 42 }),
      });
      return r.status;
    }, { id: order.id });
    expect(claimed).toBe(200);

    await page.goto(`${h.baseUrl}/orders`);
    await page.getByTestId('pp-ledger-open-button').click();
    const ledger = page.getByTestId('pp-ledger');
    // Pending first (the default tab): one claim owed, ¥8.00; the paid one from the first test counted beside.
    await expect.poll(() => ledger.getByTestId('pp-ledger-totals').textContent(), { timeout: 15_000 }).toContain('待处理 1 笔，应补差价');
    expect(await ledger.getByTestId('pp-ledger-totals').textContent()).toContain('¥8.00');
    expect(await ledger.getByTestId('pp-ledger-totals').textContent()).toContain('已补 1 笔');
    await expect.poll(() => ledger.getByTestId('pp-ledger-row').count()).toBe(1);
    expect(await ledger.getByTestId('pp-ledger-row').getAttribute('data-order')).toBe('TM-PP-2');
    await ledger.getByTestId('pp-ledger-status').getByText('全部').click();
    await expect.poll(() => ledger.getByTestId('pp-ledger-row').count()).toBe(2);
    await screenshot(page, 'price-protection-ledger');

    // The row opens its order; marked paid there; the ledger, on the drawer's close, owes nothing.
    await ledger.locator('[data-testid="pp-ledger-row"][data-order="TM-PP-2"]').getByTestId('pp-ledger-open').click();
    const drawer = page.getByTestId('order-drawer');
    await expect.poll(() => drawer.getByTestId('pp-claim-status').textContent(), { timeout: 15_000 }).toBe('待处理');
    await drawer.getByTestId('pp-mark-paid').click();
    await expect.poll(() => drawer.getByTestId('pp-claim-status').textContent(), { timeout: 15_000 }).toBe('已补差价');
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => ledger.getByTestId('pp-ledger-totals').textContent(), { timeout: 15_000 }).toContain('待处理 0 笔');
    expect(await ledger.getByTestId('pp-ledger-totals').textContent()).toContain('已补 2 笔');
    expect(errors).toEqual([]);
  }, 120_000);
});
