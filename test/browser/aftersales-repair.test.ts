// Issue 15 (A2, A3, A10) in Chromium, in Chinese: an agent takes a repair from the buyer's request
// on the case board, through the parcel received (order and application numbers, buyer, contact,
// tracking number) and inspected — a branded (3C) item goes through the official service point,
// whose name and report number are recorded and shown — to repaired and sent back, with the
// original invoice returned (原始发票发还) shown before the step is taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as s from '../../src/store/schema/index.js';
import type { Database } from '../../src/store/open-database.js';
import { confirmChoice, type Harness, hasChromium, pickOption, screenshot, startPage } from './fixture.js';
import { insertWorkbenchData, type WorkbenchData } from './seed.js';

const REPAIR_NO = '4021337999900066';

async function seed(database: Database, now: Date): Promise<WorkbenchData> {
  const data = await insertWorkbenchData(database, now);
  const ago = (h: number) => new Date(now.getTime() - h * 3_600_000);
  // Shipped, scanned and signed for; the earphones stopped charging.
  await database.db.insert(s.orders).values([
    { shopId: data.tmallId, platformOrderNo: REPAIR_NO, buyerAccount: 'tb_repair', state: '卖家已发货等待买家确认', totalFen: 49900, paidFen: 49900, orderedAt: ago(120), paidAt: ago(120), shippedAt: ago(100), pickedUpAt: ago(99) },
  ]);
  return data;
}

describe.skipIf(!hasChromium)('a repair on the case board in Chromium (issue 15, A2)', () => {
  let h: Harness;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ({ h, page, pageErrors } = await startPage(seed, 'agent1'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('A2/A10: request → agreed → parcel received → inspected at the official service point → repaired and sent back', async () => {
    await page.goto(`${h.baseUrl}/orders`);
    await page.getByTestId('filter-search').locator('input').fill(REPAIR_NO);
    await page.getByTestId('filter-search').locator('input').press('Enter');
    const row = page.locator(`[data-testid="order-row"][data-order="${REPAIR_NO}"]`);
    await row.waitFor();
    await row.getByTestId('order-open-case').click();
    await expect.poll(() => page.getByTestId('new-case-amount').inputValue()).toBe('499.00');
    await pickOption(page, 'new-case-type', '维修');
    await pickOption(page, 'new-case-reason', '需要维修');
    await page.getByTestId('new-case-submit').click();

    const state = page.getByTestId('case-state');
    await expect.poll(() => state.textContent()).toBe('售后申请等待卖家处理');
    // The repair's own flow is shown from the start; a repair moves no money.
    expect(await page.getByTestId('case-flow-step').textContent()).toBe('等待买家寄修');
    expect(await page.getByTestId('choice-seller_agree').textContent()).toContain('此操作本身不涉及金额');
    expect(await page.getByTestId('choice-seller_agree_refund').count()).toBe(0);

    // The request is on the case board, as a repair on its order.
    await page.keyboard.press('Escape');
    await page.goto(`${h.baseUrl}/cases`);
    const card = page.locator(`[data-testid="case-card"][data-order="${REPAIR_NO}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('维修');
    await card.click();
    await expect.poll(() => state.textContent()).toBe('售后申请等待卖家处理');

    await page.getByTestId('choose-seller_agree').click();
    await confirmChoice(page);
    await expect.poll(() => state.textContent()).toBe('卖家已同意等待买家寄回');

    // The parcel comes in: what it carries is recorded, and A10 is read at this step.
    await page.getByTestId('choose-parcel_received').click();
    await page.getByTestId('field-platformOrderNo').fill(REPAIR_NO);
    await page.getByTestId('field-applicationNo').fill('WX20261123003');
    await page.getByTestId('field-buyerName').fill('赵小明');
    await page.getByTestId('field-contact').fill('13700002222');
    await page.getByTestId('field-returnTrackingNo').fill('JT7788990011');
    await confirmChoice(page);
    await expect.poll(() => page.getByTestId('case-flow-step').textContent()).toBe('已收到寄修商品');
    expect(await page.getByTestId('case-return-tracking').textContent()).toBe('JT7788990011');
    expect(await page.getByTestId('case-guidance').textContent()).toContain('官方售后或本地授权服务点');

    // Inspection: branded 3C goods go through the official service point, recorded with its report.
    await page.getByTestId('choose-inspect_pass').click();
    await page.getByTestId('field-finding').fill('充电盒无法充电，属保修范围');
    await page.getByTestId('field-branded').click();
    await page.getByTestId('field-servicePoint').fill('华为授权服务中心（杭州西湖店）');
    await page.getByTestId('field-serviceReportNo').fill('HW-JC-20261125-01');
    await confirmChoice(page);
    await expect.poll(() => page.getByTestId('case-flow-step').textContent()).toBe('检验通过');
    expect(await page.getByTestId('case-service-point').textContent()).toBe('华为授权服务中心（杭州西湖店）');
    expect(await page.getByTestId('case-inspection').textContent()).toContain('HW-JC-20261125-01');
    const guidance = (await page.getByTestId('case-guidance').textContent()) ?? '';
    expect(guidance).toContain('非官方店铺拆机维修会被视为私自拆机');
    expect(guidance).not.toContain('（品牌商品）'); // the inspection said it is branded

    // Repaired and sent back, with the invoice action (A3) shown before the step.
    expect(await page.getByTestId('choice-repair_done').textContent()).toContain('原始发票发还');
    expect(await page.getByTestId('choice-refund').count()).toBe(0);
    await page.getByTestId('choose-repair_done').click();
    await page.getByTestId('field-shipCourier').fill('顺丰');
    await page.getByTestId('field-trackingNo').fill('SF9988776655');
    await confirmChoice(page);
    await expect.poll(() => state.textContent()).toBe('售后完成');
    expect(await page.getByTestId('case-flow-step').textContent()).toBe('已修好寄回');
    // The step indicator shows the way this repair went (inspection passed), not the branch it skipped.
    expect(await page.getByTestId('case-flow').textContent()).not.toContain('检验不通过');
    expect(await page.getByTestId('timeline-event').first().textContent()).toBe('买家提交售后申请');
    expect(await page.getByTestId('case-shipment').textContent()).toContain('SF9988776655');
    await screenshot(page, 'case-repair-sent-back');

    // A finished repair leaves the open board.
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
