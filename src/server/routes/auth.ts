// Logins, logouts and "who am I" (issue 2 §7; with the tabs the role may use, issue 15). Thin: validate → app/auth → reply.
import type { FastifyPluginAsync } from 'fastify';
import { login } from '../../app/auth/auth.js';
import { logoutWithPresence } from '../../app/auth/presence.js';
import { whoAmI } from '../../app/auth/me.js';
import { bearerToken, principalOf } from '../auth.js';
import { tabsFor } from '../route-access.js';
import { loginBody } from '../../core/contract/auth.js';
import type { LoginReply, MeView } from '../../core/contract/views.js';

const authRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/api/v1/auth/login',
    // Per address here (the address TRUST_PROXY makes honest); per account in app.loginGuard.
    { config: { rateLimit: { max: app.ctx.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } } },
    async (request): Promise<LoginReply> => {
      const body = loginBody.parse(request.body);
      const result = await login(app.ctx.database, body.login, body.password, app.ctx.now(), app.ctx.config.SESSION_HOURS, app.loginGuard);
      request.log.info({ agentId: result.agent.id }, 'agent logged in');
      return result;
    },
  );

  app.post('/api/v1/auth/logout', { preHandler: app.authenticate }, async (request) => {
    const token = bearerToken(request);
    if (token) await logoutWithPresence({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() }, token);
    return { ok: true };
  });

  app.get('/api/v1/me', { preHandler: app.authenticate }, async (request): Promise<MeView> => {
    const p = principalOf(request);
    return { ...(await whoAmI(app.ctx.database, p)), tabs: tabsFor(p) };
  });
};
export default authRoutes;
