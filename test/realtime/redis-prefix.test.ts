// Issue 10, major 6: two deployments sharing one Redis server saw each other's events (the
// channel was the fixed `dxe:events`, and pub/sub ignores the database number). Every key and
// channel is now under the deployment's prefix: REDIS_PREFIX, or by default one derived from the
// database's own identity. Real Redis on 127.0.0.1:6379 (skipped when none answers there).
// Also: a REDIS_URL that cannot be reached stops the start with a message naming the variable.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent, EventBus } from '../../src/app/events/event-bus.js';
import { deploymentId, redisPrefixFor } from '../../src/app/runtime/deployment.js';
import { openConfiguredBus } from '../../src/app/runtime/open-runtime.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/store/open-database.js';
import { openTestDatabase } from '../helpers/database.js';
import { migratedDataDir } from '../helpers/pglite-template.js';
import { dxeEnv, runDxe } from '../resilience/serve-process.js';

const REDIS = 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
const haveRedis = await redisAnswers();
if (!haveRedis) console.warn('[skip] Redis prefix test: no Redis on 127.0.0.1:6379');

const event = (shopId: string, what: string): DomainEvent => ({ type: 'shop.changed', shopId, data: { what } });
const whatOf = (e: DomainEvent) => (e.type === 'shop.changed' ? e.data.what : e.type);

const settle = () => new Promise((r) => setTimeout(r, 300));

describe.skipIf(!haveRedis)('two deployments on one Redis never see each other (issue 10 major 6)', () => {
  let dbA: Database;
  let dbB: Database;
  const buses: EventBus[] = [];
  beforeAll(async () => {
    dbA = await openTestDatabase();
    dbB = await openTestDatabase();
  });
  afterAll(async () => {
    for (const b of buses) await b.close();
    await dbA?.close();
    await dbB?.close();
  });

  it('the default prefix comes from each database; events stay inside their deployment', async () => {
    // Same Redis server, even different database numbers: pub/sub channels are server-wide.
    const configA = loadConfig({ REDIS_URL: `${REDIS}/1`, LOG_LEVEL: 'silent' });
    const configB = loadConfig({ REDIS_URL: `${REDIS}/2`, LOG_LEVEL: 'silent' });
    const prefixA = await redisPrefixFor(configA, dbA);
    const prefixB = await redisPrefixFor(configB, dbB);
    expect(prefixA).not.toBe(prefixB);
    expect(prefixA).toBe(`dxe:${(await deploymentId(dbA)).slice(0, 16)}`);

    const a1 = await openConfiguredBus(configA, dbA);
    const a2 = await openConfiguredBus(configA, dbA); // a second process of deployment A
    const b1 = await openConfiguredBus(configB, dbB);
    buses.push(a1, a2, b1);
    const seenA2: DomainEvent[] = [];
    const seenB: DomainEvent[] = [];
    a2.subscribe((e) => seenA2.push(e));
    b1.subscribe((e) => seenB.push(e));

    // Both deployments have a shop with the same id (demo-tmall): the leak the issue found.
    await a1.publish(event('demo-tmall', '部署A的买家消息'));
    await b1.publish(event('demo-tmall', '部署B的买家消息'));
    for (let i = 0; i < 50 && (seenA2.length < 1 || seenB.length < 1); i++) await settle();
    await settle();
    expect(seenA2.map(whatOf)).toEqual(['部署A的买家消息']);
    expect(seenB.map(whatOf)).toEqual(['部署B的买家消息']);

    // Every key each deployment wrote is under its prefix.
    const raw = new Redis(`${REDIS}/1`);
    try {
      const keys = await raw.keys(`${prefixA}:*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(await raw.keys('dxe:events*')).toEqual([]);
    } finally {
      raw.disconnect();
    }
  });

  it('REDIS_PREFIX, when set, is used as it is', async () => {
    const prefix = `dxe-test-prefix-${process.pid}`;
    const config = loadConfig({ REDIS_URL: REDIS, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
    expect(await redisPrefixFor(config, dbA)).toBe(prefix);
    expect(() => loadConfig({ REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/);
  });
});

describe('a REDIS_URL that cannot be reached stops `dxe serve` at once, naming the variable (issue 10)', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  // Ports from the system (port 0), not fixed numbers another run on the machine may hold.
  const ports = { closed: 0, silent: 0 };
  const portOf = (s: Server) => (s.address() as AddressInfo).port;
  beforeAll(async () => {
    // A port that was free a moment ago and has no listener now.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    ports.closed = portOf(probe);
    await new Promise((r) => probe.close(r));
    // Accepts connections and never answers: not a Redis.
    silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    ports.silent = portOf(silent);
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  });

  // The two starts are independent (own data folder, PORT 0), so they run side by side: each is
  // mostly a `dxe serve` start-up and a wait for a Redis that never answers.
  for (const [what, which] of [
    ['nothing listens', 'closed'],
    ['something silent listens', 'silent'],
  ] as const) {
    it.concurrent(`exits non-zero when ${what}`, async ({ expect }) => {
      const { rmSync } = await import('node:fs');
      // Already migrated (a copy of the run's template, issue 9): this is about Redis, not a first
      // start, and `dxe serve` opens the store before it connects to Redis.
      const dataDir = await migratedDataDir('dxe-bad-redis-');
      try {
        const r = await runDxe(['serve'], dxeEnv({ DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${ports[which]}`, PORT: '0' }));
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('错误 [CONFIG_INVALID]');
        expect(r.stderr).toContain('REDIS_URL');
        expect(r.stderr).toMatch(/Cannot connect to Redis/);
        expect(r.stdout).not.toContain('is running');
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 180_000);
  }
});
