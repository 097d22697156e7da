// C8 (issue 14): a buyer who asked in chat for a freight change is told to wait before paying, so
// the scheduled 催付 waits too until the order's history shows the 改价 — then it goes out once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { previewFollowupFlow } from '../../src/app/followups/manage.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import type { Principal } from '../../src/app/auth/auth.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import type { Database } from '../../src/store/open-database.js';
import { messages, scheduledMessages } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { seedConversation, seedWorld, type World } from '../helpers/fixtures.js';

// 02:00 UTC is 10:00 in Beijing: outside the buyer's quiet hours.
const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const bus = createLocalBus();

describe(`催付 held while a price change is pending (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database, { platformA: 'taobao' });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const order = (account: string, no: string) => ({
    platformOrderNo: no, buyerAccount: account, state: '等待买家付款', orderedAt: T0, lines: [{ title: '羊毛围巾', qty: 1, priceFen: 9900 }],
  });
  it('waits while the change is pending, and goes out after the 改价', async () => {
    const conv = await seedConversation(database, { shopId: world.shopA, account: 'pc_wait', incoming: [{ text: '我先拍下，你帮我改下运费我再付', at: at(-0.5) }], status: 'bot' });
    const { order: placed } = await syncOrder(database, world.shopA, { ...order('pc_wait', 'PC-1'), totalFen: 10900, shippingFen: 1000 }, { kind: 'platform' }, T0);
    // Another buyer with no such request: reminded as usual.
    const plainConv = await seedConversation(database, { shopId: world.shopA, account: 'pc_plain', incoming: [{ text: '这个围巾是羊毛的吗', at: at(-0.5) }], status: 'bot' });
    await syncOrder(database, world.shopA, { ...order('pc_plain', 'PC-2'), totalFen: 10900, shippingFen: 1000 }, { kind: 'platform' }, T0);

    // The workbench preview says so per order, and counts it, from the sender's own reading.
    const lead = { kind: 'agent', agentId: world.supervisor.id, orgId: world.orgId, role: 'supervisor', displayName: '主管', shopIds: [world.shopA] } as Principal;
    const preview = await previewFollowupFlow(database, lead, world.shopA, 'payment_reminder', at(1));
    const waiting = preview.rows.filter((r) => r.orderNo === 'PC-1');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((r) => r.outcome === 'deferred_price_change' && r.note === '等待改价，暂缓催付')).toBe(true);
    expect(preview.rows.filter((r) => r.orderNo === 'PC-2').every((r) => r.outcome !== 'deferred_price_change')).toBe(true);
    expect(preview.byOutcome.deferred_price_change).toBe(waiting.length);

    const first = await runDueFollowups(database, { now: at(2.1), workerId: 'w', bus });
    const mine = first.filter((d) => d.orderId === placed.id);
    expect(mine.map((d) => d.outcome)).toEqual(['deferred_price_change']);
    expect(first.filter((d) => d.orderId !== placed.id && d.flow === 'payment_reminder').map((d) => d.outcome)).toEqual(['sent']);
    // No 改价 on that order: the usual wording.
    const plain = await database.db.select().from(messages).where(and(eq(messages.conversationId, plainConv), eq(messages.direction, 'out')));
    expect(plain).toHaveLength(1);
    expect(plain[0]!.text).not.toContain('改好价格');
    const [held] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, placed.id), eq(scheduledMessages.step, 0)));
    expect(held).toMatchObject({ state: 'pending', outcome: 'deferred_price_change', outcomeNote: '买家在等改价/改运费，改价后再催付' });
    expect(await database.db.select().from(messages).where(and(eq(messages.conversationId, conv), eq(messages.direction, 'out')))).toHaveLength(0);

    // Still no 改价 an hour later: still waiting.
    expect((await runDueFollowups(database, { now: at(3.2), workerId: 'w', bus })).filter((d) => d.orderId === placed.id).map((d) => d.outcome)).toEqual(['deferred_price_change']);

    // The seller changes the freight; the next run sends the reminder, once.
    await syncOrder(database, world.shopA, { ...order('pc_wait', 'PC-1'), totalFen: 9900, shippingFen: 0 }, { kind: 'platform' }, at(3.5));
    const after = await runDueFollowups(database, { now: at(4.3), workerId: 'w', bus });
    expect(after.filter((d) => d.orderId === placed.id).map((d) => d.outcome)).toEqual(['sent']);
    const out = await database.db.select().from(messages).where(and(eq(messages.conversationId, conv), eq(messages.direction, 'out')));
    expect(out).toHaveLength(1);
    // The buyer has not written since the 改价: the reminder says the price was changed (C8).
    expect(out[0]!.text).toContain('已经改好价格');
    expect(out[0]!.text).toContain('核对一下新的应付金额');
    const [sentRow] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, placed.id), eq(scheduledMessages.step, 0)));
    expect(sentRow!.reason).toBe('price_changed');
  });
});
