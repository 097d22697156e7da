// C17: an agent reads and sets their own presence (online / away / offline). Thin: validate → app/auth.
import type { FastifyPluginAsync } from 'fastify';
import { myPresence, setPresence } from '../../app/auth/presence.js';
import { setPresenceBody, type PresenceView } from '../../core/contract/presence.js';
import { principalOf } from '../auth.js';

const presenceRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/presence', { preHandler: app.authenticate }, async (request): Promise<PresenceView> =>
    myPresence(app.ctx.database, principalOf(request), app.ctx.now()));
  app.post('/api/v1/presence', { preHandler: app.authenticate }, async (request): Promise<PresenceView> =>
    setPresence({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() }, principalOf(request), setPresenceBody.parse(request.body).status));
};
export default presenceRoutes;
