// The follow-ups API (issue 14: C8, F1–F4, O7, R7): a shop's flows with their switch and timing,
// its templates (F2, guard-checked on save), the preview of who would receive what, and the sent
// log with outcomes and per-flow conversion. Shared by the server and the workbench.
import { z } from 'zod';
import { buyerNoticeSettingsSchema } from '../followups/buyer-notice.js';
import { FLOW_KEYS, REMINDER_REASONS } from '../followups/keys.js';
import { segmentSchema } from '../followups/segment.js';

export const flowKeySchema = z.enum(FLOW_KEYS);

export const followupShopParams = z.object({ shopId: z.string().min(1).max(100) });

export const followupFlowBody = z.strictObject({
  flow: flowKeySchema,
  enabled: z.boolean(),
  /** Hours after the trigger (null: the rules' default). */
  delayHours: z.number().min(0).max(24 * 60).nullable().optional(),
  /** 催付 steps in hours after ordering (null: the rules' default). */
  stepsHours: z.array(z.number().min(0).max(24 * 60)).min(1).max(6).nullable().optional(),
  /** F4/M2: a marketing flow's target segment (VIP tiers and/or tags); null: every buyer; absent: unchanged. */
  segment: segmentSchema.nullable().optional(),
});
export type FollowupFlowBody = z.infer<typeof followupFlowBody>;

export const followupTemplateInput = z.strictObject({
  flow: flowKeySchema,
  lang: z.enum(['zh', 'en']),
  reason: z.enum(REMINDER_REASONS).nullable().optional(),
  platform: z.string().trim().min(1).max(30).nullable().optional(),
  courier: z.string().trim().min(1).max(40).nullable().optional(),
  country: z.string().trim().min(2).max(2).nullable().optional(),
  text: z.string().trim().min(1, '模板内容不能为空').max(500, '模板不能超过 500 字'),
});
export const followupTemplatesBody = z.strictObject({ templates: z.array(followupTemplateInput).max(200) });
export type FollowupTemplatesBody = z.infer<typeof followupTemplatesBody>;

/** The flow to preview; `segment` previews a segment not yet saved (null: every buyer; absent: the saved one). */
export const followupPreviewBody = z.strictObject({ flow: flowKeySchema, segment: segmentSchema.nullable().optional() });

const segmentViewSchema = z.object({ tiers: z.array(z.string()), tags: z.array(z.string()), label: z.string() });

export const followupLogQuery = z.object({
  flow: flowKeySchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const followupConsentBody = z.strictObject({ buyerId: z.string().min(1).max(100), optedOut: z.boolean() });

const flowViewSchema = z.object({
  flow: flowKeySchema,
  title: z.string(),
  category: z.enum(['service', 'marketing']),
  trigger: z.string(),
  enabled: z.boolean(),
  delayHours: z.number().nullable(),
  stepsHours: z.array(z.number()).nullable(),
  defaultDelayHours: z.number().nullable(),
  defaultStepsHours: z.array(z.number()).nullable(),
  /** Where the default timing comes from (requirement id, seed, note). */
  sourceZh: z.string(),
  /** F4/M2: the segment a marketing flow goes to; null: every buyer (service flows always). */
  segment: segmentViewSchema.nullable(),
});
export type FollowupFlowView = z.infer<typeof flowViewSchema>;

const templateViewSchema = z.object({
  id: z.string().nullable(),
  flow: flowKeySchema,
  lang: z.enum(['zh', 'en']),
  reason: z.string().nullable(),
  platform: z.string().nullable(),
  courier: z.string().nullable(),
  country: z.string().nullable(),
  text: z.string(),
  /** false: a default from rules/followups.yaml (read-only; a shop template overrides it). */
  own: z.boolean(),
});
export type FollowupTemplateView = z.infer<typeof templateViewSchema>;

export const flowStatsSchema = z.object({
  flow: flowKeySchema,
  pending: z.number(),
  sent: z.number(),
  held: z.number(),
  stopped: z.number(),
  failed: z.number(),
  /** 催付: orders paid after a reminder was sent. */
  paidAfter: z.number(),
  replied: z.number(),
  optedOut: z.number(),
  /** paidAfter / orders reminded (催付), replied / sent otherwise; null with nothing sent. */
  conversion: z.number().nullable(),
  optOutRate: z.number().nullable(),
});
export type FollowupFlowStats = z.infer<typeof flowStatsSchema>;

export const followupsViewSchema = z.object({
  shopId: z.string(),
  platform: z.string(),
  payWindowHours: z.number().nullable(),
  flows: z.array(flowViewSchema),
  templates: z.array(templateViewSchema),
  stats: z.array(flowStatsSchema),
  limits: z.object({
    marketing: z.object({ max: z.number(), perHours: z.number() }),
    service: z.object({ max: z.number(), perHours: z.number() }),
    quietStart: z.string(),
    quietEnd: z.string(),
  }),
  variables: z.array(z.string()),
});
export type FollowupsView = z.infer<typeof followupsViewSchema>;

export const followupPreviewRowSchema = z.object({
  orderNo: z.string(),
  buyer: z.string(),
  dueAt: z.string(),
  channel: z.string(),
  text: z.string(),
  /** would_send, or why not (opted_out, held_frequency, quiet_hours, missing_data, blocked). */
  outcome: z.string(),
  note: z.string().nullable(),
});
export const followupPreviewSchema = z.object({
  flow: flowKeySchema,
  title: z.string(),
  enabled: z.boolean(),
  /** Orders the flow applies to (inside the segment when there is one). */
  orders: z.number(),
  wouldSend: z.number(),
  byOutcome: z.record(z.string(), z.number()),
  /** The segment previewed and the orders left out because their buyer is outside it; null: every buyer. */
  segment: segmentViewSchema.extend({ outsideOrders: z.number(), buyers: z.number() }).nullable(),
  rows: z.array(followupPreviewRowSchema),
  tookMs: z.number(),
});
export type FollowupPreview = z.infer<typeof followupPreviewSchema>;

export const followupLogRowSchema = z.object({
  id: z.number(),
  flow: flowKeySchema,
  orderNo: z.string().nullable(),
  buyer: z.string(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  state: z.string(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  text: z.string(),
  channel: z.string().nullable(),
  conversationId: z.string().nullable(),
  paidAfter: z.boolean(),
  replied: z.boolean(),
  optedOut: z.boolean(),
});
export const followupLogSchema = z.object({ items: z.array(followupLogRowSchema) });
export type FollowupLog = z.infer<typeof followupLogSchema>;
export type FollowupLogRow = z.infer<typeof followupLogRowSchema>;

export const savedTemplatesReply = z.object({
  ok: z.literal(true),
  warnings: z.array(z.object({ where: z.string(), rule: z.string(), title: z.string(), message: z.string() })),
});

/** S1: a draft of the notice's own fields (not saved) to generate and check the buyer notice with. */
export const buyerNoticeBody = z.strictObject({ draft: buyerNoticeSettingsSchema.strict().optional() });

const noticeFlagSchema = z.object({ rule: z.string(), title: z.string(), severity: z.enum(['block', 'warn']), message: z.string(), suspected: z.boolean().optional() });
export const buyerNoticeViewSchema = z.object({
  shopId: z.string(),
  notices: z.array(z.object({
    lang: z.enum(['zh', 'en']),
    lines: z.array(z.object({ section: z.string(), text: z.string(), own: z.boolean(), flags: z.array(noticeFlagSchema) })),
  })),
  flagged: z.number(),
});
export type BuyerNoticeView = z.infer<typeof buyerNoticeViewSchema>;
