// Per-keystroke guard check for the reply box (D): writes nothing.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { checkDraft } from '../../app/conversations/check-draft.js';
import { principalOf } from '../auth.js';

const body = z.object({
  text: z.string().max(2000, '消息过长（最多 2000 字）'),
  shopId: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(100).optional(),
});

const guardCheckRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/guard/check', { preHandler: app.authenticate }, async (request) =>
    checkDraft(app.ctx.database, principalOf(request), body.parse(request.body)));
};
export default guardCheckRoutes;
