// After-sales cases (A1, A4–A8): a case belongs to an order; its reason must be one the platform
// offers in the order's state; every move goes through the profile's refund machine with a
// timeline row; the 72 h intervention countdown is a deadline row; a refund that succeeds adds
// to the order's refunded amount and closes a fully refunded open order.
import { and, eq, sql } from 'drizzle-orm';
import { aftersalesWindow } from '../../core/aftersales/aftersales-windows.js';
import {
  moneyText, refundableMinor,
  applicationMachine, applicationTransition, caseChoices, flowActive, flowMachine, flowOf, isApplicationFinal, type CaseKind,
} from '../../core/aftersales/case-flow.js';
import type { InspectionRecord, ParcelRecord, ShipmentRecord } from '../../core/contract/cases.js';
import { transition } from '../../core/fsm.js';
import { refundRates } from '../../core/aftersales/refund-rates.js';
import { checkRefundReason, refundReasonsFor, type ReasonCheck } from '../../core/aftersales/refund-reasons.js';
import { DxeError } from '../../core/errors.js';
import { fenToYuan } from '../../core/money/fen.js';
import { hasShipped, isUnderWay, orderPhase } from '../../core/orders/order-phase.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import type { Profile } from '../../core/rules/schema.js';
import { beijingMonthKey, startOfBeijingMonth } from '../../core/time/beijing-time.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, caseEvents, conversations, orders, reviews } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { orderExposure, orderOutOfStock, type CaseRow } from '../orders/exposure.js';
import { loadShop, shopProfile, transitionOrderIn, type Actor } from '../orders/orders.js';
import { scheduleDeadline, settleDeadlines, type Tx } from '../timers/deadlines.js';
import { syncTimeLimits } from './case-time-limits.js';

export { CASE_TYPES, type CaseType } from '../../core/contract/cases.js';
import type { CaseType } from '../../core/contract/cases.js';

const HOUR = 3_600_000;
const INTERVENTION_WARN_BEFORE = 12 * HOUR;

/** Events after which the refund did not happen. TODO(core): `isRefundSuccess(profile, state)`. */
const NO_REFUND_EVENTS = new Set(['buyer_cancel', 'platform_rule_for_seller']);

export function refundSucceeded(profile: Pick<Profile, 'refunds'>, state: string): boolean {
  const m = profile.refunds.machine;
  const s = normalizeStateName(state);
  if (!m.final.includes(s)) return false;
  return !m.transitions.some((t) => t.to === s && NO_REFUND_EVENTS.has(t.event));
}

/**
 * A6: the buyer may call the platform in while the seller and buyer have not agreed: in the
 * application's initial state and in any state with a `platform_intervene` edge.
 */
function unagreed(profile: Profile, type: CaseKind, state: string): boolean {
  const m = applicationMachine(profile, type).def;
  const s = normalizeStateName(state);
  return s === m.initial || m.transitions.some((t) => t.from === s && t.event === 'platform_intervene');
}

async function scheduleIntervention(tx: Tx, c: Pick<CaseRow, 'id' | 'shopId'>, from: Date, profile: Profile): Promise<void> {
  const due = new Date(from.getTime() + profile.aftersales.intervention_after_hours * HOUR);
  await scheduleDeadline(tx, {
    shopId: c.shopId, subjectKind: 'case', subjectId: c.id, kind: 'intervention',
    dueAt: due, warnAt: new Date(due.getTime() - INTERVENTION_WARN_BEFORE),
  });
}

export interface CreateCaseInput {
  /** The order; may be left out when the case comes from a review that names its order. */
  orderId?: string | undefined;
  /** Issue 15: the bad review the case is opened from (review → order → buyer). */
  reviewId?: string | undefined;
  type: CaseType;
  reason: string;
  amountFen: number;
  note?: string | undefined;
  /** The chat the case is opened from: same shop, and the order must be this buyer's. */
  conversationId?: string | undefined;
}

export interface CaseActor extends Actor {
  orgId: string;
}

