// Which follow-ups an order calls for, and whether a scheduled one still applies when it falls
// due (issue 14). Pure: facts and settings in, planned rows out; the app stores them as timer
// rows (scheduled_messages) and the timer loop sends them once.
import type { OrderPhase } from '../orders/order-phase.js';
import { flowRule, FLOW_KEYS, followupRules, type FlowKey, type FollowupRules, type ReminderReason, type ReviewInviteSegment } from './config.js';
import { inviteSegment, mayInviteAgain } from '../reviews/invitation-segments.js';
import type { Rating } from '../reviews/credit.js';
import type { Segment } from './segment.js';
import type { RevisitChannel } from './revisit-channels.js';

const HOUR = 3_600_000;

/** A shop's own choices for one flow (followup_flows row); absent fields follow rules/followups.yaml. */
export interface FlowSetting {
  enabled: boolean;
  delayHours?: number | undefined;
  stepsHours?: number[] | undefined;
  /** F4/M2: the segment a marketing flow goes to (absent or null: every buyer). */
  segment?: Segment | null | undefined;
  /** F4 老客回访: chat (absent), phone (call tasks) or email (the shop's SMTP server). */
  channel?: RevisitChannel | undefined;
}

export type FlowSettings = Partial<Record<FlowKey, FlowSetting>>;

/** What the planner knows about an order (read from orders, logistics events and the buyer's history). */
export interface OrderFacts {
  phase: OrderPhase | null;
  orderedAt: Date | null;
  /** C9: when the buyer paid (absent or null: not known; no order confirmation is planned). */
  paidAt?: Date | null;
  shippedAt: Date | null;
  completedAt: Date | null;
  /** When the courier took the parcel out for delivery (a logistics event of an arrival status). */
  outForDeliveryAt?: Date | null;
  /**
   * R7: when the buyer signed for the parcel — the order's signed state or a signing scan — while
   * receipt is not yet confirmed (absent: not signed for, as far as we know).
   */
  signedAt?: Date | null;
  /** Since when tracking has not moved past the profile's stale span (O7), if it has stalled. */
  stalledSince?: Date | null;
  /**
   * O7: since when the parcel's province and days in transit fall in a disruption that is told at
   * once (a shop's 物流异常 entry or a courier pause of the holiday calendar), before any stall.
   */
  disruptedSince?: Date | null;
  /** Finished (succeeded) orders of the buyer in this shop (F4). */
  buyerFinishedOrders?: number;
  /**
   * R7 入会邀请: when the buyer wrote their latest review in the shop, if it is good and is this
   * order's (absent or null: no invitation from this order).
   */
  goodReviewAt?: Date | null;
  /** R7 入会邀请: when the buyer was last sent a membership invitation by this shop (any order). */
  lastMemberInviteAt?: Date | null;
}

export interface PlannedFollowup {
  flow: FlowKey;
  step: number;
  dueAt: Date;
}

export interface PlanContext {
  rules: FollowupRules;
  platform: string;
  /** The platform profile's payment window (service.pay_window_hours, C8); null: none given. */
  payWindowHours: number | null;
  settings: FlowSettings;
  /**
   * R7: days after shipment at which the platform confirms receipt by itself (the profile's
   * orders.receipt.auto_confirm_days_after_ship); null or absent: not known.
   */
  autoConfirmDays?: number | null;
}

/**
 * Flows are on by default (issue 14); a shop switches one off in the workbench. A flow the rules
 * mark `default_enabled: false` (入会邀请, R7: only a shop with a membership has one) waits for
 * the shop to switch it on.
 */
export function flowEnabled(settings: FlowSettings, flow: FlowKey): boolean {
  return settings[flow]?.enabled ?? followupRules().flows[flow].default_enabled ?? true;
}

/** The flow's delay in hours: the shop's own, else the rules' for the platform. */
export function flowDelayHours(ctx: Pick<PlanContext, 'rules' | 'platform' | 'settings'>, flow: FlowKey): number {
  return ctx.settings[flow]?.delayHours ?? flowRule(ctx.rules, flow, ctx.platform).delay_hours ?? 0;
}

/** C8: when the buyer can no longer pay (ordered + the platform's window, else the fallback span). */
export function paymentCloseAt(ctx: PlanContext, orderedAt: Date): Date {
  const rule = flowRule(ctx.rules, 'payment_reminder', ctx.platform);
  const windowHours = ctx.payWindowHours ?? rule.window_fallback_hours ?? 24;
  return new Date(orderedAt.getTime() + windowHours * HOUR);
}

