// Authentication and shop scoping for every route. `request.principal` is set by `app.authenticate`;
// `assertShop` answers 404 for a shop outside the caller's scope so ids of others' shops do not leak.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DxeError } from '../core/errors.js';
import { resolveToken, type Principal } from '../app/auth/auth.js';
import { assertShopAccess, maySeePersonalData, requireRoleOf, type CallerRole } from '../app/auth/access.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const q = request.query as Record<string, unknown> | undefined;
  if (q && typeof q.token === 'string') return q.token;
  return null;
}

export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (!token) throw new DxeError('UNAUTHENTICATED');
    const principal = await resolveToken(app.ctx.database, token, app.ctx.now());
    if (!principal) throw new DxeError('UNAUTHENTICATED', '登录已失效，请重新登录');
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
