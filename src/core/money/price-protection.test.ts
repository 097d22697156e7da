import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { assessPriceProtection, priceProtection, priceProtectionRuleZh, type PriceProtectionClaimInput } from './price-protection.js';

const profiles = loadProfiles();
type P = keyof typeof profiles;

describe('price protection (S2, seed 000)', () => {
  // [platform, paid, red packets, new price, shop coupon, claims so far, refund, allowed]
  const table: [P, number, number, number, number, number, number, boolean][] = [
    // Taobao/Tmall: (paid + red packets) − new price − shop coupon, read literally; once per item
    ['taobao', 100, 10, 80, 5, 0, 25, true],
    ['tmall', 100, 10, 80, 5, 0, 25, true],
    ['tmall', 99.9, 0.2, 80.05, 0.03, 0, 20.02, true],
    ['taobao', 100, 10, 80, 5, 1, 0, false],
    ['tmall', 100, 0, 100, 0, 0, 0, false],
    ['tmall', 100, 0, 95, 5, 0, 0, false],
    ['taobao', 100, 0, 120, 0, 0, 0, false],
    // JD self-operated: old price − new price, any number of times
    ['jd', 100, 10, 80, 5, 0, 20, true],
    ['jd', 100, 10, 80, 5, 7, 20, true],
    ['jd', 80, 0, 80, 0, 0, 0, false],
    // no seed gives a rule
    ['pdd', 100, 0, 50, 0, 0, 0, false],
    ['aliexpress', 100, 0, 50, 0, 0, 0, false],
  ];
  it.each(table)('%s paid %d + %d, now %d − %d, %d claims → %d %s', (platform, paid, rp, np, sc, claims, refund, allowed) => {
    const r = priceProtection({ paid, redPackets: rp, newPrice: np, shopCoupon: sc, claimsSoFar: claims }, profiles[platform]);
    expect({ refund: r.refund, allowed: r.allowed }).toEqual({ refund, allowed });
    if (!allowed) expect(r.reason).toBeTruthy();
  });
});

describe('a 价保 claim on an order line (S2, seed 000): rule edges in fen', () => {
  const at = '2026-11-20T02:00:00.000Z';
  const DAY = 86_400_000;
  const base: PriceProtectionClaimInput = { paidFen: 10_000, redPacketFen: 1_000, newPriceFen: 8_000, shopCouponFen: 500, claimsSoFar: 0, paidAt: at, signedAt: null, now: at };
  const assess = (p: P, over: Partial<PriceProtectionClaimInput> = {}) => assessPriceProtection({ ...base, ...over }, profiles[p].price_protection);

  it('S2 Taobao/Tmall: (paid + red packets) − new price − shop coupon, in fen', () => {
    expect(assess('tmall')).toMatchObject({ refundFen: 2_500, allowed: true, refusal: null, oldFen: 11_000 });
    expect(assess('taobao', { paidFen: 9_990, redPacketFen: 20, newPriceFen: 8_005, shopCouponFen: 3 })).toMatchObject({ refundFen: 2_002, allowed: true });
  });
  it('S2 Taobao/Tmall: once per item — a second claim on the line is refused with a stable reason', () => {
    const second = assess('tmall', { claimsSoFar: 1 });
    expect(second).toMatchObject({ allowed: false, refusal: 'ALREADY_CLAIMED' });
    expect(second.reasonZh).toContain('同一商品只能价保一次');
  });
  it('S2: never negative — a coupon or new price beyond the old price gives 0 and no claim', () => {
    expect(assess('taobao', { shopCouponFen: 5_000 })).toMatchObject({ refundFen: 0, allowed: false, refusal: 'NO_DIFFERENCE' });
    expect(assess('tmall', { newPriceFen: 20_000 })).toMatchObject({ refundFen: 0, allowed: false, refusal: 'NO_DIFFERENCE' });
    expect(assess('tmall', { newPriceFen: 10_500, shopCouponFen: 0 })).toMatchObject({ refundFen: 500, allowed: true });
    expect(assess('tmall', { newPriceFen: 10_500, shopCouponFen: 500 })).toMatchObject({ refundFen: 0, allowed: false });
    expect(assess('taobao', { paidFen: -500, redPacketFen: -100, newPriceFen: 0, shopCouponFen: 0 })).toMatchObject({ refundFen: 0, allowed: false });
  });
  it('S2 JD self-operated: old − new, red packets and coupons not counted, any number of times', () => {
    expect(assess('jd', { signedAt: at })).toMatchObject({ refundFen: 2_000, oldFen: 10_000, allowed: true });
    expect(assess('jd', { signedAt: at, claimsSoFar: 5 })).toMatchObject({ refundFen: 2_000, allowed: true });
  });
  it('S2 JD: the window counts from signing — open before it, the last millisecond in, the next one out', () => {
    expect(assess('jd', { signedAt: null, now: '2027-03-01T00:00:00.000Z' })).toMatchObject({ allowed: true, windowEndsAt: null });
    const end = new Date(Date.parse(at) + 7 * DAY).toISOString();
    expect(assess('jd', { signedAt: at, now: end })).toMatchObject({ allowed: true, windowEndsAt: end });
    const late = assess('jd', { signedAt: at, now: new Date(Date.parse(end) + 1).toISOString() });
    expect(late).toMatchObject({ allowed: false, refusal: 'WINDOW_CLOSED' });
    expect(late.reasonZh).toContain('签收后 7 天');
  });
  it('S2: a shop override counting the window from payment applies the same edge', () => {
    const rule = { ...profiles.jd.price_protection, window_from: 'paid' as const, window_days: 15 };
    const end = Date.parse(at) + 15 * DAY;
    expect(assessPriceProtection({ ...base, now: new Date(end).toISOString() }, rule).allowed).toBe(true);
    expect(assessPriceProtection({ ...base, now: new Date(end + 1).toISOString() }, rule).refusal).toBe('WINDOW_CLOSED');
  });
  it('S2: a platform without a rule refuses; the rule is named in Chinese', () => {
    expect(assess('pdd')).toMatchObject({ allowed: false, refusal: 'NOT_SUPPORTED' });
    expect(priceProtectionRuleZh(profiles.tmall.price_protection, '天猫')).toBe('天猫价保：差价＝（实付＋红包）－现价－店铺券；同一商品限价保 1 次；平台未规定价保期');
    expect(priceProtectionRuleZh(profiles.jd.price_protection, '京东')).toBe('京东价保：差价＝实付－现价；价保期内可多次价保；价保期为签收后 7 天');
  });
});
