// Learning from the agents (issue 12): an agent relabels the intent the bot read in a buyer
// message (app/corrections/relabel.ts); a shop's settings read its corrections and the last
// retrain. People only for the relabel; the caller's role and shop are checked before the body is read.
import type { FastifyPluginAsync } from 'fastify';
import { relabelMessage, relabeller } from '../../app/corrections/relabel.js';
import { correctionsSummary } from '../../app/corrections/summary.js';
import type { CorrectionsSummaryView, RelabelReply } from '../../core/contract/corrections.js';
import { conversationIdParams } from '../../core/contract/conversations.js';
import { shopParams } from '../../core/contract/settings.js';
import { principalOf } from '../auth.js';

const correctionRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };

  app.post('/api/v1/conversations/:id/relabel', auth, async (request): Promise<RelabelReply> => {
    const { id } = conversationIdParams.parse(request.params);
    const p = relabeller(principalOf(request));
    const deps = { database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now(), retrainPerMinute: app.ctx.config.RETRAIN_PER_MINUTE };
    // The body is validated after the conversation's shop is checked (an outsider learns nothing).
    return relabelMessage(deps, p, id, request.body);
  });

  app.get('/api/v1/shops/:shopId/corrections', auth, async (request): Promise<CorrectionsSummaryView> => {
    const { shopId } = shopParams.parse(request.params);
    return correctionsSummary(app.ctx.database, principalOf(request), shopId);
  });
};
export default correctionRoutes;
