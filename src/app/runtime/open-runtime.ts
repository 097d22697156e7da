// Opens what a `dxe` process needs from the configuration: the database (PGlite or PostgreSQL)
// and the event bus (local, or Redis when REDIS_URL is set).
import { resolve } from 'node:path';
import type { Config } from '../../config.js';
import { openDatabase, type Database } from '../../store/open-database.js';
import { createLocalBus, type EventBus } from '../events/event-bus.js';

export async function openConfiguredDatabase(
  config: Config,
  opts: { migrate?: boolean; serving?: boolean } = {},
): Promise<Database> {
  return openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: resolve(config.DATA_DIR),
    migrate: opts.migrate,
    // A long-running server gains from the engine's own thread; a short command does not.
    thread: opts.serving === true && config.PGLITE_THREAD === 'on',
  });
}

export async function openConfiguredBus(config: Config): Promise<EventBus> {
  if (!config.REDIS_URL) return createLocalBus();
  const { createRedisBus } = (await import('../events/redis-bus.js')) as {
    createRedisBus: (url: string) => Promise<EventBus> | EventBus;
  };
  return createRedisBus(config.REDIS_URL);
}
