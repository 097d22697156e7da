// `dxe rules eval` (EVAL §3): one question a line in, one answer a line out. Each kind is
// parsed with zod, answered by the same functions the product uses, and a bad line becomes
// `{"id": …, "error": "…"}` without stopping the run.
import { z } from 'zod';
import { refundTransition } from '../aftersales/refund-machine.js';
import { DxeError } from '../errors.js';
import { lateShipment } from '../money/late-shipment.js';
import { priceProtection } from '../money/price-protection.js';
import { shippingFee } from '../money/shipping-fee.js';
import { computeCredit } from '../reviews/credit.js';
import { computeDsr } from '../reviews/dsr.js';
import { issueToZh, pathText } from '../rules/issue-text.js';
import { platformSchema } from '../platforms.js';
import type { Profiles } from '../rules/schema.js';

const isoText = z.string().min(1);
/** A number, or a number written as text ("99.90"), as order exports often carry it. */
const numeric = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
const money = numeric.pipe(z.number().min(0));
const stars = numeric.pipe(z.number().min(1).max(5));
const RATING_ALIASES: Record<string, string> = { '好评': 'good', '中评': 'neutral', '差评': 'bad', '1': 'good', '0': 'neutral', '-1': 'bad' };
const rating = z.preprocess((v) => RATING_ALIASES[String(v)] ?? v, z.enum(['good', 'neutral', 'bad']));

const lateShipmentQ = z.object({
  kind: z.literal('late_shipment'),
  platform: platformSchema,
  paid_amount: money,
  paid_at: isoText.nullable(),
  shipped_at: isoText.nullable().optional(),
  /** Needed only while the order is unshipped. */
  now: isoText.optional(),
  agreed_ship_by: isoText.nullable().optional(),
});
const refundQ = z.object({ kind: z.literal('refund_transition'), platform: platformSchema, state: z.string(), event: z.string() });
const creditQ = z.object({
  kind: z.literal('credit'),
  platform: platformSchema,
  reviews: z.array(
    z.object({
      buyer: z.union([z.string(), z.number()]).transform(String),
      item: z.union([z.string(), z.number()]).transform(String),
      rating,
      at: isoText,
    }),
  ),
});
const dsrQ = z.object({
  kind: z.literal('dsr'),
  platform: platformSchema.optional(),
  now: isoText,
  reviews: z.array(
    z.object({
      at: isoText,
      description: stars,
      service: stars,
      logistics: stars,
      buyer: z.union([z.string(), z.number()]).transform(String).optional(),
    }),
  ),
});
const feeQ = z.object({
  kind: z.literal('shipping_fee'),
  province: z.string().min(1),
  weight_kg: money,
  table: z.object({
    first_kg: z.number().positive().default(1),
    extra_weight_rounding: z.enum(['ceil_to_whole_kg', 'ceil_to_half_kg']).default('ceil_to_whole_kg'),
    default: z.object({ first: money, extra_per_kg: money }),
    regions: z
      .array(
        z.object({
          provinces: z.array(z.string().min(1)),
          first: money,
          first_kg: z.number().positive().optional(),
          extra_per_kg: money.nullable(),
        }),
      )
      .default([]),
  }),
});
const priceQ = z.object({
  kind: z.literal('price_protection'),
  platform: platformSchema,
  paid: money,
  red_packets: money.default(0),
  new_price: money,
  shop_coupon: money.default(0),
  claims_so_far: numeric.pipe(z.number().int().min(0)).default(0),
});

const questionSchema = z.discriminatedUnion('kind', [lateShipmentQ, refundQ, creditQ, dsrQ, feeQ, priceQ]);
export type Question = z.infer<typeof questionSchema>;
export const QUESTION_KINDS = ['late_shipment', 'refund_transition', 'credit', 'dsr', 'shipping_fee', 'price_protection'] as const;

export function answerQuestion(q: Question, profiles: Profiles): unknown {
  switch (q.kind) {
    case 'late_shipment': {
      const r = lateShipment(
        { paidAmountYuan: q.paid_amount, paidAt: q.paid_at, shippedAt: q.shipped_at ?? null, now: q.now ?? '', agreedShipBy: q.agreed_ship_by },
        profiles[q.platform],
      );
      return { late: r.late, deadline: r.deadline, compensation: r.compensation, points: r.points };
    }
    case 'refund_transition': {
      const r = refundTransition(profiles[q.platform], q.state, q.event);
      return { ok: r.ok, next: r.next };
    }
    case 'credit':
      return { credit: computeCredit(q.reviews, profiles[q.platform]).credit };
    case 'dsr': {
      const rules = profiles[q.platform ?? 'taobao'].reviews;
      const r = computeDsr(q.reviews, q.now, {
        months: rules.dsr_months ?? 6,
        monthlyFirstNPerBuyer: q.platform ? rules.dsr_monthly_first_n_per_buyer : null,
      });
      return { description: r.description, service: r.service, logistics: r.logistics };
    }
    case 'shipping_fee':
      return { fee: shippingFee(q.table, q.province, q.weight_kg).fee };
    case 'price_protection': {
      const r = priceProtection(
        { paid: q.paid, redPackets: q.red_packets, newPrice: q.new_price, shopCoupon: q.shop_coupon, claimsSoFar: q.claims_so_far },
        profiles[q.platform],
      );
      return { refund: r.refund, allowed: r.allowed };
    }
  }
}

export type EvalOutput = { id: unknown; result: unknown } | { id: unknown; error: string };

/** The id of a line that is not valid JSON, when one can still be read from it. */
function salvageId(line: string): unknown {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line);
  if (!m?.[1]) return null;
  try {
    return JSON.parse(m[1]) as unknown;
  } catch {
    return null;
  }
}

/** Answers one input line; null for a blank line (nothing to answer). */
export function evaluateLine(line: string, profiles: Profiles): EvalOutput | null {
  if (line.trim() === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { id: salvageId(line), error: '不是有效的 JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { id: null, error: '每行应为一个 JSON 对象' };
  }
  const id: unknown = 'id' in data ? data.id : null;
  const kind: unknown = 'kind' in data ? data.kind : undefined;
  if (typeof kind !== 'string' || !(QUESTION_KINDS as readonly string[]).includes(kind)) {
    return { id, error: `未知的 kind: ${JSON.stringify(kind)}（可选: ${QUESTION_KINDS.join(', ')}）` };
  }
  const parsed = questionSchema.safeParse(data);
  if (!parsed.success) {
    return { id, error: parsed.error.issues.map((i) => `${pathText(i.path)}: ${issueToZh(i, data)}`).join('; ') };
  }
  try {
    return { id, result: answerQuestion(parsed.data, profiles) };
  } catch (err) {
    if (err instanceof DxeError) return { id, error: err.message };
    return { id, error: `内部错误：${err instanceof Error ? err.message : String(err)}` };
  }
}
