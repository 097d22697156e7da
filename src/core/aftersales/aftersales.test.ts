import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { aftersalesWindow, complaintWindow, interventionCountdown } from './aftersales-windows.js';
import { dissatisfactionSteps, warrantyGuidanceZh } from './buyer-guidance.js';
import { invoiceAction, refundNextSteps } from './refund-playbook.js';
import { refundRates } from './refund-rates.js';
import { checkRefundReason, refundReasonsFor } from './refund-reasons.js';

const profiles = loadProfiles();

describe('refund reasons by order state and the compensation check (A5)', () => {
  it('offers the seed\'s reasons for unshipped and shipped orders', () => {
    expect(refundReasonsFor(profiles.tmall, false)).toContain('缺货');
    expect(refundReasonsFor(profiles.tmall, true)).toContain('收到假货');
    expect(refundReasonsFor(profiles.tmall, true)).not.toContain('缺货');
  });
  it('an untrue compensation reason: ask the buyer to change it', () => {
    const r = checkRefundReason(profiles.tmall, '缺货', { shipped: false, outOfStock: false, late: false, paidAmountYuan: 100 });
    expect(r).toMatchObject({ validForState: true, triggersCompensation: true, compensation: 30, untrue: true });
    expect(r.adviceZh).toContain('修改退款原因');
  });
  it('a true late-shipment reason costs the profile\'s compensation (Taobao 5 %, min 1)', () => {
    const r = checkRefundReason(profiles.taobao, '未按约定时间发货', { shipped: false, outOfStock: false, late: true, paidAmountYuan: 10 });
    expect(r).toMatchObject({ triggersCompensation: true, compensation: 1, untrue: false });
  });
  it('a reason without compensation, and one not valid in the state', () => {
    expect(checkRefundReason(profiles.tmall, '不想要了', { shipped: false, outOfStock: false, late: false, paidAmountYuan: 100 })).toMatchObject({ triggersCompensation: false, validForState: true });
    expect(checkRefundReason(profiles.tmall, '需要维修', { shipped: false, outOfStock: false, late: false, paidAmountYuan: 100 }).validForState).toBe(false);
  });
});

describe('after-sales windows and the 72 h intervention countdown (A6, N4)', () => {
  it('after-sales 0–15 days after success', () => {
    const p = profiles.tmall;
    expect(aftersalesWindow(p, '2024-05-01T00:00:00+08:00', '2024-05-16T00:00:00+08:00')).toMatchObject({ open: true, until: '2024-05-16T00:00:00+08:00', remainingMs: 0 });
    expect(aftersalesWindow(p, '2024-05-01T00:00:00+08:00', '2024-05-16T00:00:01+08:00').open).toBe(false);
  });
  it('the buyer may call the platform 72 h after applying', () => {
    const p = profiles.tmall;
    const c = interventionCountdown(p, '2024-05-01T00:00:00Z', '2024-05-03T00:00:00Z');
    expect(c).toMatchObject({ at: '2024-05-04T00:00:00Z', buyerMayCallPlatform: false, remainingMs: 24 * 3_600_000 });
    expect(c.adviceZh).toContain('24 小时');
    expect(interventionCountdown(p, '2024-05-01T00:00:00Z', '2024-05-04T00:00:00Z').buyerMayCallPlatform).toBe(true);
  });
  it('complaints 0–15 days after the trade closes or succeeds', () => {
    expect(complaintWindow(profiles.taobao, '2024-05-01T00:00:00Z', '2024-05-17T00:00:00Z').open).toBe(false);
  });
});

describe('playbook (A7), invoices (A3), guidance (A9, A10)', () => {
  it.each([
    [{ shipped: false, received: false }, 'not_shipped', '取消发货'],
    [{ shipped: true, received: false }, 'shipped_not_received', '拒收'],
    [{ shipped: true, received: false, lostByCourier: true }, 'courier_lost', '退款'],
    [{ shipped: true, received: true, returningGoods: true }, 'received_return', '退货物流单号'],
    [{ shipped: true, received: true, partial: true }, 'partial_refund', '部分退款'],
    [{ shipped: true, received: true, tradeSucceeded: true }, 'after_trade_success', '转账'],
  ] as const)('%o → %s', (facts, situation, step) => {
    const r = refundNextSteps(facts);
    expect(r.situation).toBe(situation);
    expect(r.stepsZh.join('')).toContain(step);
  });
  it('invoice by resolution', () => {
    expect([invoiceAction(profiles.tmall, 'return'), invoiceAction(profiles.tmall, 'exchange'), invoiceAction(profiles.tmall, 'repair')]).toEqual(['红冲', '背书', '原始发票发还']);
  });
  it('angry buyer: apologise and offer a full refund; branded goods: official service first', () => {
    expect(dissatisfactionSteps('angry_threatens_bad_review').join('')).toContain('全额退款');
    expect(dissatisfactionSteps('buyer_misuse').join('')).toContain('不责怪');
    expect(warrantyGuidanceZh(true).join('')).toContain('官方');
  });
});

describe('refund and dispute rates (A8)', () => {
  it('alerts at 4 disputes in 1,000 trades', () => {
    expect(refundRates({ trades: 1000, refunds: 30, disputes: 3 }, profiles.taobao).alerts).toEqual([]);
    const r = refundRates({ trades: 1000, refunds: 30, disputes: 4 }, profiles.taobao);
    expect(r.refundRate).toBe(0.03);
    expect(r.alerts.map((a) => a.kind)).toEqual(['dispute']);
    expect(refundRates({ trades: 0, refunds: 0, disputes: 0 }, profiles.taobao).refundRate).toBeNull();
  });
});
