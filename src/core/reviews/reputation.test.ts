import { describe, expect, it } from 'vitest';
import { dsrTrendByItem, forecastDsr, reviewEffect, type DsrPoint } from './reputation.js';

const now = Date.parse('2026-12-01T04:00:00Z');
const day = 86_400_000;
const p = (daysAgo: number, s: number, itemId = 'i1', d = 5, l = 5): DsrPoint => ({ atMs: now - daysAgo * day, description: d, service: s, logistics: l, itemId });

describe('DSR forecast (R4)', () => {
  it('counts the 3-star ratings that take a dimension below the category average', () => {
    const points = Array.from({ length: 10 }, (_, i) => p(i + 1, 5));
    const f = forecastDsr({ points, nowMs: now, months: 6, categoryAverage: { service: 4.8 } });
    const service = f.find((x) => x.dimension === 'service');
    expect(service).toMatchObject({ current: 5, ratingsToFallBelow: 2 });
    expect(service?.messageZh).toBe('本周再有 2 个 3 星「服务态度」评分，服务态度将从 5 降到行业平均 4.8 以下');
    expect(f.find((x) => x.dimension === 'logistics')?.ratingsToFallBelow).toBeNull();
  });
  it('leaves out the ratings that age out of the six-month window during the week', () => {
    // Two 5-star ratings 6 months old leave the window this week; what stays is 4.5.
    const points = [p(180, 5), p(181, 5), p(10, 4), p(9, 5)];
    const f = forecastDsr({ points, nowMs: now, months: 6, categoryAverage: { service: 4.6 } });
    expect(f.find((x) => x.dimension === 'service')).toMatchObject({ current: 4.75, atHorizon: 4.5, ratingsToFallBelow: 0 });
  });
  it('already below, and unknown average', () => {
    const f = forecastDsr({ points: [p(1, 3)], nowMs: now, months: 6, categoryAverage: { service: 4.8 } });
    expect(f.find((x) => x.dimension === 'service')?.messageZh).toContain('已低于');
    expect(f.find((x) => x.dimension === 'description')?.messageZh).toContain('未设置行业平均分');
  });
});

describe('review effect and trend', () => {
  it('the effect of one review is the change of the means it made', () => {
    const points = [p(3, 5), p(2, 5), p(1, 5)];
    const bad = p(0, 2);
    expect(reviewEffect([...points, bad], bad).service).toBe(-0.75);
  });
  it('groups per item and Beijing month', () => {
    const t = dsrTrendByItem([p(1, 5, 'a'), p(2, 3, 'a'), p(40, 4, 'b')], now, 6);
    expect(t).toEqual([
      expect.objectContaining({ itemId: 'b', count: 1, service: 4 }),
      expect.objectContaining({ itemId: 'a', count: 2, service: 4 }),
    ]);
  });
});
