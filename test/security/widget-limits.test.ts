// Issue 10: the widget's limits hold per visitor and per client address, not per socket — one
// client with many sockets, or many invented visitor ids, gets no more messages through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { MAX_SOCKETS_PER_VISITOR, RATE_MAX } from '../../src/channels/widget/buyer-socket.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { openTestDatabase, databaseLabel } from '../helpers/database.js';
import { seedWorld, type World } from '../helpers/fixtures.js';
import { TestSocket, type Frame } from '../realtime/ws-client.js';

describe(`widget limits per visitor and per address (${databaseLabel})`, () => {
  let database: Database;
  /** Default limits. */
  let app: FastifyInstance;
  /** Five messages per address in 10 s, so the address limit shows with few messages. */
  let strict: FastifyInstance;
  let w: World;
  const bases: string[] = [];
  const sockets: TestSocket[] = [];
  const open = async (which: 0 | 1, visitor: string) => {
    const s = await TestSocket.open(`${bases[which]}/widget/${w.shopA}/ws?visitor=${visitor}`);
    sockets.push(s);
    return s;
  };
  const count = (all: TestSocket[], pred: (f: Frame) => boolean) => all.reduce((n, s) => n + s.frames.filter(pred).length, 0);
  const answered = (f: Frame) => f.type === 'ack' || f.code === 'RATE_LIMITED';
  const settle = (all: TestSocket[], total: number) => all[0]!.waitFor(() => count(all, answered) >= total, 90_000);

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database, config: loadConfig({ TIMERS: 'off' }), logger: false });
    strict = await buildApp({ database, config: loadConfig({ TIMERS: 'off', WIDGET_MESSAGES_PER_ADDRESS: '5' }), logger: false });
    w = await seedWorld(database);
    // Port 0: free ports from the system, never ones another run on the machine holds.
    bases.push((await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws'));
    bases.push((await strict.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws'));
  }, 180_000); // seeding the demo is slow on a busy machine
  afterAll(async () => {
    for (const s of sockets) s.raw.terminate();
    await app?.close();
    await strict?.close();
    await database?.close();
  });

  it(`one visitor on four sockets gets ${RATE_MAX} messages in, not ${RATE_MAX} per socket; sockets beyond ${MAX_SOCKETS_PER_VISITOR} are refused`, async () => {
    // The shop's first message loads its language model and holds the event loop for seconds;
    // get that done first so the burst below arrives within one 10 s window.
    const warm = await open(0, 'v_warm_up_0001');
    await warm.first('ready');
    warm.send({ type: 'message', clientId: 'w1', text: '在吗' });
    await warm.next('ack', 90_000);
    const visitor = 'v_many_sockets_1';
    const tabs = await Promise.all([0, 1, 2, 3].map(() => open(0, visitor)));
    await Promise.all(tabs.map((t) => t.first('ready')));
    tabs.forEach((t, i) => [0, 1, 2].forEach((k) => t.send({ type: 'message', clientId: `t${i}m${k}`, text: `第${k + 1}个问题` })));
    await settle(tabs, 12);
    expect(count(tabs, (f) => f.type === 'ack')).toBe(RATE_MAX);
    expect(count(tabs, (f) => f.code === 'RATE_LIMITED')).toBe(12 - RATE_MAX);

    const more = await Promise.all(Array.from({ length: MAX_SOCKETS_PER_VISITOR }, () => open(0, visitor)));
    await Promise.all(more.map((s) => s.waitFor(() => s.frames.length > 0, 20_000)));
    const refused = more.filter((s) => s.frames.some((f) => f.code === 'RATE_LIMITED'));
    expect(refused.length).toBe(4);
    await refused[0]!.waitFor(() => refused[0]!.closed);
    expect(refused[0]!.closeCode).toBe(4429);
  }, 180_000);

  // Runs after the test above has loaded the shop's model (same process), so the burst is quick.
  it('invented visitor ids from one address share the address limit', async () => {
    const visitors = ['v_address_test_a', 'v_address_test_b', 'v_address_test_c'];
    const tabs = await Promise.all(visitors.map((v) => open(1, v)));
    await Promise.all(tabs.map((t) => t.first('ready')));
    tabs.forEach((t, i) => [0, 1].forEach((k) => t.send({ type: 'message', clientId: `a${i}m${k}`, text: `问题${k + 1}` })));
    await settle(tabs, 6);
    expect(count(tabs, (f) => f.type === 'ack')).toBe(5);
    expect(count(tabs, (f) => f.code === 'RATE_LIMITED')).toBe(1);
  }, 120_000);
});
