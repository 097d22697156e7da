// The follow-up flows and 催付 reasons by name (issue 14), with no file reading, so the workbench
// can import them through core/contract.
export const FLOW_KEYS = ['payment_reminder', 'order_verify', 'shipment_notice', 'arrival_notice', 'delay_notice', 'care', 'confirm_reminder', 'review_invite', 'member_invite', 'revisit'] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

export function isFlowKey(value: string): value is FlowKey {
  return (FLOW_KEYS as readonly string[]).includes(value);
}

/** 催付 reasons; price_changed: the seller changed the unpaid order's price since the buyer last wrote (C8). */
export const REMINDER_REASONS = ['price', 'address', 'hesitation', 'price_changed'] as const;
export type ReminderReason = (typeof REMINDER_REASONS)[number];

/**
 * R7: the review invitation's wording by where the buyer stands when it goes out (the segments of
 * core/reviews/invitation-segments.ts the flow reaches: it is scheduled after confirmation).
 * A template without one is the invitation itself (confirmed, not reviewed).
 */
export const REVIEW_INVITE_SEGMENTS = ['confirmed_not_reviewed', 'reviewed_good', 'reviewed_neutral_bad'] as const;
export type ReviewInviteSegment = (typeof REVIEW_INVITE_SEGMENTS)[number];

/**
 * C9: the order confirmation's wording when the buyer left a message on the order (个性化留言):
 * it is read back to them with the address and phone.
 */
export const VERIFY_REASONS = ['with_note'] as const;
export type VerifyReason = (typeof VERIFY_REASONS)[number];

/**
 * A template's `reason`: what held a buyer back from paying (催付), the review segment (评价邀请)
 * or the buyer's order message (核对订单).
 */
/**
 * O7: the delay notice's wording when the parcel's transit falls in a disruption (a shop's 物流异常
 * entry or a holiday span): it names the cause and the expected recovery ({cause}, {recovery}).
 */
export const DELAY_REASONS = ['disruption'] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];

export const TEMPLATE_REASONS = [...REMINDER_REASONS, ...REVIEW_INVITE_SEGMENTS, ...VERIFY_REASONS, ...DELAY_REASONS] as const;
export type TemplateReason = (typeof TEMPLATE_REASONS)[number];

/** The flow a template reason belongs to. */
export function reasonFlow(reason: TemplateReason): FlowKey {
  if ((REMINDER_REASONS as readonly string[]).includes(reason)) return 'payment_reminder';
  if ((VERIFY_REASONS as readonly string[]).includes(reason)) return 'order_verify';
  if ((DELAY_REASONS as readonly string[]).includes(reason)) return 'delay_notice';
  return 'review_invite';
}

/** Chinese names of the template reasons, for screens and messages. */
export const TEMPLATE_REASON_ZH: Record<TemplateReason, string> = {
  price: '价格', address: '地址', hesitation: '犹豫', price_changed: '已改价',
  confirmed_not_reviewed: '已确认收货未评价', reviewed_good: '已好评', reviewed_neutral_bad: '中差评',
  with_note: '有买家留言',
  disruption: '物流异常（天气、节假日等）',
};

/** Chinese names of the flows, for screens. */
export const FLOW_TITLES_ZH: Record<FlowKey, string> = {
  payment_reminder: '催付',
  order_verify: '核对订单',
  shipment_notice: '发货通知',
  arrival_notice: '到货提醒',
  delay_notice: '物流延误说明',
  care: '关怀消息',
  confirm_reminder: '签收未确认提醒',
  review_invite: '评价邀请',
  member_invite: '入会邀请',
  revisit: '老客回访',
};
