// Scaled mode: two app instances (as two `dxe serve` processes) on one PostgreSQL database and one
// Redis. A reply sent through either reaches agents connected to both exactly once, and a screen
// that reconnects to the other process catches up from the shared log.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { createRedisBus } from '../../src/app/events/redis-bus.js';
import { openDatabase, type Database } from '../../src/store/open-database.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedConversation, seedWorld, tokenFor, type World } from '../helpers/fixtures.js';
import { TestSocket, pause, openAgentSocket } from './ws-client.js';

const { REDIS_URL, DATABASE_URL } = process.env;
const skip = !REDIS_URL || !DATABASE_URL;
if (skip) console.warn('[skip] two-process realtime test: needs both DATABASE_URL and REDIS_URL');

describe.skipIf(skip)('two processes on PostgreSQL + Redis', () => {
  let db1: Database;
  let db2: Database;
  const apps: FastifyInstance[] = [];
  const bases: string[] = [];
  let w: World;
  const tokens: Record<string, string> = {};
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db1 = await openTestDatabase();
    // The second process has its own pool on the same database and schema.
    db2 = await openDatabase({ databaseUrl: DATABASE_URL, pgSchema: db1.pgSchema, migrate: false, poolSize: 4 });
    const prefix = `dxe-test-${randomBytes(4).toString('hex')}`;
    for (const database of [db1, db2]) {
      const bus = await createRedisBus(REDIS_URL!, { prefix });
      const app = await buildApp({ database, config: loadConfig({}), bus, logger: false });
      app.addHook('onClose', async () => bus.close());
      apps.push(app);
      bases.push((await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws'));
    }
    w = await seedWorld(db1);
    tokens.agentA = await tokenFor(apps[0]!, w.agentA.login);
    tokens.supervisor = await tokenFor(apps[1]!, w.supervisor.login);
  });
  afterAll(async () => {
    for (const s of sockets) s.raw.terminate();
    for (const app of apps) await app.close();
    await db2?.close();
    await db1?.close();
  });

  const open = async (i: number, who: string) => {
    const s = await openAgentSocket(bases[i]!, tokens[who]!);
    sockets.push(s);
    await s.first('ready').catch(() => undefined);
    return s;
  };

  it('each event reaches agents on both processes exactly once, whichever process raised it', async () => {
    const conv = await seedConversation(db1, { shopId: w.shopA, incoming: [{ text: '亲，在吗', at: new Date() }] });
    const onP1 = await open(0, 'agentA');
    const onP2 = await open(1, 'supervisor');
    const alsoP2 = await open(1, 'agentA');
    const r1 = await apps[0]!.inject({
      method: 'POST', url: `/api/v1/conversations/${conv}/messages`,
      headers: { authorization: `Bearer ${tokens.agentA}` }, payload: { text: '亲，在的呢，请问有什么可以帮您？' },
    });
    expect(r1.statusCode).toBe(201);
    const r2 = await apps[1]!.inject({
      method: 'POST', url: `/api/v1/conversations/${conv}/take`, headers: { authorization: `Bearer ${tokens.supervisor}` },
    });
    expect(r2.statusCode).toBe(200);
    for (const s of [onP1, onP2, alsoP2]) {
      await s.waitFor((f) => f.filter((x) => x.type === 'conversation.updated').length >= 2);
    }
    await pause(200);
    for (const s of [onP1, onP2, alsoP2]) {
      const created = s.ofType('message.created');
      expect(created).toHaveLength(1);
      expect(created[0]!.data.message.text).toBe('亲，在的呢，请问有什么可以帮您？');
      expect(s.ofType('conversation.updated')).toHaveLength(2);
      const seqs = s.frames.filter((f) => f.seq !== undefined).map((f) => f.seq!);
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    expect(onP1.frames.filter((f) => f.seq).map((f) => f.seq)).toEqual(onP2.frames.filter((f) => f.seq).map((f) => f.seq));
  });

  it('a screen that drops off process 1 catches up on process 2', async () => {
    const s1 = await open(0, 'agentA');
    await apps[0]!.ctx.bus.publish({ type: 'shop.changed', shopId: w.shopA, data: { what: '0' } });
    await s1.next('shop.changed');
    const after = s1.ofType('shop.changed')[0]!.seq!;
    await s1.close();
    for (let n = 1; n <= 10; n++) await apps[n % 2]!.ctx.bus.publish({ type: 'shop.changed', shopId: w.shopA, data: { what: String(n) } });
    const s2 = await open(1, 'agentA');
    s2.send({ type: 'resume', afterSeq: after });
    await s2.next('resumed');
    await pause(100);
    expect(s2.ofType('shop.changed').map((f) => Number(f.data.what))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
