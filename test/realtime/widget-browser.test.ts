// The widget in real Chromium (playwright-core driving Debian chromium): the demo page, a buyer
// question answered by the bot, hostile text shown as text, history after a reload (visitor id in
// localStorage), an agent reply pushed live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/store/open-database.js';
import { buyers, conversations, messages } from '../../src/store/schema/index.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedWorld, tokenFor, type World } from '../helpers/fixtures.js';
import { hasChromium, openBrowser } from '../browser/fixture.js';

if (!hasChromium) console.warn('[skip] widget browser test: /usr/bin/chromium not installed');

describe.skipIf(!hasChromium)('widget in Chromium', () => {
  let database: Database;
  let app: FastifyInstance;
  let w: World;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), logger: false });
    w = await seedWorld(database);
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await openBrowser();
    context = await browser.newContext({ locale: 'zh-CN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await app?.close();
    await database?.close();
  });

  const bubbles = () => page.locator('.dxe-bubble').allTextContents();

  it('buyer asks, the bot answers; hostile text stays text; history survives a reload; agent replies arrive live', async () => {
    await page.goto(`${baseUrl}/widget/${w.shopA}/demo`);
    await page.getByRole('button', { name: '在线客服' }).click();
    await page.locator('.dxe-status', { hasText: '在线' }).waitFor();
    await page.locator('.dxe-input').fill('在吗？');
    await page.keyboard.press('Enter');
    await page.locator('.dxe-row:not(.dxe-me) .dxe-bubble').first().waitFor({ timeout: 20_000 });
    expect((await bubbles())[0]).toBe('在吗？');

    const hostile = '<img src=x onerror="window.__pwned=1">';
    await page.locator('.dxe-input').fill(hostile);
    await page.keyboard.press('Enter');
    await page.locator('.dxe-me:not(.dxe-pending) .dxe-bubble', { hasText: 'onerror' }).waitFor();
    expect(await page.locator('.dxe-panel img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const before = await bubbles();
    expect(before).toContain(hostile);

    const visitor = await page.evaluate((shop) => localStorage.getItem(`dxe-visitor-${shop}`), w.shopA);
    const [conv] = await database.db.select({ id: conversations.id }).from(conversations)
      .innerJoin(buyers, eq(buyers.id, conversations.buyerId)).where(eq(buyers.platformAccount, `web:${visitor}`));
    // A return visit shows the whole stored conversation, once, in order.
    await page.reload();
    await page.getByRole('button', { name: '在线客服' }).click();
    await page.locator('.dxe-status', { hasText: '在线' }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    const stored = await database.db.select({ text: messages.text }).from(messages)
      .where(eq(messages.conversationId, conv!.id)).orderBy(asc(messages.seq));
    await page.waitForFunction((n) => document.querySelectorAll('.dxe-bubble').length === n, stored.length);
    expect(await bubbles()).toEqual(stored.map((m) => m.text));
    expect(await bubbles()).toEqual(expect.arrayContaining(before));

    const token = await tokenFor(app, w.agentA.login);
    const res = await app.inject({
      method: 'POST', url: `/api/v1/conversations/${conv!.id}/messages`,
      headers: { authorization: `Bearer ${token}` }, payload: { text: '亲，我是客服小美，马上为您查询哦' },
    });
    expect(res.statusCode).toBe(201);
    await page.locator('.dxe-bubble', { hasText: '我是客服小美' }).waitFor();
    expect(await page.locator('.dxe-who').last().textContent()).toBe('客服');
  });

  it('the server goes away: the widget keeps what the buyer typed, reconnects with back-off and sends it', async () => {
    const port = new URL(baseUrl).port;
    // Chromium keeps a keep-alive connection Node does not count as idle; cut it like a crash would.
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await page.locator('.dxe-status', { hasText: '重连' }).waitFor();
    await page.locator('.dxe-input').fill('还在吗？我想问下发货时间');
    await page.keyboard.press('Enter');
    expect(await page.locator('.dxe-pending').count()).toBe(1);
    // The same store behind a new process on the same port.
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), logger: false });
    await app.listen({ port: Number(port), host: '127.0.0.1' });
    await page.locator('.dxe-status', { hasText: '在线' }).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelectorAll('.dxe-pending').length === 0, undefined, { timeout: 20_000 });
    const texts = await bubbles();
    expect(texts.filter((t) => t === '还在吗？我想问下发货时间')).toHaveLength(1);
  });
});
