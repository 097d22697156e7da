// Issue 15's "Done when", the platform items in Chromium, in Chinese: an AliExpress English order
// export imported through the real import path keeps its currency on the 订单 screen (USD, not
// yuan); a JD order list imported the same way shows its ship-by deadline; and a web-chat buyer
// asks the bot a regional freight question and a price-protection question and reads the figures
// (O2, O3, O6, S2, C8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { importOrders } from '../../src/app/orders/import-orders.js';
import { ensureOrderDeadlines } from '../../src/app/timers/order-sweep.js';
import { openOrderImport } from '../../src/channels/order-files/open-import.js';
import * as s from '../../src/store/schema/index.js';
import type { Database } from '../../src/store/open-database.js';
import { fixture } from '../import/read-fixture.js';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';
import { insertWorkbenchData, type WorkbenchData } from './seed.js';

const AE_SHOP = 'ae-e2e';
const JD_SHOP = 'jd-e2e';
// From test/import/fixtures/aliexpress-orders.utf8-bom.csv and jd-order-list.gbk.csv.
const AE_PAID = '8100000000000001'; // USD 28.99, paid, awaiting shipment
const JD_PAID = '310000000101'; // 应付 128.00 + …, paid 2024-03-08, 等待出库
const JD_SHIPPED = '310000000202'; // already out of the warehouse: no ship-by deadline
const PP_ITEM_PRICE_FEN = 15900; // listed now
const PP_PAID_FEN = 19900; // what the buyer paid

let itemId = '';
const imports: Record<string, unknown> = {};

async function seed(database: Database, now: Date): Promise<WorkbenchData> {
  const data = await insertWorkbenchData(database, now);
  await database.db.insert(s.shops).values([
    { id: AE_SHOP, orgId: data.orgId, platform: 'aliexpress', name: '小二速卖通店' },
    { id: JD_SHOP, orgId: data.orgId, platform: 'jd', name: '小二京东店' },
  ]);
  await database.db.insert(s.agentShops).values([
    { agentId: data.agentIds.agent1!, shopId: AE_SHOP },
    { agentId: data.agentIds.agent1!, shopId: JD_SHOP },
  ]);
  // The real import path, as `dxe import orders` takes it: the edge opens the file, the use case writes it.
  imports.ae = await importOrders(database, { shopId: AE_SHOP, source: await openOrderImport({ platform: 'aliexpress', filePath: fixture('aliexpress-orders.utf8-bom.csv') }) });
  imports.jd = await importOrders(database, { shopId: JD_SHOP, source: await openOrderImport({ platform: 'jd', filePath: fixture('jd-order-list.gbk.csv') }) });
  // An import writes order rows only; the timer loop's sweep gives imported paid orders their
  // ship-by rows (src/app/timers/order-sweep.ts). The harness runs with TIMERS=off, so the same
  // sweep runs here once, as the loop would on its next tick.
  while ((await ensureOrderDeadlines(database, now)) > 0) { /* catch up */ }
  // The Taobao shop charges freight (no free shipping) and lists the hoodie at 159 元 now.
  await database.db.update(s.shops).set({ settings: { freeShipping: false } }).where(eq(s.shops.id, data.taobaoId));
  const [item] = await database.db.insert(s.items).values({ shopId: data.taobaoId, sku: 'PP-2026', title: '羊毛混纺围巾', category: '围巾', priceFen: PP_ITEM_PRICE_FEN }).returning();
  itemId = item!.id;
  return data;
}

