// Per-keystroke guard check for the reply box (D): writes nothing. And the C14 model phrases the
// reply box offers (quick-phrase picker, polite forms next to a blaming phrase).
import type { FastifyPluginAsync } from 'fastify';
import { checkDraft } from '../../app/conversations/check-draft.js';
import { guardCheckBody } from '../../core/contract/conversations.js';
import type { ServicePhrasesView } from '../../core/contract/messages.js';
import type { GuardVerdictView } from '../../core/contract/views.js';
import { listPhrases } from '../../core/guard/phrases.js';
import { principalOf } from '../auth.js';

const guardCheckRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/guard/check', { preHandler: app.authenticate }, async (request): Promise<GuardVerdictView> =>
    checkDraft(app.ctx.database, principalOf(request), guardCheckBody.parse(request.body)));
  app.get('/api/v1/guard/phrases', { preHandler: app.authenticate }, async (): Promise<ServicePhrasesView> => ({
    groups: listPhrases().map((g) => ({ category: g.category, title: g.title, phrases: [...g.phrases] })),
  }));
};
export default guardCheckRoutes;
