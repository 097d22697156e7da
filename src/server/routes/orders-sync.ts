// O2 live sync: a marketplace bridge (API token) or an agent posts an order as the platform
// reports it. Idempotent on the platform order no.; any field but the number may be left out
// (partial update). Times without an offset are Beijing time, as the platforms write them.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { yuanToFen } from '../../core/money/fen.js';
import { parseInstant } from '../../core/rules/instant.js';
import { syncPlatformOrder } from '../../app/orders/order-actions.js';
import type { SyncInput } from '../../app/orders/orders.js';
import { assertShop, mayseePersonalData, requireRole } from '../auth.js';

const instant = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const parsed = parseInstant(text);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: '不是有效的时间（ISO 8601，如 2026-11-23T10:00:00+08:00）' });
      return z.NEVER;
    }
    return new Date(parsed.ms);
  });
const yuan = z.number().min(0).max(100_000_000).transform((v) => yuanToFen(v));
const text = (max: number) => z.string().trim().max(max);

const lineSchema = z.strictObject({
  lineNo: z.number().int().min(1).max(1000).optional(),
  sku: text(64).optional(),
  title: text(200).min(1, '请填写商品标题'),
  colour: text(40).optional(),
  size: text(40).optional(),
  qty: z.number().int().min(1).max(100_000),
  priceYuan: yuan,
});

const syncBody = z.strictObject({
  platformOrderNo: text(64).min(1, '请填写平台订单号').regex(/^[0-9A-Za-z_-]+$/, '订单号只能包含字母、数字、-、_'),
  state: text(40).min(1).optional(),
  buyerAccount: text(64).min(1).optional(),
  totalYuan: yuan.optional(),
  paidYuan: yuan.optional(),
  shippingYuan: yuan.optional(),
  orderedAt: instant.optional(),
  paidAt: instant.nullable().optional(),
  shippedAt: instant.nullable().optional(),
  completedAt: instant.nullable().optional(),
  closedAt: instant.nullable().optional(),
  agreedShipBy: instant.nullable().optional(),
  receiverName: text(64).optional(),
  receiverPhone: text(32).optional(),
  receiverAddress: text(300).optional(),
  region: text(64).optional(),
  courier: text(40).optional(),
  trackingNo: text(64).optional(),
  buyerNote: text(1000).optional(),
  sellerNote: text(1000).optional(),
  lines: z.array(lineSchema).max(200).optional(),
});

const syncRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/shops/:shopId/orders', { preHandler: app.authenticate }, async (request, reply) => {
    const { shopId } = z.object({ shopId: z.string().min(1).max(64) }).parse(request.params);
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
      lines: b.lines?.map((l) => ({ lineNo: l.lineNo, sku: l.sku, title: l.title, colour: l.colour, size: l.size, qty: l.qty, priceFen: l.priceYuan })),
    };
    const { created, detail } = await syncPlatformOrder(app.ctx.database, p, shopId, input, app.ctx.now(), mayseePersonalData(p));
    return reply.status(created ? 201 : 200).send(detail);
  });
};
export default syncRoutes;