export async function createCase(
  database: Database,
  input: CreateCaseInput,
  actor: CaseActor,
  now: Date,
  shopIds: string[],
): Promise<{ case: CaseRow; reasonCheck: ReasonCheck }> {
  const created = await database.db.transaction(async (tx) => {
    const review = input.reviewId ? await reviewOfCase(tx, input.reviewId, shopIds) : null;
    const orderId = input.orderId ?? review?.orderId;
    if (!orderId) throw new DxeError('VALIDATION_FAILED', '请选择订单');
    if (review && input.orderId && review.orderId !== input.orderId) {
      throw new DxeError('VALIDATION_FAILED', '该评价对应的不是这个订单，请从评价所属的订单发起售后');
    }
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order || !shopIds.includes(order.shopId)) throw new DxeError('NOT_FOUND', '找不到该订单');
    if (input.conversationId) {
      const [conv] = await tx.select({ shopId: conversations.shopId, buyerId: conversations.buyerId }).from(conversations).where(eq(conversations.id, input.conversationId));
      if (!conv || !shopIds.includes(conv.shopId)) throw new DxeError('NOT_FOUND', '找不到该会话');
      if (conv.shopId !== order.shopId || (order.buyerId !== null && conv.buyerId !== order.buyerId)) {
        throw new DxeError('VALIDATION_FAILED', '该订单不属于这个会话的买家，请从买家自己的订单发起售后');
      }
    }
    const profile = shopProfile(await loadShop(tx, order.shopId));
    const phase = orderPhase(profile, order.state);
    if (phase === null) throw new DxeError('INVALID_TRANSITION', `订单状态「${order.state}」不在${profile.name_zh}的订单流程中，无法判断能否申请售后`);
    if (phase === 'unpaid') throw new DxeError('INVALID_TRANSITION', `订单「${order.state}」尚未付款，不能申请售后`);
    if (phase === 'closed') throw new DxeError('INVALID_TRANSITION', '订单已关闭，不能再申请售后');
    if (phase === 'succeeded' && order.completedAt) {
      const w = aftersalesWindow(profile, order.completedAt.toISOString(), now.toISOString());
      if (!w.open) throw new DxeError('INVALID_TRANSITION', `已超过售后申请期（交易成功后 ${profile.aftersales.window_days_after_success} 天，截至 ${w.until}）`);
    }
    const shipped = hasShipped(phase);
    if (input.type !== 'refund_only' && !shipped) {
      throw new DxeError('VALIDATION_FAILED', '订单尚未发货，不能申请退货、换货或维修；请选择“仅退款”');
    }
    const allowed = refundReasonsFor(profile, shipped);
    if (!allowed.includes(input.reason)) {
      throw new DxeError('VALIDATION_FAILED', `「${input.reason}」不是${shipped ? '已发货' : '未发货'}订单可选的退款原因，可选：${allowed.join('、')}`, { allowed });
    }
    // O2: the amount is in the order's currency (minor units); a CNY case also counts in fen.
    const currency = order.currency;
    const refundable = refundableMinor(order);
    if (input.amountFen > refundable) {
      throw new DxeError('VALIDATION_FAILED', `退款金额超过可退金额 ${moneyText(refundable, currency)}`, { refundableMinor: refundable, currency });
    }
    const initial = applicationMachine(profile, input.type).def.initial;
    const flow = flowOf(profile, input.type);
    const [row] = await tx
      .insert(aftersalesCases)
      .values({
        shopId: order.shopId, orderId: order.id, type: input.type, state: initial, reason: input.reason,
        amountFen: currency === 'CNY' ? input.amountFen : 0, amountMinor: input.amountFen, currency,
        buyerNote: input.note ?? null, openedAt: now, updatedAt: now, flowStep: flow?.machine.initial ?? null, conversationId: input.conversationId ?? null,
        reviewId: review?.id ?? null,
      })
      .returning();
    if (review) {
      // The review's recovery names the case (R3/R7 screens link back to it).
      await tx.update(reviews).set({ recovery: sql`jsonb_set(coalesce(${reviews.recovery}, '{}'::jsonb), '{caseId}', to_jsonb(${row!.id}::text))`, updatedAt: now }).where(eq(reviews.id, review.id));
    }
    await tx.insert(caseEvents).values({ caseId: row!.id, at: now, fromState: null, toState: initial, event: 'apply', actorKind: actor.kind, actorId: actor.id ?? null, note: input.note ?? null });
    await scheduleIntervention(tx, row!, now, profile);
    await syncTimeLimits(tx, profile, row!, { from: null, to: initial, events: ['apply'], final: false }, now);
    await appendAuditIn(tx, {
      orgId: actor.orgId, at: now, actorKind: actor.kind, actorId: actor.id ?? null, action: 'case.create', subjectKind: 'case', subjectId: row!.id,
      data: { orderId: order.id, type: input.type, reason: input.reason, amountFen: input.amountFen, conversationId: input.conversationId ?? null, reviewId: review?.id ?? null },
    });
    return { case: row!, order, profile, shipped };
  });
  const exposure = orderExposure(created.order, created.profile, now);
  const reasonCheck = checkRefundReason(created.profile, input.reason, {
    shipped: created.shipped,
    outOfStock: (await orderOutOfStock(database, [created.order.id])).has(created.order.id),
    late: exposure?.late ?? false,
    paidAmountYuan: fenToYuan(created.order.paidFen || created.order.totalFen),
    tradeSucceeded: orderPhase(created.profile, created.order.state) === 'succeeded',
  });
  return { case: created.case, reasonCheck };
}

