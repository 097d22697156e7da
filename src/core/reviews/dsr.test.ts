import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { addCalendarMonths, parseInstant } from '../rules/instant.js';
import { computeDsr, type DsrReview } from './dsr.js';

const six = { months: loadProfiles().taobao.reviews.dsr_months ?? 0, monthlyFirstNPerBuyer: null };
const rv = (at: string, d: number, s = d, l = d, buyer?: string): DsrReview => ({ at, description: d, service: s, logistics: l, buyer });

describe('DSR (R4): means over the last six calendar months', () => {
  it('the profile says six months', () => {
    expect(six.months).toBe(6);
  });
  it('includes now − 6 months and now, excludes just outside', () => {
    const now = '2024-09-15T12:00:00+08:00';
    const r = computeDsr(
      [
        rv('2024-03-15T12:00:00+08:00', 5),
        rv('2024-03-15T11:59:59+08:00', 1),
        rv('2024-09-15T12:00:00+08:00', 4),
        rv('2024-09-15T12:00:01+08:00', 1),
      ],
      now,
      six,
    );
    expect(r).toEqual({ description: 4.5, service: 4.5, logistics: 4.5, count: 2 });
  });
  it('clamps to the end of a shorter month (31 Aug − 6 months = 29 Feb 2024)', () => {
    const now = '2024-08-31T08:00:00+08:00';
    const r = computeDsr([rv('2024-02-29T08:00:00+08:00', 5), rv('2024-02-29T07:59:00+08:00', 1)], now, six);
    expect(r.count).toBe(1);
    expect(Date.parse('2024-02-29T08:00:00+08:00')).toBe(addCalendarMonths(parseInstant(now)?.ms ?? 0, -6));
  });
  it('counts calendar months on the clock now is written in; Beijing when it has no offset', () => {
    // In UTC: 30 Aug 20:00 − 6 months = 29 Feb 20:00 (30 Feb clamped). In Beijing the same
    // instant is 31 Aug 04:00, which would give 29 Feb 04:00 +08:00 = 28 Feb 20:00Z instead.
    const utc = computeDsr([rv('2024-02-29T20:00:00Z', 5), rv('2024-02-29T19:59:00Z', 1)], '2024-08-30T20:00:00Z', six);
    expect(utc.count).toBe(1);
    const naive = computeDsr([rv('2024-02-29 08:00:00', 5), rv('2024-02-29T07:59:00+08:00', 1)], '2024-08-31 08:00:00', six);
    expect(naive.count).toBe(1);
  });
  it('rounds each mean to 2 decimals, half up', () => {
    const r = computeDsr([rv('2024-05-01T00:00:00Z', 5, 4, 3), rv('2024-05-02T00:00:00Z', 4, 4, 3), rv('2024-05-03T00:00:00Z', 4, 5, 4)], '2024-06-01T00:00:00Z', six);
    expect(r).toMatchObject({ description: 4.33, service: 4.33, logistics: 3.33 });
    const eighth = [5, 5, 5, 5, 5, 4, 4, 4].map((d, i) => rv(`2024-05-0${i + 1}T00:00:00Z`, d));
    expect(computeDsr(eighth, '2024-06-01T00:00:00Z', six).description).toBe(4.63);
  });
  it('no ratings in the window gives null', () => {
    expect(computeDsr([], '2024-06-01T00:00:00Z', six)).toEqual({ description: null, service: null, logistics: null, count: 0 });
  });
  it('Tmall counts a buyer\'s first 3 ratings a month when the buyer is known', () => {
    const tmall = { months: 6, monthlyFirstNPerBuyer: loadProfiles().tmall.reviews.dsr_monthly_first_n_per_buyer };
    const reviews = [5, 5, 5, 1].map((d, i) => rv(`2024-05-0${i + 1}T00:00:00Z`, d, d, d, 'a'));
    expect(computeDsr(reviews, '2024-06-01T00:00:00Z', tmall).description).toBe(5);
    expect(computeDsr(reviews, '2024-06-01T00:00:00Z', six).description).toBe(4);
  });
});
