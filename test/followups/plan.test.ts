// Issue 14: the pure side of follow-ups — which rows an order calls for on each platform (C8, F1,
// F4, O7, R7), when they stop, which template wins (F2), quiet hours in the buyer's time zone (F3).
import { describe, expect, it } from 'vitest';
import { followupRules } from '../../src/core/followups/config.js';
import { planFollowups, stopReason, type PlanContext } from '../../src/core/followups/flows.js';
import { buyerTimeZone, countryCode, quietUntil } from '../../src/core/followups/limits.js';
import { pickTemplate, renderTemplate, type Template } from '../../src/core/followups/templates.js';

const T0 = new Date('2026-11-23T02:00:00.000Z');
const h = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const ctx = (platform: string, payWindowHours: number | null, settings: PlanContext['settings'] = {}): PlanContext => ({
  rules: followupRules(), platform, payWindowHours, settings,
});
const at = (rows: ReturnType<typeof planFollowups>) => rows.map((r) => [r.flow, r.step, (r.dueAt.getTime() - T0.getTime()) / 3_600_000]);

describe('follow-up planning', () => {
  it('C8: AliExpress reminds at 2 h, 24 h and 24 h before its 20-day window; Taobao (no window in the profile) only inside 24 h', () => {
    const unpaid = { phase: 'unpaid' as const, orderedAt: T0, shippedAt: null, completedAt: null };
    expect(at(planFollowups(ctx('aliexpress', 480), unpaid))).toEqual([['payment_reminder', 0, 2], ['payment_reminder', 1, 24], ['payment_reminder', 2, 456]]);
    expect(at(planFollowups(ctx('taobao', null), unpaid))).toEqual([['payment_reminder', 0, 2]]);
    // A shop's own steps; a switched-off flow plans nothing.
    expect(at(planFollowups(ctx('taobao', null, { payment_reminder: { enabled: true, stepsHours: [1, 6] } }), unpaid))).toEqual([['payment_reminder', 0, 1], ['payment_reminder', 1, 6]]);
    expect(planFollowups(ctx('taobao', null, { payment_reminder: { enabled: false } }), unpaid)).toEqual([]);
  });

  it('F1: shipment notice and care after shipping (AliExpress: 1 day and 14 days, seed 003); arrival only on an out-for-delivery scan; O7 delay when stalled', () => {
    const shipped = { phase: 'shipped' as const, orderedAt: h(-50), shippedAt: T0, completedAt: null };
    expect(at(planFollowups(ctx('tmall', null), shipped))).toEqual([['shipment_notice', 0, 1], ['care', 0, 120]]);
    expect(at(planFollowups(ctx('aliexpress', 480), shipped))).toEqual([['shipment_notice', 0, 24], ['care', 0, 336]]);
    expect(at(planFollowups(ctx('tmall', null), { ...shipped, outForDeliveryAt: h(30), stalledSince: h(80) }))).toEqual([
      ['shipment_notice', 0, 1], ['care', 0, 120], ['arrival_notice', 0, 30], ['delay_notice', 0, 80],
    ]);
  });

  it('O7: a parcel caught in a disruption is told at once (disruptedSince), before any stall; only while in transit', () => {
    const shipped = { phase: 'shipped' as const, orderedAt: h(-50), shippedAt: h(-30), completedAt: null };
    expect(at(planFollowups(ctx('taobao', null), { ...shipped, disruptedSince: T0 })).filter(([f]) => f === 'delay_notice')).toEqual([['delay_notice', 0, 0]]);
    expect(planFollowups(ctx('taobao', null), { ...shipped, phase: 'signed', disruptedSince: T0 }).some((r) => r.flow === 'delay_notice')).toBe(false);
    expect(planFollowups(ctx('taobao', null, { delay_notice: { enabled: false } }), { ...shipped, disruptedSince: T0 }).some((r) => r.flow === 'delay_notice')).toBe(false);
  });

  it('R7/F4: review invitation after confirmation; a re-visit only for a buyer with two finished orders', () => {
    const done = { phase: 'succeeded' as const, orderedAt: h(-200), shippedAt: h(-150), completedAt: T0 };
    const flows = (n: number) => planFollowups(ctx('tmall', null), { ...done, buyerFinishedOrders: n }).map((r) => r.flow);
    expect(flows(1)).toEqual(['shipment_notice', 'care', 'review_invite']);
    expect(flows(2)).toEqual(['shipment_notice', 'care', 'review_invite', 'revisit']);
  });

  it('payment stops 催付, closing stops everything, a signed parcel needs no arrival notice', () => {
    expect(stopReason('payment_reminder', 'paid')).toBe('paid');
    expect(stopReason('payment_reminder', 'closed')).toBe('closed');
    expect(stopReason('payment_reminder', 'unpaid')).toBeNull();
    expect(stopReason('care', 'closed')).toBe('closed');
    expect(stopReason('arrival_notice', 'signed')).toBe('moved_on');
    expect(stopReason('review_invite', 'succeeded')).toBeNull();
  });
});

