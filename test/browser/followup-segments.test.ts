// Issue 14 in Chromium (F4, M2): a supervisor points 老客回访 at a segment — the buyers tagged
// 回头客 — in the preview of the 跟进 screen, sees the preview count for that segment only, switches
// the flow on, and when the timer loop's follow-up step runs only the tagged buyer's web-chat
// widget receives the re-visit message; the other loyal buyer's widget gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { buyers, scheduledMessages } from '../../src/store/schema/index.js';
import { hasChromium, login, pickOption, screenshot, startHarness, type Harness } from './fixture.js';

const DAY = 86_400_000;

/** The next moment it is 10:00 in Beijing (outside the buyer's quiet hours, F3). */
function nextBeijingTen(after: Date): Date {
  const d = new Date(after);
  d.setUTCHours(2, 0, 0, 0);
  if (d.getTime() <= after.getTime()) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

describe.skipIf(!hasChromium)('跟进 in Chromium: 老客回访 to a chosen segment reaches only that segment (F4, M2)', () => {
  let h: Harness;
  let tagged: Page;
  let other: Page;
  let seller: Page;
  let otherContext: BrowserContext;
  let token = '';

  beforeAll(async () => {
    h = await startHarness();
    tagged = await h.context.newPage();
    // A second visitor needs a browser of their own (the widget keeps its visitor id in storage).
    otherContext = await h.context.browser()!.newContext();
    other = await otherContext.newPage();
    seller = await h.context.newPage();
    const res = await fetch(`${h.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'supervisor', password: 'dxe-demo' }) });
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await otherContext?.close();
    await h?.close();
  });

  /** A web-chat buyer says hello; returns their buyer row. */
  async function visitor(page: Page) {
    await page.goto(`${h.baseUrl}/widget/${h.data.tmallId}/demo`);
    await page.locator('.dxe-btn').click();
    await expect.poll(() => page.locator('.dxe-status').textContent()).toBe('在线');
    await page.locator('.dxe-input').fill('在吗');
    await page.locator('.dxe-send').click();
    await expect.poll(() => page.locator('.dxe-row:not(.dxe-me)').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const [b] = await h.database.db.select().from(buyers)
      .where(and(eq(buyers.shopId, h.data.tmallId), like(buyers.platformAccount, 'web:%'))).orderBy(desc(buyers.createdAt)).limit(1);
    return b!;
  }

  /** Two finished orders; the second finished 30.5 days ago, so the re-visit (30 days after) is due. */
  async function loyal(account: string, prefix: string) {
    const now = Date.now();
    for (const [i, days] of [[1, 60], [2, 30.5]] as const) {
      const done = new Date(now - days * DAY);
      await syncOrder(h.database, h.data.tmallId, {
        platformOrderNo: `${prefix}-${i}`, buyerAccount: account, state: '交易成功', orderedAt: new Date(done.getTime() - 8 * DAY),
        paidAt: new Date(done.getTime() - 8 * DAY), shippedAt: new Date(done.getTime() - 6 * DAY), completedAt: done,
        lines: [{ title: '羊绒围巾', qty: 1, priceFen: 29900 }], totalFen: 29900,
      }, { kind: 'platform' }, done);
    }
  }

  it('the supervisor picks the 回头客 segment, sees its count, switches on; only that buyer gets the message', async () => {
    const off = await fetch(`${h.baseUrl}/api/v1/shops/${h.data.tmallId}/followups/flows`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ flow: 'revisit', enabled: false }),
    });
    expect(off.status).toBe(200);

    const a = await visitor(tagged);
    const b = await visitor(other);
    expect(a.id).not.toBe(b.id);
    await loyal(a.platformAccount, 'TM-SEG-A');
    await loyal(b.platformAccount, 'TM-SEG-B');
    // The seller tagged one of them 回头客 on the 客户 screen (the profile's API here).
    const tag = await fetch(`${h.baseUrl}/api/v1/buyers/${a.id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ tags: ['回头客'] }),
    });
    expect(tag.status).toBe(200);

    await login(seller, h.baseUrl, 'supervisor');
    await seller.getByText('跟进', { exact: true }).click();
    await seller.getByTestId('followups-screen').waitFor();
    await seller.getByTestId('flow-switch-revisit').click();
    const summary = seller.getByTestId('preview-summary');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/共 \d+ 个订单/);
    await seller.getByTestId('segment-picker').waitFor();
    await pickOption(seller, 'segment-tags', '回头客');
    await expect.poll(() => seller.getByTestId('preview-segment').textContent(), { timeout: 15_000 }).toContain('标签：回头客');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('共 1 个订单，将发送 1 条消息');
    const modal = seller.getByTestId('preview-modal');
    expect(await modal.textContent()).toContain('TM-SEG-A-2');
    expect(await modal.textContent()).not.toContain('TM-SEG-B');
    await screenshot(seller, 'followups-segment-preview');
    await seller.getByTestId('preview-confirm').click();
    await expect.poll(() => seller.getByText('已开启「老客回访」').count()).toBeGreaterThan(0);
    await expect.poll(() => seller.getByTestId('flow-segment-revisit').textContent()).toContain('回头客');

    // The timer loop's follow-up step, once, at a daytime hour for the buyers.
    const fired = await runDueFollowups(h.database, { now: nextBeijingTen(new Date()), workerId: 'browser-segment', bus: h.app.ctx.bus });
    const mine = fired.filter((f) => f.flow === 'revisit');
    expect(mine.filter((f) => f.outcome === 'sent')).toHaveLength(1);
    const rows = await h.database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.shopId, h.data.tmallId), eq(scheduledMessages.kind, 'revisit')));
    expect(rows.find((r) => r.buyerId === a.id)).toMatchObject({ state: 'sent' });
    expect(rows.find((r) => r.buyerId === b.id)).toMatchObject({ state: 'cancelled', outcome: 'outside_segment' });

    await expect.poll(() => tagged.locator('.dxe-list').textContent(), { timeout: 15_000 }).toContain('好久不见');
    await screenshot(tagged, 'followups-segment-widget');
    // The other buyer's widget: still only the bot's answer to their hello.
    await other.waitForTimeout(1500);
    expect(await other.locator('.dxe-list').textContent()).not.toContain('好久不见');
  });
});
