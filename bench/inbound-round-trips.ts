// Counts the database statements (round trips) and bus publishes one buyer message costs on the
// inbound path (issue 9, throughput): the real server (buildApp) on a real database, the bridge
// webhook called with inject(), every statement the pg client or the embedded engine receives
// counted and sorted by kind. Background loops are not running here; the delivery outbox is run
// by hand after the messages so its per-message cost is counted too.
//   npx tsx bench/inbound-round-trips.ts                      (PGlite in memory, local bus)
//   DATABASE_URL=postgres://… npx tsx bench/inbound-round-trips.ts          (PostgreSQL)
//   DATABASE_URL=… REDIS_URL=redis://… npx tsx bench/inbound-round-trips.ts (PostgreSQL + Redis)
// ROUND_TRIP_CONCURRENCY=16: that many senders at once (group commit shares round trips).
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { createApiToken } from '../src/app/auth/auth.js';
import { deliverDueReplies } from '../src/app/delivery/bridge-outbox.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { createLocalBus, type EventBus } from '../src/app/events/event-bus.js';
import { publishOutboxRows } from '../src/app/events/outbox.js';
import { invalidateShopContext } from '../src/app/shops/shop-context.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/store/open-database.js';
import * as t from '../src/store/schema/index.js';

const N = Number(process.env.ROUND_TRIP_MESSAGES ?? 100);
/** Concurrent senders (1: one message at a time, no group commit). */
const C = Number(process.env.ROUND_TRIP_CONCURRENCY ?? 1);
const TEXTS = ['在吗', '这款T恤有L码吗', '什么时候发货', '能便宜点吗', '包邮吗', '发什么快递', '有优惠券吗', '质量怎么样', '谢谢', '有没有黑色的'];

const counts = new Map<string, number>();
let counting = false;
function kindOf(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  const fn = /select (dxe_[a-z_]+)\(/i.exec(s);
  if (fn) return `call ${fn[1]}`;
  const verb = /^\w+/.exec(s)?.[0]?.toLowerCase() ?? '';
  const table = /\b(?:from|into|update)\s+"?(\w+)"?/i.exec(s)?.[1];
  return table ? `${verb} ${table}` : s.slice(0, 40);
}
function count(text: unknown): void {
  if (!counting) return;
  const s = typeof text === 'string' ? text : ((text as { text?: string })?.text ?? String(text));
  const k = kindOf(s);
  counts.set(k, (counts.get(k) ?? 0) + 1);
}

// Every statement: the pg client's query (PostgreSQL) or the engine's query/exec (PGlite).
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  count(args[0]);
  return pgQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
for (const name of ['query', 'exec'] as const) {
  const orig = PGlite.prototype[name] as (...args: unknown[]) => unknown;
  (PGlite.prototype as unknown as Record<string, unknown>)[name] = function (this: PGlite, ...args: unknown[]) {
    count(args[0]);
    return orig.apply(this, args);
  };
}
const origTx = PGlite.prototype.transaction;
PGlite.prototype.transaction = function (this: PGlite, fn) {
  count('BEGIN');
  const r = origTx.call(this, (tx) => {
    for (const name of ['query', 'exec'] as const) {
      const inner = tx[name] as (...args: unknown[]) => unknown;
      (tx as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        count(args[0]);
        return inner.apply(tx, args);
      };
    }
    return fn(tx);
  });
  void r.then(() => count('COMMIT'), () => count('ROLLBACK'));
  return r;
} as typeof PGlite.prototype.transaction;

async function main(): Promise<void> {
  const now = new Date();
  const database = process.env.DATABASE_URL
    ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema: `rt_${Date.now().toString(36)}` })
    : await openDatabase({ dataDir: 'memory' });
  let bus: EventBus = createLocalBus();
  if (process.env.REDIS_URL) {
    const { createRedisBus } = await import('../src/app/events/redis-bus.js');
    bus = await createRedisBus(process.env.REDIS_URL, { prefix: `rt${Date.now().toString(36)}` });
  }
  let publishes = 0;
  const publish = bus.publish.bind(bus);
  bus.publish = async (e) => {
    if (counting) publishes++;
    return publish(e);
  };
  const publishMany = bus.publishMany?.bind(bus);
  if (publishMany) {
    bus.publishMany = async (events) => {
      if (counting) publishes++;
      return publishMany(events);
    };
  }
  await seedDemo(database, now);
  const [shop] = await database.db.select().from(t.shops).where(eq(t.shops.id, 'demo-tmall'));
  const withCallback = process.env.ROUND_TRIP_CALLBACK !== 'off';
  if (withCallback) {
    await database.db.update(t.shops)
      .set({ settings: { ...(shop!.settings as object), bridgeCallbackUrl: 'http://127.0.0.1:9/replies' } })
      .where(eq(t.shops.id, 'demo-tmall'));
    invalidateShopContext(database, 'demo-tmall');
  }
  const [org] = await database.db.select().from(t.organisations);
  const { token } = await createApiToken(database, { orgId: org!.id, shopId: 'demo-tmall', name: 'rt' });
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), bus, now: () => now, logger: false });
  await app.ready();
  const send = async (i: number) => {
    const res = await app.inject({
      method: 'POST', url: '/api/v1/shops/demo-tmall/inbound', headers: { authorization: `Bearer ${token}` },
      payload: { buyer_account_id: `rt_${i % 20}`, message_id: `rt-${i}`, text: TEXTS[i % TEXTS.length] },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return (res.json() as { replies: unknown[] }).replies.length;
  };
  for (let i = 0; i < 20; i++) await send(i); // warm the caches (shop, token, model version)
  await publishOutboxRows(database, bus, { olderThan: new Date(Date.now() + 1000), limit: 10_000 });
  await database.db.delete(t.deliveries);
  counting = true;
  let replies = 0;
  let next = 20;
  await Promise.all(Array.from({ length: C }, async () => {
    while (next < 20 + N) {
      const r = await send(next++);
      replies += r;
    }
  }));
  const inbound = new Map(counts);
  const inboundPublishes = publishes;
  counts.clear();
  // What the background work of a process then does for these messages.
  let delivered = 0;
  const post = async () => ({ ok: true, status: 200 });
  for (;;) {
    const run = await deliverDueReplies({ database, now: new Date(Date.now() + 1000), post, limit: 1000 });
    delivered += run.delivered;
    if (run.delivered + run.retried + run.failed === 0) break;
  }
  counting = false;
  const show = (title: string, m: Map<string, number>, per: number) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    console.log(`${title}: ${(total / per).toFixed(2)} statements per message`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1])) console.log(`  ${(v / per).toFixed(2)}  ${k}`);
  };
  console.log(`${database.kind}${process.env.REDIS_URL ? ' + Redis' : ''}, ${N} messages, ${C} at once, ${(replies / N).toFixed(2)} replies each`);
  show('inbound request', inbound, N);
  console.log(`  bus calls (publish, publishMany) per message: ${(inboundPublishes / N).toFixed(2)}`);
  show(`delivery outbox (${delivered} replies delivered${withCallback ? '' : ', no callback URL'})`, counts, N);
  await app.close();
  await bus.close();
  if (database.pgSchema) await database.query(`DROP SCHEMA "${database.pgSchema}" CASCADE`);
  await database.close();
}

await main();
