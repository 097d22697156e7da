// Issue 15 in Chromium, in Chinese: an agent takes a return from the buyer's request to the refund
// with the parcel received and inspected (each step's money shown before it is taken, the return
// tracking number written, 红冲 at the refund, evidence added), and the orders screen flags 虚假发货
// for an order marked shipped without a courier pickup scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as s from '../../src/store/schema/index.js';
import type { Database } from '../../src/store/open-database.js';
import { confirmChoice, type Harness, hasChromium, pickOption, screenshot, startPage } from './fixture.js';
import { insertWorkbenchData, type WorkbenchData } from './seed.js';

const RETURN_NO = '4021337999900088';
const FAKE_NO = '4021337999900099';
const EXCHANGE_NO = '4021337999900077';

async function seed(database: Database, now: Date): Promise<WorkbenchData> {
  const data = await insertWorkbenchData(database, now);
  const ago = (h: number) => new Date(now.getTime() - h * 3_600_000);
  await database.db.insert(s.orders).values([
    // Shipped and scanned by the courier; the buyer asks to return it.
    { shopId: data.tmallId, platformOrderNo: RETURN_NO, buyerAccount: 'tb_return', state: '卖家已发货等待买家确认', totalFen: 15900, paidFen: 15900, orderedAt: ago(50), paidAt: ago(50), shippedAt: ago(30), pickedUpAt: ago(29) },
    // Shipped and scanned; the buyer wants another size.
    { shopId: data.tmallId, platformOrderNo: EXCHANGE_NO, buyerAccount: 'tb_exchange', state: '卖家已发货等待买家确认', totalFen: 15900, paidFen: 15900, orderedAt: ago(50), paidAt: ago(50), shippedAt: ago(30), pickedUpAt: ago(29) },
    // Marked shipped 30 h ago, never scanned by a courier.
    { shopId: data.tmallId, platformOrderNo: FAKE_NO, buyerAccount: 'tb_fake', state: '卖家已发货等待买家确认', totalFen: 26800, paidFen: 26800, orderedAt: ago(60), paidAt: ago(60), shippedAt: ago(30) },
  ]);
  return data;
}

