// A seller trying the bot with `dxe chat` is not a buyer: the chat carries the 终端测试 channel, comes
// after every real buyer in the inbox (C2), has no first-reply target, and counts in no team figure
// (T1) and no idle-agent alert (T2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { terminalChatSend } from '../../src/app/inbound/terminal-chat.js';
import { loadFigureRows } from '../../src/app/metrics/figure-rows.js';
import type { ConversationSummary } from '../../src/core/contract/conversations.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe('dxe chat test conversations in the inbox and the figures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('sorts after every buyer even when handed over, shows no first-reply target, and is left out of T1 figures', async () => {
    const from = new Date(t.now.getTime() - 86_400_000);
    const to = new Date(t.now.getTime() + 86_400_000);
    const shop = (await t.database.db.query.shops.findFirst({ where: (s, { eq }) => eq(s.id, 'demo-tmall') }))!;
    const scope = { orgId: shop.orgId, shopIds: ['demo-tmall'] };
    const before = await loadFigureRows(t.database, scope, from, to);

    const bus = createLocalBus();
    // The seller asks for a person, so the test chat is queued and waits like a hand-over would.
    await terminalChatSend({ database: t.database, bus, now: t.now }, { shopId: 'demo-tmall', buyer: 'cli_seller_test', messageId: 'cli-1', text: '转人工' });
    await bus.close();

    const token = await t.login('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/conversations?shopId=demo-tmall', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: ConversationSummary[] }).items;
    const test = items.filter((c) => c.channel === 'cli');
    expect(test).toHaveLength(1);
    expect(items.length).toBeGreaterThan(1);
    expect(items.at(-1)!.channel).toBe('cli');
    expect(test[0]!.firstReplyTargetSeconds).toBeNull();
    expect(test[0]!.nearTarget).toBe(false);
    // Real buyers keep their C2 target.
    expect(items.find((c) => c.channel !== 'cli')!.firstReplyTargetSeconds).not.toBeNull();

    const after = await loadFigureRows(t.database, scope, from, to);
    expect(after.conversations.length).toBe(before.conversations.length);
    expect(after.messages.length).toBe(before.messages.length);
  });
});
