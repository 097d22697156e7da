// The after-sales board's rows and a case's detail (A1–A7, A9–A11, N5): the order, the buyer and
// the chat, the countdown to the platform's intervention (A6), the exposure in yuan, the
// playbook's next steps, and every move the case allows now with the money and the deadline it
// implies (core/aftersales/case-flow). A case outside the caller's shops is NOT_FOUND.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { interventionCountdown } from '../../core/aftersales/aftersales-windows.js';
import { buyerReturnLimit, caseChoices, eventLabelZh, flowPath, caseTimeLimits, flowActive, flowOf, stepGuidance, TIME_LIMIT_KINDS, type CaseKind } from '../../core/aftersales/case-flow.js';
import { checkRefundReason } from '../../core/aftersales/refund-reasons.js';
import type { Dissatisfaction } from '../../core/aftersales/buyer-guidance.js';
import { invoiceAction } from '../../core/aftersales/refund-playbook.js';
import { refundNextSteps } from '../../core/aftersales/refund-playbook.js';
import { DxeError } from '../../core/errors.js';
import { personalDataMask } from '../../core/privacy.js';
import { hasShipped, orderPhase } from '../../core/orders/order-phase.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, buyers, caseEvidence, caseEvents, conversations, logisticsEvents, orders, shops } from '../../store/schema/index.js';
import { maySeePersonalData } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { caseExposure, orderExposure, orderOutOfStock, paidInCurrency, type CaseRow } from '../orders/exposure.js';
import { shopProfile } from '../orders/orders.js';
import { deadlineView, deadlinesOf, type DeadlineRow } from '../timers/deadlines.js';

/** Logistics statuses (O7, free text from a courier scan or an agent) that say the parcel arrived, or was lost. */
const RECEIVED_STATUSES = new Set(['signed', 'delivered', '已签收']);
const LOST_STATUSES = new Set(['lost', '丢件']);

/** Board rows: order, countdown, exposure, playbook, allowed events for each case. */
export async function caseViews(database: Database, cases: CaseRow[], now: Date, maySeePersonalData = false) {
  if (cases.length === 0) return [];
  const { db } = database;
  const orderRows = await db.select().from(orders).where(inArray(orders.id, [...new Set(cases.map((c) => c.orderId))]));
  const shopRows = await db.select().from(shops).where(inArray(shops.id, [...new Set(cases.map((c) => c.shopId))]));
  const logistics = await db.select().from(logisticsEvents).where(inArray(logisticsEvents.orderId, orderRows.map((o) => o.id)));
  const due = await deadlinesOf(db, 'case', cases.map((c) => c.id));
  const outOfStock = await orderOutOfStock(database, orderRows.map((o) => o.id));
  const profiles = new Map(shopRows.map((s) => [s.id, shopProfile(s)]));
  const buyerIds = [...new Set(orderRows.map((o) => o.buyerId).filter((x): x is string => !!x))];
  const buyerRows = buyerIds.length ? await db.select({ id: buyers.id, nickname: buyers.nickname, platformAccount: buyers.platformAccount }).from(buyers).where(inArray(buyers.id, buyerIds)) : [];
  // The chat a case came from, else the buyer's latest chat with the shop.
  const chats = buyerIds.length
    ? await db.select({ id: conversations.id, buyerId: conversations.buyerId, shopId: conversations.shopId }).from(conversations).where(inArray(conversations.buyerId, buyerIds)).orderBy(desc(conversations.createdAt))
    : [];
  const mask = personalDataMask(maySeePersonalData);
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
    const type = c.type as CaseKind;
    const flow = flowOf(profile, type);
    const flowStep = flow ? (c.flowStep ?? flow.machine.initial) : null;
    const shipped = order.shippedAt !== null || hasShipped(phase);
    const late = caseLate(order, profile, now);
    const paid = paidInCurrency(order);
    const reasonCheck = checkRefundReason(profile, c.reason, { shipped, outOfStock: outOfStock.has(order.id), late, paidAmountYuan: paid.amount, currency: paid.currency, tradeSucceeded: phase === 'succeeded' });
    const inspection = (c.inspection ?? null) as { branded?: boolean; cause?: Dissatisfaction } | null;
    const branded = inspection ? (inspection.branded ?? false) : null;
    const cause = inspection?.cause ?? 'unclear';
    const buyer = buyerRows.find((b) => b.id === order.buyerId) ?? null;
    const conversationId = c.conversationId ?? chats.find((x) => x.buyerId === order.buyerId && x.shopId === c.shopId)?.id ?? null;
    const parcel = c.parcel as Record<string, unknown> | null;
    return {
      id: c.id,
      shopId: c.shopId,
      orderId: c.orderId,
      platformOrderNo: order.platformOrderNo,
      buyerAccount: order.buyerAccount,
      buyerId: order.buyerId,
      buyerName: buyer?.nickname ?? buyer?.platformAccount ?? order.buyerAccount,
      conversationId,
      orderPhase: phase,
      flowStep,
      flowStates: flow ? flowPath(flow, flowStep) : [],
      returnTrackingNo: c.returnTrackingNo,
      parcel: parcel ? { ...parcel, contact: mask.phone(String(parcel.contact ?? '')), buyerName: mask.name(String(parcel.buyerName ?? '')) } : null,
      inspection: c.inspection ?? null,
      shipment: c.shipment ?? null,
      invoiceZh: type === 'refund_only' ? null : invoiceAction(profile, type),
      guidanceZh: stepGuidance(profile, type, flowStep, branded, cause),
      timeLimits: open ? timeLimitsOf(profile, c, due.filter((d) => d.subjectId === c.id), flowStep, now) : [],
      reviewId: c.reviewId ?? null,
      choices: open
        ? caseChoices(profile, {
            type, state: c.state, flowStep, amountFen: c.amountMinor ?? c.amountFen, currency: c.currency,
            compensationFen: reasonCheck.triggersCompensation ? Math.round(reasonCheck.compensation * 100) : 0,
            interventionAt: intervention && intervention.state === 'pending' ? intervention.dueAt.toISOString() : null,
            now: now.toISOString(), branded,
          }, cause)
        : [],
      orderState: order.state,
      type: c.type,
      state: c.state,
      reason: c.reason,
      amountYuan: c.amountFen / 100,
      currency: c.currency,
      amountMinor: c.amountMinor ?? c.amountFen,
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
      allowedEvents: open ? caseChoices(profile, { type, state: c.state, flowStep, amountFen: c.amountFen, compensationFen: 0, interventionAt: null, now: now.toISOString(), branded }).map((x) => x.event) : [],
    };
  });
}