describe.skipIf(!hasChromium)('after-sales and orders in Chromium (issue 15)', () => {
  let h: Harness;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ({ h, page, pageErrors } = await startPage(seed, 'agent1'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('O3: the orders screen flags 虚假发货 for an order marked shipped without a pickup scan, with the reason and the money', async () => {
    await page.goto(`${h.baseUrl}/orders`);
    await page.getByTestId('orders-screen').waitFor();
    await pickOption(page, 'filter-risk', '虚假发货风险');
    const row = page.locator(`[data-testid="order-row"][data-order="${FAKE_NO}"]`);
    await row.waitFor();
    const text = (await row.getByTestId('risk-fake_shipment').textContent()) ?? '';
    expect(text).toContain('虚假发货风险');
    expect(text).toContain('24 小时内没有快递揽收记录');
    expect(text).toContain('¥');
    // The scanned order is not flagged.
    expect(await page.locator(`[data-testid="order-row"][data-order="${RETURN_NO}"]`).count()).toBe(0);
    await page.keyboard.press('Escape');
    await screenshot(page, 'orders-fake-shipment');
  });

  it('A2: an agent takes a return from request to refund with the parcel received and inspected', async () => {
    await pickOption(page, 'filter-risk', '全部');
    await page.getByTestId('filter-search').locator('input').fill(RETURN_NO);
    await page.getByTestId('filter-search').locator('input').press('Enter');
    const row = page.locator(`[data-testid="order-row"][data-order="${RETURN_NO}"]`);
    await row.waitFor();
    await row.getByTestId('order-open-case').click();

    // The new-case form opens on the order, with the reasons its state allows.
    await expect.poll(() => page.getByTestId('new-case-amount').inputValue()).toBe('159.00');
    await pickOption(page, 'new-case-type', '退货退款');
    await pickOption(page, 'new-case-reason', '收到商品破损');
    await page.getByTestId('new-case-submit').click();

    const state = page.getByTestId('case-state');
    await expect.poll(() => state.textContent()).toBe('退款申请等待卖家确认中');
    // Each choice shows its money before it is taken.
    expect(await page.getByTestId('choice-seller_agree_return').textContent()).toContain('收到退货并核实后退款 ¥159.00');
    expect(await page.getByTestId('choice-seller_refuse').textContent()).toContain('若平台判买家胜');
    await page.getByTestId('choose-seller_agree_return').click();
    await expect.poll(() => page.getByTestId('choice-implication').textContent()).toContain('¥159.00');
    await confirmChoice(page);
    await expect.poll(() => state.textContent()).toBe('退款申请达成等待买家发货');

    // The parcel comes back: the agent records what it carries.
    await page.getByTestId('choose-parcel_received').click();
    await page.getByTestId('field-platformOrderNo').fill(RETURN_NO);
    await page.getByTestId('field-applicationNo').fill('SH20261123001');
    await page.getByTestId('field-buyerName').fill('王小雨');
    await page.getByTestId('field-contact').fill('13812345678');
    await page.getByTestId('field-returnTrackingNo').fill('YT8800112233');
    await confirmChoice(page);
    await expect.poll(() => page.getByTestId('case-flow-step').textContent()).toBe('已收到退货');
    expect(await page.getByTestId('case-return-tracking').textContent()).toBe('YT8800112233');
    expect(await state.textContent()).toBe('买家已退货等待卖家确认收货');

    // Inspection.
    await page.getByTestId('choose-inspect_pass').click();
    await page.getByTestId('field-finding').fill('袖口开线，属质量问题');
    await confirmChoice(page);
    await expect.poll(() => page.getByTestId('case-flow-step').textContent()).toBe('检验通过');

    // Evidence: a chat excerpt typed in.
    await pickOption(page, 'evidence-kind', '聊天记录');
    await page.getByTestId('evidence-text').fill('买家：收到的卫衣袖口开线了');
    await page.getByTestId('evidence-add').click();
    await expect.poll(() => page.getByTestId('evidence-item').count()).toBe(1);

    // The refund, with the invoice action shown first.
    expect(await page.getByTestId('choice-refund').textContent()).toContain('红冲');
    await page.getByTestId('choose-refund').click();
    await expect.poll(() => page.getByTestId('choice-implication').textContent()).toContain('退款 ¥159.00');
    await confirmChoice(page);
    await expect.poll(() => state.textContent()).toBe('退款成功');
    expect(await page.getByTestId('case-flow-step').textContent()).toBe('已退款');
    await screenshot(page, 'case-return-refunded');
    expect(pageErrors).toEqual([]);
  });

  it('A2: an exchange runs its own flow to the replacement sent, with 背书 at the outcome', async () => {
    await page.goto(`${h.baseUrl}/orders`);
    await page.getByTestId('filter-search').locator('input').fill(EXCHANGE_NO);
    await page.getByTestId('filter-search').locator('input').press('Enter');
    const row = page.locator(`[data-testid="order-row"][data-order="${EXCHANGE_NO}"]`);
    await row.waitFor();
    await row.getByTestId('order-open-case').click();
    await expect.poll(() => page.getByTestId('new-case-amount').inputValue()).toBe('159.00');
    await pickOption(page, 'new-case-type', '换货');
    await pickOption(page, 'new-case-reason', '错发/漏发');
    await page.getByTestId('new-case-submit').click();
    const state = page.getByTestId('case-state');
    await expect.poll(() => state.textContent()).toBe('售后申请等待卖家处理');
    await page.getByTestId('choose-seller_agree').click();
    await confirmChoice(page);
    await expect.poll(() => state.textContent()).toBe('卖家已同意等待买家寄回');
    await page.getByTestId('choose-parcel_received').click();
    await page.getByTestId('field-platformOrderNo').fill(EXCHANGE_NO);
    await page.getByTestId('field-applicationNo').fill('HH20261123002');
    await page.getByTestId('field-buyerName').fill('李小白');
    await page.getByTestId('field-contact').fill('13900001111');
    await page.getByTestId('field-returnTrackingNo').fill('ZT5566778899');
    await confirmChoice(page);
    await expect.poll(() => page.getByTestId('case-flow-step').textContent()).toBe('已收到寄回商品');
    await page.getByTestId('choose-inspect_pass').click();
    await page.getByTestId('field-finding').fill('发错尺码，商品完好');
    await confirmChoice(page);
    await expect.poll(() => page.getByTestId('case-flow-step').textContent()).toBe('检验通过');
    expect(await page.getByTestId('choice-resend').textContent()).toContain('背书');
    await page.getByTestId('choose-resend').click();
    await page.getByTestId('field-shipCourier').fill('顺丰');
    await page.getByTestId('field-trackingNo').fill('SF1122334455');
    await confirmChoice(page);
    await expect.poll(() => state.textContent()).toBe('售后完成');
    expect(await page.getByTestId('case-flow-step').textContent()).toBe('换货已寄出');
    expect(pageErrors).toEqual([]);
  });
});
