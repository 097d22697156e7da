// The follow-ups API (issue 14: C8, F1–F4, O7, R7): a shop's flows with their switch and timing,
// its templates (F2, guard-checked on save), the preview of who would receive what, and the sent
// log with outcomes and per-flow conversion. Shared by the server and the workbench.
import { z } from 'zod';
import { NOTICE_LINE_FIELDS } from '../followups/buyer-notice.js';
import { FLOW_KEYS, reasonFlow, TEMPLATE_REASONS } from '../followups/keys.js';
import { segmentSchema } from '../followups/segment.js';
import { REVISIT_CHANNELS } from '../followups/revisit-channels.js';

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
  /** F4 老客回访: chat, phone (call tasks) or email (the shop's SMTP server); absent: unchanged. */
  channel: z.enum(REVISIT_CHANNELS, { error: '渠道应为 chat（旺旺）、phone（电话）或 email（邮件）' }).optional(),
});
export type FollowupFlowBody = z.infer<typeof followupFlowBody>;

export const followupTemplateInput = z.strictObject({
  flow: flowKeySchema,
  lang: z.enum(['zh', 'en']),
  reason: z.enum(TEMPLATE_REASONS, { error: '模板原因应为 price、address、hesitation、price_changed（催付）或 confirmed_not_reviewed、reviewed_good、reviewed_neutral_bad（评价邀请）或 with_note（核对订单）或 disruption（物流延误说明）' }).nullable().optional(),
  platform: z.string().trim().min(1).max(30).nullable().optional(),
  courier: z.string().trim().min(1).max(40).nullable().optional(),
  country: z.string().trim().min(2).max(2).nullable().optional(),
  text: z.string().trim().min(1, '模板内容不能为空').max(500, '模板不能超过 500 字'),
}).refine((t) => !t.reason || reasonFlow(t.reason) === t.flow, {
  path: ['reason'],
  error: '催付原因（价格/地址/犹豫）只能用于催付模板，评价分组（已确认收货未评价/已好评/中差评）只能用于评价邀请模板，“有买家留言”只能用于核对订单模板，“物流异常”只能用于物流延误说明模板',
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
  /** F4: the channel the flow goes by, and the channels it may go by. */
  channel: z.enum(REVISIT_CHANNELS),
  channels: z.array(z.enum(REVISIT_CHANNELS)),
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

/**
 * S1: the buyer notice's fields as the 设置 editor writes them. The shipping cut-off, couriers,
 * return window and return conditions are the shop's own settings (the bot answers from them too);
 * the rest is kept under `settings.buyerNotice`. Every message is Chinese (the editor shows it).
 */
const noticeText = (label: string, max: number) =>
  z.string({ error: `${label}应为文字` }).trim().max(max, `${label}不能超过 ${max} 个字`);
const noticeList = (label: string, maxItem: number, maxItems: number) =>
  z
    .array(z.string({ error: `${label}每一项应为文字` }).trim().min(1, `${label}不能有空白项`).max(maxItem, `${label}每一项不能超过 ${maxItem} 个字`), { error: `${label}应为列表` })
    .max(maxItems, `${label}最多 ${maxItems} 项`);
export const buyerNoticeFieldsSchema = z.strictObject({
  shipCutoff: z.string({ error: '截单时间应为文字' }).regex(/^([01]?\d|2[0-3]):[0-5]\d$/, '截单时间应为 时:分（如 16:00）'),
  couriers: noticeList('合作快递', 20, 10).min(1, '请至少填写一家快递'),
  regions: noticeList('配送地区', 30, 40).optional(),
  colourNote: noticeText('色差说明', 200).min(1, '色差说明不能为空').optional(),
  sizeToleranceCm: z.number({ error: '尺码误差应为数字（厘米）' }).min(0, '尺码误差不能小于 0').max(20, '尺码误差不能超过 20 厘米').optional(),
  returnDays: z.number({ error: '退换天数应为数字' }).int('退换天数应为整数').min(0, '退换天数不能小于 0').max(90, '退换天数不能超过 90 天'),
  returnConditions: noticeText('退换条件', 200).min(1, '退换条件不能为空'),
  notQualityProblems: noticeList('不属于质量问题的情况', 100, 20).optional(),
  reviewPolicy: noticeText('评价说明', 300).min(1, '评价说明不能为空').optional(),
  extraLines: noticeList('其他须知', 300, 30).optional(),
});
export type BuyerNoticeFields = z.infer<typeof buyerNoticeFieldsSchema>;

/** S1: a draft of the notice's fields (not saved) to generate and check the buyer notice with. */
export const buyerNoticeBody = z.strictObject({ draft: buyerNoticeFieldsSchema.partial().optional() });

const noticeFlagSchema = z.object({ rule: z.string(), title: z.string(), severity: z.enum(['block', 'warn']), message: z.string(), suspected: z.boolean().optional() });
export const buyerNoticeViewSchema = z.object({
  shopId: z.string(),
  /** The fields the notice was generated from (saved values, with a draft's over them). */
  fields: buyerNoticeFieldsSchema,
  notices: z.array(z.object({
    lang: z.enum(['zh', 'en']),
    lines: z.array(z.object({ section: z.string(), text: z.string(), own: z.boolean(), field: z.enum(NOTICE_LINE_FIELDS), flags: z.array(noticeFlagSchema) })),
  })),
  flagged: z.number(),
});
export type BuyerNoticeView = z.infer<typeof buyerNoticeViewSchema>;
