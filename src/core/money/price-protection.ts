// Price protection (S2). Taobao/Tmall: old price (paid + red packets) − new price − shop
// coupon, once per item; JD self-operated: old price − new price, any number of times within
// the window. Which terms apply is profile data.
import type { Profile } from '../rules/schema.js';
import { fenToYuan, yuanToFen } from './fen.js';

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
