import { openDatabase } from '../src/store/open-database.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { createLocalBus } from '../src/app/events/event-bus.js';
import { handleInboundMessage } from '../src/app/inbound/handle-inbound-message.js';
import { getDefaultNlu } from '../src/core/nlu/index.js';
const url = process.env.DATABASE_URL;
const database = url ? await openDatabase({ databaseUrl: url, pgSchema: 'b' + Date.now(), poolSize: 10 }) : await openDatabase({ dataDir: 'memory' });
await seedDemo(database, new Date());
getDefaultNlu();
const bus = createLocalBus();
const texts = ['在吗', '这款T恤有L码吗', '什么时候发货', '能便宜点吗', '包邮吗', '发什么快递', '有优惠券吗', '质量怎么样'];
const N = Number(process.env.N ?? 2000), C = 8;
let i = 0; const lat: number[] = [];
const t0 = performance.now();
await Promise.all(Array.from({ length: C }, async (_, w) => {
  while (i < N) { const k = i++; const s = performance.now();
    await handleInboundMessage({ database, bus, now: new Date() }, { shopId: k % 2 ? 'demo-tmall' : 'demo-taobao', buyerAccountId: `b${k % 400}`, channel: 'bridge', messageId: `m${k}`, text: texts[k % texts.length]! });
    lat.push(performance.now() - s); }
}));
const el = (performance.now() - t0) / 1000; lat.sort((a, b) => a - b);
console.log(`${url ? 'PG' : 'PGlite'} ${N} msgs in ${el.toFixed(1)} s = ${(N / el).toFixed(0)} msg/s, p50 ${lat[Math.floor(N * 0.5)]!.toFixed(1)} ms p99 ${lat[Math.floor(N * 0.99)]!.toFixed(1)} ms`);
await database.close();
