// Issue 14 in Chromium, in Chinese: a supervisor switches on 催付 (C8) in the 跟进 screen, sees the
// preview of who would receive what, confirms, and the reminder reaches the buyer's web-chat
// widget through the delivery port (the timer loop's follow-up step, run here once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { buyers, scheduledMessages } from '../../src/store/schema/index.js';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

/** The next moment it is 10:00 in Beijing (outside the buyer's quiet hours, F3). */
function nextBeijingTen(after: Date): Date {
  const d = new Date(after);
  d.setUTCHours(2, 0, 0, 0); // 10:00 Beijing is 02:00 UTC
  if (d.getTime() <= after.getTime()) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

describe.skipIf(!hasChromium)('跟进 in Chromium: 催付 switched on with its preview reaches the widget (C8, F3)', () => {
  let h: Harness;
  let buyer: Page;
  let seller: Page;
  let token = '';

  beforeAll(async () => {
    h = await startHarness();
    buyer = await h.context.newPage();
    seller = await h.context.newPage();
    const res = await fetch(`${h.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'supervisor', password: 'dxe-demo' }) });
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the supervisor previews and switches on 催付; the buyer reads the reminder on the widget', async () => {
    // 催付 off to start with, so switching it on is the seller's act.
    const off = await fetch(`${h.baseUrl}/api/v1/shops/${h.data.tmallId}/followups/flows`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ flow: 'payment_reminder', enabled: false }),
    });
    expect(off.status).toBe(200);

    // A web-chat buyer says hello, then places an order and does not pay.
    await buyer.goto(`${h.baseUrl}/widget/${h.data.tmallId}/demo`);
    await buyer.locator('.dxe-btn').click();
    await expect.poll(() => buyer.locator('.dxe-status').textContent()).toBe('在线');
    await buyer.locator('.dxe-input').fill('在吗');
    await buyer.locator('.dxe-send').click();
    await expect.poll(() => buyer.locator('.dxe-row:not(.dxe-me)').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const [visitor] = await h.database.db.select().from(buyers)
      .where(and(eq(buyers.shopId, h.data.tmallId), like(buyers.platformAccount, 'web:%'))).orderBy(desc(buyers.createdAt)).limit(1);
    const orderedAt = new Date(Date.now() - 3 * 3_600_000);
    await syncOrder(h.database, h.data.tmallId, {
      platformOrderNo: 'TM-WIDGET-1', buyerAccount: visitor!.platformAccount, state: '等待买家付款', orderedAt,
      lines: [{ title: '加绒连帽卫衣', qty: 1, priceFen: 19900 }],
    }, { kind: 'platform' }, orderedAt);
    expect(await h.database.db.select().from(scheduledMessages).where(eq(scheduledMessages.shopId, h.data.tmallId))).toEqual([]);

    // The seller opens 跟进, switches 催付 on, and sees the preview first.
    await login(seller, h.baseUrl, 'supervisor');
    await seller.getByText('跟进', { exact: true }).click();
    await seller.getByTestId('followups-screen').waitFor();
    await seller.getByTestId('flow-switch-payment_reminder').click();
    const summary = seller.getByTestId('preview-summary');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('共 1 个订单，将发送 1 条消息');
    const modal = seller.getByTestId('preview-modal');
    expect(await modal.textContent()).toContain('TM-WIDGET-1');
    expect(await modal.textContent()).toContain('加绒连帽卫衣');
    await screenshot(seller, 'followups-preview');
    await seller.getByTestId('preview-confirm').click();
    await expect.poll(() => seller.getByText('已开启「催付」').count()).toBeGreaterThan(0);
    await expect.poll(() => seller.getByTestId('flow-switch-payment_reminder').getAttribute('aria-checked')).toBe('true');

    // The timer loop's follow-up step (run once here, at a daytime hour for the buyer).
    const sent = await runDueFollowups(h.database, { now: nextBeijingTen(new Date()), workerId: 'browser-test', bus: h.app.ctx.bus });
    expect(sent.map((s) => [s.flow, s.outcome])).toEqual([['payment_reminder', 'sent']]);
    await expect.poll(() => buyer.locator('.dxe-list').textContent(), { timeout: 15_000 }).toContain('还没有付款');
    expect(await buyer.locator('.dxe-list').textContent()).toContain('加绒连帽卫衣');
    await screenshot(buyer, 'followups-widget');

    // The sent log shows it.
    await seller.getByText('发送记录').click();
    await expect.poll(() => seller.getByTestId('followup-log').textContent(), { timeout: 15_000 }).toContain('TM-WIDGET-1');
    expect(await seller.getByTestId('followup-log').textContent()).toContain('已发送');
  }, 120_000);
});
