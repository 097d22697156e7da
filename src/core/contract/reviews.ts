// Reviews and reputation (issue 13; R1–R8): the bridge's live review, the review workbench
// (list by priority, detail, reply within the window, report, recovery) and the shop's
// reputation (DSR, forecast, credit). Validation here; the work in app/reviews.
import { z } from 'zod';
import { PLATFORMS } from '../platforms.js';

export const REVIEW_CAUSES = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging'] as const;
export const REVIEW_FLAGS = ['abuse', 'ad', 'private_data', 'extortion'] as const;
export const REVIEW_STATUSES = ['new', 'replied', 'recovery', 'reported', 'done'] as const;

export const reviewIdParams = z.object({ id: z.string().min(1).max(64) });
export const reviewShopParams = z.object({ shopId: z.string().min(1).max(64) });

const stars = z.number().int().min(1).max(5);
const isoTime = z.string().datetime({ offset: true, error: '时间应为 ISO 8601（带时区），如 2026-12-01T10:00:00+08:00' });

/** Bridge: one live review (or a follow-up of one), idempotent on review_id. */
export const bridgeReviewBody = z.strictObject({
  review_id: z.string().trim().min(1).max(128),
  text: z.string().max(5000),
  at: isoTime,
  order_no: z.string().trim().min(1).max(64).optional(),
  item_id: z.string().trim().min(1).max(64).optional(),
  item_title: z.string().max(200).optional(),
  sku: z.string().max(200).optional(),
  buyer_account: z.string().trim().min(1).max(128).optional(),
  rating: z.enum(['good', 'neutral', 'bad']).optional(),
  stars: stars.optional(),
  dsr: z.strictObject({ description: stars, service: stars, logistics: stars }).optional(),
  /** This review is a follow-up (追评) of that review id. */
  follow_up_of: z.string().trim().min(1).max(128).optional(),
});
export type BridgeReviewBody = z.infer<typeof bridgeReviewBody>;
export const bridgeReviewReplySchema = z.object({ review_id: z.string(), created: z.boolean(), updated: z.boolean() });

