// Browser tests of the agent workbench (issue 6) in real Chromium against a real server on PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, login, screenshot, startHarness, type Harness } from './fixture.js';
import { XSS_TEXT } from './seed.js';

if (!hasChromium) console.warn('[browser tests] /usr/bin/chromium not found — skipping (apt-get install chromium fonts-wqy-microhei)');

describe.skipIf(!hasChromium)('workbench in Chromium', () => {
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

  it('login: a wrong password shows the server message in Chinese; demo login opens the inbox', async () => {
    await page.goto(`${h.baseUrl}/`);
    await screenshot(page, 'login');
    await page.getByTestId('login-name').fill('agent1');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    await login(page, h.baseUrl, 'agent1');
    await expect.poll(() => page.getByTestId('ws-status').textContent()).toContain('实时连接正常');
  });

  it('C2 inbox: buyers waiting for a first reply lead, with platform badge, live waiting time and highlight', async () => {
    const first = page.getByTestId('queue-row').first();
    await expect.poll(() => first.textContent()).toContain('待首次回复');
    const row = page.getByTestId('queue-row').filter({ hasText: '爱穿搭的小雨' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('天猫');
    expect(text).toMatch(/已等待 (\d+分)?\d+秒/); // a shared machine may take over a minute to get here
    expect(text).toContain('尺码');
    const before = await row.getByTestId('queue-waiting').textContent();
    // The waiting time is live: it moves on by itself. Polled, not a fixed 1.2 s wait — on a loaded
    // machine the page's one-second tick can come late (this failed a clean-clone CI rehearsal).
    await expect.poll(() => row.getByTestId('queue-waiting').textContent()).not.toBe(before);
    expect(await page.locator('[data-near-target="true"]').count()).toBeGreaterThan(0);
  });

  it('buyer HTML and <script> are shown as text, never executed', async () => {
    await page.goto(`${h.baseUrl}/inbox/${h.data.xssId}`);
    const bubble = page.getByTestId('bubble-text').first();
    await expect.poll(() => bubble.textContent()).toBe(XSS_TEXT);
    expect(await page.locator('[data-testid="messages"] script, [data-testid="messages"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.getByTestId('chat-buyer').textContent()).toBe('<b>粗体买家</b>');
  });

  it('D1/D2 guard: a WeChat number in the draft is underlined and blocks sending; the rewrite applies and sends', async () => {
    await page.goto(`${h.baseUrl}/inbox/${h.data.waitingId}`);
    await page.getByTestId('take').click();
    const input = page.getByTestId('reply-input');
    await input.fill('亲，加我微信 wx_dxe8888 转账可以便宜20元');
    await page.getByTestId('guard-underline').first().waitFor();
    expect(await page.getByTestId('guard-result').getAttribute('data-verdict')).toBe('block');
    const violations = (await page.getByTestId('guard-violation').allTextContents()).join(' ');
    expect(violations).toMatch(/D1|D2/);
    // Rules are named in Chinese, the id after (issue 11), not “规则 D2”.
    expect(violations).toMatch(/站外交易（D1）|泄露联系方式或站外链接（D2）/);
    expect(violations).not.toMatch(/规则 D/);
    await expect.poll(() => page.getByTestId('send').isDisabled()).toBe(true);
    await input.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('msg-agent').count()).toBe(0);
    await screenshot(page, 'chat-guard-blocked');
    await page.getByTestId('guard-rewrite').click();
    const rewritten = await input.inputValue();
    expect(rewritten).not.toContain('wx_dxe8888');
    await expect.poll(() => page.getByTestId('guard-status').textContent()).toContain('合规检查通过');
    // Waited on, not read once: the button follows the check's state (issue 9: no race with a render).
    await expect.poll(() => page.getByTestId('send').isDisabled()).toBe(false);
    await page.getByTestId('send').click();
    await expect.poll(() => page.getByTestId('msg-agent').count()).toBeGreaterThan(0);
    await screenshot(page, 'inbox-chat');
  });

  it('side panel shows masked buyer data for an agent', async () => {
    expect(await page.getByTestId('buyer-phone').textContent()).toMatch(/\*{4}/);
    expect(await page.getByTestId('side-order').count()).toBeGreaterThan(0);
  });

  it('D8: a promise the agent makes appears in the side panel as open, with the points breaking it costs', async () => {
    const input = page.getByTestId('reply-input');
    await input.fill('亲，下单送您一个小赠品哦');
    await expect.poll(() => page.getByTestId('guard-status').textContent()).toContain('合规检查通过');
    await page.getByTestId('send').click();
    const promise = page.getByTestId('side-promise').filter({ hasText: '小赠品' }).first();
    await promise.waitFor();
    expect(await promise.getAttribute('data-state')).toBe('open');
    expect(await promise.textContent()).toContain('违约扣 4 分'); // Tmall, rules/tmall.yaml penalties.by_rule.D8
    expect(await page.getByTestId('promise-risk').textContent()).toContain('4 分');
    await promise.getByTestId('promise-keep').click();
    await expect.poll(() => page.getByTestId('side-promise').filter({ hasText: '小赠品' }).first().getAttribute('data-state')).toBe('kept');
    await screenshot(page, 'side-panel-promise');
  });

  // agent1 just logged in and replied; agent2 is online with nothing sent while buyers wait (T2).
  it('T1-T3 dashboard renders figures and charts; the supervisor sees idle agents', async () => {
    await page.getByText('退出登录').click();
    await login(page, h.baseUrl, 'supervisor');
    await page.goto(`${h.baseUrl}/dashboard`);
    await page.getByTestId('figure').first().waitFor();
    const figures = (await page.getByTestId('figure').allTextContents()).join(' ');
    expect(figures).toContain('首次响应 P50');
    expect(figures).toContain('询单转化率');
    expect(figures).toMatch(/\d+(\.\d+)?%/);
    await page.locator('[data-testid="chart-trend"] canvas').waitFor();
    await expect.poll(() => page.getByTestId('idle-agents').textContent()).toContain('客服 阿杰');
    await expect.poll(() => page.getByTestId('inconsistencies').textContent()).toMatch(/48小时|72小时/);
    await page.waitForTimeout(600); // chart animation
    await screenshot(page, 'dashboard');
  });

  it('case board and settings render in Chinese', async () => {
    await page.goto(`${h.baseUrl}/cases`);
    await page.getByTestId('case-card').first().waitFor();
    expect(await page.getByTestId('case-countdown').first().textContent()).toMatch(/距平台介入|平台可介入/);
    await screenshot(page, 'cases');
    await page.goto(`${h.baseUrl}/settings`);
    await page.getByTestId('answers-text').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'settings');
    expect(await page.getByTestId('answers-text').inputValue()).not.toBe('');
    // Issue 3: a shop's own example, taught from the workbench, is listed with its intent.
    await page.getByRole('tab', { name: '店铺例句' }).click();
    await page.getByPlaceholder('买家原话，例如：叮咚叮咚有人吗').fill('叮咚叮咚有人吗');
    await page.getByRole('button', { name: '添加例句' }).click();
    await page.getByRole('cell', { name: '叮咚叮咚有人吗' }).waitFor();
    expect(await page.getByRole('cell', { name: '库存' }).count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('realtime: after a dropped socket the client reconnects and sends resume with the last seq it saw', async () => {
    const sent: string[] = [];
    let lastSeq = 0;
    page.on('websocket', (ws) => {
      ws.on('framesent', (f) => sent.push(String(f.payload)));
      ws.on('framereceived', (f) => {
        const m = /"seq":(\d+)/.exec(String(f.payload));
        if (m) lastSeq = Math.max(lastSeq, Number(m[1]));
      });
    });
    await page.goto(`${h.baseUrl}/inbox`);
    await expect.poll(() => page.getByTestId('ws-status').textContent()).toContain('实时连接正常');
    // An event the supervisor may see: someone takes a waiting conversation.
    const token = await page.evaluate(() => localStorage.getItem('dxe.token'));
    const took = await fetch(`${h.baseUrl}/api/v1/conversations/${h.data.xssId}/take`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(took.status).toBe(200);
    await expect.poll(() => lastSeq, { timeout: 10_000 }).toBeGreaterThan(0);
    const server = (h.app as unknown as { websocketServer: { clients: Set<{ terminate(): void }> } }).websocketServer;
    for (const c of server.clients) c.terminate();
    await expect.poll(() => sent.some((x) => x.includes('"resume"') && x.includes(`"afterSeq":${lastSeq}`)), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('ws-status').textContent()).toContain('实时连接正常');
  });
});
