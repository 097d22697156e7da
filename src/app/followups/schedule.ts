// Scheduling follow-ups (issue 14): every order change re-derives the order's follow-up rows
// (called from the one place every order change passes, app/timers/order-deadlines.ts), and the
// sweep adds the ones that come from elsewhere (logistics scans, stalled tracking, loyal buyers,
// orders written without a change call). One row per order, flow and step: scheduling again
// never doubles a message, and a row that no longer applies (the buyer paid, the order closed)
// is stopped here and again when it falls due.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { FLOW_KEYS, followupRules, isFlowKey, TEMPLATE_REASONS, type FlowKey, type TemplateReason } from '../../core/followups/config.js';
import { flowEnabled, planFollowups, stopReason, type FlowSettings, type OrderFacts, type PlannedFollowup } from '../../core/followups/flows.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import type { Profile } from '../../core/rules/schema.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import { followupFlows, followupTemplates, logisticsEvents, orderEvents, orders, reviews, scheduledMessages } from '../../store/schema/index.js';
import type { Template } from '../../core/followups/templates.js';
import { readSegment } from '../../core/followups/segment.js';

type OrderRow = typeof orders.$inferSelect;

/** A shop's flow switches and timing (no row: on, with the rules' timing). */
export async function loadFlowSettings(database: Database | Tx, shopId: string): Promise<FlowSettings> {
  return flowSettingsOf(await queriesOf(database).select().from(followupFlows).where(eq(followupFlows.shopId, shopId)));
}

/** FlowSettings from a shop's followup_flows rows. */
export function flowSettingsOf(rows: readonly (typeof followupFlows.$inferSelect)[]): FlowSettings {
  const out: FlowSettings = {};
  for (const r of rows) {
    if (!isFlowKey(r.flow)) continue;
    out[r.flow] = {
      enabled: r.enabled,
      ...(r.delayHours === null ? {} : { delayHours: r.delayHours }),
      ...(Array.isArray(r.stepsHours) ? { stepsHours: r.stepsHours } : {}),
      ...(readSegment(r.segment) ? { segment: readSegment(r.segment) } : {}),
      ...(r.channel === 'phone' || r.channel === 'email' ? { channel: r.channel } : {}),
    };
  }
  return out;
}

/** A shop's own templates (F2), as the picker reads them. */
export async function loadShopTemplates(database: Database | Tx, shopId: string): Promise<Template[]> {
  return templatesOf(await queriesOf(database).select().from(followupTemplates).where(eq(followupTemplates.shopId, shopId)));
}

/** Templates from a shop's followup_templates rows. */
export function templatesOf(rows: readonly (typeof followupTemplates.$inferSelect)[]): Template[] {
  const out: Template[] = [];
  for (const r of rows) {
    if (!isFlowKey(r.flow)) continue;
    const reason = (TEMPLATE_REASONS as readonly string[]).includes(r.reason ?? '') ? (r.reason as TemplateReason) : null;
    out.push({ id: r.id, flow: r.flow, lang: r.lang, reason, platform: r.platform, courier: r.courier, country: r.country, text: r.text });
  }
  return out;
}

export function categoryOf(flow: FlowKey): 'service' | 'marketing' {
  return followupRules().flows[flow].category;
}

/** The planner's facts from an order row (extra facts from the sweep merged in). */
export function factsOf(profile: Profile, order: Pick<OrderRow, 'state' | 'orderedAt' | 'createdAt' | 'shippedAt' | 'completedAt'> & Partial<Pick<OrderRow, 'paidAt' | 'updatedAt'>>, extra: Partial<OrderFacts> = {}): OrderFacts {
  const phase = orderPhase(profile, order.state);
  return {
    phase,
    orderedAt: order.orderedAt ?? order.createdAt,
    // C9: an order known to be paid without a payment time counts from when we learned it.
    paidAt: order.paidAt ?? (phase === 'paid' ? order.updatedAt ?? null : null),
    shippedAt: order.shippedAt,
    completedAt: order.completedAt,
    ...extra,
  };
}

/** Inserts planned rows (once per order, flow and step); a pending row moves to a new due time. */
export async function insertPlanned(
  tx: Tx,
  order: Pick<OrderRow, 'id' | 'shopId' | 'buyerId'>,
  planned: readonly PlannedFollowup[],
): Promise<void> {
  if (planned.length === 0 || !order.buyerId) return;
  await tx
    .insert(scheduledMessages)
    .values(
      planned.map((p) => ({
        shopId: order.shopId,
        orderId: order.id,
        buyerId: order.buyerId,
        kind: p.flow,
        step: p.step,
        category: categoryOf(p.flow),
        text: '',
        dueAt: p.dueAt,
      })),
    )
    .onConflictDoUpdate({
      target: [scheduledMessages.orderId, scheduledMessages.kind, scheduledMessages.step],
      // A pending row moves to the new due time; a row stopped only because its flow was off is
      // armed again when the flow comes back on. Sent or otherwise stopped rows stay as they are.
      set: {
        dueAt: sql`case when ${scheduledMessages.state} = 'pending' or ${scheduledMessages.outcome} = 'flow_off' then excluded.due_at else ${scheduledMessages.dueAt} end`,
        state: sql`case when ${scheduledMessages.outcome} = 'flow_off' then 'pending' else ${scheduledMessages.state} end`,
        outcome: sql`case when ${scheduledMessages.outcome} = 'flow_off' then null else ${scheduledMessages.outcome} end`,
      },
    });
}