describe('templates (F2)', () => {
  const defaults = followupRules().templates;
  const q = { flow: 'shipment_notice' as const, lang: 'zh' as const, reason: null, platform: 'taobao', courier: '中通快递', country: null };
  it('the most specific template wins, a shop template over a default; a reason template only for its reason', () => {
    expect(pickTemplate([], defaults, q)!.text).toContain('{trackingNo}');
    const own: Template[] = [
      { id: 'a', flow: 'shipment_notice', lang: 'zh', text: '店铺通用' },
      { id: 'b', flow: 'shipment_notice', lang: 'zh', courier: '中通', text: '中通专用' },
      { id: 'c', flow: 'shipment_notice', lang: 'zh', courier: '顺丰', text: '顺丰专用' },
      { id: 'd', flow: 'shipment_notice', lang: 'en', country: 'US', text: 'US only' },
    ];
    expect(pickTemplate(own, defaults, q)!.text).toBe('中通专用');
    expect(pickTemplate(own, defaults, { ...q, courier: '圆通速递' })!.text).toBe('店铺通用');
    expect(pickTemplate(own, defaults, { ...q, lang: 'en', country: 'US' })!.text).toBe('US only');
    expect(pickTemplate(own, defaults, { ...q, lang: 'en', country: 'DE' })!.text).toContain('has shipped');
    const reminder = { ...q, flow: 'payment_reminder' as const };
    expect(pickTemplate([], defaults, { ...reminder, reason: 'price' })!.text).toContain('{coupon}');
    expect(pickTemplate([], defaults, { ...reminder, reason: 'address' })!.text).toContain('收货地址');
    expect(pickTemplate([], defaults, reminder)!.text).toContain('付款时遇到什么问题');
  });

  it('variables are filled from the order; what the order lacks is reported, not sent blank', () => {
    expect(renderTemplate('单号 {trackingNo}（{courier}）', { trackingNo: 'YT123', courier: '圆通' })).toEqual({ text: '单号 YT123（圆通）', missing: [] });
    expect(renderTemplate('单号 {trackingNo}', {}).missing).toEqual(['trackingNo']);
  });
});

describe('quiet hours in the buyer’s time zone (F3)', () => {
  const rules = followupRules();
  it('a US buyer at 03:00 New York waits until 09:00 there; Beijing daytime is not quiet', () => {
    expect(countryCode('US')).toBe('US');
    expect(countryCode('广东省深圳市')).toBeNull();
    const tz = buyerTimeZone(rules, 'US');
    expect(tz).toBe('America/New_York');
    const night = new Date('2026-11-23T08:00:00.000Z'); // 03:00 in New York (EST)
    expect(quietUntil(night, tz, rules.quiet_hours)?.toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(quietUntil(T0, buyerTimeZone(rules, null), rules.quiet_hours)).toBeNull(); // 10:00 Beijing
  });
});
