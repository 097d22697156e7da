// Learning from the agents in the workbench (issue 12), in real Chromium against a real server:
// the intent the bot read shows on each buyer message and one click relabels it; after a take-over
// the messages the bot answered are offered for relabel in the side panel; an English message
// shows its Chinese machine gloss; the shop's settings count the correction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import * as s from '../../src/store/schema/index.js';
import type { Database } from '../../src/store/open-database.js';
import { hasChromium, screenshot, type Harness, startPage } from './fixture.js';
import { insertWorkbenchData, type WorkbenchData } from './seed.js';

const JARGON = '叮咚叮咚有人吗';
const ENGLISH = 'hi, do you have XL in black? ship to Spain how long';
let conversationId = '';

async function seed(database: Database, now: Date): Promise<WorkbenchData> {
  const data = await insertWorkbenchData(database, now);
  const { db } = database;
  const ago = (sec: number) => new Date(now.getTime() - sec * 1000);
  const [b] = await db.insert(s.buyers).values({ shopId: data.taobaoId, platformAccount: 'tb_doorbell', nickname: '门铃买家' }).returning();
  const msgs = [
    { kind: 'buyer' as const, text: JARGON, intent: 'other', at: ago(120) },
    { kind: 'bot' as const, text: '亲，您好，请问有什么可以帮您？', at: ago(118) },
    { kind: 'buyer' as const, text: ENGLISH, intent: 'stock', at: ago(60) },
    { kind: 'bot' as const, text: 'Hi, XL in black is in stock.', at: ago(58) },
  ];
  const [c] = await db.insert(s.conversations).values({
    shopId: data.taobaoId, buyerId: b!.id, channel: 'bridge', status: 'queued', stage: 'inquire', lastIntent: 'stock', lastSeq: msgs.length,
    firstBuyerMessageAt: msgs[0]!.at, firstResponseAt: msgs[1]!.at, lastBuyerMessageAt: msgs[2]!.at, lastMessageAt: msgs[3]!.at,
    createdAt: msgs[0]!.at, handoverReason: 'human',
  }).returning();
  conversationId = c!.id;
  await db.insert(s.messages).values(msgs.map((m, i) => ({
    shopId: data.taobaoId, conversationId: c!.id, seq: i + 1, direction: m.kind === 'buyer' ? ('in' as const) : ('out' as const),
    authorKind: m.kind, text: m.text, intent: m.kind === 'buyer' ? m.intent : null, createdAt: m.at, sentAt: m.at,
  })));
  return data;
}

describe.skipIf(!hasChromium)('relabelling the intent the bot read, in Chromium (issue 12)', () => {
  let h: Harness;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ({ h, page, pageErrors } = await startPage(seed, 'agent2'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an English buyer message shows its Chinese gloss, marked as made by the machine', async () => {
    await page.goto(`${h.baseUrl}/inbox/${conversationId}`);
    const gloss = page.getByTestId('gloss');
    await gloss.waitFor();
    const text = (await gloss.textContent()) ?? '';
    expect(text).toContain('机器译意');
    expect(text).toContain('[英语] 买家问：');
    expect(text).toContain('XL');
  });

  it('after taking over, the bot-answered messages are offered; one click relabels a message', async () => {
    expect(await page.getByTestId('relabel-offer').count()).toBe(0);
    await page.getByTestId('take').click();
    const offer = page.getByTestId('relabel-offer');
    await offer.waitFor();
    expect(await offer.getByTestId('relabel-offer-item').count()).toBe(2);
    expect(await offer.textContent()).toContain(JARGON);

    // In the chat: the bot's reading on the buyer's bubble, one click, the right intent.
    const [first] = await h.database.db.select({ id: s.messages.id }).from(s.messages)
      .where(eq(s.messages.conversationId, conversationId)).orderBy(s.messages.seq).limit(1);
    const trigger = page.getByTestId('messages').getByTestId(`relabel-${first!.id}`);
    expect(await trigger.textContent()).toContain('其他');
    await trigger.click();
    await page.getByTestId('relabel-option-human').click();
    await expect.poll(() => page.getByTestId('messages').getByTestId('intent-corrected').first().textContent()).toContain('转人工');
    expect(await page.getByTestId('messages').getByTestId('intent-corrected').first().textContent()).toContain('原：其他');
    // The side panel's offer shows the same correction.
    await expect.poll(() => offer.getByTestId('intent-corrected').count()).toBe(1);
    await screenshot(page, 'relabel');

    const rows = await h.database.db.select().from(s.intentCorrections).where(eq(s.intentCorrections.conversationId, conversationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ messageId: first!.id, oldIntent: 'other', newIntent: 'human', agentId: h.data.agentIds.agent2, text: JARGON });
    const [example] = await h.database.db.select().from(s.trainingExamples).where(eq(s.trainingExamples.id, rows[0]!.exampleId!));
    expect(example).toMatchObject({ text: JARGON, intent: 'human', shopId: h.data.taobaoId });
  });

  it('the shop settings show the correction with who made it', async () => {
    await page.goto(`${h.baseUrl}/settings`);
    await page.getByTestId('settings').waitFor();
    // The Taobao shop, then the examples tab.
    await page.locator('[data-testid="settings"] .ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '小二数码小店' }).click();
    await page.getByRole('tab', { name: '店铺例句' }).click();
    const summary = page.getByTestId('corrections-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain(JARGON);
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('其他 → 转人工');
    expect(text).toContain('客服 阿杰');
    expect(pageErrors).toEqual([]);
  });
});