/**
 * Issue 15: the review a case is opened from — in the caller's shops, a bad (or negative) one, and
 * tied to an imported order (by the review's order, else its platform order number in the shop).
 */
async function reviewOfCase(tx: Tx, reviewId: string, shopIds: string[]): Promise<{ id: string; orderId: string }> {
  const [r] = await tx
    .select({ id: reviews.id, shopId: reviews.shopId, orderId: reviews.orderId, platformOrderNo: reviews.platformOrderNo, rating: reviews.rating, sentiment: reviews.sentiment })
    .from(reviews)
    .where(eq(reviews.id, reviewId));
  if (!r || !shopIds.includes(r.shopId)) throw new DxeError('NOT_FOUND', '找不到该评价');
  if (r.rating === 'good' && r.sentiment !== 'negative') throw new DxeError('VALIDATION_FAILED', '只有中差评（或内容负面的评价）可以发起售后');
  let orderId = r.orderId;
  if (!orderId && r.platformOrderNo) {
    const [o] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, r.shopId), eq(orders.platformOrderNo, r.platformOrderNo)));
    orderId = o?.id ?? null;
  }
  if (!orderId) throw new DxeError('NOT_FOUND', `该评价关联的订单${r.platformOrderNo ? `「${r.platformOrderNo}」` : ''}尚未导入，请先导入订单再发起售后`);
  return { id: r.id, orderId };
}

export interface CaseMove {
  event: string;
  note?: string | undefined;
  parcel?: ParcelRecord | undefined;
  inspection?: InspectionRecord | undefined;
  shipment?: ShipmentRecord | undefined;
  /** Why a move nobody clicked was taken (the audit says so), e.g. the auto-agree time limit. */
  cause?: string | undefined;
}

function requireRecord<T>(value: T | undefined, what: string, event: string): T {
  if (value === undefined) throw new DxeError('VALIDATION_FAILED', `「${event}」需要填写${what}`);
  return value;
}

/**
 * A4/A2: one move of a case. An application event goes through the application machine (the
 * platform's refund machine, or the service machine for exchange and repair); a flow event
 * through the case type's flow, recording the parcel, the inspection or the shipment it needs and
 * taking the application event it drives. An event the case does not allow → 409
 * INVALID_TRANSITION with the allowed ones.
 */
export async function transitionCase(
  database: Database,
  caseId: string,
  move: CaseMove,
  actor: CaseActor,
  now: Date,
  shopIds: string[],
): Promise<CaseRow> {
  return database.db.transaction((tx) => transitionCaseIn(tx, caseId, move, actor, now, shopIds));
}

/**
 * One move inside the caller's transaction. `shopIds` scopes the case to the caller's shops; null
 * only for the platform's own moves (a time limit the timer loop fired: the case is the row's).
 */
