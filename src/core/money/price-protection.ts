// Price protection (S2). Taobao/Tmall: old price (paid + red packets) − new price − shop
// coupon, once per item; JD self-operated: old price − new price, any number of times within
// the window. Which terms apply is profile data; the window counts from the payment or the signing
// as the profile says. Amounts are integer fen inside; the difference is never negative.
import type { Profile } from '../rules/schema.js';
import { fenToYuan, yuanToFen } from './fen.js';

/** The rule's terms (the profile section without its source note): what the workbench card receives too. */
export type PriceProtectionRule = Omit<Profile['price_protection'], 'source'>;

export interface PriceProtectionInput {
  paid: number;
  redPackets: number;
  newPrice: number;
  shopCoupon: number;
  claimsSoFar: number;
}

export interface PriceProtectionResult {
  refund: number;
  allowed: boolean;
  /** Why not, in Chinese; absent when allowed. */
  reason?: string;
}

/** Stable reasons a claim is refused (the error's details.reason, the card's state). */
export type PriceProtectionRefusal = 'NOT_SUPPORTED' | 'ALREADY_CLAIMED' | 'WINDOW_CLOSED' | 'NO_DIFFERENCE';

export interface PriceProtectionClaimInput {
  paidFen: number;
  redPacketFen: number;
  newPriceFen: number;
  shopCouponFen: number;
  /** Claims on this line that still count (pending or paid; a refused claim does not use the once). */
  claimsSoFar: number;
  /** ISO times; the window counts from one of them (profile window_from). */
  paidAt: string | null;
  signedAt: string | null;
  now: string;
}

export interface PriceProtectionAssessment {
  refundFen: number;
  allowed: boolean;
  refusal: PriceProtectionRefusal | null;
  /** Why not, in Chinese; null when allowed. */
  reasonZh: string | null;
  /** The old price the rule compares (paid, plus red packets where they count) and the new one it subtracts. */
  oldFen: number;
  /** ISO end of the window; null: no window, or it has not started (not yet signed). */
  windowEndsAt: string | null;
}

const DAY = 86_400_000;
const yuanText = (fen: number) => (fen / 100).toFixed(2);

/** The rule in Chinese as the card and the record name it: formula, how often, the window. */
export function priceProtectionRuleZh(rule: PriceProtectionRule, platformZh: string): string {
  if (!rule.supported) return `${platformZh}：平台没有可依据的价保规则`;
  const old = rule.include_red_packets ? '（实付＋红包）' : '实付';
  const formula = `${old}－现价${rule.subtract_shop_coupon ? '－店铺券' : ''}`;
  const times = rule.max_claims === null ? '价保期内可多次价保' : `同一商品限价保 ${rule.max_claims} 次`;
  const window = rule.window_days === null ? '平台未规定价保期' : `价保期为${rule.window_from === 'signed' ? '签收' : '付款'}后 ${rule.window_days} 天`;
  return `${platformZh}价保：差价＝${formula}；${times}；${window}`;
}

/** When the window closes (ISO), or null when there is none or it has not started yet. */
export function priceProtectionWindowEnd(rule: PriceProtectionRule, paidAt: string | null, signedAt: string | null): string | null {
  if (rule.window_days === null) return null;
  const from = rule.window_from === 'signed' ? signedAt : paidAt;
  if (!from) return null;
  return new Date(Date.parse(from) + rule.window_days * DAY).toISOString();
}

/**
 * S2: one claim on one order line. Refused when the platform has no rule, when the line already
 * used its claims (once per item on Taobao/Tmall), after the window (JD) or when nothing is left
 * to refund; the difference is computed in fen and never below zero.
 */
export function assessPriceProtection(input: PriceProtectionClaimInput, rule: PriceProtectionRule): PriceProtectionAssessment {
  const fen = (v: number) => Math.max(0, Math.round(v));
  const oldFen = fen(input.paidFen) + (rule.include_red_packets ? fen(input.redPacketFen) : 0);
  const diff = oldFen - fen(input.newPriceFen) - (rule.subtract_shop_coupon ? fen(input.shopCouponFen) : 0);
  const refundFen = Math.max(0, diff);
  const windowEndsAt = priceProtectionWindowEnd(rule, input.paidAt, input.signedAt);
  const refuse = (refusal: PriceProtectionRefusal, reasonZh: string): PriceProtectionAssessment => ({ refundFen, allowed: false, refusal, reasonZh, oldFen, windowEndsAt });
  if (!rule.supported) return refuse('NOT_SUPPORTED', '该平台没有可依据的价保规则');
  if (rule.max_claims !== null && input.claimsSoFar >= rule.max_claims) {
    return refuse('ALREADY_CLAIMED', rule.max_claims === 1 ? '同一商品只能价保一次，该商品已申请过价保' : `同一商品最多价保 ${rule.max_claims} 次，已用完`);
  }
  if (windowEndsAt !== null && Date.parse(input.now) > Date.parse(windowEndsAt)) {
    return refuse('WINDOW_CLOSED', `已超过价保期（${rule.window_from === 'signed' ? '签收' : '付款'}后 ${rule.window_days} 天），不能再价保`);
  }
  if (refundFen <= 0) return refuse('NO_DIFFERENCE', `现价不低于原价（按规则原价 ${yuanText(oldFen)} 元），没有差价可退`);
  return { refundFen, allowed: true, refusal: null, reasonZh: null, oldFen, windowEndsAt };
}

/** The `dxe rules eval` form (yuan in, yuan out; no window: the question carries no times). */
export function priceProtection(
  input: PriceProtectionInput,
  profile: Pick<Profile, 'price_protection'>,
): PriceProtectionResult {
  const rule = profile.price_protection;
  if (!rule.supported) return { refund: 0, allowed: false, reason: '该平台没有可依据的价保规则' };
  if (rule.max_claims !== null && input.claimsSoFar >= rule.max_claims) {
    return { refund: 0, allowed: false, reason: `同一商品最多价保 ${rule.max_claims} 次，已用完` };
  }
  const old = yuanToFen(input.paid) + (rule.include_red_packets ? yuanToFen(input.redPackets) : 0);
  // Read literally as the seed and S2 write it: old − new price − shop coupon.
  const diff = old - yuanToFen(input.newPrice) - (rule.subtract_shop_coupon ? yuanToFen(input.shopCoupon) : 0);
  if (diff <= 0) return { refund: 0, allowed: false, reason: '现价不低于原价，没有差价可退' };
  return { refund: fenToYuan(diff), allowed: true };
}
