// Issue 14 (performance path), C8/F3/C2/D8: two runners on one database fire every due follow-up
// exactly once through the batched path — first-contact conversations created together, a batch's
// messages stored by one set-based statement (dxe_append_outgoing_many) — and every invariant of
// the single-conversation path holds: one conversation per buyer, sequence numbers continuing each
// conversation without gaps or repeats, one bridge delivery per message, one message.created per
// message, first_response_at untouched for buyers who never wrote and set for one who did.
// PGlite always (one session: the runners interleave); on PostgreSQL (DATABASE_URL) the two runners
// have pools of their own, as two processes would, and race with SKIP LOCKED claims.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { runDueFollowups, type FiredFollowup } from '../../src/app/followups/run-due.js';
import { openDatabase, type Database } from '../../src/store/open-database.js';
import { POSTGRES_URL, databaseLabel, openTestDatabase } from '../helpers/database.js';
import { createShop } from '../timers/shop-fixture.js';

// 15:00 UTC is 10:00 in New York, the buyers' time zone (no quiet hours in the way).
const NOW = new Date('2026-11-23T15:00:00.000Z');
const BUYERS = 40;
/** Buyers 1..WROTE already have an open bridge chat: they wrote twice, nobody answered yet. */
const WROTE = 6;
/** Buyers 1..TWICE have two reminders due, so one batch may hold two messages for one chat. */
const TWICE = 4;
const CALLBACK = 'https://bridge.example/cb';

