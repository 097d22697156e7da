// C14 in Chromium: the reply box's 服务用语 picker lists the model phrases by category and puts the
// chosen one into the draft; a blaming phrase (D10) shows polite forms next to it, and clicking one
// replaces just the blaming stretch, after which the draft passes the guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

describe.skipIf(!hasChromium)('C14 model phrases in the reply box (Chromium)', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    page = await h.context.newPage();
    await login(page, h.baseUrl, 'agent1');
    await page.goto(`${h.baseUrl}/inbox/${h.data.waitingId}`);
    await page.getByTestId('take').click();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a blaming phrase gets polite forms; one click replaces only that stretch and the draft passes', async () => {
    const input = page.getByTestId('reply-input');
    await input.fill('是您自己选错了尺码，我们可以帮您换一件');
    await page.getByTestId('polite-form').first().waitFor();
    const offered = await page.getByTestId('polite-form').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.join('')).toContain('我');
    await screenshot(page, 'reply-polite-forms');
    await page.getByTestId('polite-form').first().click();
    const fixed = await input.inputValue();
    expect(fixed).toContain(offered[0] ?? '');
    expect(fixed).toContain('我们可以帮您换一件');
    expect(fixed).not.toContain('您自己选错');
    await expect.poll(() => page.getByTestId('guard-status').textContent()).toContain('合规检查通过');
  });

  it('the 服务用语 picker groups phrases by category and appends the chosen one to the draft', async () => {
    const input = page.getByTestId('reply-input');
    await input.fill('');
    await page.getByTestId('phrase-picker').hover();
    await page.getByTestId('phrase-item').first().waitFor();
    const menu = (await page.locator('.ant-dropdown:visible').textContent()) ?? '';
    for (const title of ['感同身受', '被重视', '用“我”代替“您”', '站在客户的角度']) expect(menu).toContain(title);
    const first = (await page.getByTestId('phrase-item').first().textContent()) ?? '';
    await page.getByTestId('phrase-item').first().click();
    expect(await input.inputValue()).toBe(first);
    await expect.poll(() => page.getByTestId('guard-status').textContent()).toContain('合规检查通过');
  });
});
