// Authentication and shop scoping for every route. `request.principal` is set by `app.authenticate`;
// `assertShop` answers 404 for a shop outside the caller's scope so ids of others' shops do not leak.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DxeError } from '../core/errors.js';
import { hashToken, resolveTokenHash, tokenKind, type Principal } from '../app/auth/auth.js';
import { assertShopAccess, maySeePersonalData, requireRoleOf, type CallerRole } from '../app/auth/access.js';
import { noteActivity } from '../app/auth/presence.js';
import { redeemWsTicket } from '../app/auth/ws-tickets.js';
import { assertRouteAccess } from './route-access.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** The agents' WebSocket: a one-time ticket in `?ticket=` (POST /api/v1/ws/ticket). */
    authenticateTicket: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** The bearer token of the Authorization header. Never from the URL (server/edge-guard.ts refuses those). */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return null;
}

const tokenHashes = new WeakMap<FastifyRequest, string>();

/**
 * The hash of the request's bearer token, computed once per request: the bridge's rate limit
 * (keyed by it) and authentication (looked up by it) both need it (issue 9, throughput).
 */
export function bearerTokenHash(request: FastifyRequest): string | null {
  const token = bearerToken(request);
  if (!token) return null;
  let hash = tokenHashes.get(request);
  if (hash === undefined) tokenHashes.set(request, (hash = hashToken(token)));
  return hash;
}

export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (!token) throw new DxeError('UNAUTHENTICATED');
    const kind = tokenKind(token);
    const principal = kind ? await resolveTokenHash(app.ctx.database, kind, bearerTokenHash(request)!, app.ctx.now()) : null;
    if (!principal) throw new DxeError('UNAUTHENTICATED', '登录已失效，请重新登录');
    // The route's entry in server/route-access.ts: token scopes and agent roles.
    assertRouteAccess(principal, request.routeOptions.config.access);
    request.principal = principal;
    // C17: every request of an agent is a sign of their screen; a write is a person acting.
    if (principal.kind === 'agent' && principal.agentId) {
      const active = request.method !== 'GET' && request.method !== 'HEAD' && !request.url.startsWith('/api/v1/ws/ticket');
      await noteActivity({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() }, principal.agentId, active).catch((err: unknown) =>
        request.log.error({ err }, 'noting activity failed'));
    }
  });
  app.decorate('authenticateTicket', async (request: FastifyRequest) => {
    const q = request.query as Record<string, unknown> | undefined;
    const ticket = typeof q?.ticket === 'string' ? q.ticket : null;
    if (!ticket) throw new DxeError('UNAUTHENTICATED', '缺少连接凭证，请刷新页面');
    const principal = await redeemWsTicket(app.ctx.database, ticket, app.ctx.now());
    if (!principal) throw new DxeError('UNAUTHENTICATED', '连接凭证无效或已过期，请刷新页面');
    request.principal = principal;
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DxeError('UNAUTHENTICATED');
  return request.principal;
}

export function assertShop(request: FastifyRequest, shopId: string): Principal {
  return assertShopAccess(principalOf(request), shopId);
}

export function requireRole(request: FastifyRequest, ...roles: CallerRole[]): Principal {
  return requireRoleOf(principalOf(request), ...roles);
}

/** Phones and addresses are personal data: only admins and supervisors see them unmasked. */
export const mayseePersonalData = maySeePersonalData;
