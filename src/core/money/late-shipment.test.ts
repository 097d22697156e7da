import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { PLATFORMS } from '../platforms.js';
import { lateShipmentExposure } from './exposure.js';
import { lateCompensationFen, lateShipment } from './late-shipment.js';

const profiles = loadProfiles();
const PAID = '2024-05-01T10:00:00+08:00';

describe('late shipment deadline and lateness (N1, O3)', () => {
  it.each(PLATFORMS)('%s: deadline is paid_at + the profile ship-by hours; exactly at it is not late', (platform) => {
    const p = profiles[platform];
    const base = Date.parse(PAID);
    const deadlineMs = base + p.shipping.ship_by_hours * 3_600_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const onTime = lateShipment({ paidAmountYuan: 100, paidAt: PAID, shippedAt: at(deadlineMs), now: at(deadlineMs + 1e9) }, p);
    expect(onTime.late).toBe(false);
    expect(Date.parse(onTime.deadline ?? '')).toBe(deadlineMs);
    expect(onTime.compensation).toBe(0);
    const oneSecondLate = lateShipment({ paidAmountYuan: 100, paidAt: PAID, shippedAt: at(deadlineMs + 1000), now: at(deadlineMs + 1e9) }, p);
    expect(oneSecondLate.late).toBe(true);
    expect(oneSecondLate.points).toBe(p.late_shipment.points_if_unpaid_before_ruling);
  });

  it('uses now when not shipped yet', () => {
    const p = profiles.tmall;
    expect(lateShipment({ paidAmountYuan: 100, paidAt: PAID, shippedAt: null, now: '2024-05-04T10:00:00+08:00' }, p).late).toBe(false);
    expect(lateShipment({ paidAmountYuan: 100, paidAt: PAID, shippedAt: null, now: '2024-05-04T10:00:01+08:00' }, p).late).toBe(true);
  });

  it('keeps the offset style of paid_at in the deadline', () => {
    const p = profiles.tmall;
    expect(lateShipment({ paidAmountYuan: 1, paidAt: PAID, shippedAt: null, now: PAID }, p).deadline).toBe('2024-05-04T10:00:00+08:00');
    expect(lateShipment({ paidAmountYuan: 1, paidAt: '2024-05-01T02:00:00Z', shippedAt: null, now: PAID }, p).deadline).toBe('2024-05-04T02:00:00Z');
    expect(lateShipment({ paidAmountYuan: 1, paidAt: '2024-05-01 10:00:00', shippedAt: null, now: PAID }, p).deadline).toBe('2024-05-04T10:00:00');
  });

  it('an agreed ship-by date (presale, custom) replaces the hours', () => {
    const r = lateShipment(
      { paidAmountYuan: 200, paidAt: PAID, shippedAt: '2024-05-10T09:00:00+08:00', now: PAID, agreedShipBy: '2024-05-15T00:00:00+08:00' },
      profiles.tmall,
    );
    expect(r).toMatchObject({ late: false, deadline: '2024-05-15T00:00:00+08:00', compensation: 0 });
  });

  it('an unpaid order is not late and has no deadline, even with an agreed date', () => {
    for (const platform of PLATFORMS) {
      const r = lateShipment({ paidAmountYuan: 100, paidAt: null, shippedAt: null, now: '2030-01-01T00:00:00Z', agreedShipBy: '2024-01-01T00:00:00Z' }, profiles[platform]);
      expect([r.late, r.deadline, r.compensation, r.points]).toEqual([false, null, 0, 0]);
    }
  });

  it('rejects a time that is not ISO 8601', () => {
    expect(() => lateShipment({ paidAmountYuan: 1, paidAt: 'yesterday', shippedAt: null, now: PAID }, profiles.tmall)).toThrow(/paid_at/);
  });
});

