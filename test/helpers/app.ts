// Builds the real server on a real test database with the demo organisation, for inject() tests.
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.js';
import type { Database } from '../../src/store/open-database.js';
import { openDemoDatabase, openTestDatabase } from './database.js';
import { seedWorld, type World } from './fixtures.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  now: Date;
  login(login: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(opts: { now?: Date; seed?: boolean; config?: Record<string, string> } = {}): Promise<TestApp> {
  const now = opts.now ?? new Date('2026-11-23T06:00:00.000Z');
  const database = opts.seed === false ? await openTestDatabase() : await openDemoDatabase(now);
  const config = loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off', ...opts.config });
  const app = await buildApp({ database, config, now: () => now, logger: false });
  await app.ready();
  return {
    app,
    database,
    now,
    async login(login: string) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface WorldApp {
  app: FastifyInstance;
  database: Database;
  world: World;
  close(): Promise<void>;
}

/**
 * The real server on a real test database seeded with `seedWorld` (two shops, agents, a
 * supervisor), its clock read through `now` so a test can move time between calls.
 */
export async function startWorldApp(opts: { now: () => Date; platformA?: string; settingsA?: object }): Promise<WorldApp> {
  const database = await openTestDatabase();
  const world = await seedWorld(database, { platformA: opts.platformA, settingsA: opts.settingsA });
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: opts.now, logger: false });
  await app.ready();
  return {
    app,
    database,
    world,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
