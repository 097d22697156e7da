// Order requests (O1–O5, O7): the shop's list, a state change through the machine, logistics
// events, and O2 live sync from a marketplace bridge (idempotent on the platform order no.; any
// field but the number may be left out; times without an offset are Beijing time).
import { z } from 'zod';
import { yuanToFen } from '../money/fen.js';
import { parseInstant } from '../rules/instant.js';

export const orderIdParams = z.object({ id: z.string().min(1).max(64) });
export const orderShopParams = z.object({ shopId: z.string().min(1).max(64) });
export const orderListQuery = z.object({
  state: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
/** GET /orders: the orders screen across the caller's shops (issue 15). */
export const orderBoardQuery = z.object({
  shopId: z.string().min(1).max(64).optional(),
  phase: z.enum(['unpaid', 'paid', 'shipped', 'signed', 'succeeded', 'closed'], { error: '状态筛选应为 unpaid、paid、shipped、signed、succeeded 或 closed' }).optional(),
  deadline: z.enum(['overdue', 'due24h'], { error: '时限筛选应为 overdue 或 due24h' }).optional(),
  exposure: z.enum(['any'], { error: '风险金额筛选应为 any' }).optional(),
  risk: z.enum(['fraud', 'fake_shipment', 'stock', 'any'], { error: '风险筛选应为 fraud、fake_shipment、stock 或 any' }).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type OrderBoardQuery = z.infer<typeof orderBoardQuery>;
/** O4 from the browser: the export file itself as the body; `name` is the file's name, for the import's note. */
export const orderUploadQuery = z.object({ name: z.string().max(200).optional() });
export const orderUploadBody = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length > 0, { error: '请上传订单导出文件本身（CSV 或 Excel .xlsx），不能为空' });

export const orderTransitionBody = z.strictObject({
  event: z.string().trim().min(1).max(40),
  note: z.string().max(500).optional(),
  buyerConsented: z.boolean().optional(),
});
export type OrderTransitionBody = z.infer<typeof orderTransitionBody>;
/** C8: mark an unpaid order as awaiting a 改价 (true) or end the wait (false), with an optional note. */
export const priceChangeAwaitBody = z.strictObject({
  awaiting: z.boolean({ error: '请说明是标记等待改价（true）还是取消等待（false）' }),
  note: z.string().trim().max(200, '备注最多 200 字').optional(),
});
export type PriceChangeAwaitBody = z.infer<typeof priceChangeAwaitBody>;
/**
 * C9: an agent records the order's confirmation with the buyer — confirmed as it is, or corrected
 * (the buyer gave a new address, phone or a note: the note says what, 做好备忘录).
 */
export const orderVerificationBody = z
  .strictObject({
    outcome: z.enum(['confirmed', 'corrected'], { error: '核对结果应为 confirmed（信息无误）或 corrected（买家有修改或留言）' }),
    note: z.string().trim().max(500, '核对备注最多 500 字').optional(),
  })
  .refine((b) => b.outcome !== 'corrected' || !!b.note, { path: ['note'], error: '买家有修改或留言时，请在备注中写明修改内容' });
export type OrderVerificationBody = z.infer<typeof orderVerificationBody>;
export const logisticsBody = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional(),
  status: z.string().trim().min(1, '请填写物流状态').max(40),
  text: z.string().trim().min(1, '请填写物流描述').max(500),
});
export type LogisticsBody = z.infer<typeof logisticsBody>;

const instant = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const parsed = parseInstant(text);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: '不是有效的时间（ISO 8601，如 2026-11-23T10:00:00+08:00）' });
      return z.NEVER;
    }
    return new Date(parsed.ms);
  });
const yuan = z.number().min(0).max(100_000_000).transform((v) => yuanToFen(v));
const text = (max: number) => z.string().trim().max(max);

const syncLine = z.strictObject({
  lineNo: z.number().int().min(1).max(1000).optional(),
  sku: text(64).optional(),
  title: text(200).min(1, '请填写商品标题'),
  colour: text(40).optional(),
  size: text(40).optional(),
  qty: z.number().int().min(1).max(100_000),
  priceYuan: yuan,
  /** S2: red packets (红包) and the shop coupon (店铺券) the buyer used on this line, when the platform says them. */
  redPacketYuan: yuan.optional(),
  shopCouponYuan: yuan.optional(),
});