describe('late shipment compensation (N1, N2)', () => {
  // [platform, paid, compensation]: Tmall 30 % capped at 500; Taobao 5 % within 1–30 (seed 000).
  const table: [string, number, number][] = [
    ['tmall', 100, 30],
    ['tmall', 1666.66, 500],
    ['tmall', 1666.67, 500],
    ['tmall', 1666.6, 499.98],
    ['tmall', 33.33, 10],
    ['tmall', 0.05, 0.02],
    ['taobao', 100, 5],
    ['taobao', 10, 1],
    ['taobao', 20, 1],
    ['taobao', 20.1, 1.01],
    ['taobao', 33.33, 1.67],
    ['taobao', 600, 30],
    ['taobao', 5000, 30],
    ['jd', 5000, 0],
    ['aliexpress', 5000, 0],
  ];
  it.each(table)('%s paid %d → %d', (platform, paid, expected) => {
    const p = profiles[platform as keyof typeof profiles];
    const r = lateShipment({ paidAmountYuan: paid, paidAt: PAID, shippedAt: '2024-06-01T00:00:00+08:00', now: PAID }, p);
    expect(r.late).toBe(true);
    expect(r.compensation).toBe(expected);
  });
  it('computes in fen without float drift', () => {
    expect(lateCompensationFen(1999, { rate_pct: 5, min_yuan: 0, cap_yuan: null })).toBe(100);
    expect(lateCompensationFen(1990, { rate_pct: 5, min_yuan: 0, cap_yuan: null })).toBe(100);
    expect(lateCompensationFen(1989, { rate_pct: 5, min_yuan: 0, cap_yuan: null })).toBe(99);
  });
  it('Taobao 3 points only when late; Tmall none in the seeds', () => {
    const late = { paidAmountYuan: 100, paidAt: PAID, shippedAt: '2024-06-01T00:00:00+08:00', now: PAID };
    expect(lateShipment(late, profiles.taobao).points).toBe(3);
    expect(lateShipment(late, profiles.tmall).points).toBe(0);
  });
});

describe('exposure and the pay-before-ruling advice (N5)', () => {
  it('before the deadline shows what starts at the deadline', () => {
    const e = lateShipmentExposure({ paidAmountYuan: 100, paidAt: PAID, shippedAt: null, now: '2024-05-02T10:00:00+08:00' }, profiles.taobao);
    // The advice reads the deadline as Beijing time (5月3日 10:00), never as an ISO instant.
    expect(e.adviceZh).toMatch(/请在 \d+月\d+日 \d\d:\d\d（北京时间）前发货/);
    expect(e.adviceZh).not.toMatch(/T\d\d:|Z/);
    expect(e.late).toBe(false);
    expect(e.payNow.compensation).toBe(0);
    expect(e.atDeadline).toEqual({ at: '2024-05-03T10:00:00+08:00', cost: { compensation: 5, platformRepay: 5, points: 3 } });
  });
  it('after the deadline, paying now saves the points and the second payment (Taobao)', () => {
    const e = lateShipmentExposure({ paidAmountYuan: 100, paidAt: PAID, shippedAt: null, now: '2024-05-04T10:00:00+08:00' }, profiles.taobao);
    expect(e.payNow).toEqual({ compensation: 5, platformRepay: 0, points: 0 });
    expect(e.ifPlatformRules).toEqual({ compensation: 5, platformRepay: 5, points: 3 });
    expect(e.adviceZh).toContain('主动赔付');
  });
  it('Tmall pays in Tmall points and repays the platform after an upheld complaint', () => {
    const e = lateShipmentExposure({ paidAmountYuan: 3000, paidAt: PAID, shippedAt: null, now: '2024-05-09T10:00:00+08:00' }, profiles.tmall);
    expect(e.ifPlatformRules).toEqual({ compensation: 500, platformRepay: 500, points: 0 });
    expect(e.adviceZh).toContain('天猫积分');
  });
  it('an unpaid order has no exposure', () => {
    const e = lateShipmentExposure({ paidAmountYuan: 100, paidAt: null, shippedAt: null, now: PAID }, profiles.tmall);
    expect([e.late, e.deadline, e.atDeadline]).toEqual([false, null, null]);
  });
});