describe.skipIf(!hasChromium)('every platform end to end in Chromium (issue 15)', () => {
  let h: Harness;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ seed });
    page = await h.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openOrders() {
    await page.goto(`${h.baseUrl}/orders`);
    await page.getByTestId('orders-screen').waitFor();
  }

  async function findRow(no: string) {
    await page.getByTestId('filter-search').locator('input').fill(no);
    await page.getByTestId('filter-search').locator('input').press('Enter');
    const row = page.locator(`[data-testid="order-row"][data-order="${no}"]`);
    await row.waitFor({ timeout: 20_000 });
    return row;
  }

  it('O2/C8: an AliExpress English export is imported with its currency and the 订单 screen shows USD, not yuan', async () => {
    expect(imports.ae).toMatchObject({ imported: 3, format: 'aliexpress-order-list', currencies: [{ currency: 'USD', orders: 2, totalMinor: 4099 }, { currency: 'EUR', orders: 1, totalMinor: 990 }] });
    await login(page, h.baseUrl, 'agent1');
    await openOrders();
    const row = await findRow(AE_PAID);
    const amount = row.getByTestId('order-amount');
    await expect.poll(() => amount.getAttribute('data-currency'), { timeout: 20_000 }).toBe('USD');
    const text = (await amount.textContent()) ?? '';
    expect(text).toMatch(/US\$|USD/);
    expect(text).toContain('28.99');
    // Kept in its own currency: no yuan sign, no conversion.
    expect(text).not.toContain('¥');
    expect(text).not.toContain('元');
    expect(await row.textContent()).toContain('小二速卖通店');
    await screenshot(page, 'orders-aliexpress-usd');
  });

  it('O4: a supervisor uploads a GBK Taobao order list on the 订单 screen and finds its orders; a file that is no export is refused in Chinese; an agent sees no upload', async () => {
    const agentContext = await h.context.browser()!.newContext();
    try {
      const asAgent = await agentContext.newPage();
      await login(asAgent, h.baseUrl, 'agent1');
      await asAgent.goto(`${h.baseUrl}/orders`);
      await asAgent.getByTestId('orders-screen').waitFor();
      expect(await asAgent.getByTestId('orders-upload-input').count()).toBe(0);
      expect(await asAgent.getByTestId('orders-upload-hint').count()).toBe(0);
    } finally {
      await agentContext.close();
    }

    const lead = await h.context.browser()!.newContext();
    const p2 = await lead.newPage();
    p2.on('pageerror', (err) => pageErrors.push(err.message));
    try {
      await login(p2, h.baseUrl, 'supervisor');
      await p2.goto(`${h.baseUrl}/orders`);
      await p2.getByTestId('orders-screen').waitFor();
      // Which shop an export belongs to is the seller's choice, never a guess.
      expect(await p2.getByTestId('orders-upload-hint').textContent()).toContain('选择一个店铺');
      await p2.getByTestId('orders-shop').click();
      await p2.getByTitle('小二数码小店').click();
      await p2.locator('input[data-testid="orders-upload-input"]').setInputFiles(fixture('taobao-order-list.gbk.tsv'));
      await expect.poll(() => p2.getByTestId('orders-upload-result').textContent(), { timeout: 30_000 }).toMatch(/已导入 \d+ 个新订单/);
      await p2.getByTestId('filter-search').locator('input').fill('2940011223344550');
      await p2.getByTestId('filter-search').locator('input').press('Enter');
      await p2.locator('[data-testid="order-row"][data-order="2940011223344550"]').waitFor({ timeout: 20_000 });
      // The same file again changes nothing new.
      await p2.locator('input[data-testid="orders-upload-input"]').setInputFiles(fixture('taobao-order-list.gbk.tsv'));
      await expect.poll(() => p2.getByTestId('orders-upload-result').textContent(), { timeout: 30_000 }).toContain('已导入 0 个新订单');
      // A picture is not an order export: refused with a Chinese message, nothing written.
      await p2.locator('input[data-testid="orders-upload-input"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\n not an export') });
      await expect.poll(() => p2.getByTestId('orders-upload-result').textContent(), { timeout: 30_000 }).toMatch(/[\u4e00-\u9fff]/);
      expect(await p2.getByTestId('orders-upload-result').getAttribute('class')).toContain('danger');
      await screenshot(p2, 'orders-upload');
    } finally {
      await lead.close();
    }
  });

  it('O2/O3: a JD order list is imported and the 订单 screen shows the paid order\'s ship-by deadline', async () => {
    expect(imports.jd).toMatchObject({ imported: 3, format: 'jd-order-list', encoding: 'gbk' });
    const [o] = await h.database.db.select().from(s.orders).where(and(eq(s.orders.shopId, JD_SHOP), eq(s.orders.platformOrderNo, JD_PAID)));
    expect(o?.paidAt).toBeTruthy();
    await openOrders();
    const row = await findRow(JD_PAID);
    expect(await row.textContent()).toContain('小二京东店');
    // The fixture was paid on 2024-03-08: its ship-by deadline (from the pay time and JD's
    // ship_by_hours) has long passed, so the deadline column says it is overdue, in red.
    const deadline = row.locator('td').nth(5);
    await expect.poll(() => deadline.textContent(), { timeout: 20_000 }).toBe('已超时');
    expect(await deadline.locator('.ant-tag-red').count()).toBe(1);
    // The deadline filter finds it among the overdue orders; the shipped JD order has no ship-by deadline.
    await page.getByTestId('filter-search').locator('input').fill('3100000');
    await page.getByTestId('filter-search').locator('input').press('Enter');
    const shipped = page.locator(`[data-testid="order-row"][data-order="${JD_SHIPPED}"]`);
    await shipped.waitFor({ timeout: 20_000 });
    expect(await shipped.locator('td').nth(5).textContent()).toBe('—');
    await page.getByTestId('filter-deadline').locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已超时' }).first().click();
    await expect.poll(() => page.locator(`[data-testid="order-row"][data-order="${JD_SHIPPED}"]`).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator(`[data-testid="order-row"][data-order="${JD_PAID}"]`).count(), { timeout: 20_000 }).toBe(1);
    await screenshot(page, 'orders-jd-ship-by');
  });

  it('O6/S2: a web-chat buyer asks the freight to 新疆 for 2 kg and a price-protection question, and reads the figures', async () => {
    const buyer = await h.context.newPage();
    buyer.on('pageerror', (err) => pageErrors.push(err.message));
    await buyer.goto(`${h.baseUrl}/widget/${h.data.taobaoId}/demo`);
    await buyer.locator('.dxe-btn').click();
    await expect.poll(() => buyer.locator('.dxe-status').textContent(), { timeout: 20_000 }).toBe('在线');

    // rules/common.yaml shipping.fee_table_example: 新疆 first kg 18 + 1 extra kg × 8 = 26.
    await buyer.locator('.dxe-input').fill('寄到新疆2公斤运费多少钱');
    await buyer.locator('.dxe-send').click();
    await expect.poll(() => buyer.locator('.dxe-list').textContent(), { timeout: 30_000 }).toContain('运费一共26.00元');

    // The buyer paid 199 元 for the scarf, listed at 159 元 now: Taobao's rule (S2, seed 000) gives 40 元.
    const [visitor] = await h.database.db.select().from(s.buyers)
      .where(and(eq(s.buyers.shopId, h.data.taobaoId), like(s.buyers.platformAccount, 'web:%'))).orderBy(desc(s.buyers.createdAt)).limit(1);
    expect(visitor).toBeTruthy();
    const paidAt = new Date(Date.now() - 3 * 86_400_000);
    const [order] = await h.database.db.insert(s.orders).values({
      shopId: h.data.taobaoId, platformOrderNo: 'TB-PP-0001', buyerId: visitor!.id, buyerAccount: visitor!.platformAccount, state: '卖家已发货等待买家确认',
      totalFen: PP_PAID_FEN, paidFen: PP_PAID_FEN, orderedAt: paidAt, paidAt, shippedAt: new Date(paidAt.getTime() + 86_400_000), pickedUpAt: new Date(paidAt.getTime() + 86_400_000),
    }).returning();
    await h.database.db.insert(s.orderLines).values({ orderId: order!.id, lineNo: 1, itemId, sku: 'PP-2026', title: '羊毛混纺围巾', qty: 1, priceFen: PP_PAID_FEN });

    await buyer.locator('.dxe-input').fill('刚买就降价了，能补差价吗');
    await buyer.locator('.dxe-send').click();
    await expect.poll(() => buyer.locator('.dxe-list').textContent(), { timeout: 30_000 }).toContain('补差价40.00元');
    const list = (await buyer.locator('.dxe-list').textContent()) ?? '';
    expect(list).toContain('TB-PP-0001');
    expect(list).toContain('实付199.00元');
    expect(list).toContain('现价159.00元');
    // The answers' line breaks are line breaks: the buyer never reads a literal backslash-n.
    expect(list).not.toContain('\\n');
    await screenshot(buyer, 'widget-freight-price-protection');
    expect(pageErrors).toEqual([]);
  });
});