export async function transitionCaseIn(
  tx: Tx,
  caseId: string,
  move: CaseMove,
  actor: CaseActor,
  now: Date,
  shopIds: string[] | null,
): Promise<CaseRow> {
  const event = move.event.trim();
  {
    const [c] = await tx.select().from(aftersalesCases).where(eq(aftersalesCases.id, caseId)).for('update');
    if (!c || (shopIds !== null && !shopIds.includes(c.shopId))) throw new DxeError('NOT_FOUND', '找不到该售后单');
    const profile = shopProfile(await loadShop(tx, c.shopId));
    const type = c.type as CaseKind;
    const flow = flowOf(profile, type);
    const flowStep = flow ? (c.flowStep ?? flow.machine.initial) : null;
    const refuse = (reason: string): never => {
      const allowed = caseChoices(profile, { type, state: c.state, flowStep, amountFen: c.amountFen, compensationFen: 0, interventionAt: null, now: now.toISOString(), branded: null }).map((x) => x.event);
      throw new DxeError('INVALID_TRANSITION', `售后单当前为「${c.state}」${flowStep ? `（${flowStep}）` : ''}，不能执行该操作：${reason}`, { state: c.state, flowStep, event, allowed });
    };

    let appEvent: string | null = null;
    let syncEvent: string | null = null;
    let nextFlow = flowStep;
    const patch: Partial<CaseRow> = {};
    const isFlowEvent = flow !== null && flow.machine.transitions.some((t) => t.event === event);
    if (isFlowEvent && flow && flowStep !== null) {
      if (!flowActive(flow, c.state)) refuse(`申请处于「${c.state}」，还不能进行寄回商品的处理`);
      const r = transition(flowMachine(flow, type), flowStep, event, undefined);
      if (!r.ok) refuse(r.reason);
      nextFlow = r.next!;
      const step = flow.steps[event];
      appEvent = step?.app_event ?? null;
      syncEvent = step?.sync_event ?? null;
      if (step?.record === 'parcel') {
        const parcel = requireRecord(move.parcel, '包裹信息（订单编号、售后申请编号、买家、联系方式、退货单号）', event);
        const [order] = await tx.select({ no: orders.platformOrderNo }).from(orders).where(eq(orders.id, c.orderId));
        if (order && parcel.platformOrderNo !== order.no) {
          throw new DxeError('VALIDATION_FAILED', `包裹上的订单编号「${parcel.platformOrderNo}」与售后单的订单「${order.no}」不一致，请核对后再登记`);
        }
        patch.parcel = { ...parcel, receivedAt: now.toISOString() };
        patch.returnTrackingNo = parcel.returnTrackingNo;
      } else if (step?.record === 'inspection') {
        const inspection = requireRecord(move.inspection, '检验结果', event);
        patch.inspection = { ...inspection, passed: event === 'inspect_pass', at: now.toISOString() };
      } else if (step?.record === 'shipment') {
        const shipment = requireRecord(move.shipment, '寄出的快递公司和单号', event);
        patch.shipment = { ...shipment, at: now.toISOString() };
      }
    } else {
      if (flow && flowActive(flow, c.state) && Object.values(flow.steps).some((s) => s.app_event === event)) {
        refuse(`寄回商品处理中，请按流程（收到包裹 → 检验 → 处理）操作`);
      }
      const check = applicationTransition(profile, type, c.state, event);
      if (!check.ok) refuse(check.reason);
      if (move.parcel || move.inspection || move.shipment) {
        if (event !== 'buyer_ship_return' || move.inspection || move.shipment) throw new DxeError('VALIDATION_FAILED', `「${event}」不需要登记包裹、检验或寄出信息`);
      }
      appEvent = event;
      if (event === 'buyer_ship_return' && move.parcel?.returnTrackingNo) patch.returnTrackingNo = move.parcel.returnTrackingNo;
    }

    let state = c.state;
    const timeline: { from: string | null; to: string; event: string }[] = [];
    if (syncEvent) {
      const r = applicationTransition(profile, type, state, syncEvent);
      if (r.ok) {
        timeline.push({ from: state, to: r.next, event: syncEvent });
        state = r.next;
      }
    }
    if (appEvent) {
      const r = applicationTransition(profile, type, state, appEvent);
      if (!r.ok) refuse(r.reason);
      timeline.push({ from: state, to: r.next!, event: appEvent });
      state = r.next!;
    }
    if (isFlowEvent) timeline.push({ from: flowStep, to: nextFlow!, event });

    const final = isApplicationFinal(profile, type, state);
    const [updated] = await tx
      .update(aftersalesCases)
      .set({
        ...patch,
        state,
        flowStep: nextFlow,
        updatedAt: now,
        ...(appEvent?.startsWith('platform_') ? { platformDecided: true } : {}),
        ...(final ? { closedAt: now } : {}),
      })
      .where(eq(aftersalesCases.id, c.id))
      .returning();
    for (const t of timeline) {
      await tx.insert(caseEvents).values({ caseId: c.id, at: now, fromState: t.from, toState: t.to, event: t.event, actorKind: actor.kind, actorId: actor.id ?? null, note: move.note ?? null });
    }
    await appendAuditIn(tx, {
      orgId: actor.orgId, at: now, actorKind: actor.kind, actorId: actor.id ?? null, action: 'case.transition', subjectKind: 'case', subjectId: c.id,
      data: { event, from: c.state, to: state, flowFrom: flowStep, flowTo: nextFlow, returnTrackingNo: patch.returnTrackingNo ?? null, ...(move.cause ? { cause: move.cause } : {}) },
    });

    if (state !== c.state) {
      if (final || appEvent === 'platform_intervene') {
        await settleDeadlines(tx, 'case', c.id, ['intervention'], appEvent === 'platform_intervene' ? 'missed' : 'done', now);
      } else if (unagreed(profile, type, state)) {
        if (!unagreed(profile, type, c.state)) await scheduleIntervention(tx, c, now, profile);
      } else {
        await settleDeadlines(tx, 'case', c.id, ['intervention'], 'done', now);
      }
    }

    await syncTimeLimits(tx, profile, c, { from: c.state, to: state, events: timeline.map((t) => t.event), final }, now);

    if (final && type !== 'exchange' && type !== 'repair' && refundSucceeded(profile, state)) await applyRefund(tx, updated!, actor, now);
    return updated!;
  }
}