/** The payment reminder's due times: each step inside the window, and a last call before it closes. */
export function paymentReminderSteps(ctx: PlanContext, orderedAt: Date): Date[] {
  const rule = flowRule(ctx.rules, 'payment_reminder', ctx.platform);
  const closeAt = paymentCloseAt(ctx, orderedAt).getTime();
  const steps = ctx.settings.payment_reminder?.stepsHours ?? rule.steps_hours ?? [2];
  const out = steps.map((h) => orderedAt.getTime() + h * HOUR).filter((t) => t < closeAt);
  if (ctx.payWindowHours !== null && rule.last_call_hours_before_close !== undefined) {
    const last = closeAt - rule.last_call_hours_before_close * HOUR;
    if (out.every((t) => last - t > HOUR)) out.push(last);
  }
  return [...new Set(out)].sort((a, b) => a - b).map((t) => new Date(t));
}

/** R7: when the platform would confirm receipt by itself (shipment + its auto-confirm days); null: not known. */
export function autoConfirmAt(shippedAt: Date | null | undefined, autoConfirmDays: number | null | undefined): Date | null {
  if (!shippedAt || autoConfirmDays === null || autoConfirmDays === undefined) return null;
  return new Date(shippedAt.getTime() + autoConfirmDays * 24 * HOUR);
}

/** Every follow-up the order calls for now, in its current phase (enabled flows only). */
export function planFollowups(ctx: PlanContext, o: OrderFacts): PlannedFollowup[] {
  const out: PlannedFollowup[] = [];
  const at = (flow: FlowKey, from: Date | null | undefined) => {
    if (!from || !flowEnabled(ctx.settings, flow)) return;
    out.push({ flow, step: 0, dueAt: new Date(from.getTime() + flowDelayHours(ctx, flow) * HOUR) });
  };
  if (o.phase === 'unpaid' && o.orderedAt && flowEnabled(ctx.settings, 'payment_reminder')) {
    paymentReminderSteps(ctx, o.orderedAt).forEach((dueAt, step) => out.push({ flow: 'payment_reminder', step, dueAt }));
  }
  // C9: a paid order not yet shipped is confirmed with the buyer (address, phone, their message).
  if (o.phase === 'paid') at('order_verify', o.paidAt);
  const shipped = o.phase === 'shipped' || o.phase === 'signed' || o.phase === 'succeeded';
  if (shipped) {
    at('shipment_notice', o.shippedAt);
    at('care', o.shippedAt);
  }
  if (o.phase === 'shipped') {
    at('arrival_notice', o.outForDeliveryAt);
    at('delay_notice', o.stalledSince ?? o.disruptedSince);
  }
  // R7: signed for, not yet confirmed — a reminder to check and confirm, unless the platform
  // would have confirmed receipt by itself before it falls due.
  if ((o.phase === 'shipped' || o.phase === 'signed') && o.signedAt && flowEnabled(ctx.settings, 'confirm_reminder')) {
    const dueAt = new Date(o.signedAt.getTime() + flowDelayHours(ctx, 'confirm_reminder') * HOUR);
    const auto = autoConfirmAt(o.shippedAt, ctx.autoConfirmDays);
    if (!auto || dueAt < auto) out.push({ flow: 'confirm_reminder', step: 0, dueAt });
  }
  if (o.phase === 'succeeded') {
    at('review_invite', o.completedAt);
    const min = flowRule(ctx.rules, 'revisit', ctx.platform).min_orders ?? 2;
    if ((o.buyerFinishedOrders ?? 0) >= min) at('revisit', o.completedAt);
    // R7: a buyer whose latest review is good is invited to the membership once in the rule's gap.
    if (o.goodReviewAt && flowEnabled(ctx.settings, 'member_invite')) {
      const dueAt = new Date(o.goodReviewAt.getTime() + flowDelayHours(ctx, 'member_invite') * HOUR);
      const gap = flowRule(ctx.rules, 'member_invite', ctx.platform).min_gap_hours ?? 0;
      if (mayInviteAgain(o.lastMemberInviteAt?.getTime() ?? null, dueAt.getTime(), gap)) out.push({ flow: 'member_invite', step: 0, dueAt });
    }
  }
  return out;
}

/** Why a scheduled follow-up no longer goes out, or null when it still applies in this phase. */
export type StopReason = 'paid' | 'closed' | 'moved_on' | 'confirmed';

/** C9: the order was confirmed with the buyer already (in the chat, by the bot or an agent). */
export function alreadyVerified(orderId: string, verifiedOrderIds: readonly string[], verifiedAt: Date | null | undefined): boolean {
  return !!verifiedAt || verifiedOrderIds.includes(orderId);
}

