// Follow-ups (issue 14: C8, F1–F4, O7, R7): the shop's flows, templates, preview and sent log;
// the buyer notice (S1) generated from the shop's settings with rule-breaking lines flagged.
// Reads for everyone who may see the shop; switching flows and saving templates for supervisors
// and admins (checked before the body is read); the work is app/followups/manage.ts.
import type { FastifyPluginAsync } from 'fastify';
import {
  followupLog,
  followupsOverview,
  previewFollowupFlow,
  saveFollowupTemplates,
  setFollowupConsent,
  setFollowupFlow,
} from '../../app/followups/manage.js';
import { buyerNotice, saveBuyerNotice } from '../../app/followups/buyer-notice.js';
import { shopEditor } from '../../app/settings/access.js';
import {
  buyerNoticeBody,
  buyerNoticeFieldsSchema,
  followupConsentBody,
  followupFlowBody,
  followupLogQuery,
  followupPreviewBody,
  followupShopParams,
  followupTemplatesBody,
  type BuyerNoticeView,
  type FollowupLog,
  type FollowupPreview,
  type FollowupsView,
} from '../../core/contract/followups.js';
import { assertShop, principalOf } from '../auth.js';

const followupRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });

  app.get('/api/v1/shops/:shopId/followups', auth, async (request): Promise<FollowupsView> => {
    const { shopId } = followupShopParams.parse(request.params);
    return followupsOverview(app.ctx.database, assertShop(request, shopId), shopId, app.ctx.now());
  });

  app.put('/api/v1/shops/:shopId/followups/flows', auth, async (request): Promise<FollowupsView> => {
    const { shopId } = followupShopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    return setFollowupFlow(deps(), p, shopId, followupFlowBody.parse(request.body));
  });

  app.put('/api/v1/shops/:shopId/followups/templates', auth, async (request) => {
    const { shopId } = followupShopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    return saveFollowupTemplates(deps(), p, shopId, followupTemplatesBody.parse(request.body));
  });

  app.post('/api/v1/shops/:shopId/followups/preview', auth, async (request): Promise<FollowupPreview> => {
    const { shopId } = followupShopParams.parse(request.params);
    const p = assertShop(request, shopId);
    const { flow, segment } = followupPreviewBody.parse(request.body);
    return previewFollowupFlow(app.ctx.database, p, shopId, flow, app.ctx.now(), segment);
  });

  app.get('/api/v1/shops/:shopId/followups/log', auth, async (request): Promise<FollowupLog> => {
    const { shopId } = followupShopParams.parse(request.params);
    const p = assertShop(request, shopId);
    return followupLog(app.ctx.database, p, shopId, followupLogQuery.parse(request.query));
  });

  app.post('/api/v1/shops/:shopId/followups/consent', auth, async (request) => {
    const { shopId } = followupShopParams.parse(request.params);
    const p = assertShop(request, shopId);
    return setFollowupConsent(deps(), p, shopId, followupConsentBody.parse(request.body));
  });

  app.post('/api/v1/shops/:shopId/buyer-notice', auth, async (request): Promise<BuyerNoticeView> => {
    const { shopId } = followupShopParams.parse(request.params);
    const p = assertShop(request, shopId);
    const { draft } = buyerNoticeBody.parse(request.body ?? {});
    return buyerNotice(app.ctx.database, p, shopId, draft);
  });

  app.put('/api/v1/shops/:shopId/buyer-notice', auth, async (request): Promise<BuyerNoticeView> => {
    const { shopId } = followupShopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    return saveBuyerNotice(deps(), p, shopId, buyerNoticeFieldsSchema.parse(request.body));
  });
};
export default followupRoutes;
