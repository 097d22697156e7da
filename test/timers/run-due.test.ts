import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createLocalBus, type BusEvent } from '../../src/app/events/event-bus.js';
import { scheduleDeadline } from '../../src/app/timers/deadlines.js';
import { ensureFirstResponseDeadlines } from '../../src/app/timers/first-response.js';
import { startTimerLoop } from '../../src/app/timers/loop.js';
import { runDueDeadlines, type Fired } from '../../src/app/timers/run-due.js';
import { openDatabase, type Database } from '../../src/store/open-database.js';
import { buyers, conversations, deadlines, orders } from '../../src/store/schema/index.js';
import { databaseLabel, openDemoDatabase, openTestDatabase, POSTGRES_URL } from '../helpers/database.js';
import { until } from '../helpers/wait.js';
import { createShop } from './shop-fixture.js';

const T0 = new Date('2026-11-23T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function insertDue(database: Database, shopId: string, n: number, dueAt: Date) {
  const rows = Array.from({ length: n }, () => ({
    shopId,
    subjectKind: 'order' as const,
    subjectId: randomUUID(),
    kind: 'review_window',
    dueAt,
  }));
  for (let i = 0; i < rows.length; i += 1000) await database.db.insert(deadlines).values(rows.slice(i, i + 1000));
}

