// The fastify app. Route files in ./routes each export a default plugin and are registered here
// in name order; the context (database, config, logger, event bus) is decorated on the instance.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { Config } from '../config.js';
import { registerErrorHandler } from './error-handler.js';
import { registerAuth } from './auth.js';
import { createLocalBus, type EventBus } from '../app/events/event-bus.js';
import type { AppContext } from '../app/runtime/context.js';

export type { AppContext };

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** `METHOD /url` of every route registered (HEAD twins left out), for the contract check. */
    routeList: string[];
  }
}

export interface BuildOptions {
  database: AppContext['database'];
  config: Config;
  bus?: EventBus;
  now?: () => Date;
  logger?: boolean | object;
}

const ROUTES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'routes');

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === undefined
        ? { level: opts.config.LOG_LEVEL, redact: ['req.headers.authorization', '*.password', '*.phone'] }
        : opts.logger,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // Browsers keep idle keep-alive sockets open; without this, close() waits for them.
    forceCloseConnections: true,
  });
  app.decorate('ctx', {
    database: opts.database,
    config: opts.config,
    bus: opts.bus ?? createLocalBus(),
    now: opts.now ?? (() => new Date()),
  });
  // Each route's request and reply schemas are in core/contract/routes.ts; the list lets
  // test/server/route-contracts.test.ts prove that no route is missing there.
  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push(`${method} ${route.url}`);
  });
  registerErrorHandler(app);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  registerAuth(app);

  const files = readdirSync(ROUTES_DIR)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.test\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(ROUTES_DIR, file)).href)) as {
      default?: FastifyPluginAsync;
    };
    if (mod.default) await app.register(mod.default);
  }
  return app;
}
