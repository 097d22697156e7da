// The fastify app. Route files in ./routes each export a default plugin and are registered here
// in name order; the context (database, config, logger, event bus) is decorated on the instance.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { Config } from '../config.js';
import { errorBody, registerErrorHandler } from './error-handler.js';
import { registerAuth } from './auth.js';
import { registerEdgeGuard } from './edge-guard.js';
import { loggerOptions } from './logging.js';
import { registerRouteAccess } from './route-access.js';
import { registerSecurityHeaders } from './security-headers.js';
import { LoginThrottle } from '../app/auth/login-throttle.js';
import type { LoginGuard } from '../app/auth/auth.js';
import { createLocalBus, type EventBus } from '../app/events/event-bus.js';
import type { AppContext } from '../app/runtime/context.js';

export type { AppContext };

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** Failed logins per account (LOGIN_MAX_FAILURES in LOGIN_LOCK_MINUTES). */
    loginGuard: LoginGuard;
    /** Token of the local API (routes/local.ts); null: the local API is off. */
    localToken: string | null;
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
  /** Token of the local API a `dxe` command on this machine uses (routes/local.ts); none: off. */
  localToken?: string;
}

/** TRUST_PROXY as fastify takes it: a hop count becomes "trust the first n hops". */
function trustProxyOption(v: Config['TRUST_PROXY']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof v === 'number') return (_address: string, hop: number) => hop < v;
  return v;
}

const ROUTES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'routes');

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === undefined ? loggerOptions(opts.config.LOG_LEVEL) : opts.logger,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    // Only configured proxies may name the client (TRUST_PROXY, docs/security.md): otherwise any
    // client could pick its own X-Forwarded-For and escape the per-address limits.
    trustProxy: trustProxyOption(opts.config.TRUST_PROXY),
    // Browsers keep idle keep-alive sockets open; without this, close() waits for them.
    forceCloseConnections: true,
    // Errors raised before routing (a URL that does not decode) leave in the one error shape too.
    frameworkErrors: (error, request, reply) => {
      const badUrl = (error as { code?: string }).code === 'FST_ERR_BAD_URL';
      void (reply as unknown as FastifyReply)
        .status(400)
        .send(errorBody(badUrl ? 'INVALID_CHARACTERS' : 'VALIDATION_FAILED', badUrl ? '网址包含无效字符' : '请求无效', request.id));
    },
  });
  app.decorate('ctx', {
    database: opts.database,
    config: opts.config,
    bus: opts.bus ?? createLocalBus(),
    now: opts.now ?? (() => new Date()),
  });
  app.decorate(
    'loginGuard',
    new LoginThrottle({ maxFailures: opts.config.LOGIN_MAX_FAILURES, windowMs: opts.config.LOGIN_LOCK_MINUTES * 60_000 }),
  );
  app.decorate('localToken', opts.localToken ?? null);
  // Each route's request and reply schemas are in core/contract/routes.ts; the list lets
  // test/server/route-contracts.test.ts prove that no route is missing there.
  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push(`${method} ${route.url}`);
  });
  registerErrorHandler(app);
  registerRouteAccess(app);
  registerEdgeGuard(app);
  await registerSecurityHeaders(app);
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