describe(`follow-ups fire once with two runners, batched (${databaseLabel})`, () => {
  let first: Database;
  let second: Database;
  let pgSchema: string | null = null;

  beforeAll(async () => {
    if (POSTGRES_URL) {
      pgSchema = `t_${randomBytes(6).toString('hex')}`;
      first = await openDatabase({ databaseUrl: POSTGRES_URL, pgSchema, poolSize: 4 });
      second = await openDatabase({ databaseUrl: POSTGRES_URL, pgSchema, poolSize: 4, migrate: false });
    } else {
      first = await openTestDatabase();
      second = first;
    }
  });
  afterAll(async () => {
    if (pgSchema) {
      await second?.close();
      await first?.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
    }
    await first?.close();
  });

  it('every due row is handled by one runner, with one message, delivery and event each', async () => {
    const { shopId } = await createShop(first, 'aliexpress');
    await first.query(`update shops set settings = $2::jsonb where id = $1`, [shopId, JSON.stringify({ bridgeCallbackUrl: CALLBACK })]);
    const orderedAt = new Date(NOW.getTime() - 3 * 3_600_000).toISOString();
    await first.query(
      `insert into buyers (id, shop_id, platform_account) select 'bo-b-' || g, $1, 'bo-acct-' || g from generate_series(1, $2::int) g`,
      [shopId, BUYERS],
    );
    await first.query(
      `insert into orders (id, shop_id, platform_order_no, buyer_id, buyer_account, state, total_fen, ordered_at, region)
       select 'bo-o-' || g, $1, 'BO-NO-' || g, 'bo-b-' || g, 'bo-acct-' || g, '等待买家付款', 9900, $3::timestamptz, 'US'
         from generate_series(1, $2::int) g`,
      [shopId, BUYERS, orderedAt],
    );
    await first.query(
      `insert into conversations (id, shop_id, buyer_id, channel, status, last_seq, first_buyer_message_at, last_buyer_message_at, created_at)
       select 'bo-c-' || g, $1, 'bo-b-' || g, 'bridge', 'bot', 2, $3::timestamptz, $3::timestamptz, $3::timestamptz
         from generate_series(1, $2::int) g`,
      [shopId, WROTE, orderedAt],
    );
    await first.query(
      `insert into messages (shop_id, conversation_id, seq, direction, author_kind, text, sent_at, created_at)
       select $1, 'bo-c-' || g, s, 'in', 'buyer', '在吗', $3::timestamptz, $3::timestamptz
         from generate_series(1, $2::int) g, generate_series(1, 2) s`,
      [shopId, WROTE, orderedAt],
    );
    await first.query(
      `insert into scheduled_messages (shop_id, order_id, buyer_id, kind, step, category, text, due_at)
       select $1, 'bo-o-' || g, 'bo-b-' || g, 'payment_reminder', s, 'service', '', $4::timestamptz - (s || ' minutes')::interval
         from generate_series(1, $2::int) g, generate_series(0, 1) s
        where s = 0 or g <= $3`,
      [shopId, BUYERS, TWICE, new Date(NOW.getTime() - 10 * 60_000).toISOString()],
    );
    const due = BUYERS + TWICE;

    const bus = createLocalBus();
    const created: number[] = [];
    bus.subscribe((e) => {
      if (e.type === 'message.created') created.push((e.data as { message: { id: number } }).message.id);
    });
    // Each runner takes small batches until nothing is due; both run at once.
    const run = async (database: Database, workerId: string) => {
      const handled: FiredFollowup[] = [];
      for (;;) {
        const got = await runDueFollowups(database, { now: NOW, workerId, bus, batch: 7 });
        if (got.length === 0) break;
        handled.push(...got);
      }
      return handled;
    };
    const [a, b] = await Promise.all([run(first, 'runner-a'), run(second, 'runner-b')]);
    const handled = [...a, ...b];
    const ids = handled.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(due);
    expect(handled.every((h) => h.outcome === 'sent')).toBe(true);

    const rows = await first.query<{ id: number; state: string; fired_by: string; message_id: number; conversation_id: string; buyer_id: string }>(
      `select id, state, fired_by, message_id, conversation_id, buyer_id from scheduled_messages where shop_id = $1`,
      [shopId],
    );
    expect(rows.length).toBe(due);
    expect(rows.every((r) => r.state === 'sent' && r.message_id !== null)).toBe(true);
    expect(new Set(rows.map((r) => Number(r.message_id))).size).toBe(due);
    // Every row names the runner that reported it.
    const byRunner = new Map(handled.map((h) => [h.id, a.includes(h) ? 'runner-a' : 'runner-b']));
    for (const r of rows) expect(r.fired_by).toBe(byRunner.get(Number(r.id)));

    // One conversation per buyer (the existing chat reused, one created for each first contact).
    const convs = await first.query<{ id: string; buyer_id: string; last_seq: number; first_response_at: string | null; first_buyer_message_at: string | null; n: number; max_seq: number; distinct_seq: number }>(
      `select c.id, c.buyer_id, c.last_seq, c.first_response_at, c.first_buyer_message_at,
              count(m.id)::int as n, max(m.seq)::int as max_seq, count(distinct m.seq)::int as distinct_seq
         from conversations c left join messages m on m.conversation_id = c.id
        where c.shop_id = $1 group by c.id`,
      [shopId],
    );
    expect(convs.length).toBe(BUYERS);
    expect(new Set(convs.map((c) => c.buyer_id)).size).toBe(BUYERS);
    for (const c of convs) {
      const g = Number(c.buyer_id.replace('bo-b-', ''));
      const outgoing = g <= TWICE ? 2 : 1;
      const incoming = g <= WROTE ? 2 : 0;
      // Sequence numbers 1..last_seq, each once.
      expect([c.n, c.max_seq, c.distinct_seq, c.last_seq].map(Number)).toEqual(Array(4).fill(outgoing + incoming));
      // C2: a proactive message is not an answer to nobody; where the buyer wrote, it is the first response.
      if (g <= WROTE) expect(new Date(c.first_response_at!).toISOString()).toBe(NOW.toISOString());
      else expect(c.first_response_at).toBeNull();
      // Each row's message sits in its buyer's conversation.
      for (const r of rows.filter((x) => x.buyer_id === c.buyer_id)) expect(r.conversation_id).toBe(c.id);
    }

    // The bridge outbox: one delivery per message, to the shop's callback; one event per message.
    const dl = await first.query<{ message_id: number; callback_url: string }>(
      `select d.message_id, d.callback_url from deliveries d join messages m on m.id = d.message_id where m.shop_id = $1`,
      [shopId],
    );
    expect(dl.map((d) => Number(d.message_id)).sort((x, y) => x - y)).toEqual(rows.map((r) => Number(r.message_id)).sort((x, y) => x - y));
    expect(dl.every((d) => d.callback_url === CALLBACK)).toBe(true);
    expect([...created].sort((x, y) => x - y)).toEqual(rows.map((r) => Number(r.message_id)).sort((x, y) => x - y));
    const out = await first.query<{ n: number }>(`select count(*)::int as n from messages where shop_id = $1 and direction = 'out' and author_kind = 'bot'`, [shopId]);
    expect(Number(out[0]!.n)).toBe(due);

    // Nothing is left to fire: a third pass sends nothing.
    expect(await runDueFollowups(first, { now: NOW, workerId: 'runner-c', bus, batch: 50 })).toEqual([]);
  });
});