/** Stops the order's pending rows its phase no longer calls for (payment stops 催付, C8). */
export async function stopInapplicable(tx: Tx, order: OrderRow, profile: Profile): Promise<void> {
  const phase = orderPhase(profile, order.state);
  const byReason = new Map<string, FlowKey[]>();
  for (const flow of FLOW_KEYS) {
    const reason = stopReason(flow, phase);
    if (!reason) continue;
    byReason.set(reason, [...(byReason.get(reason) ?? []), flow]);
  }
  for (const [reason, flows] of byReason) {
    await tx
      .update(scheduledMessages)
      .set({ state: 'cancelled', outcome: `stopped_${reason}`, sentAt: null, firedBy: 'order-change', outcomeNote: `订单状态：${order.state}` })
      .where(and(eq(scheduledMessages.orderId, order.id), eq(scheduledMessages.state, 'pending'), inArray(scheduledMessages.kind, flows)));
  }
}

/**
 * The order's follow-ups after a change, inside the change's transaction: rows the new phase calls
 * for are scheduled, rows it no longer calls for are stopped.
 */
export async function syncOrderFollowups(tx: Tx, order: OrderRow, profile: Profile, now: Date, extra: Partial<OrderFacts> = {}): Promise<void> {
  await stopInapplicable(tx, order, profile);
  if (!order.buyerId) return;
  const settings = await loadFlowSettings(tx, order.shopId);
  const facts = factsOf(profile, order, extra);
  if (facts.phase === 'succeeded' && facts.buyerFinishedOrders === undefined) {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.shopId, order.shopId), eq(orders.buyerId, order.buyerId), sql`${orders.completedAt} is not null`));
    facts.buyerFinishedOrders = Number(row?.n ?? 0);
  }
  if (facts.phase === 'succeeded' && facts.goodReviewAt === undefined && flowEnabled(settings, 'member_invite')) {
    Object.assign(facts, await memberInviteFacts(tx, order));
  }
  if ((facts.phase === 'shipped' || facts.phase === 'signed') && facts.signedAt === undefined) {
    facts.signedAt = await signedAtOf(tx, order, profile);
  }
  const planned = planFollowups(
    { rules: followupRules(), platform: profile.platform, payWindowHours: profile.service.pay_window_hours, settings, autoConfirmDays: profile.orders.receipt.auto_confirm_days_after_ship },
    facts,
  );
  await insertPlanned(tx, order, planned);
}

/**
 * R7 入会邀请: what the planner needs for one order — when the buyer's latest review in the shop
 * was written, if it is good and is this order's, and when the shop last sent them an invitation.
 */
export async function memberInviteFacts(tx: Database | Tx, order: Pick<OrderRow, 'id' | 'shopId' | 'buyerId'>): Promise<Pick<OrderFacts, 'goodReviewAt' | 'lastMemberInviteAt'>> {
  if (!order.buyerId) return { goodReviewAt: null, lastMemberInviteAt: null };
  const q = queriesOf(tx);
  const [latest] = await q
    .select({ orderId: reviews.orderId, rating: reviews.rating, at: reviews.at })
    .from(reviews)
    .where(and(eq(reviews.shopId, order.shopId), eq(reviews.buyerId, order.buyerId)))
    .orderBy(desc(reviews.at), desc(reviews.id))
    .limit(1);
  const [last] = await q
    .select({ at: sql<Date | string | null>`max(${scheduledMessages.sentAt})` })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.shopId, order.shopId), eq(scheduledMessages.buyerId, order.buyerId), eq(scheduledMessages.kind, 'member_invite'), eq(scheduledMessages.state, 'sent')));
  return {
    goodReviewAt: latest && latest.rating === 'good' && latest.orderId === order.id ? latest.at : null,
    lastMemberInviteAt: last?.at ? new Date(last.at) : null,
  };
}

/** R7: the logistics statuses that mean the buyer signed for the parcel (rules/followups.yaml). */
export function signingStatuses(): string[] {
  return followupRules().flows.confirm_reminder.statuses ?? [];
}

/**
 * R7: when a shipped, unconfirmed order was signed for — the earliest signing scan, or the moment
 * the order entered its signed state (Pinduoduo, AliExpress); an order imported already in that
 * state, with neither on record, counts from when we learned it. Null: not signed for.
 */
export async function signedAtOf(tx: Database | Tx, order: Pick<OrderRow, 'id' | 'state' | 'updatedAt'>, profile: Profile): Promise<Date | null> {
  const signed = profile.orders.machine.states.filter((s) => orderPhase(profile, s) === 'signed');
  const signedStates = [...new Set([...signed, ...signed.map(normalizeStateName)])];
  const inSignedState = orderPhase(profile, order.state) === 'signed';
  const q = queriesOf(tx);
  const statuses = signingStatuses();
  const [scan] = statuses.length
    ? await q.select({ at: sql<Date | string | null>`min(${logisticsEvents.at})` }).from(logisticsEvents).where(and(eq(logisticsEvents.orderId, order.id), inArray(logisticsEvents.status, statuses)))
    : [];
  const [entered] = signedStates.length
    ? await q.select({ at: sql<Date | string | null>`min(${orderEvents.at})` }).from(orderEvents).where(and(eq(orderEvents.orderId, order.id), inArray(orderEvents.toState, signedStates)))
    : [];
  const found = [scan?.at, entered?.at].filter((x): x is Date | string => !!x).map((x) => new Date(x).getTime());
  if (found.length > 0) return new Date(Math.min(...found));
  return inSignedState ? order.updatedAt : null;
}
