// Issue 14 in Chromium, in Chinese: a supervisor writes the perk of the 老客 tier in the 客户
// screen (M2); a web-chat buyer with two paid orders asks about offers and the bot offers the perk
// on the widget; an agent opens the buyer's profile (M1: tier, perk, purchases; phone masked),
// edits notes and tags, saves, and the change is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { syncOrder } from '../../src/app/orders/orders.js';
import { buyers } from '../../src/store/schema/index.js';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

const PERK = '新品首发享老客 9 折';

describe.skipIf(!hasChromium)('客户 in Chromium: a VIP perk offered by the bot, notes and tags edited (M1, M2)', () => {
  let h: Harness;
  let buyer: Page;
  let seller: Page;

  beforeAll(async () => {
    h = await startHarness();
    buyer = await h.context.newPage();
    seller = await h.context.newPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openBuyers(page: Page) {
    await page.getByText('客户', { exact: true }).click();
    await page.getByTestId('buyers-screen').waitFor();
    // The tmall shop (a supervisor sees both shops).
    await page.getByTestId('buyers-screen').locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '小二服饰旗舰店' }).click();
    await page.getByTestId('vip-tiers').waitFor();
  }

  it('the supervisor sets the 老客 perk; the bot offers it to a buyer with two paid orders; an agent edits notes and tags', async () => {
    // M2: the supervisor writes the perk of the first tier (老客, project default: 2 paid orders).
    await login(seller, h.baseUrl, 'supervisor');
    await openBuyers(seller);
    expect(await seller.getByTestId('vip-tiers').textContent()).toContain('项目默认门槛');
    await seller.getByTestId('vip-perk').first().fill(PERK);
    await seller.getByTestId('vip-save').click();
    await expect.poll(() => seller.getByText('会员等级已保存').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => seller.getByTestId('vip-tiers').textContent()).toContain('店铺自定义的会员等级');

    // A web-chat buyer says hello; then two paid, finished orders of theirs arrive from the marketplace.
    await buyer.goto(`${h.baseUrl}/widget/${h.data.tmallId}/demo`);
    await buyer.locator('.dxe-btn').click();
    await expect.poll(() => buyer.locator('.dxe-status').textContent()).toBe('在线');
    await buyer.locator('.dxe-input').fill('在吗');
    await buyer.locator('.dxe-send').click();
    await expect.poll(() => buyer.locator('.dxe-row:not(.dxe-me)').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await buyer.locator('.dxe-list').textContent()).not.toContain(PERK);
    const [visitor] = await h.database.db.select().from(buyers)
      .where(and(eq(buyers.shopId, h.data.tmallId), like(buyers.platformAccount, 'web:%'))).orderBy(desc(buyers.createdAt)).limit(1);
    const t = Date.now();
    for (const n of [1, 2]) {
      await syncOrder(h.database, h.data.tmallId, {
        platformOrderNo: `TM-VIP-${n}`, buyerAccount: visitor!.platformAccount, state: '交易成功',
        orderedAt: new Date(t - (40 - n) * 86_400_000), paidAt: new Date(t - (40 - n) * 86_400_000), shippedAt: new Date(t - (38 - n) * 86_400_000),
        completedAt: new Date(t - 30 * 86_400_000), lines: [{ title: '加绒连帽卫衣', qty: 1, priceFen: 19900 }], totalFen: 19900,
      }, { kind: 'platform' }, new Date(t - 30 * 86_400_000));
    }
    // The buyer asks about offers: the bot offers the tier's perk on the widget.
    await buyer.locator('.dxe-input').fill('最近有什么优惠活动吗');
    await buyer.locator('.dxe-send').click();
    await expect.poll(() => buyer.locator('.dxe-list').textContent(), { timeout: 20_000 }).toContain(PERK);
    expect(await buyer.locator('.dxe-list').textContent()).toContain('老客');
    await screenshot(buyer, 'buyers-vip-perk-widget');

    // M1: an agent of the shop opens the buyer in 客户, sees tier, perk and purchases (phone masked), edits notes and tags.
    // The pages share one browser profile: the supervisor's page is done, its stored login goes.
    await seller.close();
    const agent = await h.context.newPage();
    await agent.goto(`${h.baseUrl}/login`);
    await agent.evaluate(() => localStorage.clear());
    await login(agent, h.baseUrl, 'agent1');
    await agent.getByText('客户', { exact: true }).click();
    await agent.getByTestId('buyers-screen').waitFor();
    await agent.getByTestId('buyer-segments').getByText('老客', { exact: false }).click();
    const row = agent.getByTestId('buyer-row').filter({ hasText: visitor!.platformAccount });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.click();
    const profile = agent.getByTestId('buyer-profile');
    await profile.waitFor();
    await expect.poll(() => agent.getByTestId('buyer-tier').textContent(), { timeout: 15_000 }).toBe('老客');
    expect(await agent.getByTestId('buyer-perks').textContent()).toContain(PERK);
    expect(await agent.getByTestId('buyer-purchases').textContent()).toContain('TM-VIP-1');
    expect(await profile.textContent()).toContain('手机号和地址已按权限隐藏');
    await agent.getByTestId('buyer-notes').fill('喜欢宽松款，偏好黑色');
    await agent.getByTestId('buyer-occupation').fill('设计师');
    await agent.getByTestId('buyer-tags').click();
    await agent.keyboard.type('回头客');
    await agent.keyboard.press('Enter');
    await agent.getByTestId('buyer-save').click();
    await expect.poll(() => agent.getByText('客户档案已保存').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(agent, 'buyers-profile');
    const [stored] = await h.database.db.select().from(buyers).where(eq(buyers.id, visitor!.id));
    expect(stored!.notes).toBe('喜欢宽松款，偏好黑色');
    expect(stored!.occupation).toBe('设计师');
    expect(stored!.tags).toEqual(['回头客']);
    // The tag is a segment now.
    await agent.keyboard.press('Escape');
    await agent.getByTestId('buyer-tag-filter').locator('input').fill('回头客');
    await agent.getByTestId('buyer-tag-filter').locator('input').press('Enter');
    await expect.poll(() => agent.getByTestId('buyer-table').textContent(), { timeout: 15_000 }).toContain(visitor!.platformAccount);
  });
});
