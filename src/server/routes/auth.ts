import type { FastifyPluginAsync } from 'fastify';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { login, logout } from '../../app/auth/auth.js';
import { shops } from '../../store/schema/index.js';
import { bearerToken, principalOf } from '../auth.js';

const loginBody = z.object({
  login: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

const authRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/api/v1/auth/login',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request) => {
      const body = loginBody.parse(request.body);
      const result = await login(app.ctx.database, body.login, body.password, app.ctx.now(), app.ctx.config.SESSION_HOURS);
      request.log.info({ agentId: result.agent.id }, 'agent logged in');
      return result;
    },
  );

  app.post('/api/v1/auth/logout', { preHandler: app.authenticate }, async (request) => {
    const token = bearerToken(request);
    if (token) await logout(app.ctx.database, token);
    return { ok: true };
  });

  app.get('/api/v1/me', { preHandler: app.authenticate }, async (request) => {
    const p = principalOf(request);
    const visible = p.shopIds.length
      ? await app.ctx.database.db
          .select({ id: shops.id, name: shops.name, platform: shops.platform })
          .from(shops)
          .where(inArray(shops.id, p.shopIds))
      : [];
    return {
      agent: { id: p.agentId, displayName: p.displayName, role: p.role, shopIds: p.shopIds },
      shops: visible,
    };
  });
};
export default authRoutes;
