// C17: an agent reads and sets their own presence (online / away / offline); a supervisor or admin
// reads and sets a shop's presence minutes (rules/common.yaml `presence`, overridden per shop).
// Thin: validate → app/auth, app/metrics.
import type { FastifyPluginAsync } from 'fastify';
import { myPresence, setPresence } from '../../app/auth/presence.js';
import { getPresenceSettings, savePresenceSettings } from '../../app/metrics/presence-settings.js';
import { presenceSettingsBody, presenceSettingsParams, setPresenceBody, type PresenceSettingsView, type PresenceView } from '../../core/contract/presence.js';
import { shopEditor } from '../../app/settings/access.js';
import { principalOf } from '../auth.js';

const presenceRoutes: FastifyPluginAsync = async (app) => {
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });
  app.get('/api/v1/presence', { preHandler: app.authenticate }, async (request): Promise<PresenceView> =>
    myPresence(app.ctx.database, principalOf(request), app.ctx.now()));
  app.post('/api/v1/presence', { preHandler: app.authenticate }, async (request): Promise<PresenceView> =>
    setPresence(deps(), principalOf(request), setPresenceBody.parse(request.body).status));
  app.get('/api/v1/shops/:shopId/presence-settings', { preHandler: app.authenticate }, async (request): Promise<PresenceSettingsView> =>
    getPresenceSettings(app.ctx.database, principalOf(request), presenceSettingsParams.parse(request.params).shopId));
  app.put('/api/v1/shops/:shopId/presence-settings', { preHandler: app.authenticate }, async (request): Promise<PresenceSettingsView> => {
    const { shopId } = presenceSettingsParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId); // scope before the body: an outsider learns nothing
    return savePresenceSettings(deps(), p, shopId, presenceSettingsBody.parse(request.body));
  });
};
export default presenceRoutes;