describe(`deadline timer loop on ${databaseLabel} (DESIGN 5, O3, C2, A6)`, () => {
  let database: Database;
  let shopId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    ({ shopId } = await createShop(database));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('O3: a ship-by deadline warns once, then misses once, publishes both, and schedules the compensation follow-up (N1)', async () => {
    const [order] = await database.db
      .insert(orders)
      .values({ shopId, platformOrderNo: 'T-1', state: '买家已付款等待卖家发货', paidAt: T0 })
      .returning();
    await scheduleDeadline(database.db, {
      shopId, subjectKind: 'order', subjectId: order!.id, kind: 'ship_by',
      dueAt: at(72 * 3600_000), warnAt: at(60 * 3600_000), payload: { answerWorkingDays: 4 },
    });
    const bus = createLocalBus();
    const events: BusEvent[] = [];
    bus.subscribe((e) => events.push(e));
    expect(await runDueDeadlines(database, { now: at(59 * 3600_000), workerId: 'w', bus })).toEqual([]);
    const warned = await runDueDeadlines(database, { now: at(61 * 3600_000), workerId: 'w', bus });
    expect(warned.map((f) => f.outcome)).toEqual(['warned']);
    expect(await runDueDeadlines(database, { now: at(62 * 3600_000), workerId: 'w', bus })).toEqual([]);
    const missed = await runDueDeadlines(database, { now: at(73 * 3600_000), workerId: 'w', bus });
    expect(missed.map((f) => f.outcome)).toEqual(['missed']);
    expect(events.map((e) => e.type)).toEqual(['deadline.warning', 'deadline.missed']);
    expect(events[1]).toMatchObject({ shopId, data: { kind: 'ship_by', subjectId: order!.id } });
    const rows = await database.db.select().from(deadlines).where(eq(deadlines.subjectId, order!.id));
    const follow = rows.find((r) => r.kind === 'compensate_before_ruling');
    expect(follow?.state).toBe('pending');
    // Missed on Thursday 26 Nov (Beijing); 4 working days later, skipping the weekend: Wed 2 Dec.
    expect(follow?.dueAt.toISOString()).toBe('2026-12-02T01:00:00.000Z');
    expect(rows.find((r) => r.kind === 'ship_by')).toMatchObject({ state: 'missed', firedBy: 'w' });
  });

  it('O3: an order shipped in time settles its deadline as done, with no event', async () => {
    const [order] = await database.db
      .insert(orders)
      .values({ shopId, platformOrderNo: 'T-2', state: '卖家已发货等待买家确认', paidAt: T0, shippedAt: at(3600_000) })
      .returning();
    await scheduleDeadline(database.db, { shopId, subjectKind: 'order', subjectId: order!.id, kind: 'ship_by', dueAt: at(2 * 3600_000) });
    const fired = await runDueDeadlines(database, { now: at(3 * 3600_000), workerId: 'w' });
    expect(fired.filter((f) => f.subjectId === order!.id).map((f) => f.outcome)).toEqual(['done']);
  });

  it('rescheduling updates the one (subject, kind) row and re-arms it', async () => {
    const subjectId = randomUUID();
    const base = { shopId, subjectKind: 'case' as const, subjectId, kind: 'intervention' as const };
    await scheduleDeadline(database.db, { ...base, dueAt: at(1000) });
    await runDueDeadlines(database, { now: at(2000), workerId: 'w' });
    await scheduleDeadline(database.db, { ...base, dueAt: at(10_000) });
    const rows = await database.db.select().from(deadlines).where(eq(deadlines.subjectId, subjectId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'pending', firedAt: null });
    expect(rows[0]!.dueAt.toISOString()).toBe(at(10_000).toISOString());
  });

  it('scheduling the same due time again never re-fires a missed deadline', async () => {
    const subjectId = randomUUID();
    const base = { shopId, subjectKind: 'order' as const, subjectId, kind: 'review_window' as const, dueAt: at(1000) };
    await scheduleDeadline(database.db, base);
    expect((await runDueDeadlines(database, { now: at(2000), workerId: 'w' })).filter((f) => f.subjectId === subjectId)).toHaveLength(1);
    await scheduleDeadline(database.db, base);
    expect((await runDueDeadlines(database, { now: at(3000), workerId: 'w' })).filter((f) => f.subjectId === subjectId)).toHaveLength(0);
    const [row] = await database.db.select().from(deadlines).where(eq(deadlines.subjectId, subjectId));
    expect(row).toMatchObject({ state: 'missed', firedBy: 'w' });
  });

  it('two runners never fire a row twice (SKIP LOCKED; on PostgreSQL two pools race)', async () => {
    const { shopId: raceShop } = await createShop(database);
    await insertDue(database, raceShop, 1500, at(-1000));
    const other = POSTGRES_URL
      ? await openDatabase({ databaseUrl: POSTGRES_URL, pgSchema: database.pgSchema, migrate: false, poolSize: 4 })
      : database;
    const seen: Fired[] = [];
    const drain = async (db: Database, worker: string) => {
      for (;;) {
        const fired = await runDueDeadlines(db, { now: at(0), workerId: worker, batch: 40 });
        seen.push(...fired);
        if (fired.length === 0) return;
      }
    };
    try {
      await Promise.all([drain(database, 'a'), drain(other, 'b'), drain(database, 'c'), drain(other, 'd')]);
    } finally {
      if (other !== database) await other.close();
    }
    const mine = seen.filter((f) => f.shopId === raceShop);
    expect(mine).toHaveLength(1500);
    expect(new Set(mine.map((f) => f.id)).size).toBe(1500);
    const [left] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(deadlines)
      .where(sql`${deadlines.shopId} = ${raceShop} and ${deadlines.state} <> 'missed'`);
    expect(Number(left!.n)).toBe(0);
    if (POSTGRES_URL) {
      const workers = await database.query<{ fired_by: string }>('select distinct fired_by from deadlines where shop_id = $1', [raceShop]);
      expect(workers.length).toBeGreaterThan(1);
    }
  });

  it('a restarted loop picks up what fell due while no loop ran', async () => {
    const { shopId: s } = await createShop(database);
    let clock = at(0);
    const first = startTimerLoop({ database, now: () => clock, intervalMs: 10, sweepEveryMs: 0 });
    await insertDue(database, s, 5, at(60_000));
    await new Promise((r) => setTimeout(r, 50));
    await first.stop();
    clock = at(120_000); // due while stopped
    const fired: Fired[] = [];
    const second = startTimerLoop({ database, now: () => clock, intervalMs: 10, sweepEveryMs: 0, onFired: (f) => fired.push(...f) });
    try {
      // Wait for the five firings (not a fixed 2 s: the restarted loop's first tick may be late under load).
      await until('five firings after the restart', () => fired.filter((f) => f.shopId === s).length >= 5);
    } finally {
      await second.stop();
    }
    expect(fired.filter((f) => f.shopId === s && f.outcome === 'missed')).toHaveLength(5);
  });

  it('C2: the sweep adds first-response targets for unanswered conversations; an answer in time settles it', async () => {
    const { shopId: s } = await createShop(database, 'tmall');
    const [buyer] = await database.db.insert(buyers).values({ shopId: s, platformAccount: 'tb_buyer' }).returning();
    const [conv] = await database.db
      .insert(conversations)
      .values({ shopId: s, buyerId: buyer!.id, channel: 'bridge', firstBuyerMessageAt: at(0) })
      .returning();
    expect(await ensureFirstResponseDeadlines(database, at(1000))).toBeGreaterThanOrEqual(1);
    expect(await ensureFirstResponseDeadlines(database, at(1000))).toBe(0);
    const [row] = await database.db.select().from(deadlines).where(eq(deadlines.subjectId, conv!.id));
    expect(row!.dueAt.toISOString()).toBe(at(10_000).toISOString()); // Tmall: 10 s (C2, seed 004)
    await database.db.update(conversations).set({ firstResponseAt: at(4000) }).where(eq(conversations.id, conv!.id));
    const fired = await runDueDeadlines(database, { now: at(20_000), workerId: 'w' });
    expect(fired.find((f) => f.subjectId === conv!.id)?.outcome).toBe('done');
  });
});

describe(`deadline sweep for orders written elsewhere on ${databaseLabel} (O2, O3)`, () => {
  it('imported/demo orders get their ship-by and windows; the overdue one is missed; a second sweep finds nothing', async () => {
    const { ensureOrderDeadlines } = await import('../../src/app/timers/order-sweep.js');
    const now = new Date('2026-11-23T06:00:00.000Z');
    const database = await openDemoDatabase(now);
    try {
      const added = await ensureOrderDeadlines(database, now);
      expect(added).toBeGreaterThan(10);
      expect(await ensureOrderDeadlines(database, now)).toBe(0);
      const fired = await runDueDeadlines(database, { now, workerId: 'w', batch: 1000 });
      // Demo order 4 was paid 80 h ago in the Tmall shop (72 h) → missed; 70 h → warned.
      expect(fired.some((f) => f.kind === 'ship_by' && f.outcome === 'missed')).toBe(true);
      expect(fired.some((f) => f.kind === 'ship_by' && f.outcome === 'warned')).toBe(true);
    } finally {
      await database.close();
    }
  });
});