/**
 * Issue 15: the case's time limits as its timer rows show them (pending and warned rows, and a miss
 * nothing has moved past yet), with what each costs; a limit the shop has not set says so where
 * it would apply.
 */
function timeLimitsOf(profile: ReturnType<typeof shopProfile>, c: CaseRow, rows: DeadlineRow[], flowStep: string | null, now: Date) {
  const type = c.type as CaseKind;
  const order = (kind: string) => (TIME_LIMIT_KINDS as readonly string[]).indexOf(kind);
  const out = rows
    .filter((r) => order(r.kind) >= 0)
    .sort((a, b) => order(a.kind) - order(b.kind))
    .filter((r) => r.state === 'pending' || r.state === 'warned' || (r.state === 'missed' && r.firedAt !== null && r.firedAt >= c.updatedAt))
    .map((r) => {
      const payload = r.payload as { exposureMinor?: number; exposureFen?: number; currency?: string; textZh?: string };
      const minor = payload.exposureMinor ?? payload.exposureFen ?? 0;
      const currency = payload.currency ?? 'CNY';
      return {
        kind: r.kind, labelZh: deadlineView(r, now).labelZh, at: r.dueAt.toISOString(),
        exposureFen: currency === 'CNY' ? minor : 0, exposureMinor: minor, currency, textZh: payload.textZh ?? '', deadline: deadlineView(r, now),
      };
    });
  // A cancelled row (the shop unset the limit) leaves the note that it is unset in its place.
  const has = new Set(rows.filter((r) => r.state !== 'cancelled').map((r) => r.kind));
  const unset = caseTimeLimits(profile, { type, state: c.state, amountFen: c.amountMinor ?? c.amountFen, currency: c.currency, appliedAt: c.openedAt.toISOString() }).filter((l) => l.at === null);
  const flow = flowOf(profile, type);
  if (flow && flowStep === flow.machine.initial && flowActive(flow, c.state) && profile.aftersales.time_limits.buyer_return_days === null) {
    unset.push(buyerReturnLimit(profile, now.toISOString()));
  }
  return [...out, ...unset.filter((l) => !has.has(l.kind)).map((l) => ({ ...l, exposureMinor: l.exposureFen, currency: c.currency, deadline: null }))].sort((a, b) => order(a.kind) - order(b.kind));
}

/** Whether the order missed its ship-by (A5: is 未按约定时间发货 true?). */
function caseLate(order: typeof orders.$inferSelect, profile: ReturnType<typeof shopProfile>, now: Date): boolean {
  return orderExposure(order, profile, now)?.late ?? false;
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
  const [view] = await caseViews(database, [c], now, maySeePersonalData);
  if (!view) throw new DxeError('NOT_FOUND', '找不到该售后单');
  const timeline = await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.id));
  const [shop] = await database.db.select().from(shops).where(eq(shops.id, c.shopId));
  const profile = shopProfile(shop!);
  const evidence = await database.db
    .select({ id: caseEvidence.id, kind: caseEvidence.kind, fileName: caseEvidence.fileName, mime: caseEvidence.mime, sizeBytes: caseEvidence.sizeBytes, sha256: caseEvidence.sha256, note: caseEvidence.note, createdAt: caseEvidence.createdAt })
    .from(caseEvidence)
    .where(and(eq(caseEvidence.caseId, c.id)))
    .orderBy(asc(caseEvidence.createdAt));
  return {
    case: view,
    timeline: timeline.map((e) => ({ ...e, eventLabelZh: eventLabelZh(profile, c.type as CaseKind, e.event), note: mask.text(e.note), at: e.at.toISOString() })),
    evidence: evidence.map((e) => ({ ...e, note: mask.text(e.note), createdAt: e.createdAt.toISOString() })),
  };
}

export type CaseDetail = Awaited<ReturnType<typeof caseDetail>>;

/** GET /cases/:id: the detail of a case the caller may see. */
export async function getCaseDetail(database: Database, p: Principal, id: string, now: Date): Promise<CaseDetail> {
  return caseDetail(database, await visibleCase(database, id, p), now, maySeePersonalData(p));
}
