// Orders for the workbench (O1, O3–O5, O7, N5, A11): list per shop, the side panel's detail, state
// changes through the machine, logistics events and the evidence bundle. Validation here, the
// work in app/orders and app/evidence; personal data is masked unless the role may see it, and an
// order outside the caller's shops is 404.
import type { FastifyPluginAsync } from 'fastify';
import { downloadOrderEvidence } from '../../app/evidence/download.js';
import { moveOrder, recordLogistics } from '../../app/orders/order-actions.js';
import { setPriceChangeAwait } from '../../app/orders/price-change-await.js';
import { recordOrderVerification } from '../../app/orders/order-verification.js';
import { recordPriceProtectionClaim, settlePriceProtectionClaim } from '../../app/orders/price-protection.js';
import { priceProtectionClaimList } from '../../app/orders/price-protection-list.js';
import { getOrderDetail } from '../../app/orders/order-detail.js';
import { listShopOrders } from '../../app/orders/order-list.js';
import { orderBoard } from '../../app/orders/order-board.js';
import { importOrders, importSummary, shopPlatformOf } from '../../app/orders/import-orders.js';
import { openUploadedOrders, ORDER_UPLOAD_LIMIT, ORDER_UPLOAD_TYPES } from '../../channels/order-files/open-import.js';
import { DxeError } from '../../core/errors.js';
import { evidenceQuery } from '../../core/contract/cases.js';
import {
  logisticsBody,
  orderBoardQuery,
  orderIdParams as idParam,
  orderListQuery as listQuery,
  orderShopParams as shopParam,
  orderTransitionBody as transitionBody,
  orderUploadQuery,
  orderVerificationBody,
  priceChangeAwaitBody,
  priceProtectionClaimBody,
  priceProtectionClaimParams,
  priceProtectionListQuery,
  priceProtectionSettleBody,
} from '../../core/contract/orders.js';
import type { LocalImportReply } from '../../core/contract/local.js';
import type { OrderDetailView } from '../../core/contract/views.js';
import { assertShop, mayseePersonalData, principalOf, requireRole } from '../auth.js';
import type { LogisticsReply, OrderListView, PriceProtectionListView } from '../../core/contract/views.js';


const orderRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };

  app.get('/api/v1/shops/:shopId/orders', auth, async (request): Promise<OrderListView> => {
    const { shopId } = shopParam.parse(request.params);
    const p = assertShop(request, shopId);
    const q = listQuery.parse(request.query);
    return listShopOrders(app.ctx.database, p, shopId, q, app.ctx.now(), mayseePersonalData(p));
  });

  // The orders screen: every shop of the caller (or one), filtered by phase, deadline, exposure, risk.
  app.get('/api/v1/orders', auth, async (request) => {
    const p = principalOf(request);
    const q = orderBoardQuery.parse(request.query);
    return orderBoard(app.ctx.database, p, q, app.ctx.now(), mayseePersonalData(p));
  });

  // O4 from the 订单 screen: a marketplace's order export uploaded as the body (CSV GBK/UTF-8 or
  // .xlsx), read and imported exactly as `dxe import orders` does, into the shop it names.
  app.addContentTypeParser(ORDER_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: ORDER_UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
  app.post('/api/v1/shops/:shopId/orders/import', { ...auth, bodyLimit: ORDER_UPLOAD_LIMIT }, async (request): Promise<LocalImportReply> => {
    const { shopId } = shopParam.parse(request.params);
    requireRole(request, 'admin', 'supervisor');
    assertShop(request, shopId);
    const { name } = orderUploadQuery.parse(request.query);
    if (!Buffer.isBuffer(request.body)) {
      throw new DxeError('VALIDATION_FAILED', '请上传订单导出文件本身（CSV 或 Excel .xlsx，Content-Type: application/octet-stream）', { importCode: 'IMPORT_UNKNOWN_FORMAT' });
    }
    const source = await openUploadedOrders(await shopPlatformOf(app.ctx.database, shopId), request.body, name);
    return importSummary(await importOrders(app.ctx.database, { shopId, source }));
  });

  app.get('/api/v1/orders/:id', auth, async (request): Promise<OrderDetailView> => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    return getOrderDetail(app.ctx.database, p, id, app.ctx.now(), mayseePersonalData(p));
  });

  app.post('/api/v1/orders/:id/transition', auth, async (request): Promise<OrderDetailView> => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    const body = transitionBody.parse(request.body);
    return moveOrder(app.ctx.database, p, id, body, app.ctx.now(), mayseePersonalData(p));
  });

  // C8: an agent marks an unpaid order as awaiting a 改价, or ends the wait (leads and agents of the shop).
  app.post('/api/v1/orders/:id/price-change-await', auth, async (request): Promise<OrderDetailView> => {
    const { id } = idParam.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const body = priceChangeAwaitBody.parse(request.body);
    return setPriceChangeAwait(app.ctx.database, p, id, body, app.ctx.now(), mayseePersonalData(p));
  });

  // C9: an agent records that the order was confirmed with the buyer, with the buyer's corrections or notes.
  app.post('/api/v1/orders/:id/verification', auth, async (request): Promise<OrderDetailView> => {
    const { id } = idParam.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const body = orderVerificationBody.parse(request.body);
    return recordOrderVerification(app.ctx.database, p, id, body, app.ctx.now(), mayseePersonalData(p));
  });

  // S2: a 价保 claim on an order line, the difference under the shop's platform rule (leads and agents of the shop).
  app.post('/api/v1/orders/:id/price-protection', auth, async (request): Promise<OrderDetailView> => {
    const { id } = idParam.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const body = priceProtectionClaimBody.parse(request.body);
    return recordPriceProtectionClaim(app.ctx.database, p, id, body, app.ctx.now(), mayseePersonalData(p));
  });

  // S2: the shop-wide 价保 ledger: claims of the caller's shops with the totals per status.
  app.get('/api/v1/price-protection-claims', auth, async (request): Promise<PriceProtectionListView> => {
    return priceProtectionClaimList(app.ctx.database, principalOf(request), priceProtectionListQuery.parse(request.query), app.ctx.now());
  });

  // S2: a pending 价保 claim marked paid (差价已补) or refused.
  app.post('/api/v1/orders/:id/price-protection/:claimId', auth, async (request): Promise<OrderDetailView> => {
    const { id, claimId } = priceProtectionClaimParams.parse(request.params);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const body = priceProtectionSettleBody.parse(request.body);
    return settlePriceProtectionClaim(app.ctx.database, p, id, claimId, body, app.ctx.now(), mayseePersonalData(p));
  });

  // A11: the evidence bundle, JSON by default or the HTML page; every export is audited.
  app.get('/api/v1/orders/:id/evidence', auth, async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const { format } = evidenceQuery.parse(request.query);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const d = await downloadOrderEvidence(app.ctx.database, p, id, format, app.ctx.now(), mayseePersonalData(p));
    if (d.html !== null) {
      return reply.type('text/html; charset=utf-8').header('content-disposition', `attachment; filename="${d.fileName}"`).send(d.html);
    }
    return reply.header('content-disposition', `attachment; filename="${d.fileName}"`).send(d.file);
  });

  app.post('/api/v1/orders/:id/logistics', auth, async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    const body = logisticsBody.parse(request.body);
    const input = { at: body.at ? new Date(body.at) : undefined, status: body.status, text: body.text };
    const recorded: LogisticsReply = await recordLogistics(app.ctx.database, p, id, input, app.ctx.now());
    return reply.status(201).send(recorded);
  });
};
export default orderRoutes;
