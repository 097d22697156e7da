// F4 老客回访 by phone in Chromium (seed 000: 定期回访顾客，用打电话……的方式关心客户): the shop's
// re-visit goes by phone, the timer loop's follow-up step turns the due re-visit into a call task,
// and an agent works it on the 跟进 screen's 回访电话 tab: the number masked, 查看号码 (audited),
// 未接通 recorded with a note (the task stays open for another call), then 已接通 with a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { auditLog, revisitCalls, scheduledMessages } from '../../src/store/schema/index.js';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

const DAY = 86_400_000;

/** The next moment it is 10:00 in Beijing (outside the buyer's quiet hours, F3). */
function nextBeijingTen(after: Date): Date {
  const d = new Date(after);
  d.setUTCHours(2, 0, 0, 0);
  if (d.getTime() <= after.getTime()) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

describe.skipIf(!hasChromium)('跟进 in Chromium: an agent records a re-visit call (F4, F3)', () => {
  let h: Harness;
  let agent: Page;
  let token = '';

  beforeAll(async () => {
    h = await startHarness();
    agent = await h.context.newPage();
    const res = await fetch(`${h.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'supervisor', password: 'dxe-demo' }) });
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('F4: the call task shows the number masked; 查看号码 is audited; 未接通 keeps it open, 已接通 closes it', async () => {
    const channel = await fetch(`${h.baseUrl}/api/v1/shops/${h.data.tmallId}/followups/flows`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ flow: 'revisit', enabled: true, channel: 'phone' }),
    });
    expect(channel.status, await channel.text()).toBe(200);
    // A loyal buyer: two finished orders, the latest 30.5 days ago (the re-visit is due).
    const now = Date.now();
    for (const [i, days] of [[1, 60], [2, 30.5]] as const) {
      const done = new Date(now - days * DAY);
      await syncOrder(h.database, h.data.tmallId, {
        platformOrderNo: `TM-CALL-${i}`, buyerAccount: 'tm_call_buyer', state: '交易成功', orderedAt: new Date(done.getTime() - 8 * DAY),
        paidAt: new Date(done.getTime() - 8 * DAY), shippedAt: new Date(done.getTime() - 6 * DAY), completedAt: done, receiverPhone: '13812345678',
        lines: [{ title: '羊绒围巾', qty: 1, priceFen: 29900 }], totalFen: 29900,
      }, { kind: 'platform' }, done);
    }
    const fired = await runDueFollowups(h.database, { now: nextBeijingTen(new Date()), workerId: 'browser-calls', bus: h.app.ctx.bus });
    expect(fired.filter((f) => f.flow === 'revisit').map((f) => f.outcome)).toContain('call_task');
    const [row] = await h.database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.shopId, h.data.tmallId), eq(scheduledMessages.kind, 'revisit'), eq(scheduledMessages.outcome, 'call_task')));
    const [task] = await h.database.db.select().from(revisitCalls).where(eq(revisitCalls.scheduledId, row!.id));
    expect(task).toBeTruthy();

    await login(agent, h.baseUrl, 'agent1');
    await agent.getByText('跟进', { exact: true }).click();
    await agent.getByTestId('followups-screen').waitFor();
    await agent.getByRole('tab', { name: '回访电话' }).click();
    const phone = agent.getByTestId(`call-phone-${task!.id}`);
    await expect.poll(() => phone.textContent(), { timeout: 15_000 }).toBe('138****5678');
    expect(await agent.getByTestId('revisit-calls').textContent()).toContain('TM-CALL-2');

    await agent.getByTestId(`call-reveal-${task!.id}`).click();
    await expect.poll(() => phone.textContent(), { timeout: 15_000 }).toBe('13812345678');
    const audits = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'revisit.phone_revealed'), eq(auditLog.subjectId, task!.id)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.data)).not.toContain('12345678');
    // 查看号码 took the task (接手): no other agent calls this buyer meanwhile.
    await expect.poll(() => agent.getByTestId(`call-claimed-${task!.id}`).textContent(), { timeout: 15_000 }).toContain('我已接手');

    // 未接通 with a note: the task stays open, one call made.
    await agent.getByTestId(`call-record-${task!.id}`).click();
    await agent.getByTestId('call-form').waitFor();
    await agent.getByTestId('call-outcome-choice').getByText('未接通', { exact: true }).click();
    await agent.getByTestId('call-note').fill('响铃无人接');
    await agent.getByTestId('call-save').click();
    await expect.poll(() => agent.getByTestId(`call-outcome-${task!.id}`).textContent(), { timeout: 15_000 }).toContain('未接通：响铃无人接');
    expect(await agent.getByTestId('revisit-calls').textContent()).toContain('已拨 1/3 次');
    // The call was made: the claim ended; the next try is anyone's until someone takes it.
    await expect.poll(() => agent.getByTestId(`call-claimed-${task!.id}`).count(), { timeout: 15_000 }).toBe(0);
    await agent.getByTestId(`call-claim-${task!.id}`).click();
    await expect.poll(() => agent.getByTestId(`call-claimed-${task!.id}`).textContent(), { timeout: 15_000 }).toContain('我已接手');
    await screenshot(agent, 'revisit-call-unreached');

    // 已接通: the task is done and leaves the open list.
    await agent.getByTestId(`call-record-${task!.id}`).click();
    await agent.getByTestId('call-form').waitFor();
    await agent.getByTestId('call-outcome-choice').getByText('已接通', { exact: true }).click();
    await agent.getByTestId('call-note').fill('买家说围巾很好，下次还来');
    await agent.getByTestId('call-save').click();
    await expect.poll(() => agent.getByTestId(`call-outcome-${task!.id}`).count(), { timeout: 15_000 }).toBe(0);
    const [after] = await h.database.db.select().from(revisitCalls).where(eq(revisitCalls.id, task!.id));
    expect(after).toMatchObject({ state: 'done', outcome: 'reached', attempts: 2, note: '买家说围巾很好，下次还来' });
  });
});
