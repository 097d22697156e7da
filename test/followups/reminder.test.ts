// Issue 14, C8: a payment reminder is a timer row, sent once through the delivery port — across a
// real restart of the embedded database and with two runners at once — and stopped by payment.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { startTimerLoop } from '../../src/app/timers/loop.js';
import { openDatabase, type Database } from '../../src/store/open-database.js';
import { conversations, deliveries, messages, scheduledMessages } from '../../src/store/schema/index.js';
import { migratedDataDir } from '../helpers/pglite-template.js';
import { until } from '../helpers/wait.js';
import { createShop } from '../timers/shop-fixture.js';

// 15:00 UTC is 10:00 in New York, the buyer's time zone (no quiet hours in the way).
const T0 = new Date('2026-11-23T15:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe('C8 payment reminder on PGlite: once across a restart, stopped by payment', () => {
  let dir = '';
  let database: Database | undefined;
  beforeAll(async () => {
    // Already migrated (a copy of the run's template, issue 9): the test is about a restart, not a first start.
    dir = await migratedDataDir('dxe-followups-');
  });
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('schedules the steps inside the 20-day window, sends the due one once, and payment stops the rest', async () => {
    database = await openDatabase({ dataDir: dir });
    const { shopId } = await createShop(database, 'aliexpress');
    const { order } = await syncOrder(database, shopId, {
      platformOrderNo: 'AE100200300', state: '等待买家付款', buyerAccount: 'ae_buyer_1', orderedAt: T0, region: 'US', totalFen: 2599,
      lines: [{ title: 'Cotton T-shirt', qty: 1, priceFen: 2599 }],
    }, { kind: 'platform' }, T0);
    const planned = await database.db.select().from(scheduledMessages).where(eq(scheduledMessages.orderId, order.id)).orderBy(asc(scheduledMessages.step));
    // 2 h and 24 h after ordering, and a last call 24 h before the 480 h window closes (C8, seed 003).
    expect(planned.map((p) => [p.kind, p.dueAt.toISOString()])).toEqual([
      ['payment_reminder', at(2).toISOString()],
      ['payment_reminder', at(24).toISOString()],
      ['payment_reminder', at(456).toISOString()],
    ]);

    // First process: the loop sends step 0 at T0 + 3 h.
    const clock = at(3);
    const bus = createLocalBus();
    const seen: string[] = [];
    bus.subscribe((e) => { if (e.type === 'message.created') seen.push(e.shopId); });
    const loop = startTimerLoop({ database, bus, now: () => clock, intervalMs: 10, sweepEveryMs: 0 });
    try {
      // Wait for step 0 to leave 'pending' (not a fixed 300 polls: the loop's tick may be late under load).
      await until('step 0 sent', async () => {
        const [row] = await database!.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.step, 0)));
        return row?.state !== 'pending';
      });
    } finally {
      await loop.stop();
    }
    expect(seen).toEqual([shopId]);
    await database.close();

    // Restart: the same folder opened again; two runners race over what is due. Nothing is re-sent.
    database = await openDatabase({ dataDir: dir });
    const again = await Promise.all([
      runDueFollowups(database, { now: at(3.5), workerId: 'b', bus }),
      runDueFollowups(database, { now: at(3.5), workerId: 'c', bus }),
    ]);
    expect(again.flat()).toEqual([]);
    const out = await database.db.select().from(messages).where(and(eq(messages.shopId, shopId), eq(messages.direction, 'out')));
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toMatch(/AE100200300.*not paid yet/);
    expect(out[0]!.authorKind).toBe('bot');
    const [sent] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.step, 0)));
    expect(sent).toMatchObject({ state: 'sent', outcome: 'sent', messageId: out[0]!.id, channel: 'bridge', lang: 'en' });
    // Stored in the buyer's conversation (agents see it), which a proactive message does not count as answered (C2).
    const [conv] = await database.db.select().from(conversations).where(eq(conversations.id, sent!.conversationId!));
    expect(conv).toMatchObject({ shopId, firstResponseAt: null, lastSeq: 1 });

    // The buyer pays: the remaining steps stop, and at their due times nothing goes out.
    await syncOrder(database, shopId, { platformOrderNo: 'AE100200300', state: '等待卖家发货' }, { kind: 'platform' }, at(5));
    // (Paying schedules the order's 核对订单, C9: the 催付 rows are the ones looked at here.)
    const rest = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.kind, 'payment_reminder'))).orderBy(asc(scheduledMessages.step));
    expect(rest.map((r) => [r.step, r.state, r.outcome])).toEqual([
      [0, 'sent', 'sent'],
      [1, 'cancelled', 'stopped_paid'],
      [2, 'cancelled', 'stopped_paid'],
    ]);
    expect((await runDueFollowups(database, { now: at(500), workerId: 'd', bus })).filter((d) => d.flow === 'payment_reminder')).toEqual([]);
    const after = await database.db.select().from(messages).where(and(eq(messages.shopId, shopId), eq(messages.direction, 'out')));
    expect(after).toHaveLength(1);
    // No callback URL: the bridge polls; nothing was queued around the port.
    expect(await database.db.select().from(deliveries).where(eq(deliveries.shopId, shopId))).toEqual([]);
  }, 120_000);
});