/** The refunded amount counts on the order; a fully refunded, unfinished order closes (O1). */
async function applyRefund(tx: Tx, c: CaseRow, actor: Actor, now: Date): Promise<void> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, c.orderId)).for('update');
  if (!order) return;
  const refundFen = order.refundFen + c.amountFen;
  const refundMinor = (order.refundMinor ?? order.refundFen) + (c.amountMinor ?? c.amountFen);
  const [updated] = await tx.update(orders).set({ refundFen, refundMinor, updatedAt: now }).where(eq(orders.id, order.id)).returning();
  const profile = shopProfile(await loadShop(tx, order.shopId));
  const phase = orderPhase(profile, order.state);
  const paid = (order.paidMinor ?? order.paidFen) || (order.totalMinor ?? order.totalFen);
  if (refundMinor >= paid && isUnderWay(phase)) {
    await transitionOrderIn(tx, updated!, 'refund_success', actor, now, { note: `售后单 ${c.id} 退款成功` });
  }
}

export async function casesOfOrder(database: Database, orderId: string): Promise<CaseRow[]> {
  return database.db.select().from(aftersalesCases).where(and(eq(aftersalesCases.orderId, orderId)));
}

export interface RateLine {
  itemId: string | null;
  title: string;
  trades: number;
  refunds: number;
  disputes: number;
  refundRate: number | null;
  disputePerMille: number | null;
  alerts: { kind: 'dispute' | 'refund'; messageZh: string }[];
}

/**
 * A8 for a shop's calendar month (Beijing time) containing `now`: trades = orders paid in the
 * month; refunds = cases whose refund succeeded in the month; disputes = those the platform
 * decided. Per shop and per item (an order counts for each item it contains).
 */
export async function shopRates(database: Database, shopId: string, now: Date) {
  const profile = shopProfile(await loadShop(database.db, shopId));
  const from = startOfBeijingMonth(now);
  const to = startOfBeijingMonth(now, 1);
  const paid = await database.query<{ order_id: string; item_id: string | null; title: string | null }>(
    `select o.id as order_id, l.item_id, l.title from orders o left join order_lines l on l.order_id = o.id
      where o.shop_id = $1 and o.paid_at >= $2 and o.paid_at < $3`,
    [shopId, from.toISOString(), to.toISOString()],
  );
  const closed = await database.query<{ order_id: string; state: string; platform_decided: boolean; item_id: string | null; title: string | null }>(
    `select c.order_id, c.state, c.platform_decided, l.item_id, l.title from aftersales_cases c
       left join order_lines l on l.order_id = c.order_id
      where c.shop_id = $1 and c.closed_at >= $2 and c.closed_at < $3`,
    [shopId, from.toISOString(), to.toISOString()],
  );
  const refunded = closed.filter((c) => refundSucceeded(profile, c.state));
  const count = (rows: { order_id: string }[]) => new Set(rows.map((r) => r.order_id)).size;
  const line = (itemId: string | null, title: string, t: typeof paid, r: typeof refunded): RateLine => {
    const input = { trades: count(t), refunds: count(r), disputes: count(r.filter((x) => x.platform_decided)) };
    const rates = refundRates(input, profile);
    return { itemId, title, ...input, refundRate: rates.refundRate, disputePerMille: rates.disputePerMille, alerts: rates.alerts };
  };
  const itemIds = [...new Set(paid.map((p) => p.item_id).filter((x): x is string => !!x))];
  return {
    month: beijingMonthKey(now),
    thresholds: { disputeAlertPerMille: profile.refunds.rates.dispute_alert_per_mille, refundRateAlertPct: profile.refunds.rates.refund_rate_alert_pct },
    shop: line(null, '全店', paid, refunded),
    items: itemIds.map((id) =>
      line(id, paid.find((p) => p.item_id === id)?.title ?? id, paid.filter((p) => p.item_id === id), refunded.filter((r) => r.item_id === id)),
    ),
  };
}
