// O7 in real Chromium: a supervisor opens 设置 › 物流异常, sees the built-in holiday calendar, adds
// a 暴雪 disruption for 浙江 and 江苏 from today to the day after tomorrow, and the table shows what
// buyers will read ("受浙江、江苏暴雪天气影响") while the server holds the entry; an entry with the
// cause 其他 and no note is refused with the server's Chinese reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { beijingDayKey } from '../../src/core/time/beijing-time.js';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

describe.skipIf(!hasChromium)('设置 › 物流异常 in Chromium (O7)', () => {
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

  const pickProvinces = async (names: string[]) => {
    await page.getByTestId('dis-provinces').click();
    for (const name of names) {
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Escape');
  };
  const pickSpan = async (from: string, to: string) => {
    const inputs = page.getByTestId('dis-span').locator('input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
  };

  it('O7: adds a disruption and shows what buyers read; 其他 without a note gets the server reason', async () => {
    await login(page, h.baseUrl, 'supervisor');
    await page.goto(`${h.baseUrl}/settings`);
    await page.getByTestId('settings').waitFor();
    await page.getByRole('tab', { name: '物流异常' }).click();
    await page.getByTestId('disruptions').waitFor();
    // The rules' calendar is listed beside the shop's entries (春节 courier pause, seed 004).
    expect(await page.getByTestId('disruptions').textContent()).toContain('春节快递停运');

    const now = new Date();
    const from = beijingDayKey(now);
    const to = beijingDayKey(now, 2);
    await pickProvinces(['浙江', '江苏']);
    await pickSpan(from, to);
    await page.getByTestId('dis-add').click();
    await page.getByText('已保存').first().waitFor();
    const phrase = page.getByTestId('dis-phrase');
    await expect.poll(() => phrase.first().textContent(), { timeout: 15_000 }).toBe('受浙江、江苏暴雪天气影响');
    expect(await page.getByTestId('dis-table').textContent()).toContain('进行中');
    const rows = await h.database.query<{ provinces: string[]; from_day: string; to_day: string; cause: string }>(
      `select provinces, from_day, to_day, cause from logistics_disruptions`,
      [],
    );
    expect(rows).toEqual([{ provinces: ['浙江', '江苏'], from_day: from, to_day: to, cause: 'blizzard' }]);
    await screenshot(page, 'settings-logistics-disruptions');

    // 其他 needs a note buyers can read: refused by the server, its reason shown.
    await pickProvinces(['海南']);
    await pickSpan(from, to);
    await page.getByTestId('dis-cause').click();
    await page.getByTitle('其他').click();
    await page.getByTestId('dis-add').click();
    const error = page.getByTestId('dis-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('原因选择「其他」时请填写说明');
    expect(await h.database.query(`select id from logistics_disruptions`, [])).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
