// The bot answers money questions with the figure the rules give (issue 15) instead of handing
// them to a person: the regional freight from the shop's fee table (O6) and the price-protection
// difference (S2) under the platform's rule. The figures come from core/money; the rule data
// comes with the plan input (`moneyRules`, filled by the pipeline from the shop's merged profile).
// When a figure cannot be computed within the rules (no region, no order, no rule for the
// platform, nothing to refund) the caller keeps its old answer.
import { priceProtection, priceProtectionWindowEnd } from '../money/price-protection.js';
import { shippingFee } from '../money/shipping-fee.js';
import type { TemplateVars } from './answers.js';
import type { Item, MoneyRules, Order, PlanInput } from './types.js';

export type { MoneyRules };

const yuan = (v: number) => v.toFixed(2);

/** A parcel weight the buyer wrote (3公斤, 2.5kg, 4斤); body weights (体重…) are not parcels. */
export function parcelWeightKg(text: string): number | null {
  if (/体重|身高|我\d+斤/u.test(text)) return null;
  const m = /(\d+(?:\.\d+)?)\s*(公斤|千克|kg|KG|Kg|斤)/u.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] === '斤' ? v / 2 : v;
}

/** O6: the freight to the region the buyer named, from the fee table; null when it cannot be said. */
export function freightVars(input: Pick<PlanInput, 'text' | 'nlu'>, rules: MoneyRules | undefined): TemplateVars | null {
  const table = rules?.shippingFeeTable;
  const region = input.nlu.entities.regions[0];
  if (!table || !region) return null;
  const r = table.regions.find((x) => x.provinces.some((p) => p.includes(region) || region.includes(p)));
  const first = r ? r.first : table.default.first;
  const firstKg = r?.first_kg ?? table.first_kg;
  const extra = r ? r.extra_per_kg : table.default.extra_per_kg;
  const weight = parcelWeightKg(input.text);
  let total: number | undefined;
  if (weight !== null) {
    try {
      total = shippingFee(table, region, weight).fee;
    } catch {
      return null; // over the first weight where the table has no extra-weight price: a person says it
    }
  }
  return {
    region,
    'fee.first': yuan(first),
    'fee.first_kg': firstKg,
    'fee.extra': extra === null ? undefined : yuan(extra),
    'fee.weight': weight ?? undefined,
    'fee.total': total === undefined ? undefined : yuan(total),
  };
}

function latestPaidOrder(orders: readonly Order[]): Order | undefined {
  return [...orders]
    .filter((o) => o.state !== 'unpaid' && o.state !== 'closed' && o.lines.length > 0)
    .sort((a, b) => Date.parse(b.paidAt ?? b.createdAt) - Date.parse(a.paidAt ?? a.createdAt))[0];
}

/** S2: where an agent's claim stands, in the buyer's words. */
const CLAIM_STATUS_ZH = {
  pending: '同事正在按平台规则为您处理，请耐心等待',
  paid: '差价已补给您，请注意查收',
  refused: '这次价保申请没有通过，如有疑问我请同事为您说明',
} as const;

/**
 * S2: the difference for the buyer's latest paid order line whose item is still listed, at its
 * listed price now. Red packets and the shop coupon count where the platform reported them for the
 * line (`terms`: the answer names them); otherwise they are counted as 0 and the answer says the
 * platform settles them. When an agent already recorded a claim on a line of that
 * order, the answer says where the claim stands instead of computing again (`claimed`). Null when
 * the rule or the data is missing.
 */
export function priceProtectionVars(
  input: Pick<PlanInput, 'orders' | 'items' | 'now'>,
  rules: MoneyRules | undefined,
): { vars: TemplateVars; allowed: boolean; claimed?: 'pending' | 'paid' | 'refused'; terms?: boolean } | null {
  const rule = rules?.priceProtection;
  if (!rule || !rule.supported) return null;
  const order = latestPaidOrder(input.orders);
  if (!order) return null;
  const claimedLine = order.lines.filter((l) => l.priceProtection).sort((a, b) => Date.parse(b.priceProtection!.claimedAt) - Date.parse(a.priceProtection!.claimedAt))[0];
  if (claimedLine?.priceProtection) {
    const c = claimedLine.priceProtection;
    return {
      vars: { 'order.no': order.platformOrderNo, 'item.title': claimedLine.title, 'pp.refund': yuan(c.refund), 'pp.status': CLAIM_STATUS_ZH[c.status] },
      allowed: c.status !== 'refused',
      claimed: c.status,
    };
  }
  const windowEnd = priceProtectionWindowEnd(rule, order.paidAt ?? order.createdAt, order.signedAt ?? null);
  if (windowEnd !== null && input.now.getTime() > Date.parse(windowEnd)) {
    return { vars: { 'pp.reason': `已超过价保期（${rule.window_from === 'signed' ? '签收' : '付款'}后 ${rule.window_days} 天）`, 'order.no': order.platformOrderNo }, allowed: false };
  }
  const line = order.lines.find((l) => input.items.some((i: Item) => i.id === l.itemId));
  if (!line) return null;
  const item = input.items.find((i) => i.id === line.itemId)!;
  // The red packets and shop coupon the platform reported for the line count where the rule says,
  // over the whole line (its quantity at the price paid and at the price now).
  const rp = rule.include_red_packets ? line.redPacket : undefined;
  const sc = rule.subtract_shop_coupon ? line.shopCoupon : undefined;
  if (rp !== undefined || sc !== undefined) {
    const q = Math.max(1, line.quantity);
    const t = priceProtection({ paid: line.price * q, redPackets: rp ?? 0, newPrice: item.price * q, shopCoupon: sc ?? 0, claimsSoFar: 0 }, { price_protection: rule });
    const terms = { 'order.no': order.platformOrderNo, 'item.title': item.title, 'pp.paid': yuan(line.price * q), 'pp.now': yuan(item.price * q), 'pp.rp': yuan(rp ?? 0), 'pp.sc': yuan(sc ?? 0) };
    if (!t.allowed) return { vars: { ...terms, 'pp.reason': t.reason ?? '没有差价可退' }, allowed: false };
    return { vars: { ...terms, 'pp.refund': yuan(t.refund) }, allowed: true, terms: true };
  }
  const r = priceProtection({ paid: line.price, redPackets: 0, newPrice: item.price, shopCoupon: 0, claimsSoFar: 0 }, { price_protection: rule });
  const base = { 'order.no': order.platformOrderNo, 'item.title': item.title, 'pp.paid': yuan(line.price), 'pp.now': yuan(item.price) };
  if (!r.allowed) return { vars: { ...base, 'pp.reason': r.reason ?? '没有差价可退' }, allowed: false };
  return { vars: { ...base, 'pp.refund': yuan(r.refund), 'pp.once': rule.max_claims === 1 ? '同一商品只能价保一次' : undefined }, allowed: true };
}
