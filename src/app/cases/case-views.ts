// The after-sales board's rows and a case's detail (A1, A4–A7, N5): the order, the countdown to
// the platform's intervention (A6), the exposure in yuan, the playbook's next steps and the moves
// the refund machine allows. A case outside the caller's shops is NOT_FOUND.
import { asc, eq, inArray } from 'drizzle-orm';
import { interventionCountdown } from '../../core/aftersales/aftersales-windows.js';
import { refundEventsFrom } from '../../core/aftersales/refund-machine.js';
import { refundNextSteps } from '../../core/aftersales/refund-playbook.js';
import { DxeError } from '../../core/errors.js';
import { personalDataMask } from '../../core/privacy.js';
import { hasShipped, orderPhase } from '../../core/orders/order-phase.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, caseEvents, logisticsEvents, orders, shops } from '../../store/schema/index.js';
import { maySeePersonalData } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { caseExposure, orderOutOfStock, type CaseRow } from '../orders/exposure.js';
import { shopProfile } from '../orders/orders.js';
import { deadlineView, deadlinesOf } from '../timers/deadlines.js';

/** Logistics statuses (O7, free text from a courier scan or an agent) that say the parcel arrived, or was lost. */
const RECEIVED_STATUSES = new Set(['signed', 'delivered', '已签收']);
const LOST_STATUSES = new Set(['lost', '丢件']);

/** Board rows: order, countdown, exposure, playbook, allowed events for each case. */
export async function caseViews(database: Database, cases: CaseRow[], now: Date) {
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

export type CaseView = Awaited<ReturnType<typeof caseViews>>[number];

export async function visibleCase(database: Database, id: string, p: Principal): Promise<CaseRow> {
  const [c] = await database.db.select().from(aftersalesCases).where(eq(aftersalesCases.id, id));
  if (!c || !p.shopIds.includes(c.shopId)) throw new DxeError('NOT_FOUND', '找不到该售后单');
  return c;
}

/** A case with its timeline; notes (the buyer's words) are masked unless the role may see personal data. */
export async function caseDetail(database: Database, c: CaseRow, now: Date, maySeePersonalData: boolean) {
  const mask = personalDataMask(maySeePersonalData);
  const [view] = await caseViews(database, [c], now);
  if (!view) throw new DxeError('NOT_FOUND', '找不到该售后单');
  const timeline = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.id));
  return { case: view, timeline: timeline.map((e) => ({ ...e, note: mask.text(e.note), at: e.at.toISOString() })) };
}

export type CaseDetail = Awaited<ReturnType<typeof caseDetail>>;

/** GET /cases/:id: the detail of a case the caller may see. */
export async function getCaseDetail(database: Database, p: Principal, id: string, now: Date): Promise<CaseDetail> {
  return caseDetail(database, await visibleCase(database, id, p), now, maySeePersonalData(p));
}
