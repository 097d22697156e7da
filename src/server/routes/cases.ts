// After-sales for the workbench (A1, A4–A8, N5): the case board (countdown to the 72 h
// intervention, exposure in yuan, playbook next steps), the timeline, opening a case and moving
// it through the refund machine; A8 rates per shop and item; N5 exposure totals.
import type { FastifyPluginAsync } from 'fastify';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { interventionCountdown } from '../../core/aftersales/aftersales-windows.js';
import { refundEventsFrom } from '../../core/aftersales/refund-machine.js';
import { refundNextSteps } from '../../core/aftersales/refund-playbook.js';
import { DxeError } from '../../core/errors.js';
import { yuanToFen } from '../../core/money/fen.js';
import { hasShipped, orderPhase } from '../../core/orders/order-phase.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import { CASE_TYPES, createCase, shopRates, transitionCase } from '../../app/cases/cases.js';
import { caseExposure, exposureFor, orderOutOfStock, type CaseRow } from '../../app/orders/exposure.js';
import { shopProfile } from '../../app/orders/orders.js';
import { deadlineView, deadlinesOf } from '../../app/timers/deadlines.js';
import type { Principal } from '../../app/auth/auth.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, caseEvents, logisticsEvents, orders, shops } from '../../store/schema/index.js';
import { assertShop, mayseePersonalData, principalOf, requireRole } from '../auth.js';
import { exportEvidence } from '../../app/evidence/build-bundle.js';
import { renderEvidenceHtml } from '../../app/evidence/render-html.js';

const idParam = z.object({ id: z.string().min(1).max(64) });
const boardQuery = z.object({
  state: z.string().max(40).optional(),
  shopId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
const createBody = z.strictObject({
  orderId: z.string().min(1, '请选择订单').max(64),
  type: z.enum(CASE_TYPES, { error: '售后类型应为 refund_only、return、exchange 或 repair' }),
  reason: z.string().trim().min(1, '请选择退款原因').max(40),
  amount: z.number({ error: '退款金额应为数字（元）' }).positive('退款金额应大于 0').max(100_000_000),
  note: z.string().max(1000).optional(),
});
const transitionBody = z.strictObject({
  event: z.string().trim().min(1, '请选择操作').max(40),
  note: z.string().max(1000).optional(),
});

/** Logistics statuses (O7, free text from a courier scan or an agent) that say the parcel arrived, or was lost. */
const RECEIVED_STATUSES = new Set(['signed', 'delivered', '已签收']);
const LOST_STATUSES = new Set(['lost', '丢件']);

/** Board rows: order, countdown, exposure, playbook, allowed events for each case. */
async function caseViews(database: Database, cases: CaseRow[], now: Date) {
  if (cases.length === 0) return [];
  const { db } = database;
  const orderRows = await db.select().from(orders).where(inArray(orders.id, [...new Set(cases.map((c) => c.orderId))]));
  const shopRows = await db.select().from(shops).where(inArray(shops.id, [...new Set(cases.map((c) => c.shopId))]));
  const logistics = await db.select().from(logisticsEvents).where(inArray(logisticsEvents.orderId, orderRows.map((o) => o.id)));
  const due = await deadlinesOf(db, 'case', cases.map((c) => c.id));
  const outOfStock = await orderOutOfStock(database, orderRows.map((o) => o.id));
  const profiles = new Map(shopRows.map((s) => [s.id, shopProfile(s)]));
  return cases.map((c) => {
    const order = orderRows.find((o) => o.id === c.orderId)!;
    const profile = profiles.get(c.shopId)!;
    // O1: the order's phase from its platform's machine (signed for and succeeded both mean received).
    const phase = orderPhase(profile, order.state);
    const statuses = new Set(logistics.filter((l) => l.orderId === order.id).map((l) => l.status));
    const intervention = due.find((d) => d.subjectId === c.id && d.kind === 'intervention') ?? null;
    const open = c.closedAt === null;
    const appliedAt = intervention ? new Date(intervention.dueAt.getTime() - profile.aftersales.intervention_after_hours * 3_600_000) : c.openedAt;
    const countdown = interventionCountdown(profile, appliedAt.toISOString(), now.toISOString());
    return {
      id: c.id,
      shopId: c.shopId,
      orderId: c.orderId,
      platformOrderNo: order.platformOrderNo,
      buyerAccount: order.buyerAccount,
      orderState: order.state,
      type: c.type,
      state: c.state,
      reason: c.reason,
      amountYuan: c.amountFen / 100,
      platformDecided: c.platformDecided,
      openedAt: c.openedAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
      intervention: open
        ? {
            at: new Date(Date.parse(countdown.at)).toISOString(),
            secondsLeft: Math.round((Date.parse(countdown.at) - now.getTime()) / 1000),
            buyerMayCallPlatform: countdown.buyerMayCallPlatform,
            adviceZh: countdown.adviceZh,
            deadline: intervention ? deadlineView(intervention, now) : null,
          }
        : null,
      exposure: open ? caseExposure(c, order, profile, now, { outOfStock: outOfStock.has(order.id), interventionAt: intervention?.dueAt ?? null }) : null,
      playbook: refundNextSteps({
        shipped: order.shippedAt !== null || hasShipped(phase),
        received: phase === 'signed' || phase === 'succeeded' || [...statuses].some((s) => RECEIVED_STATUSES.has(s)),
        lostByCourier: [...statuses].some((s) => LOST_STATUSES.has(s)),
        returningGoods: c.type === 'return' || c.type === 'exchange',
        partial: c.amountFen < (order.paidFen || order.totalFen),
        tradeSucceeded: phase === 'succeeded',
      }),
      allowedEvents: open ? refundEventsFrom(profile, c.state) : [],
    };
  });
}

async function visibleCase(database: Database, id: string, p: Principal): Promise<CaseRow> {
  const [c] = await database.db.select().from(aftersalesCases).where(eq(aftersalesCases.id, id));
  if (!c || !p.shopIds.includes(c.shopId)) throw new DxeError('NOT_FOUND', '找不到该售后单');
  return c;
}

async function caseDetail(database: Database, c: CaseRow, now: Date) {
  const [view] = await caseViews(database, [c], now);
  const timeline = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.id));
  return { case: view, timeline: timeline.map((e) => ({ ...e, at: e.at.toISOString() })) };
}

