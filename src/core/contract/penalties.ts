// Penalty points (N2, N3, N4): the ledger per shop (GET /penalties), recording a description
// mismatch's kind on a case and a late-shipment compensation paid on an order. Shared by the
// server (validation) and the workbench (types).
import { z } from 'zod';

export const penaltyLedgerQuery = z.object({ shopId: z.string().min(1, '店铺编号不能为空').max(64).optional() });

export const mismatchBody = z.strictObject({
  /** The profile's description_mismatch key: material, flaw_affecting_use, flaw_not_affecting_use, trivial (Tmall). */
  kind: z.string({ error: '请选择描述不符类型' }).trim().min(1, '请选择描述不符类型').max(40, '描述不符类型无效').regex(/^[a-z_]+$/, '描述不符类型无效'),
  /** The platform upheld the complaint: the points are incurred. */
  upheld: z.boolean({ error: '请说明平台是否已判定成立（true 或 false）' }).default(false),
  note: z.string().max(500, '备注不能超过 500 字').optional(),
});
export type MismatchBody = z.infer<typeof mismatchBody>;

export const compensationPaidBody = z.strictObject({
  paidAt: z.iso.datetime({ offset: true, error: '赔付时间应为 ISO 8601（带时区），如 2026-12-01T10:00:00+08:00' }).optional(),
  note: z.string().max(500, '备注不能超过 500 字').optional(),
});
export type CompensationPaidBody = z.infer<typeof compensationPaidBody>;

/** The platform's ruling on a complaint about a sent violation (message id) or a broken promise. */
export const rulingBody = z.strictObject({
  source: z.enum(['released_reply', 'broken_promise'], { error: '来源应为 released_reply（强制发出的违规回复）或 broken_promise（未兑现承诺）' }),
  subjectId: z.string({ error: '请指明消息或承诺编号' }).trim().min(1, '请指明消息或承诺编号').max(100),
  upheld: z.boolean({ error: '请说明平台是否判定投诉成立（true 或 false）' }),
  note: z.string().max(500, '备注不能超过 500 字').optional(),
});
export type RulingBody = z.infer<typeof rulingBody>;

/** A deduction the platform notified that the product cannot see; the points come from the rules. */
export const penaltyShopParams = z.object({ shopId: z.string().min(1).max(64) });
export const manualPenaltyBody = z.strictObject({
  category: z.string({ error: '请选择扣分类别' }).trim().min(1, '请选择扣分类别').max(40, '扣分类别无效').regex(/^[A-Za-z0-9_]+$/, '扣分类别无效'),
  orderId: z.string().min(1).max(64).optional(),
  at: z.iso.datetime({ offset: true, error: '扣分时间应为 ISO 8601（带时区），如 2026-12-01T10:00:00+08:00' }).optional(),
  note: z.string().max(500, '备注不能超过 500 字').optional(),
});
export type ManualPenaltyBody = z.infer<typeof manualPenaltyBody>;

const tally = z.object({ serious: z.number(), general: z.number() });

export const penaltyEntrySchema = z.object({
  source: z.enum(['late_shipment', 'released_reply', 'broken_promise', 'description_mismatch', 'manual']),
  subjectKind: z.enum(['order', 'message', 'promise', 'case', 'record']),
  subjectId: z.string(),
  orderId: z.string().nullable(),
  conversationId: z.string().nullable(),
  ruleId: z.string(),
  titleZh: z.string(),
  points: z.number(),
  serious: z.boolean(),
  at: z.string(),
  status: z.enum(['exposure', 'incurred', 'waived', 'dismissed']),
  compensationMinor: z.number(),
  platformRepayMinor: z.number(),
  currency: z.string(),
  noteZh: z.string(),
});
export type PenaltyEntryView = z.infer<typeof penaltyEntrySchema>;

export const shopLedgerSchema = z.object({
  shopId: z.string(),
  shopName: z.string(),
  platform: z.string(),
  period: z.object({ from: z.string(), to: z.string(), labelZh: z.string() }),
  incurred: tally,
  exposure: tally,
  waived: z.number(),
  removal: z.object({
    threshold: z.number().nullable(),
    remaining: z.number().nullable(),
    remainingIfUpheld: z.number().nullable(),
    level: z.enum(['none', 'ok', 'warning', 'removed']),
    textZh: z.string(),
  }),
  entries: z.array(penaltyEntrySchema),
  orderNos: z.record(z.string(), z.string()),
  categories: z.array(z.object({ key: z.string(), points: z.number(), title: z.string() })),
});
export type ShopLedgerViewContract = z.infer<typeof shopLedgerSchema>;

export const penaltyLedgersSchema = z.object({ shops: z.array(shopLedgerSchema) });
export type PenaltyLedgersView = z.infer<typeof penaltyLedgersSchema>;
