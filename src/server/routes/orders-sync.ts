// O2 live sync: a marketplace bridge (API token) or an agent posts an order as the platform
// reports it. Idempotent on the platform order no.; any field but the number may be left out
// (partial update). Times without an offset are Beijing time, as the platforms write them.
import type { FastifyPluginAsync } from 'fastify';
import { orderShopParams, orderSyncBody as syncBody } from '../../core/contract/orders.js';
import { syncPlatformOrder } from '../../app/orders/order-actions.js';
import type { SyncInput } from '../../app/orders/orders.js';
import { assertShop, mayseePersonalData, requireRole } from '../auth.js';
import type { OrderDetailView } from '../../core/contract/views.js';


const syncRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/shops/:shopId/orders', { preHandler: app.authenticate }, async (request, reply) => {
    const { shopId } = orderShopParams.parse(request.params);
    const p = assertShop(request, shopId);
    requireRole(request, 'admin', 'supervisor', 'agent', 'integration');
    const b = syncBody.parse(request.body);
    const input: SyncInput = {
      platformOrderNo: b.platformOrderNo,
      state: b.state,
      buyerAccount: b.buyerAccount,
      totalFen: b.totalYuan,
      paidFen: b.paidYuan,
      shippingFen: b.shippingYuan,
      orderedAt: b.orderedAt,
      paidAt: b.paidAt,
      shippedAt: b.shippedAt,
      completedAt: b.completedAt,
      closedAt: b.closedAt,
      agreedShipBy: b.agreedShipBy,
      receiverName: b.receiverName,
      receiverPhone: b.receiverPhone,
      receiverAddress: b.receiverAddress,
      region: b.region,
      courier: b.courier,
      trackingNo: b.trackingNo,
      buyerNote: b.buyerNote,
      sellerNote: b.sellerNote,
      lines: b.lines?.map((l) => ({ lineNo: l.lineNo, sku: l.sku, title: l.title, colour: l.colour, size: l.size, qty: l.qty, priceFen: l.priceYuan, redPacketFen: l.redPacketYuan, shopCouponFen: l.shopCouponYuan })),
    };
    const { created, detail } = await syncPlatformOrder(app.ctx.database, p, shopId, input, app.ctx.now(), mayseePersonalData(p));
    const body: OrderDetailView = detail;
    return reply.status(created ? 201 : 200).send(body);
  });
};
export default syncRoutes;