export function stopReason(flow: FlowKey, phase: OrderPhase | null): StopReason | null {
  if (phase === null) return 'moved_on';
  if (flow === 'payment_reminder') return phase === 'unpaid' ? null : phase === 'closed' ? 'closed' : 'paid';
  if (phase === 'closed') return 'closed';
  switch (flow) {
    case 'order_verify':
      // C9: once the parcel has left, confirming the address is too late (an agent handles it).
      return phase === 'paid' ? null : 'moved_on';
    case 'shipment_notice':
    case 'care':
      return phase === 'shipped' || phase === 'signed' || phase === 'succeeded' ? null : 'moved_on';
    case 'arrival_notice':
    case 'delay_notice':
      return phase === 'shipped' ? null : 'moved_on';
    case 'confirm_reminder':
      // R7: the buyer confirmed (or the platform did): nothing left to remind.
      return phase === 'shipped' || phase === 'signed' ? null : phase === 'succeeded' ? 'confirmed' : 'moved_on';
    case 'review_invite':
    case 'member_invite':
    case 'revisit':
      return phase === 'succeeded' ? null : 'moved_on';
  }
}

/** Why a due 入会邀请 is not sent (R7). */
export type MemberInviteHold = 'review_not_good' | 'already_member' | 'invited_recently';

/**
 * R7 入会邀请 at send (and in the preview): the buyer's latest review in the shop must still be
 * good (a later neutral or bad review, or a 追评 rated so, stops it); a buyer tagged as a member
 * is never invited; and one invitation per buyer in the rule's gap, over all their orders.
 */
export function memberInviteHold(f: {
  latestRating: Rating | null;
  tags: readonly string[];
  memberTags: readonly string[];
  lastInvitedAt: Date | null;
  now: Date;
  minGapHours: number;
}): MemberInviteHold | null {
  if (f.latestRating !== 'good') return 'review_not_good';
  const member = new Set(f.memberTags.map((t) => t.trim().toLowerCase()));
  if (f.tags.some((t) => member.has(t.trim().toLowerCase()))) return 'already_member';
  if (!mayInviteAgain(f.lastInvitedAt?.getTime() ?? null, f.now.getTime(), f.minGapHours)) return 'invited_recently';
  return null;
}

/**
 * R7/D9: the words of a membership invitation that tie it to the review (评价, 好评, review…);
 * any one refuses the template on save and blocks the message at send. Case-insensitive.
 */
export function memberInviteReviewWords(text: string, forbidden: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return forbidden.filter((w) => lower.includes(w.toLowerCase()));
}

/** Why a due 签收未确认提醒 is not sent although the order is still unconfirmed (R7). */
export type ConfirmReminderHold = 'aftersales_open' | 'auto_confirmed';

/**
 * R7: a buyer with an open after-sales case (a complaint, a refund or return under way) is never
 * asked to confirm receipt; nor is one whose order the platform has confirmed by itself already
 * (its auto-confirm moment passed, even if our copy of the order has not caught up yet).
 */
export function confirmReminderHold(f: { openCase: boolean; shippedAt: Date | null; autoConfirmDays: number | null | undefined; now: Date }): ConfirmReminderHold | null {
  if (f.openCase) return 'aftersales_open';
  const auto = autoConfirmAt(f.shippedAt, f.autoConfirmDays);
  if (auto && f.now.getTime() >= auto.getTime()) return 'auto_confirmed';
  return null;
}

/** C8: the reminder's wording follows what held the buyer back (the conversation's last intent). */
export function reminderReason(lastIntent: string | null | undefined, hasCoupon: boolean): ReminderReason | null {
  switch (lastIntent) {
    case 'bargain':
    case 'promotion':
    case 'shipping_fee':
      return hasCoupon ? 'price' : null;
    case 'order_change':
      return 'address';
    case 'stock':
    case 'size_fit':
    case 'product_info':
    case 'color_appearance':
    case 'ship_time':
    case 'courier':
    case 'authenticity':
      return 'hesitation';
    default:
      return null;
  }
}

/**
 * R7: the review invitation's segment when it goes out (the flow runs after confirmation): the
 * buyer's latest review of the order decides — none yet: the invitation itself; a good one: a
 * thank-you that asks for nothing; a neutral or bad one: an offer to help that never mentions the
 * review (never conditional on changing it, D9).
 */
export function reviewInviteSegment(confirmedAt: Date | null, rating: Rating | null): ReviewInviteSegment {
  const s = inviteSegment({ signedAt: confirmedAt?.toISOString() ?? null, confirmedAt: confirmedAt?.toISOString() ?? null, rating });
  return s === 'reviewed_good' || s === 'reviewed_neutral_bad' ? s : 'confirmed_not_reviewed';
}

export { FLOW_KEYS };
