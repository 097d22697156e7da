// Issue 15 in real Chromium: the rule overrides form (meaning, platform default, source, a
// Chinese error per field, a save that changes the shop's profile), disabling an agent, tabs by
// role, unread counts in the queue and the tab title, the shortcut overlay, the side panel's
// unpaid and closed orders, and a header that stays usable at 1024 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';
import { createApiToken } from '../../src/app/auth/auth.js';
import * as t from '../../src/store/schema/index.js';

describe.skipIf(!hasChromium)('settings and workbench basics in Chromium (issue 15)', () => {
  let h: Harness;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    // The waiting buyer also has an unpaid order and a closed one (side panel).
    const [conv] = await h.database.db.select().from(t.conversations).where((await import('drizzle-orm')).eq(t.conversations.id, h.data.waitingId));
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    await h.database.db.insert(t.orders).values([
      { shopId: h.data.tmallId, platformOrderNo: '4021337999900002', buyerId: conv!.buyerId, state: '等待买家付款', totalFen: 9900, paidFen: 0, orderedAt: ago(600) },
      // Issue 15: an order kept in US dollars (as an AliExpress export gives it): shown in USD, never converted.
      { shopId: h.data.tmallId, platformOrderNo: '8800000000000001', buyerId: conv!.buyerId, state: '买家已付款,等待卖家发货', totalFen: 0, paidFen: 0, currency: 'USD', totalMinor: 2599, paidMinor: 2599, orderedAt: ago(3000), paidAt: ago(2900) },
      { shopId: h.data.tmallId, platformOrderNo: '4021337999900003', buyerId: conv!.buyerId, state: '交易关闭', totalFen: 5000, paidFen: 5000, orderedAt: ago(86400 * 3), paidAt: ago(86400 * 3), closedAt: ago(86400 * 2) },
    ]);
    page = await h.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await h?.close();
  });

  const logout = async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${h.baseUrl}/login`);
  };

  it('an agent sees only the tabs their role can use', async () => {
    await login(page, h.baseUrl, 'agent1');
    const nav = page.getByTestId('nav');
    await expect.poll(() => nav.textContent()).toContain('接待');
    await page.goto(`${h.baseUrl}/settings`);
    await page.getByTestId('settings').waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['店铺例句']);
    await screenshot(page, 'settings-agent-tabs');
    await logout();
    await login(page, h.baseUrl, 'supervisor');
    await page.goto(`${h.baseUrl}/settings`);
    await page.getByTestId('settings').waitFor();
    const supTabs = await page.getByRole('tab').allTextContents();
    expect(supTabs).toContain('客服账号');
    expect(supTabs).toContain('标准话术');
    expect(supTabs).not.toContain('规则覆盖');
    expect(supTabs).not.toContain('API 令牌');
    // A supervisor lists agents but has no edit or disable buttons (admins only).
    await page.getByRole('tab', { name: '客服账号' }).click();
    await page.getByTestId('agent-status-agent2').waitFor();
    expect(await page.getByTestId('agent-disable-agent2').count()).toBe(0);
    await logout();
  });

  it('rule overrides as a form: meaning, platform default and source; a Chinese error per field; a save changes the profile', async () => {
    await login(page, h.baseUrl, 'admin');
    await page.goto(`${h.baseUrl}/settings`);
    await page.getByTestId('settings').waitFor();
    await page.getByRole('tab', { name: '规则覆盖' }).click();
    const form = page.getByTestId('rule-form');
    await form.waitFor();
    const row = form.locator('tr').filter({ hasText: 'shipping.ship_by_hours' });
    await expect.poll(() => row.textContent()).toContain('付款后必须发货的时限');
    expect(await row.textContent()).toContain('72');
    expect(await page.getByTestId('rule-source-shipping.ship_by_hours').textContent()).toBe('O3 · 种子 001');
    const input = page.locator('input[aria-label^="付款后必须发货的时限"]');
    await input.fill('-5');
    await input.blur();
    await expect.poll(() => page.getByTestId('rule-error-shipping.ship_by_hours').textContent()).toContain('应不少于 1 小时');
    await screenshot(page, 'settings-rule-form-error');
    await page.getByTestId('rule-save').click();
    await expect.poll(async () => (await h.database.query<{ o: unknown }>('select rule_overrides as o from shops where id = $1', [h.data.tmallId]))[0]!.o).toEqual({});
    await input.fill('24');
    await input.blur();
    await expect.poll(() => page.getByTestId('rule-error-shipping.ship_by_hours').count()).toBe(0);
    await page.getByTestId('rule-save').click();
    await expect
      .poll(async () => (await h.database.query<{ o: unknown }>('select rule_overrides as o from shops where id = $1', [h.data.tmallId]))[0]!.o)
      .toEqual({ shipping: { ship_by_hours: 24 } });
    await expect.poll(() => row.textContent()).toContain('已覆盖');
    await screenshot(page, 'settings-rule-form');
    // The advanced view shows the same override as JSON.
    await page.getByRole('tab', { name: '高级：JSON 视图' }).click();
    await expect.poll(() => page.getByTestId('rule-json').inputValue()).toContain('"ship_by_hours": 24');
  });

  it('disabling an agent: their open screen returns to the login, their login ends and they cannot log in again', async () => {
    const res = await fetch(`${h.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'agent2', password: 'dxe-demo' }) });
    const { token } = (await res.json()) as { token: string };
    // agent2 also has the workbench open in another tab (the admin's tab keeps its own login in memory).
    const theirs = await h.context.newPage();
    await theirs.goto(`${h.baseUrl}/login`);
    await theirs.evaluate(() => localStorage.clear());
    await login(theirs, h.baseUrl, 'agent2');
    await expect.poll(() => theirs.getByTestId('ws-status').textContent()).toContain('实时连接正常');
    await page.getByRole('tab', { name: '客服账号' }).click();
    await page.getByTestId('agent-disable-agent2').click();
    await page.locator('.agent-disable-confirm').click();
    await expect.poll(() => page.getByTestId('agent-status-agent2').textContent()).toBe('已停用');
    await screenshot(page, 'settings-agent-disabled');
    const me = await fetch(`${h.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    // Their screen is back at the login within moments (the realtime gateway closed their socket).
    await theirs.getByTestId('login-name').waitFor({ timeout: 10_000 });
    await theirs.close();
    await logout();
    await page.getByTestId('login-name').fill('agent2');
    await page.getByTestId('login-password').fill('dxe-demo');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
  });

  it('unread counts per chat and in the tab title; the side panel shows 未付款 and leaves closed orders out; ? shows the shortcuts', async () => {
    await login(page, h.baseUrl, 'agent1');
    await page.goto(`${h.baseUrl}/inbox/${h.data.waitingId}`);
    await page.getByTestId('chat-buyer').waitFor();
    await expect.poll(() => page.getByTestId('ws-status').textContent()).toContain('实时连接正常');
    // Side panel: the unpaid order shows its price as 未付款, the closed one is not at stake.
    const amounts = page.getByTestId('side-order-amount');
    await expect.poll(() => amounts.allTextContents()).toContain('未付款（下单价 ¥99.00）');
    expect(await page.getByTestId('side-at-stake').textContent()).toContain('¥159.00');
    // A buyer message arrives in another chat.
    const [other] = await h.database.query<{ account: string }>('select b.platform_account as account from conversations c join buyers b on b.id = c.buyer_id where c.id = $1', [h.data.xssId]);
    const bridge = await createApiToken(h.database, { orgId: h.data.orgId, shopId: h.data.tmallId, name: 'browser bridge', scopes: ['bridge'] });
    for (const n of [1, 2]) {
      const r = await fetch(`${h.baseUrl}/api/v1/shops/${h.data.tmallId}/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
        body: JSON.stringify({ buyer_account_id: other!.account, message_id: `unread-${n}`, text: `还在吗？第${n}次问` }),
      });
      expect(r.status).toBeLessThan(300);
    }
    const row = page.locator(`[data-conversation-id="${h.data.xssId}"]`);
    await expect.poll(() => row.getByTestId('queue-unread').textContent().catch(() => null), { timeout: 10_000 }).toBe('2');
    await expect.poll(() => page.title()).toMatch(/^\(2\) /);
    await screenshot(page, 'inbox-unread');
    await row.click();
    await expect.poll(() => row.getByTestId('queue-unread').count()).toBe(0);
    await expect.poll(() => page.title()).not.toMatch(/^\(/);
    // The shortcut overlay.
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('shortcut-table').textContent()).toContain('下一个会话');
    await page.keyboard.press('Escape');
    // Alt+N goes to the next chat of the queue.
    const before = page.url();
    await page.keyboard.press('Alt+KeyN');
    await expect.poll(() => page.url()).not.toBe(before);
  });

  it('the header stays usable at 1024 px: every tab and the account menu are on screen; a USD order shows in USD on the orders screen', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${h.baseUrl}/inbox`);
    const header = page.getByTestId('app-header');
    await header.waitFor();
    const overflow = await header.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const label of ['接待', '订单', '售后', '评价', '跟进', '数据', '培训', '设置']) {
      const item = page.getByTestId('nav').locator('.ant-menu-item').filter({ hasText: label });
      const box = await item.boundingBox();
      expect(box, label).not.toBeNull();
      expect(box!.x + box!.width, label).toBeLessThanOrEqual(1024);
    }
    const more = page.getByTestId('header-more');
    const box = await more.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    // The orders screen shows the USD order in USD.
    await page.goto(`${h.baseUrl}/orders`);
    const usd = page.locator('[data-testid="order-amount"][data-currency="USD"]').first();
    await expect.poll(() => usd.textContent().catch(() => ''), { timeout: 15_000 }).toMatch(/US\$\s?25\.99/);
    await page.goto(`${h.baseUrl}/inbox`);
    await header.waitFor();
    await more.click();
    await expect.poll(() => page.getByRole('menuitem', { name: '退出' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'header-1024');
    await page.keyboard.press('Escape');
    // The chat header at 1024 px: the shop name on one line, the buyer's name whole, every button inside the chat column.
    const chatHeaderFits = async () => {
      await page.goto(`${h.baseUrl}/inbox/${h.data.waitingId}`);
      const chatHeader = page.getByTestId('chat-header');
      await page.getByTestId('chat-buyer').waitFor();
      const right = (await chatHeader.boundingBox())!;
      expect((await page.getByTestId('chat-shop').boundingBox())!.height).toBeLessThan(30);
      expect(await page.getByTestId('chat-buyer').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      for (const b of await page.getByTestId('chat-actions').locator('button').all()) {
        const bb = (await b.boundingBox())!;
        expect(bb.x + bb.width, await b.textContent() ?? '').toBeLessThanOrEqual(right.x + right.width);
      }
    };
    await chatHeaderFits();
    // English, at 1024 and 1440 px: no tab folds into "…", the chat header still fits.
    await page.evaluate(() => localStorage.setItem('dxe.locale', 'en'));
    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: 768 });
      await chatHeaderFits();
      const hidden = await page.getByTestId('nav').evaluate((nav) =>
        [...nav.querySelectorAll('.ant-menu-overflow-item')].filter((el) => getComputedStyle(el).display !== 'none' && (getComputedStyle(el).opacity === '0') !== el.classList.contains('ant-menu-overflow-item-rest')).length);
      await screenshot(page, `header-en-${width}`);
      expect(hidden, `folded tabs at ${width}`).toBe(0);
      for (const label of ['Inbox', 'Settings']) {
        const box = await page.getByTestId('nav').locator('.ant-menu-item').filter({ hasText: label }).boundingBox();
        expect(box!.x + box!.width, label).toBeLessThanOrEqual(width);
      }
    }
    await page.evaluate(() => localStorage.setItem('dxe.locale', 'zh-CN'));
    expect(pageErrors).toEqual([]);
  });
});
