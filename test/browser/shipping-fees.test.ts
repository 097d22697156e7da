// O6 in real Chromium: a supervisor opens 设置 › 运费模板, sees the rules' example, 试算 gives the
// example's fee, changes the 新疆 group's prices (试算 follows at once), saves, and the server then
// holds the shop's own table; a group without provinces is refused with the server's Chinese reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

describe.skipIf(!hasChromium)('设置 › 运费模板 in Chromium (O6)', () => {
  let h: Harness;
  let page: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
    page = await h.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await h?.close();
  });
  /** The <input> of an antd InputNumber carrying `testId` (on the input or around it). */
  const input = (testId: string) => page.locator(`[data-testid="${testId}"]`).locator('xpath=self::input|descendant::input').first();

  it('edits a group, 试算 follows, saves; an empty group shows the server reason', async () => {
    await login(page, h.baseUrl, 'supervisor');
    await page.goto(`${h.baseUrl}/settings`);
    await page.getByTestId('settings').waitFor();
    await page.getByRole('tab', { name: '运费模板' }).click();
    await page.getByTestId('shipping-fees').waitFor();
    const result = page.getByTestId('fee-trial-result');
    // The rules' example (seed 004): 新疆 18 + 1 extra kg × 8 for 2 kg.
    await expect.poll(() => result.textContent()).toBe('运费 26 元');
    // The 新疆 group is the third of the example.
    await input('fee-group-2-first').fill('20');
    await input('fee-group-2-extra').fill('9');
    await input('fee-group-2-extra').blur();
    await expect.poll(() => result.textContent()).toBe('运费 29 元');
    await page.getByTestId('fee-save').click();
    await page.getByText('已保存').first().waitFor();
    // The server holds the shop's own table now.
    const saved = await h.database.query<{ fees: { regions: { provinces: string[]; first: number; extra_per_kg: number | null }[] } }>(
      `select settings->'shippingFees' as fees from shops where settings ? 'shippingFees'`,
      [],
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fees.regions.find((r) => r.provinces.includes('新疆'))).toMatchObject({ first: 20, extra_per_kg: 9 });
    await screenshot(page, 'settings-shipping-fees');

    await page.getByTestId('fee-add-group').click();
    await page.getByTestId('fee-save').click();
    const error = page.getByTestId('fee-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/运费模板有误：第 \d+ 组没有选择省份/);
    expect(pageErrors).toEqual([]);
  });
});