export const reviewListQuery = z.object({
  shopId: z.string().min(1).max(64).optional(),
  status: z.enum(['open', 'all', ...REVIEW_STATUSES]).default('open'),
  flagged: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const reviewRowSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  platform: z.string().nullable(),
  rating: z.enum(['good', 'neutral', 'bad']),
  stars: z.number().nullable(),
  text: z.string(),
  at: z.string(),
  sentiment: z.enum(['positive', 'negative']).nullable(),
  score: z.number().nullable(),
  causes: z.array(z.string()),
  flags: z.array(z.string()),
  followUp: z.object({ text: z.string(), at: z.string().nullable(), sentiment: z.string().nullable(), causes: z.array(z.string()) }).nullable(),
  itemId: z.string().nullable(),
  itemTitle: z.string().nullable(),
  orderNo: z.string().nullable(),
  orderId: z.string().nullable(),
  buyer: z.string().nullable(),
  paidYuan: z.number().nullable(),
  dsr: z.object({ description: z.number(), service: z.number(), logistics: z.number() }).nullable(),
  status: z.enum(REVIEW_STATUSES),
  sellerReply: z.string().nullable(),
  /** R5: the seller may explain until then (null: no limit on this platform). */
  replyUntil: z.string().nullable(),
  replyAllowed: z.boolean(),
  /** Why it is where it is in the list, in Chinese (差评 · 举报候选 · 大额订单). */
  priorityZh: z.array(z.string()),
  priority: z.number(),
  report: z
    .object({ reason: z.string(), evidence: z.string(), state: z.enum(['submitted', 'removed', 'rejected']), at: z.string(), outcomeAt: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
  recovery: z
    .object({
      state: z.enum(['open', 'contacted', 'resolved', 'asked', 'revised', 'declined', 'expired']),
      resolution: z.string().nullable(),
      changeUntil: z.string().nullable(),
      conversationId: z.string().nullable(),
      steps: z.array(z.object({ state: z.string(), at: z.string(), note: z.string().nullable() })),
    })
    .nullable(),
});
export type ReviewRowView = z.infer<typeof reviewRowSchema>;
export const reviewListSchema = z.object({ items: z.array(reviewRowSchema) });
export type ReviewListView = z.infer<typeof reviewListSchema>;

export const reviewDetailSchema = z.object({
  review: reviewRowSchema,
  /** The reply drafted from the causes (R8), to edit before sending. */
  draft: z.string(),
  order: z.object({ id: z.string(), no: z.string(), state: z.string(), paidYuan: z.number(), lines: z.array(z.object({ title: z.string(), qty: z.number() })) }).nullable(),
  buyer: z.object({ account: z.string(), nickname: z.string().nullable(), tags: z.array(z.string()) }).nullable(),
  chat: z.array(z.object({ author: z.string(), text: z.string(), at: z.string() })),
  conversationId: z.string().nullable(),
});
export type ReviewDetailView = z.infer<typeof reviewDetailSchema>;

export const reviewReplyBody = z.strictObject({ text: z.string().trim().min(1, '回复内容不能为空').max(500, '回复最多 500 字') });
export const reviewReportBody = z.strictObject({
  reason: z.enum(REVIEW_FLAGS, { error: '举报理由应为 abuse、ad、private_data 或 extortion' }),
  evidence: z.string().trim().min(1, '请填写证据说明').max(2000),
});
export const reviewReportOutcomeBody = z.strictObject({ outcome: z.enum(['removed', 'rejected']), note: z.string().max(500).optional() });
export const RECOVERY_STEPS = ['open', 'contacted', 'resolved', 'asked', 'revised', 'declined'] as const;
export const reviewRecoveryBody = z.strictObject({
  step: z.enum(RECOVERY_STEPS),
  /** resolved: how (refund, resend, compensation within policy). */
  resolution: z.enum(['refund', 'resend', 'compensation', 'explained']).optional(),
  note: z.string().max(500).optional(),
});

export const reputationQuery = z.object({
  stars: z.coerce.number().int().min(1).max(5).default(3),
  description: z.coerce.number().min(1).max(5).optional(),
  service: z.coerce.number().min(1).max(5).optional(),
  logistics: z.coerce.number().min(1).max(5).optional(),
});
const dsrTriple = z.object({ description: z.number().nullable(), service: z.number().nullable(), logistics: z.number().nullable(), count: z.number() });
export const reputationSchema = z.object({
  shopId: z.string(),
  platform: z.enum(PLATFORMS),
  months: z.number(),
  dsr: dsrTriple,
  forecast: z.array(
    z.object({
      dimension: z.string(),
      nameZh: z.string(),
      current: z.number().nullable(),
      atHorizon: z.number().nullable(),
      categoryAverage: z.number().nullable(),
      ratingsToFallBelow: z.number().nullable(),
      messageZh: z.string(),
    }),
  ),
  trend: z.array(z.object({ itemId: z.string(), month: z.string(), count: z.number(), description: z.number().nullable(), service: z.number().nullable(), logistics: z.number().nullable() })),
  credit: z.object({ credit: z.number(), defaultGood: z.number() }),
  counts: z.object({ good: z.number(), neutral: z.number(), bad: z.number(), flagged: z.number(), open: z.number() }),
  causes: z.array(z.object({ cause: z.string(), count: z.number(), quote: z.string().nullable() })),
  /** R8: complaints per item, cause and Beijing month over the window (the cause trend chart). */
  causeTrend: z.array(z.object({ month: z.string(), itemId: z.string(), cause: z.string(), count: z.number() })),
});
export type ReputationView = z.infer<typeof reputationSchema>;

export const localImportReviewsBody = z.strictObject({
  file: z.string().min(1).max(4096),
  platform: z.enum(PLATFORMS),
  shop: z.string().min(1).max(64).optional(),
});

/** Replies of the review actions (issue 13): the review as the list shows it after the action. */
export const reviewActionReplySchema = z.object({ review: reviewRowSchema });
/**
 * A local import's summary (`dxe import reviews` beside a running server). The per-line errors
 * and counts are the intake's; only the fields scripts read are fixed here.
 */
export const localImportReviewsReplySchema = z
  .object({ errorCount: z.number(), format: z.string(), encoding: z.string(), rows: z.number() })
  .loose();

/** T1 for reviews: DSR and review outcomes per agent who served the buyer (issue 13). */
export const reviewTeamQuery = z.object({ months: z.coerce.number().int().min(1, '月数应为 1–12').max(12, '月数应为 1–12').default(6) });
export const reviewTeamSchema = z.object({
  shopId: z.string(),
  months: z.number(),
  from: z.string(),
  rows: z.array(
    z.object({
      /** An agent id, `bot` (the bot alone served the buyer) or `none` (the buyer never wrote). */
      agent: z.string(),
      nameZh: z.string(),
      reviews: z.number(),
      good: z.number(),
      neutral: z.number(),
      bad: z.number(),
      serviceComplaints: z.number(),
      recoveriesOpened: z.number(),
      recoveriesResolved: z.number(),
      revised: z.number(),
      dsr: z.object({ description: z.number().nullable(), service: z.number().nullable(), logistics: z.number().nullable(), count: z.number() }),
    }),
  ),
});
export type ReviewTeamView = z.infer<typeof reviewTeamSchema>;

/** A review export uploaded from the browser: the file is the raw body; its name only labels messages. */
export const reviewUploadQuery = z.object({ name: z.string().max(200).optional() });
/** The upload's body: the file's own bytes (raw, not JSON). */
export const reviewUploadBody = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length > 0, { error: '请上传评价导出文件本身（CSV 或 Excel .xlsx），不能为空' });
