import { describe, expect, it } from 'vitest';
import { evaluateLine } from './evaluate-question.js';
import { loadProfiles } from '../rules/load-profiles.js';

const profiles = loadProfiles();
const ask = (q: unknown) => evaluateLine(JSON.stringify(q), profiles);

describe('evaluateLine (EVAL §3 input handling)', () => {
  it('blank lines give nothing; other lines always give an id', () => {
    expect(evaluateLine('   ', profiles)).toBeNull();
    expect(evaluateLine('[1,2]', profiles)).toEqual({ id: null, error: '每行应为一个 JSON 对象' });
    expect(evaluateLine('{"id": 42, "kind": "credit", "platform": "tm', profiles)).toMatchObject({ id: 42 });
  });
  it('accepts amounts written as text and Chinese rating words', () => {
    expect(ask({ id: 1, kind: 'price_protection', platform: 'jd', paid: '100.50', new_price: 90 })).toEqual({ id: 1, result: { refund: 10.5, allowed: true } });
    expect(ask({ id: 2, kind: 'credit', platform: 'taobao', reviews: [{ buyer: 'a', item: 1, rating: '差评', at: '2024-01-01T00:00:00Z' }] })).toEqual({ id: 2, result: { credit: -1 } });
  });
  it('optional fields default: red packets, coupon and claims 0; shipped_at absent = not shipped', () => {
    expect(ask({ id: 3, kind: 'price_protection', platform: 'taobao', paid: 100, new_price: 90 })).toEqual({ id: 3, result: { refund: 10, allowed: true } });
    expect(ask({ id: 4, kind: 'late_shipment', platform: 'tmall', paid_amount: 10, paid_at: '2024-01-01T00:00:00Z', now: '2024-01-05T00:00:00Z' })).toEqual({
      id: 4,
      result: { late: true, deadline: '2024-01-04T00:00:00Z', compensation: 3, points: 0 },
    });
  });
  it('an agreed ship-by date is echoed as the deadline', () => {
    const r = ask({ id: 5, kind: 'late_shipment', platform: 'taobao', paid_amount: 10, paid_at: '2024-01-01T00:00:00Z', shipped_at: null, now: '2024-01-02T00:00:00Z', agreed_ship_by: '2024-01-10T18:00:00+08:00' });
    expect(r).toEqual({ id: 5, result: { late: false, deadline: '2024-01-10T18:00:00+08:00', compensation: 0, points: 0 } });
  });
  it('names the bad field in Chinese', () => {
    const r = ask({ id: 6, kind: 'dsr', now: '2024-01-01T00:00:00Z', reviews: [{ at: '2024-01-01T00:00:00Z', description: 6, service: 5, logistics: 5 }] });
    expect(r).toMatchObject({ id: 6, error: expect.stringContaining('reviews.0.description') });
    expect(ask({ id: 7, kind: 'shipping_fee', province: '浙江', weight_kg: 1 })).toMatchObject({ id: 7, error: expect.stringContaining('table') });
  });
  it('now is needed only while unshipped', () => {
    const base = { kind: 'late_shipment', platform: 'taobao', paid_amount: 100, paid_at: '2024-01-01T00:00:00Z' };
    expect(ask({ id: 9, ...base, shipped_at: '2024-01-04T00:00:00Z' })).toMatchObject({ id: 9, result: { late: true, compensation: 5, points: 3 } });
    expect(ask({ id: 10, ...base, shipped_at: null })).toMatchObject({ id: 10, error: expect.stringContaining('now') });
  });
  it('an invalid time inside a valid line is an error for that line only', () => {
    expect(ask({ id: 8, kind: 'dsr', now: 'later', reviews: [] })).toMatchObject({ id: 8, error: expect.stringContaining('now') });
  });
});
