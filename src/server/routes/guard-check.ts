// Per-keystroke guard check for the reply box (D): writes nothing.
import type { FastifyPluginAsync } from 'fastify';
import { checkDraft } from '../../app/conversations/check-draft.js';
import { guardCheckBody } from '../../core/contract/conversations.js';
import type { GuardVerdictView } from '../../core/contract/views.js';
import { principalOf } from '../auth.js';

const guardCheckRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/guard/check', { preHandler: app.authenticate }, async (request): Promise<GuardVerdictView> =>
    checkDraft(app.ctx.database, principalOf(request), guardCheckBody.parse(request.body)));
};
export default guardCheckRoutes;
