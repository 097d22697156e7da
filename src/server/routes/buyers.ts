// Buyers (CRM, issue 14: M1–M3): the buyer list by segment, one buyer's profile with purchase and
// service history, editing notes/tags/occupation (any agent of the shop; people only), the shop's
// VIP tiers and perks (supervisors and admins change them), and the store's figures per month with
// the follow-up flows' figures for the dashboard. Thin: validate → app/buyers → reply.
import type { FastifyPluginAsync } from 'fastify';
import { buyerProfile, listBuyers, updateBuyer } from '../../app/buyers/buyers.js';
import { storeFigures } from '../../app/buyers/store-figures.js';
import { buyerSegments } from '../../app/buyers/segments.js';
import { setVipTiers, vipTiers } from '../../app/buyers/tiers.js';
import {
  buyerIdParams,
  buyerListQuery,
  buyerShopParams,
  buyerUpdateBody,
  storeFiguresQuery,
  vipTiersBody,
  type BuyerListView,
  type BuyerProfileView,
  type BuyerSegmentsView,
  type StoreFiguresView,
  type VipTiersView,
} from '../../core/contract/buyers.js';
import { shopEditor } from '../../app/settings/access.js';
import { assertShop, principalOf } from '../auth.js';

const buyerRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };
  const deps = () => ({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() });

  app.get('/api/v1/shops/:shopId/buyers', auth, async (request): Promise<BuyerListView> => {
    const { shopId } = buyerShopParams.parse(request.params);
    return listBuyers(app.ctx.database, assertShop(request, shopId), shopId, buyerListQuery.parse(request.query));
  });

  // F4/M2: the segment picker for targeted messages (buyers per VIP tier and per tag).
  app.get('/api/v1/shops/:shopId/buyer-segments', auth, async (request): Promise<BuyerSegmentsView> => {
    const { shopId } = buyerShopParams.parse(request.params);
    return buyerSegments(app.ctx.database, assertShop(request, shopId), shopId);
  });

  app.get('/api/v1/buyers/:id', auth, async (request): Promise<BuyerProfileView> => {
    const { id } = buyerIdParams.parse(request.params);
    return buyerProfile(app.ctx.database, principalOf(request), id);
  });

  app.put('/api/v1/buyers/:id', auth, async (request): Promise<BuyerProfileView> => {
    const { id } = buyerIdParams.parse(request.params);
    const p = principalOf(request);
    return updateBuyer(deps(), p, id, buyerUpdateBody.parse(request.body));
  });

  app.get('/api/v1/shops/:shopId/vip-tiers', auth, async (request): Promise<VipTiersView> => {
    const { shopId } = buyerShopParams.parse(request.params);
    return vipTiers(app.ctx.database, assertShop(request, shopId), shopId);
  });

  app.put('/api/v1/shops/:shopId/vip-tiers', auth, async (request) => {
    const { shopId } = buyerShopParams.parse(request.params);
    const p = shopEditor(principalOf(request), shopId);
    return setVipTiers(deps(), p, shopId, vipTiersBody.parse(request.body));
  });

  app.get('/api/v1/shops/:shopId/store-figures', auth, async (request): Promise<StoreFiguresView> => {
    const { shopId } = buyerShopParams.parse(request.params);
    return storeFigures(app.ctx.database, assertShop(request, shopId), shopId, storeFiguresQuery.parse(request.query), app.ctx.now());
  });
};
export default buyerRoutes;
