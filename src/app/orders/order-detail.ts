// The order side panel (O1, O3–O5, O7, N5): lines, history, logistics, deadlines with countdown,
// exposure, fraud signals, stock warnings, the order's cases, the 价保 card (S2) and the moves its machine allows.
// An order outside the caller's shops is NOT_FOUND, so ids of other shops do not leak.
import { personalDataMask } from '../../core/privacy.js';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { checkFraud } from '../../core/orders/fraud-signals.js';
import { refundReasonsFor } from '../../core/aftersales/refund-reasons.js';
import { refundableMinor } from '../../core/aftersales/case-flow.js';
import { hasShipped, orderPhase } from '../../core/orders/order-phase.js';
import { CASE_TYPES } from '../../core/contract/cases.js';
import { fakeShipmentRisk, isCourierScan } from '../../core/orders/pickup-scan.js';
import { stockWarnings } from '../../core/orders/stock-warnings.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import { formatBeijing } from '../../core/time/beijing-time.js';
import type { Database, Tx } from '../../store/open-database.js';
import type { Profile } from '../../core/rules/schema.js';
import { aftersalesCases, conversations, itemVariants, logisticsEvents, messages, orderEvents, orderLines, orders, penaltyRecords } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { deadlineView, deadlinesOf } from '../timers/deadlines.js';
import { orderExposure } from './exposure.js';
import { orderView } from './order-view.js';
import { loadShop, shopProfile, type OrderRow } from './orders.js';
import { priceChangeHoldOf } from '../followups/price-hold.js';
import { priceProtectionOf } from './price-protection-view.js';
import { logisticsCalendar } from '../../core/logistics/calendar.js';
import { disruptionPhrase, recoveryPhrase, transitDisruption } from '../../core/logistics/disruptions.js';
import { orderProvince } from '../../core/money/province.js';
import type { OrderDisruptionView } from '../../core/contract/logistics-disruptions.js';
import { disruptionSpansOf, loadShopDisruptionSpans } from '../shops/disruption-spans.js';

/**
 * O7: the disruption a parcel in transit is caught in — the shop's 物流异常 entries and the holiday
 * calendar, matched by the receiver's province only (the address is read for nothing else).
 */
async function disruptionOf(database: Database, order: OrderRow, profile: Profile, now: Date): Promise<OrderDisruptionView | null> {
  if (orderPhase(profile, order.state) !== 'shipped' || !order.shippedAt) return null;
  const spans = disruptionSpansOf(await loadShopDisruptionSpans(database, order.shopId));
  const hit = transitDisruption(
    spans,
    { province: orderProvince(order.region, order.receiverAddress), courier: order.courier, shippedAt: order.shippedAt, now },
    logisticsCalendar().recovery_backlog_days,
  );
  if (!hit) return null;
  return { source: hit.source, cause: hit.cause, from: hit.from, to: hit.to, phraseZh: `受${disruptionPhrase(hit)}影响`, recoveryZh: recoveryPhrase(hit, now) };
}

/** Loads an order the caller may see, else NOT_FOUND. */
export async function visibleOrder(database: Database, id: string, p: Principal): Promise<OrderRow> {
  const [order] = await database.db.select().from(orders).where(eq(orders.id, id));
  if (!order || !p.shopIds.includes(order.shopId)) throw new DxeError('NOT_FOUND', '找不到该订单');
  return order;
}

/**
 * An agent's action on one order (C8: the wait for a 改价; C9: the confirmation with the buyer): the
 * order must be in the caller's shops (NOT_FOUND otherwise); `act` runs in one transaction with the
 * order row locked and the shop's profile at hand; the order's fresh detail is returned.
 */
export async function actOnOrder(
  database: Database,
  p: Principal,
  id: string,
  now: Date,
  maySeePersonalData: boolean,
  act: (tx: Tx, order: OrderRow, profile: Profile) => Promise<void>,
): Promise<OrderDetail> {
  const seen = await visibleOrder(database, id, p);
  const profile = shopProfile(await loadShop(database.db, seen.shopId));
  await database.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, seen.id)).for('update');
    if (!order) throw new DxeError('NOT_FOUND', '找不到该订单');
    await act(tx, order, profile);
  });
  const [fresh] = await database.db.select().from(orders).where(eq(orders.id, seen.id));
  return orderDetail(database, fresh!, maySeePersonalData, now);
}

