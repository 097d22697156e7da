// The end-to-end widget story (issue 6): a buyer asks on the shop's web-chat widget → the bot
// answers → an agent takes over in the workbench → a reply with a WeChat id is blocked (D1/D2) →
// the compliant rewrite reaches the buyer's widget → the dashboard's figures move (T1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';

if (!hasChromium) console.warn('[browser tests] /usr/bin/chromium not found — skipping the widget story');

async function conversationsFigure(h: Harness, token: string): Promise<number> {
  const res = await fetch(`${h.baseUrl}/api/v1/metrics?groupBy=day`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { total: { conversations: number } };
  return body.total.conversations;
}

describe.skipIf(!hasChromium)('widget story in Chromium (C2, C18, D1/D2, C4, T1)', () => {
  let h: Harness;
  let buyer: Page;
  let agent: Page;
  let supervisorToken = '';

  beforeAll(async () => {
    h = await startHarness();
    buyer = await h.context.newPage();
    agent = await h.context.newPage();
    const res = await fetch(`${h.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'supervisor', password: 'dxe-demo' }) });
    supervisorToken = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('buyer asks on the widget, the bot answers, the agent takes over, a blocked reply is rewritten and reaches the buyer, and the dashboard moves', async () => {
    const before = await conversationsFigure(h, supervisorToken);
    // The agent is already looking at the inbox: the new buyer must appear live (WebSocket).
    await login(agent, h.baseUrl, 'agent1');
    await agent.getByTestId('queue-row').first().waitFor();

    await buyer.goto(`${h.baseUrl}/widget/${h.data.tmallId}/demo`);
    await buyer.locator('.dxe-btn').click();
    await expect.poll(() => buyer.locator('.dxe-status').textContent()).toBe('在线');
    await buyer.locator('.dxe-input').fill('在吗？这件卫衣包邮吗');
    await buyer.locator('.dxe-send').click();
    await expect.poll(() => buyer.locator('.dxe-row:not(.dxe-me)').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const botText = await buyer.locator('.dxe-row:not(.dxe-me) .dxe-bubble').first().textContent();
    expect(botText?.length ?? 0).toBeGreaterThan(0);

    const row = agent.getByTestId('queue-row').filter({ hasText: '网页咨询' }).first();
    const fallback = agent.getByTestId('queue-row').filter({ hasText: '包邮' }).first();
    await Promise.race([row.waitFor({ timeout: 15_000 }), fallback.waitFor({ timeout: 15_000 })]);
    await ((await row.count()) > 0 ? row : fallback).click();
    await agent.getByTestId('msg-bot').first().waitFor();
    await agent.getByTestId('take').click();

    const input = agent.getByTestId('reply-input');
    await input.fill('亲，加我微信 wx_dxe8888，转账给你便宜');
    await agent.getByTestId('guard-underline').first().waitFor();
    // Waited on, not read once: the button follows the check's state (issue 9: no race with a render).
    await expect.poll(() => agent.getByTestId('send').isDisabled()).toBe(true);
    await agent.getByTestId('guard-rewrite').click();
    await expect.poll(() => agent.getByTestId('guard-status').textContent()).toContain('合规检查通过');
    const rewritten = (await input.inputValue()).trim();
    expect(rewritten).not.toContain('wx_dxe8888');
    await agent.getByTestId('send').click();
    await screenshot(agent, 'story-agent');

    // The compliant reply (possibly split into short messages, C4) reaches the buyer's widget.
    const firstLine = rewritten.split(/[。！？!?\n]/)[0]!.slice(0, 8);
    await expect.poll(() => buyer.locator('.dxe-list').textContent(), { timeout: 15_000 }).toContain(firstLine);
    expect(await buyer.locator('.dxe-list').textContent()).not.toContain('wx_dxe8888');
    await screenshot(buyer, 'story-widget');

    await expect.poll(() => conversationsFigure(h, supervisorToken)).toBeGreaterThan(before);
    await agent.getByText('退出登录').click();
    await login(agent, h.baseUrl, 'supervisor');
    await agent.goto(`${h.baseUrl}/dashboard`);
    const figure = agent.getByTestId('figure').filter({ hasText: '会话数' });
    await expect.poll(() => figure.textContent()).toContain(String(before + 1));
  });
});