/** O2: money in yuan on the wire, fen after parsing; times as Date after parsing. */
export const orderSyncBody = z.strictObject({
  platformOrderNo: text(64).min(1, '请填写平台订单号').regex(/^[0-9A-Za-z_-]+$/, '订单号只能包含字母、数字、-、_'),
  state: text(40).min(1).optional(),
  buyerAccount: text(64).min(1).optional(),
  totalYuan: yuan.optional(),
  paidYuan: yuan.optional(),
  shippingYuan: yuan.optional(),
  orderedAt: instant.optional(),
  paidAt: instant.nullable().optional(),
  shippedAt: instant.nullable().optional(),
  completedAt: instant.nullable().optional(),
  closedAt: instant.nullable().optional(),
  agreedShipBy: instant.nullable().optional(),
  receiverName: text(64).optional(),
  receiverPhone: text(32).optional(),
  receiverAddress: text(300).optional(),
  region: text(64).optional(),
  courier: text(40).optional(),
  trackingNo: text(64).optional(),
  buyerNote: text(1000).optional(),
  sellerNote: text(1000).optional(),
  lines: z.array(syncLine).max(200).optional(),
});

/**
 * GET /orders (the orders screen): the board's rows and totals. The rows' own fields (risks,
 * deadlines, exposure) are the board's read model; only the envelope is fixed here so far.
 */
export const orderBoardSchema = z.object({
  items: z.array(z.object({ order: z.object({ id: z.string(), state: z.string() }).loose(), atStakeYuan: z.number(), currency: z.string(), atStakeMinor: z.number() }).loose()),
  /** atStakeYuan: CNY orders only; atStake: per currency in its minor units (O2, never converted). */
  totals: z.object({ atStakeYuan: z.number(), count: z.number(), atStake: z.array(z.object({ currency: z.string(), minor: z.number() })) }).loose(),
});

/** S2: money an agent enters on the 价保 card, in yuan (fen after parsing). */
const ppYuan = (what: string) =>
  z.number({ error: `请填写${what}（元）` }).min(0, `${what}不能为负数`).max(1_000_000, `${what}最多 1000000 元`).transform((v) => yuanToFen(v));
/**
 * S2: a price-protection claim (价保) on one order line: what the buyer paid for the line, the red
 * packets and shop coupon used on it, and the line's price now; the difference is the server's,
 * under the shop's platform rule.
 */
export const priceProtectionClaimBody = z.strictObject({
  lineNo: z.number({ error: '请选择订单商品行' }).int().min(1).max(1000),
  paidYuan: ppYuan('实付金额'),
  redPacketYuan: ppYuan('红包').default(0),
  shopCouponYuan: ppYuan('店铺券').default(0),
  newPriceYuan: ppYuan('现价'),
  note: z.string().trim().max(500, '价保备注最多 500 字').optional(),
});
export type PriceProtectionClaimBody = z.infer<typeof priceProtectionClaimBody>;
export type PriceProtectionClaimInput = z.input<typeof priceProtectionClaimBody>;
/** S2: a recorded claim settled — the difference paid to the buyer, or the claim refused. */
export const priceProtectionSettleBody = z.strictObject({
  status: z.enum(['paid', 'refused'], { error: '价保结果应为 paid（已补差价）或 refused（已拒绝）' }),
  note: z.string().trim().max(500, '备注最多 500 字').optional(),
});
export type PriceProtectionSettleBody = z.infer<typeof priceProtectionSettleBody>;
export const priceProtectionClaimParams = z.object({ id: z.string().min(1).max(64), claimId: z.string().min(1).max(64) });

/** S2: the shop-wide 价保 ledger (GET /price-protection-claims): claims of the caller's shops, newest window first. */
export const priceProtectionListQuery = z.object({
  shopId: z.string().min(1).max(64).optional(),
  status: z.enum(['pending', 'paid', 'refused', 'all'], { error: '价保状态筛选应为 pending、paid、refused 或 all' }).default('all'),
  /** Claims recorded within this many days (by the time the claim was recorded). */
  days: z.coerce.number({ error: '天数应为 1 到 366 的整数' }).int('天数应为 1 到 366 的整数').min(1, '天数应为 1 到 366 的整数').max(366, '天数应为 1 到 366 的整数').default(90),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type PriceProtectionListQuery = z.infer<typeof priceProtectionListQuery>;
