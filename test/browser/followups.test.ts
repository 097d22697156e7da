// Issue 14 in Chromium, in Chinese: a supervisor switches on 催付 (C8) in the 跟进 screen, sees the
// preview of who would receive what, confirms, and the reminder reaches the buyer's web-chat
// widget through the delivery port (the timer loop's follow-up step, run here once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { buyers, orderEvents, scheduledMessages, shops } from '../../src/store/schema/index.js';
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
    // R7: the reminder to confirm receipt is listed among the flows, on by default, 48 h after signing.
    await expect.poll(() => seller.getByTestId('flow-confirm_reminder').textContent()).toBe('签收未确认提醒');
    expect(await seller.getByTestId('flow-switch-confirm_reminder').getAttribute('aria-checked')).toBe('true');
    expect(await seller.getByTestId('flow-confirm_reminder').locator('xpath=ancestor::tr').textContent()).toContain('触发后 48 小时');
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
  });

  it('C8: the order drawer marks an unpaid order as 等待改价, and the 催付 preview shows that it waits', async () => {
    const orderedAt = new Date(Date.now() - 3_600_000);
    const { order } = await syncOrder(h.database, h.data.tmallId, {
      platformOrderNo: 'TM-AWAIT-1', buyerAccount: 'tm_await_phone', state: '等待买家付款', orderedAt, totalFen: 20900, shippingFen: 1000,
      lines: [{ title: '加绒连帽卫衣', qty: 1, priceFen: 19900 }],
    }, { kind: 'platform' }, orderedAt);
    // Logged in by the first test; on its own, log in first.
    if ((await seller.getByTestId('ws-status').count()) === 0) await login(seller, h.baseUrl, 'supervisor');
    await seller.goto(`${h.baseUrl}/orders?orderId=${encodeURIComponent(order.id)}`);
    const toggle = seller.getByTestId('order-price-change-toggle');
    await expect.poll(() => toggle.textContent(), { timeout: 15_000 }).toContain('标记等待改价');
    expect(await seller.getByTestId('order-price-change-hold').count()).toBe(0);
    await toggle.click();
    await expect.poll(() => seller.getByTestId('order-price-change-hold').count(), { timeout: 15_000 }).toBe(1);
    expect(await seller.getByTestId('order-price-change-hold').textContent()).toContain('客服已标记等待改价');
    await expect.poll(() => toggle.textContent()).toContain('取消等待改价');
    const events = await h.database.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.event, 'price_change_awaited')));
    expect(events).toHaveLength(1);
    await screenshot(seller, 'order-price-change-await');

    // The 催付 preview counts the order as waiting (the sender's own reading).
    await seller.goto(`${h.baseUrl}/followups`);
    await seller.getByTestId('followups-screen').waitFor();
    await seller.getByTestId('flow-preview-payment_reminder').click();
    await expect.poll(() => seller.getByTestId('preview-modal').textContent(), { timeout: 15_000 }).toContain('等待改价，暂缓催付 1');
    await screenshot(seller, 'followups-preview-price-change');
  });

  it('C9: the order drawer records the buyer\'s changes on a paid order; the memo stays and the 核对订单 follow-up stops', async () => {
    const paidAt = new Date(Date.now() - 60_000);
    const { order } = await syncOrder(h.database, h.data.tmallId, {
      platformOrderNo: 'TM-VERIFY-1', buyerAccount: 'tm_verify_drawer', state: '买家已付款等待卖家发货', orderedAt: new Date(paidAt.getTime() - 300_000), paidAt, totalFen: 19900,
      receiverName: '林小满', receiverPhone: '13712345678', receiverAddress: '广东省深圳市南山区科技园 8 栋', buyerNote: '周末送货',
      lines: [{ title: '加绒连帽卫衣', qty: 1, priceFen: 19900 }],
    }, { kind: 'platform' }, paidAt);
    if ((await seller.getByTestId('ws-status').count()) === 0) await login(seller, h.baseUrl, 'supervisor');
    await seller.goto(`${h.baseUrl}/orders?orderId=${encodeURIComponent(order.id)}`);
    const card = seller.getByTestId('order-verify');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('未核对');
    expect(await card.textContent()).toContain('周末送货');
    // Recording a change needs the change written down first.
    expect(await seller.getByTestId('order-verify-corrected').isDisabled()).toBe(true);
    await seller.getByTestId('order-verify-note').fill('地址改为南山区后海大道 2 号');
    await seller.getByTestId('order-verify-corrected').click();
    await expect.poll(() => seller.getByTestId('order-verified').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => seller.getByTestId('order-verify-memo').textContent()).toContain('买家有修改');
    expect(await seller.getByTestId('order-verify-memo').textContent()).toContain('后海大道');
    const rows = await h.database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.kind, 'order_verify')));
    expect(rows.map((r) => [r.state, r.outcome])).toEqual([['cancelled', 'stopped_verified']]);
    await screenshot(seller, 'order-verify');
  }, 120_000);

  it('S1: the supervisor edits the buyer notice in 设置; a rule-breaking line is flagged with its rule and not saved', async () => {
    const settingsOf = async () => {
      const [row] = await h.database.db.select({ settings: shops.settings }).from(shops).where(eq(shops.id, h.data.tmallId));
      return row!.settings as Record<string, unknown>;
    };
    // Logged in by the test above; on its own, log in first.
    await seller.goto(`${h.baseUrl}/settings`);
    await Promise.race([seller.getByTestId('settings').waitFor(), seller.getByTestId('login-name').waitFor()]);
    if ((await seller.getByTestId('login-name').count()) > 0) {
      await login(seller, h.baseUrl, 'supervisor');
      await seller.goto(`${h.baseUrl}/settings`);
    }
    await seller.getByTestId('settings').waitFor();
    await seller.getByRole('tab', { name: '买家须知' }).click();
    const editor = seller.getByTestId('notice-editor');
    await editor.waitFor();
    // The saved fields are loaded (the shop's defaults) and the notice is shown beside them.
    await expect.poll(() => seller.getByTestId('notice-field-shipCutoff').inputValue()).toBe('16:00');
    await expect.poll(() => seller.locator('[data-testid="notice-line"][data-field="reviewPolicy"]').count()).toBeGreaterThan(0);

    // A review policy promising cash for a good review: refused with D9, the line marked.
    await seller.getByTestId('notice-field-reviewPolicy').fill('收到货给五星好评，返现 5 元');
    await seller.getByTestId('notice-save').click();
    await expect.poll(() => seller.getByTestId('notice-error').textContent(), { timeout: 15_000 }).toContain('D9');
    expect(await seller.getByTestId('notice-error').textContent()).toContain('未保存');
    const line = seller.locator('[data-testid="notice-line"][data-field="reviewPolicy"]');
    expect(await line.getAttribute('data-flagged')).toBe('true');
    expect(await line.textContent()).toContain('返现 5 元');
    expect(await line.locator('[data-testid="notice-flag"]').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('（D9）')]));
    await screenshot(seller, 'settings-notice-flagged');
    expect((await settingsOf()).buyerNotice).toBeUndefined();

    // Rewritten honestly, with a cut-off and size tolerance of the shop's own: saved, the notice follows.
    await seller.getByTestId('notice-field-reviewPolicy').fill('请根据真实感受评价，有问题请先联系客服。');
    await seller.getByTestId('notice-field-shipCutoff').fill('17:00');
    await seller.getByTestId('notice-field-sizeToleranceCm').fill('1');
    await seller.getByTestId('notice-save').click();
    await expect.poll(async () => (await settingsOf()).shipCutoff, { timeout: 15_000 }).toBe('17:00');
    expect((await settingsOf()).buyerNotice).toMatchObject({ reviewPolicy: '请根据真实感受评价，有问题请先联系客服。', sizeToleranceCm: 1 });
    await expect.poll(() => seller.locator('[data-testid="notice-line"][data-field="shipCutoff"]').textContent()).toContain('17:00 前付款');
    expect(await seller.getByTestId('notice-error').count()).toBe(0);
    expect(await seller.locator('[data-testid="notice-line"][data-field="reviewPolicy"]').getAttribute('data-flagged')).toBe('false');
  });
});
