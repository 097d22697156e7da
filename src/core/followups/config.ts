// The follow-up rules (issue 14): rules/followups.yaml, validated once and cached. Flows, their
// default timing (with the requirement id and seed of each figure), frequency limits, quiet hours,
// opt-out words and default templates. Platform figures such as the payment window stay in the
// platform profile (service.pay_window_hours, C8); this file holds the follow-up side only.
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';
import { sourceSchema } from '../rules/schema.js';

import { FLOW_KEYS, TEMPLATE_REASONS, type FlowKey } from './keys.js';

export { FLOW_KEYS, REMINDER_REASONS, REVIEW_INVITE_SEGMENTS, TEMPLATE_REASONS, isFlowKey, type FlowKey, type ReminderReason, type ReviewInviteSegment, type TemplateReason } from './keys.js';
export const flowKeySchema = z.enum(FLOW_KEYS);

const hours = z.number().min(0);

const flowSchema = z.strictObject({
  title: z.string().min(1),
  category: z.enum(['service', 'marketing']),
  trigger: z.enum(['ordered', 'paid', 'shipped', 'out_for_delivery', 'tracking_stalled', 'signed', 'succeeded', 'reviewed_good', 'loyal']),
  /** Off until a shop switches it on (absent: on, issue 14). */
  default_enabled: z.boolean().optional(),
  delay_hours: hours.optional(),
  steps_hours: z.array(hours).min(1).optional(),
  last_call_hours_before_close: hours.optional(),
  window_fallback_hours: hours.optional(),
  statuses: z.array(z.string().min(1)).optional(),
  min_orders: z.number().int().positive().optional(),
  /** R7 入会邀请: at most one invitation per buyer in this span (hours), over all their orders. */
  min_gap_hours: hours.optional(),
  /** R7 入会邀请: buyer tags that mean the buyer is a member already (never invited). */
  member_tags: z.array(z.string().min(1)).optional(),
  /** R7 入会邀请: words an invitation may not contain (it never mentions the review). */
  forbidden_words: z.array(z.string().min(1)).optional(),
  /** F4 老客回访: the channels a shop may pick for the flow (absent: chat only). */
  channels: z.array(z.enum(['chat', 'phone', 'email'])).min(1).optional(),
  /** F4: call tasks (channel phone): retries of unreached calls and who may reveal the number. */
  call: z.strictObject({
    max_attempts: z.number().int().positive(),
    retry_hours: hours,
    reveal_roles: z.array(z.enum(['admin', 'supervisor', 'agent'])),
    /** 接手: how long an agent's claim on a task keeps others off it without an outcome (minutes). */
    claim_minutes: z.number().int().min(1).max(24 * 60).default(30),
    source: sourceSchema,
  }).optional(),
  /** F4: re-visit mail (channel email): retries of failed sends, subject, who sees addresses. */
  mail: z.strictObject({
    max_attempts: z.number().int().positive(),
    retry_minutes: z.array(z.number().positive()).min(1),
    subject: z.string().min(1),
    show_roles: z.array(z.enum(['admin', 'supervisor', 'agent'])),
    source: sourceSchema,
  }).optional(),
  source: sourceSchema,
});
export type FlowRule = z.infer<typeof flowSchema>;

const templateSchema = z.strictObject({
  flow: flowKeySchema,
  lang: z.enum(['zh', 'en']),
  reason: z.enum(TEMPLATE_REASONS).optional(),
  platform: z.string().min(1).optional(),
  courier: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
  text: z.string().min(1),
});
export type DefaultTemplate = z.infer<typeof templateSchema>;

const limitSchema = z.strictObject({ max: z.number().int().positive(), per_hours: z.number().positive() });
const clock = z.string().regex(/^\d{1,2}:\d{2}$/);

const fileSchema = z.strictObject({
  req: z.array(z.string()),
  flows: z.strictObject(Object.fromEntries(FLOW_KEYS.map((k) => [k, flowSchema])) as Record<FlowKey, typeof flowSchema>),
  per_platform: z.record(z.string(), z.partialRecord(flowKeySchema, flowSchema.partial())).default({}),
  frequency: z.strictObject({ marketing: limitSchema, service: limitSchema, source: sourceSchema }),
  quiet_hours: z.strictObject({ start: clock, end: clock, default_time_zone: z.string().min(1), source: sourceSchema }),
  time_zones: z.record(z.string(), z.string().min(1)),
  opt_out: z.strictObject({ words: z.array(z.string().min(1)).min(1), source: sourceSchema }),
  templates: z.array(templateSchema),
});
export type FollowupRules = z.infer<typeof fileSchema>;

let cached: FollowupRules | null = null;

/** rules/followups.yaml, parsed and validated (PROFILE_INVALID with the path when broken). */
export function followupRules(): FollowupRules {
  if (cached) return cached;
  const parsed = fileSchema.safeParse(parse(readShippedFile(import.meta.url, '../../../rules/followups.yaml')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DxeError('PROFILE_INVALID', `rules/followups.yaml: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? '格式错误'}`);
  }
  cached = parsed.data;
  return cached;
}

/** A flow's rule for a platform: the common entry with the platform's own figures on top. */
export function flowRule(rules: FollowupRules, flow: FlowKey, platform: string): FlowRule {
  const own = rules.per_platform[platform]?.[flow];
  return own ? { ...rules.flows[flow], ...own } : rules.flows[flow];
}