const caseRoutes: FastifyPluginAsync = async (app) => {
  const auth = { preHandler: app.authenticate };
  const actorOf = (p: Principal) => ({ kind: p.kind, id: p.agentId ?? null });

  app.get('/api/v1/cases', auth, async (request) => {
    const p = principalOf(request);
    const q = boardQuery.parse(request.query);
    const shopIds = q.shopId ? (assertShop(request, q.shopId), [q.shopId]) : p.shopIds;
    if (shopIds.length === 0) return { items: [] };
    const conds = [inArray(aftersalesCases.shopId, shopIds)];
    if (q.state === 'open' || q.state === undefined) conds.push(isNull(aftersalesCases.closedAt));
    else if (q.state !== 'all') conds.push(sql`regexp_replace(${aftersalesCases.state}, '[,，、[:space:]]', '', 'g') = ${normalizeStateName(q.state)}`);
    const rows = await app.ctx.database.db.select().from(aftersalesCases).where(and(...conds)).orderBy(asc(aftersalesCases.openedAt)).limit(q.limit);
    const items = await caseViews(app.ctx.database, rows, app.ctx.now());
    items.sort((a, b) => (a.intervention?.secondsLeft ?? Infinity) - (b.intervention?.secondsLeft ?? Infinity));
    return { items };
  });

  app.get('/api/v1/cases/:id', auth, async (request) => {
    const { id } = idParam.parse(request.params);
    const c = await visibleCase(app.ctx.database, id, principalOf(request));
    return caseDetail(app.ctx.database, c, app.ctx.now());
  });

  app.post('/api/v1/cases', auth, async (request, reply) => {
    const p = principalOf(request);
    const body = createBody.parse(request.body);
    const now = app.ctx.now();
    const { case: c, reasonCheck } = await createCase(
      app.ctx.database,
      { orderId: body.orderId, type: body.type, reason: body.reason, amountFen: yuanToFen(body.amount), note: body.note },
      actorOf(p), now, p.shopIds,
    );
    return reply.status(201).send({ ...(await caseDetail(app.ctx.database, c, now)), reasonCheck });
  });

  app.post('/api/v1/cases/:id/transition', auth, async (request) => {
    const { id } = idParam.parse(request.params);
    const p = principalOf(request);
    const body = transitionBody.parse(request.body);
    const now = app.ctx.now();
    const c = await transitionCase(app.ctx.database, id, body.event, body.note, actorOf(p), now, p.shopIds);
    return caseDetail(app.ctx.database, c, now);
  });

  // A11 per case: the bundle of the case's order, marked with the case; audited like any export.
  app.get('/api/v1/cases/:id/evidence', auth, async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const { format } = z.object({ format: z.enum(['json', 'html']).default('json') }).parse(request.query);
    const p = requireRole(request, 'admin', 'supervisor', 'agent');
    const c = await visibleCase(app.ctx.database, id, p);
    const file = await exportEvidence(app.ctx.database, c.orderId, {
      orgId: p.orgId, kind: p.kind, id: p.agentId ?? null, displayName: p.displayName, maySeePersonalData: mayseePersonalData(p),
    }, app.ctx.now(), { caseId: c.id });
    const name = `evidence-case-${c.id}`;
    if (format === 'html') {
      return reply.type('text/html; charset=utf-8').header('content-disposition', `attachment; filename="${name}.html"`).send(renderEvidenceHtml(file));
    }
    return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(file);
  });

  app.get('/api/v1/shops/:shopId/rates', auth, async (request) => {
    const { shopId } = z.object({ shopId: z.string().min(1).max(64) }).parse(request.params);
    assertShop(request, shopId);
    return shopRates(app.ctx.database, shopId, app.ctx.now());
  });

  app.get('/api/v1/exposure', auth, async (request) => {
    const p = principalOf(request);
    const q = z.object({ shopId: z.string().min(1).max(64).optional() }).parse(request.query);
    const shopIds = q.shopId ? (assertShop(request, q.shopId), [q.shopId]) : p.shopIds;
    return exposureFor(app.ctx.database, shopIds, app.ctx.now());
  });
};
export default caseRoutes;