export async function orderDetail(database: Database, order: OrderRow, maySeePersonalData: boolean, now: Date) {
  const { db } = database;
  const profile = shopProfile(await loadShop(db, order.shopId));
  const [lines, history, logistics, deadlineRows, cases, priceProtection] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.lineNo)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.id)),
    db.select().from(logisticsEvents).where(eq(logisticsEvents.orderId, order.id)).orderBy(asc(logisticsEvents.at)),
    deadlinesOf(db, 'order', [order.id]),
    db.select().from(aftersalesCases).where(eq(aftersalesCases.orderId, order.id)),
    // S2: the 价保 card (rule, window, prefilled lines, claims).
    priceProtectionOf(database, order, profile),
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
  // C8: whether the unpaid order waits for a 改价 (buyer's request in chat or an agent's mark).
  const priceChangeHold = orderPhase(profile, order.state) === 'unpaid' ? await priceChangeHoldOf(db, order) : null;
  const compensateBy = deadlineRows.find((d) => d.kind === 'compensate_before_ruling')?.dueAt ?? null;
  // N2: a compensation recorded as paid (penalty ledger) replaces the advice to pay.
  const [paid] = await db.select({ at: penaltyRecords.at }).from(penaltyRecords)
    .where(and(eq(penaltyRecords.subjectKind, 'order'), eq(penaltyRecords.subjectId, order.id), eq(penaltyRecords.kind, 'compensation_paid')));
  const exposure = orderExposure(order, profile, now, compensateBy);
  const disruption = await disruptionOf(database, order, profile, now);
  if (exposure && paid) {
    const inTime = compensateBy === null || paid.at.getTime() <= compensateBy.getTime();
    exposure.advice = `已于 ${formatBeijing(paid.at.toISOString())}（北京时间）记录主动赔付${inTime ? '，在平台判定前，免扣分' : '，晚于平台判定时限，仍按扣分计'}。`;
  }
  return {
    order: orderView(order, maySeePersonalData),
    lines: lines.map((l) => ({ ...l, priceYuan: l.priceFen / 100 })),
    history: history.map((h) => ({ ...h, note: personalDataMask(maySeePersonalData).text(h.note), at: h.at.toISOString() })),
    logistics: logistics.map((l) => ({ ...l, at: l.at.toISOString() })),
    deadlines: deadlineRows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).map((d) => deadlineView(d, now)),
    exposure,
    compensationPaidAt: paid?.at.toISOString() ?? null,
    fraud,
    stockWarnings: stock,
    cases: cases.map((c) => ({ id: c.id, type: c.type, state: c.state, reason: c.reason, amountYuan: c.amountFen / 100, openedAt: c.openedAt.toISOString() })),
    aftersales: aftersalesOptions(order, profile),
    fakeShipment: fakeShipmentRisk(profile, {
      phase: orderPhase(profile, order.state), paidAt: order.paidAt?.toISOString() ?? null, shippedAt: order.shippedAt?.toISOString() ?? null,
      pickedUpAt: (order.pickedUpAt ?? logistics.filter((l) => isCourierScan(profile, l.status)).map((l) => l.at)[0])?.toISOString() ?? null, agreedShipBy: order.agreedShipBy?.toISOString() ?? null,
      paidAmountYuan: (order.paidFen || order.totalFen) / 100, now: now.toISOString(),
    }),
    priceChangeHold,
    priceProtection,
    disruption,
    allowedEvents: profile.orders.machine.transitions.filter((t) => t.from === normalizeStateName(order.state)).map((t) => t.event),
  };
}

/** What a new case on this order may be (A5 reasons by state, A1 refundable amount), or why none. */
function aftersalesOptions(order: OrderRow, profile: ReturnType<typeof shopProfile>) {
  const phase = orderPhase(profile, order.state);
  const shipped = hasShipped(phase);
  const blockedZh = phase === 'unpaid' ? '订单尚未付款，不能申请售后' : phase === 'closed' ? '订单已关闭，不能再申请售后' : phase === null ? `订单状态「${order.state}」无法识别` : null;
  return {
    reasons: refundReasonsFor(profile, shipped),
    caseTypes: shipped ? [...CASE_TYPES] : ['refund_only'],
    refundableYuan: ((order.paidFen || order.totalFen) - order.refundFen) / 100,
    /** O2: what may still be refunded in the order's own currency (major units), and that currency. */
    currency: order.currency,
    refundable: refundableMinor(order) / 100,
    blockedZh,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;

/** GET /orders/:id: the detail of an order the caller may see. */
export async function getOrderDetail(database: Database, p: Principal, id: string, now: Date, maySeePersonalData: boolean): Promise<OrderDetail> {
  return orderDetail(database, await visibleOrder(database, id, p), maySeePersonalData, now);
}
