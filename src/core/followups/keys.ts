// The follow-up flows and 催付 reasons by name (issue 14), with no file reading, so the workbench
// can import them through core/contract.
export const FLOW_KEYS = ['payment_reminder', 'shipment_notice', 'arrival_notice', 'delay_notice', 'care', 'review_invite', 'revisit'] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

export function isFlowKey(value: string): value is FlowKey {
  return (FLOW_KEYS as readonly string[]).includes(value);
}

export const REMINDER_REASONS = ['price', 'address', 'hesitation'] as const;
export type ReminderReason = (typeof REMINDER_REASONS)[number];

/** Chinese names of the flows, for screens. */
export const FLOW_TITLES_ZH: Record<FlowKey, string> = {
  payment_reminder: '催付',
  shipment_notice: '发货通知',
  arrival_notice: '到货提醒',
  delay_notice: '物流延误说明',
  care: '关怀消息',
  review_invite: '评价邀请',
  revisit: '老客回访',
};
