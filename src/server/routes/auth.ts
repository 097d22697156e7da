// Logins, logouts and "who am I" (issue 2 §7). Thin: validate → app/auth → reply.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { login, logout } from '../../app/auth/auth.js';
import { whoAmI } from '../../app/auth/me.js';
import { bearerToken, principalOf } from '../auth.js';

const loginBody = z.object({
  login: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

const authRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/api/v1/auth/login',
    // Per address here (the address TRUST_PROXY makes honest); per account in app.loginGuard.
    { config: { rateLimit: { max: app.ctx.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } } },
    async (request) => {
      const body = loginBody.parse(request.body);
      const result = await login(app.ctx.database, body.login, body.password, app.ctx.now(), app.ctx.config.SESSION_HOURS, app.loginGuard);
      request.log.info({ agentId: result.agent.id }, 'agent logged in');
      return result;
    },
  );

  app.post('/api/v1/auth/logout', { preHandler: app.authenticate }, async (request) => {
    const token = bearerToken(request);
    if (token) await logout(app.ctx.database, token);
    return { ok: true };
  });

  app.get('/api/v1/me', { preHandler: app.authenticate }, async (request) => whoAmI(app.ctx.database, principalOf(request)));
};
export default authRoutes;
