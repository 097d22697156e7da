import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { priceProtection } from './price-protection.js';

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
