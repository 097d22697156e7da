// What every use case runs with in a `dxe serve` process: the database, the configuration, the
// event bus and the clock (core never reads the clock; the app passes it in). The server holds one
// of these; background work and the CLI build theirs from the same configuration.
import type { Config } from '../../config.js';
import type { Database } from '../../store/open-database.js';
import type { EventBus } from '../events/event-bus.js';

export interface AppContext {
  database: Database;
  config: Config;
  bus: EventBus;
  /** The clock, injectable for tests. */
  now: () => Date;
}

/** The logger part background work uses (pino's and fastify's loggers both fit). */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a command needs: the database, the bus its events go to after commit, and the time now. */
export interface UseCaseDeps {
  database: AppContext['database'];
  bus: EventBus;
  now: Date;
}
