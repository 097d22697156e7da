// Orders for the workbench (O1, O3–O5, O7, N5): list per shop, the side panel's detail (lines,
// history, logistics, deadlines with countdown, exposure, fraud signals, stock warnings), state
// changes through the machine, and logistics events. Personal data is masked unless the role
// may see it; an order outside the caller's shops is 404.
import type { FastifyPluginAsync } from 'fastify';
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkFraud } from '../../core/orders/fraud-signals.js';
import { stockWarnings } from '../../core/orders/stock-warnings.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import { DxeError } from '../../core/errors.js';
import { maskAddress, maskName, maskPhone, maskPhonesInText } from '../../core/privacy.js';
import { orderExposure } from '../../app/orders/exposure.js';
import { addLogisticsEvent, loadShop, shopProfile, transitionOrder, type OrderRow } from '../../app/orders/orders.js';
import { deadlineView, deadlinesOf } from '../../app/timers/deadlines.js';
import type { Principal } from '../../app/auth/auth.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, conversations, itemVariants, logisticsEvents, messages, orderEvents, orderLines, orders } from '../../store/schema/index.js';
import { assertShop, mayseePersonalData, principalOf, requireRole } from '../auth.js';
import { exportEvidence } from '../../app/evidence/build-bundle.js';
import { renderEvidenceHtml } from '../../app/evidence/render-html.js';

const idParam = z.object({ id: z.string().min(1).max(64) });
const shopParam = z.object({ shopId: z.string().min(1).max(64) });
const listQuery = z.object({
  state: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const transitionBody = z.strictObject({
  event: z.string().trim().min(1).max(40),
  note: z.string().max(500).optional(),
  buyerConsented: z.boolean().optional(),
});
const logisticsBody = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional(),
  status: z.string().trim().min(1, '请填写物流状态').max(40),
  text: z.string().trim().min(1, '请填写物流描述').max(500),
});

/** The order as screens show it; receiver details masked unless the role may see them. */
export function orderView(o: OrderRow, p: Principal) {
  const full = mayseePersonalData(p);
  return {
    id: o.id,
    shopId: o.shopId,
    platformOrderNo: o.platformOrderNo,
    buyerId: o.buyerId,
    buyerAccount: o.buyerAccount,
    state: o.state,
    totalYuan: o.totalFen / 100,
    paidYuan: o.paidFen / 100,
    refundYuan: o.refundFen / 100,
    shippingYuan: o.shippingFen / 100,
    orderedAt: o.orderedAt?.toISOString() ?? null,
    paidAt: o.paidAt?.toISOString() ?? null,
    shippedAt: o.shippedAt?.toISOString() ?? null,
    completedAt: o.completedAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    agreedShipBy: o.agreedShipBy?.toISOString() ?? null,
    receiverName: full ? o.receiverName : maskName(o.receiverName),
    receiverPhone: full ? o.receiverPhone : maskPhone(o.receiverPhone),
    receiverAddress: full ? o.receiverAddress : maskAddress(o.receiverAddress),
    region: o.region,
    courier: o.courier,
    trackingNo: o.trackingNo,
    buyerNote: full || !o.buyerNote ? o.buyerNote : maskPhonesInText(o.buyerNote),
    sellerNote: full || !o.sellerNote ? o.sellerNote : maskPhonesInText(o.sellerNote),
    source: o.source,
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** Loads an order the caller may see, else 404 (ids of other shops do not leak). */
export async function visibleOrder(database: Database, id: string, p: Principal): Promise<OrderRow> {
  const [order] = await database.db.select().from(orders).where(eq(orders.id, id));
  if (!order || !p.shopIds.includes(order.shopId)) throw new DxeError('NOT_FOUND', '找不到该订单');
  return order;
}

export async function orderDetail(database: Database, order: OrderRow, p: Principal, now: Date) {
  const { db } = database;
  const profile = shopProfile(await loadShop(db, order.shopId));
  const [lines, history, logistics, deadlineRows, cases] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.lineNo)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.id)),
    db.select().from(logisticsEvents).where(eq(logisticsEvents.orderId, order.id)).orderBy(asc(logisticsEvents.at)),
    deadlinesOf(db, 'order', [order.id]),
    db.select().from(aftersalesCases).where(eq(aftersalesCases.orderId, order.id)),
  ]);
  const itemIds = lines.map((l) => l.itemId).filter((x): x is string => !!x);
  const variants = itemIds.length ? await db.select().from(itemVariants).where(inArray(itemVariants.itemId, itemIds)) : [];
  const ordered = variants.filter((v) => lines.some((l) => l.itemId === v.itemId && (l.colour ?? '') === v.colour && (l.size ?? '') === v.size));
  const stock = stockWarnings(
    ordered.map((v) => ({ itemId: v.itemId, sku: `${v.itemId}/${v.colour}/${v.size}`, label: [v.colour, v.size].filter(Boolean).join(' / '), qty: v.stock })),
    profile,
  );
  const buyerTexts = order.buyerId
    ? (
        await db
          .select({ text: messages.text })
          .from(messages)
          .innerJoin(conversations, eq(conversations.id, messages.conversationId))
          .where(and(eq(conversations.buyerId, order.buyerId), eq(conversations.shopId, order.shopId), eq(messages.authorKind, 'buyer')))
          .orderBy(desc(messages.id))
          .limit(50)
      ).map((m) => m.text)
    : [];
  const fraud = checkFraud({ orderState: order.state, buyerName: order.buyerAccount ?? order.receiverName ?? '', messages: buyerTexts }, profile);
  const compensateBy = deadlineRows.find((d) => d.kind === 'compensate_before_ruling')?.dueAt ?? null;
  return {
    order: orderView(order, p),
    lines: lines.map((l) => ({ ...l, priceYuan: l.priceFen / 100 })),
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    logistics: logistics.map((l) => ({ ...l, at: l.at.toISOString() })),
    deadlines: deadlineRows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).map((d) => deadlineView(d, now)),
    exposure: orderExposure(order, profile, now, compensateBy),
    fraud,
    stockWarnings: stock,
    cases: cases.map((c) => ({ id: c.id, type: c.type, state: c.state, reason: c.reason, amountYuan: c.amountFen / 100, openedAt: c.openedAt.toISOString() })),
    allowedEvents: profile.orders.machine.transitions.filter((t) => t.from === normalizeStateName(order.state)).map((t) => t.event),
  };
}

const orderRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };

  app.get('/api/v1/shops/:shopId/orders', auth, async (request) => {
    const { shopId } = shopParam.parse(request.params);
    const p = assertShop(request, shopId);
    const q = listQuery.parse(request.query);
    const conds = [eq(orders.shopId, shopId)];
    if (q.state) conds.push(sql`regexp_replace(${orders.state}, '[,，、[:space:]]', '', 'g') = ${normalizeStateName(q.state)}`);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      conds.push(or(ilike(orders.platformOrderNo, like), ilike(orders.buyerAccount, like), ilike(orders.receiverName, like), ilike(orders.trackingNo, like))!);
    }
    const rows = await app.ctx.database.db.select().from(orders).where(and(...conds)).orderBy(desc(orders.updatedAt)).limit(q.limit);
    const now = app.ctx.now();
    const due = await deadlinesOf(app.ctx.database.db, 'order', rows.map((r) => r.id));
    return {
      items: rows.map((o) => {
        const shipBy = due.find((d) => d.subjectId === o.id && d.kind === 'ship_by');
        return { ...orderView(o, p), shipBy: shipBy ? deadlineView(shipBy, now) : null };
      }),
    };
  });

  app.get('/api/v1/orders/:id', auth, async (request) => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    const order = await visibleOrder(app.ctx.database, id, p);
    return orderDetail(app.ctx.database, order, p, app.ctx.now());
  });

  app.post('/api/v1/orders/:id/transition', auth, async (request) => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    const body = transitionBody.parse(request.body);
    const now = app.ctx.now();
    const order = await transitionOrder(app.ctx.database, id, body.event, { kind: p.kind, id: p.agentId ?? null }, now, {
      note: body.note, context: { buyerConsented: body.buyerConsented }, shopIds: p.shopIds,
    });
    return orderDetail(app.ctx.database, order, p, now);
  });

  // A11: the evidence bundle, JSON by default or the HTML page; every export is audited.
  app.get('/api/v1/orders/:id/evidence', auth, async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const { format } = z.object({ format: z.enum(['json', 'html']).default('json') }).parse(request.query);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const order = await visibleOrder(app.ctx.database, id, p);
    const file = await exportEvidence(app.ctx.database, order.id, {
      orgId: p.orgId, kind: p.kind, id: p.agentId ?? null, displayName: p.displayName, maySeePersonalData: mayseePersonalData(p),
    }, app.ctx.now());
    const name = `evidence-${order.platformOrderNo}`;
    if (format === 'html') {
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.html"`)
        .send(renderEvidenceHtml(file));
    }
    return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(file);
  });

  app.post('/api/v1/orders/:id/logistics', auth, async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    const body = logisticsBody.parse(request.body);
    const order = await visibleOrder(app.ctx.database, id, p);
    const row = await addLogisticsEvent(app.ctx.database, order.id, { at: body.at ? new Date(body.at) : app.ctx.now(), status: body.status, text: body.text });
    return reply.status(201).send({ event: { ...row, at: row.at.toISOString() } });
  });
};
export default orderRoutes;
