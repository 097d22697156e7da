// Opens what a `dxe` process needs from the configuration: the database (PGlite or PostgreSQL)
// and the event bus (local, or Redis when REDIS_URL is set).
import { resolve } from 'node:path';
import type { Config } from '../../config.js';
import { DxeError } from '../../core/errors.js';
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

/**
 * The bus of this deployment: local, or Redis with every key and channel under the deployment's
 * prefix (REDIS_PREFIX, default derived from the database's identity; issue 10, major 6). A Redis
 * that cannot be reached fails the start with a message naming REDIS_URL (issue 10, minor).
 */
export async function openConfiguredBus(config: Config, database: Database, opts: { onError?: (err: Error) => void } = {}): Promise<EventBus> {
  if (!config.REDIS_URL) return createLocalBus();
  const { createRedisBus } = await import('../events/redis-bus.js');
  const { redisPrefixFor } = await import('./deployment.js');
  const prefix = await redisPrefixFor(config, database);
  try {
    return await createRedisBus(config.REDIS_URL, { prefix, ...(opts.onError ? { onError: opts.onError } : {}) });
  } catch (err) {
    const shown = config.REDIS_URL.replace(/\/\/([^@/]*)@/, '//***@');
    const reason = err instanceof Error ? err.message : String(err);
    throw new DxeError(
      'CONFIG_INVALID',
      `无法连接 REDIS_URL 指定的 Redis（${shown}）：${reason}。请检查 REDIS_URL，或不设置它以单进程运行。` +
        ` / Cannot connect to Redis at REDIS_URL=${shown}: ${reason}.`,
    );
  }
}

/** What openConfiguredDatabase returns (for edges that cannot name the store's types). */
export type ConfiguredDatabase = Database;
