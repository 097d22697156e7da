// F4 老客回访 by phone and mail: the call tasks agents work in 跟进 (list, 查看号码, outcome), a
// buyer's email address, and the shop's SMTP server. Thin: validate → app/followups → reply.
import type { FastifyPluginAsync } from 'fastify';
import { claimCall, recordCallOutcome, revealCallPhone, revisitCallList } from '../../app/followups/revisit-calls.js';
import { mailSettings, saveMailSettings, setBuyerEmail } from '../../app/followups/revisit-mail.js';
import { secretBoxFor } from '../../app/runtime/secret-box.js';
import {
  buyerEmailBody,
  buyerEmailParams,
  callClaimBody,
  callOutcomeBody,
  mailSettingsBody,
  revisitCallParams,
  revisitCallsQuery,
  revisitShopParams,
  type BuyerEmailReply,
  type CallClaimReply,
  type CallOutcomeReply,
  type MailSettingsView,
  type RevisitCallsView,
} from '../../core/contract/revisits.js';
import { principalOf } from '../auth.js';

const revisitRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });

  app.get('/api/v1/shops/:shopId/revisit-calls', auth, async (request): Promise<RevisitCallsView> => {
    const { shopId } = revisitShopParams.parse(request.params);
    return revisitCallList(app.ctx.database, principalOf(request), shopId, revisitCallsQuery.parse(request.query), app.ctx.now());
  });

  // 接手 a call task before calling (or let it go), so two agents do not call one buyer.
  app.post('/api/v1/shops/:shopId/revisit-calls/:callId/claim', auth, async (request): Promise<CallClaimReply> => {
    const { shopId, callId } = revisitCallParams.parse(request.params);
    return claimCall(deps(), principalOf(request), shopId, callId, callClaimBody.parse(request.body ?? {}));
  });

  app.post('/api/v1/shops/:shopId/revisit-calls/:callId/outcome', auth, async (request): Promise<CallOutcomeReply> => {
    const { shopId, callId } = revisitCallParams.parse(request.params);
    return recordCallOutcome(deps(), principalOf(request), shopId, callId, callOutcomeBody.parse(request.body));
  });

  app.post('/api/v1/shops/:shopId/revisit-calls/:callId/reveal', auth, async (request): Promise<{ phone: string }> => {
    const { shopId, callId } = revisitCallParams.parse(request.params);
    return revealCallPhone(deps(), principalOf(request), shopId, callId);
  });

  app.put('/api/v1/shops/:shopId/buyers/:buyerId/email', auth, async (request): Promise<BuyerEmailReply> => {
    const { shopId, buyerId } = buyerEmailParams.parse(request.params);
    return setBuyerEmail(deps(), principalOf(request), shopId, buyerId, buyerEmailBody.parse(request.body).email);
  });

  app.get('/api/v1/shops/:shopId/mail-settings', auth, async (request): Promise<MailSettingsView> => {
    const { shopId } = revisitShopParams.parse(request.params);
    return mailSettings(app.ctx.database, principalOf(request), shopId);
  });

  app.put('/api/v1/shops/:shopId/mail-settings', auth, async (request): Promise<MailSettingsView> => {
    const { shopId } = revisitShopParams.parse(request.params);
    return saveMailSettings({ ...deps(), secrets: secretBoxFor(app.ctx.config) }, principalOf(request), shopId, mailSettingsBody.parse(request.body));
  });
};
export default revisitRoutes;
