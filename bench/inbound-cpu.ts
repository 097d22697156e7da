// CPU per buyer message inside one process (issue 9, throughput): the same inbound path as the
// bench (bridge route → pipeline → store), without sockets, the load generator or other
// processes, so the figure is steady on a busy machine. Modes:
//   inject  — fastify inject() of POST /api/v1/shops/:shopId/inbound (route, auth, hooks, JSON)
//   direct  — handleInboundMessage() alone (the app and the store)
// CPU = process.cpuUsage() (user + system) of this process over N messages after a warm-up, per
// message; the database's own CPU (PostgreSQL) is not in it. PROF=file.cpuprofile writes a CPU
// profile of the measured part only.
//   npx tsx bench/inbound-cpu.ts                                     (PGlite in memory)
//   DATABASE_URL=postgres://… npx tsx bench/inbound-cpu.ts           (PostgreSQL)
//   CPU_MODE=direct CPU_MESSAGES=2000 CPU_CONCURRENCY=16 …
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createApiToken } from '../src/app/auth/auth.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { createLocalBus, type EventBus } from '../src/app/events/event-bus.js';
import { handleInboundMessage } from '../src/app/inbound/handle-inbound-message.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/store/open-database.js';
import * as t from '../src/store/schema/index.js';

const MODE = process.env.CPU_MODE ?? 'inject';
const N = Number(process.env.CPU_MESSAGES ?? 2000);
const C = Number(process.env.CPU_CONCURRENCY ?? 16);
const WARMUP = Number(process.env.CPU_WARMUP ?? 300);
const TEXTS = ['在吗', '这款T恤有L码吗', '什么时候发货', '能便宜点吗', '包邮吗', '发什么快递', '有优惠券吗', '质量怎么样', '谢谢', '有没有黑色的'];

const database = process.env.DATABASE_URL
  ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgSchema: `cpu_${Date.now().toString(36)}` })
  : await openDatabase({ dataDir: 'memory' });
let bus: EventBus = createLocalBus();
if (process.env.REDIS_URL) {
  const { createRedisBus } = await import('../src/app/events/redis-bus.js');
  bus = await createRedisBus(process.env.REDIS_URL, { prefix: `cpu${Date.now().toString(36)}` });
}
await seedDemo(database, new Date());
const [org] = await database.db.select().from(t.organisations);
const { token } = await createApiToken(database, { orgId: org!.id, shopId: 'demo-tmall', name: 'cpu' });
const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'warn', TIMERS: 'off', BRIDGE_RATE_PER_MINUTE: '10000000' }), bus, logger: false });
await app.ready();

const run = Date.now().toString(36);
async function send(i: number): Promise<void> {
  const body = { buyer_account_id: `cpu_${i % 2000}`, message_id: `cpu-${run}-${i}`, text: TEXTS[i % TEXTS.length]! };
  if (MODE === 'direct') {
    await handleInboundMessage(
      { database, bus, now: new Date() },
      { shopId: 'demo-tmall', buyerAccountId: body.buyer_account_id, channel: 'bridge', messageId: body.message_id, text: body.text },
    );
    return;
  }
  const res = await app.inject({
    method: 'POST', url: '/api/v1/shops/demo-tmall/inbound',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
}

async function load(from: number, count: number): Promise<void> {
  let next = from;
  await Promise.all(Array.from({ length: C }, async () => {
    while (next < from + count) await send(next++);
  }));
}

await load(0, WARMUP);
const session = process.env.PROF ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await load(WARMUP, N);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.PROF!, JSON.stringify(profile));
}
const perMsg = (cpu.user + cpu.system) / 1000 / N;
console.log(
  `${database.kind}${process.env.REDIS_URL ? ' + Redis' : ''} ${MODE}: ${N} messages, ${C} at once: ` +
    `${perMsg.toFixed(3)} ms CPU per message (user ${(cpu.user / 1000 / N).toFixed(3)}, system ${(cpu.system / 1000 / N).toFixed(3)}), ` +
    `${((N / wall) * 1000).toFixed(0)} msg/s in this process`,
);
await app.close();
await bus.close();
if (database.pgSchema) await database.query(`DROP SCHEMA "${database.pgSchema}" CASCADE`);
await database.close();
