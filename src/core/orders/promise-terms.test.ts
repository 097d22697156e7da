// D8 promise terms: the stated time, the due time and the judgement from the order's facts.
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../platforms.js';
import { loadProfiles } from '../rules/load-profiles.js';
import { judgePromise, promiseDue, promiseTerm, promiseWarnAt, statedTime, type OrderFacts } from './promise-terms.js';

// The D8 project defaults, as every shipped profile reads them from rules/common.yaml.
const D8 = loadProfiles().taobao.promises;

// 10:00 Beijing, 11 November 2026.
const MADE = new Date('2026-11-11T02:00:00Z');
const H = 3_600_000;
const at = (h: number) => new Date(MADE.getTime() + h * H);
const order = (o: Partial<OrderFacts> = {}): OrderFacts => ({
  phase: 'paid', shippedAt: null, arrivedAt: null, completedAt: null, courier: null, shipBy: at(38), aftersalesWindowDays: 15,
  invoiceDaysAfterSuccess: D8.invoice_days_after_success, ...o,
});
const p = (kind: string, text: string) => ({ kind, text, createdAt: MADE });

describe('promise terms (D8)', () => {
  it('reads the time a promise names, in Beijing days', () => {
    expect(statedTime('今天给您发货', MADE)?.toISOString()).toBe('2026-11-11T16:00:00.000Z');
    expect(statedTime('明天发出', MADE)?.toISOString()).toBe('2026-11-12T16:00:00.000Z');
    expect(statedTime('48小时内发货', MADE)?.toISOString()).toBe(at(48).toISOString());
    expect(statedTime('三天左右到', MADE)?.toISOString()).toBe('2026-11-14T16:00:00.000Z');
    expect(statedTime('尽快安排', MADE)).toBeNull();
  });

  it('tells shipping from arrival; without a stated time a delivery promise is due at ship-by', () => {
    expect(promiseTerm(p('delivery_time', '今天给您发货')).test).toBe('ship');
    expect(promiseTerm(p('delivery_time', '3天左右到')).test).toBe('arrive');
    expect(promiseDue(p('delivery_time', '给您优先发货'), order())?.toISOString()).toBe(at(38).toISOString());
    expect(promiseTerm(p('courier', '给您发顺丰')).courier).toBe('顺丰');
  });

  it('a shipping promise is kept by shipping in time, broken by shipping late or not at all', () => {
    const ship = p('delivery_time', '今天给您发货');
    expect(judgePromise(ship, order({ shippedAt: at(5), phase: 'shipped' }), at(6)).state).toBe('kept');
    expect(judgePromise(ship, order({ shippedAt: at(20), phase: 'shipped' }), at(21)).state).toBe('broken');
    expect(judgePromise(ship, order(), at(13)).state).toBe('open');
    expect(judgePromise(ship, order(), at(14)).state).toBe('broken');
  });

  it('an arrival promise needs the parcel signed for by the stated day', () => {
    const arrive = p('delivery_time', '3天左右到');
    expect(judgePromise(arrive, order({ phase: 'signed', shippedAt: at(5), arrivedAt: at(50) }), at(51)).state).toBe('kept');
    expect(judgePromise(arrive, order({ phase: 'shipped', shippedAt: at(5) }), at(100)).state).toBe('broken');
  });

  it('courier by the courier used; void when the order closes unshipped; gifts wait for the agent until due', () => {
    expect(judgePromise(p('courier', '给您发顺丰'), order({ phase: 'shipped', shippedAt: at(2), courier: '顺丰速运' }), at(3)).state).toBe('kept');
    expect(judgePromise(p('courier', '给您发顺丰'), order({ phase: 'shipped', shippedAt: at(2), courier: '圆通速递' }), at(3)).state).toBe('broken');
    expect(judgePromise(p('gift', '送您一个小赠品'), order({ phase: 'closed' }), at(3)).state).toBe('void');
    expect(judgePromise(p('gift', '送您一个小赠品'), order(), at(3)).state).toBe('open');
    expect(judgePromise(p('gift', '送您一个小赠品'), order(), at(38)).state).toBe('broken');
    expect(judgePromise(p('return', '支持7天无理由退货'), order({ phase: 'succeeded', completedAt: at(100) }), at(100 + 15 * 24)).state).toBe('kept');
    expect(judgePromise(p('repair', '保修一年'), order(), at(10_000)).state).toBe('open');
  });

  it('warns 12 hours before due, or at three quarters of a shorter term', () => {
    expect(promiseWarnAt(p('gift', 'x'), at(48), D8.warn_before_hours).toISOString()).toBe(at(36).toISOString());
    expect(promiseWarnAt(p('gift', 'x'), at(8), D8.warn_before_hours).toISOString()).toBe(at(6).toISOString());
    // The figure is the profile's, not a constant: a 100-hour term warns at 88 h with 12, 76 h with 24.
    expect(promiseWarnAt(p('gift', 'x'), at(100), D8.warn_before_hours).toISOString()).toBe(at(88).toISOString());
    expect(promiseWarnAt(p('gift', 'x'), at(100), 24).toISOString()).toBe(at(76).toISOString());
  });

  it('an invoice promise is due the profile\'s invoice days after success, broken when unconfirmed then', () => {
    const invoice = p('invoice', '确认收货后给您开发票');
    expect(promiseDue(invoice, order())).toBeNull();
    const done = order({ phase: 'succeeded', completedAt: at(100) });
    expect(promiseDue(invoice, done)?.toISOString()).toBe(at(100 + 7 * 24).toISOString());
    expect(judgePromise(invoice, done, at(100 + 7 * 24 - 1)).state).toBe('open');
    expect(judgePromise(invoice, done, at(100 + 7 * 24)).state).toBe('broken');
    expect(promiseDue(invoice, { ...done, invoiceDaysAfterSuccess: 3 })?.toISOString()).toBe(at(100 + 3 * 24).toISOString());
  });

  it('the D8 figures are project defaults in rules/common.yaml (seed null), the same on every platform', () => {
    const profiles = loadProfiles();
    for (const platform of PLATFORMS) {
      expect(profiles[platform].promises, platform).toEqual({
        invoice_days_after_success: 7,
        warn_before_hours: 12,
        bind_before_order_hours: 72,
        source: expect.objectContaining({ req: 'D8', seed: null }),
      });
    }
  });
});
