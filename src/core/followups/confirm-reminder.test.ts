// R7 (seed 001 一、1 (1)): a buyer who signed for the parcel but has not confirmed receipt gets one
// reminder to check the goods and confirm (or tell us first what is wrong): planned from signing,
// never past the platform's auto-confirmation, stopped by confirmation, closing or an open
// after-sales case; its default wording offers nothing and asks for no review (D9).
import { describe, expect, it } from 'vitest';
import { checkReply } from '../guard/check-reply.js';
import { profileFor } from '../rules/load-profiles.js';
import { followupRules } from './config.js';
import { autoConfirmAt, confirmReminderHold, planFollowups, stopReason, type OrderFacts, type PlanContext } from './flows.js';
import { pickTemplate, renderTemplate } from './templates.js';

const T0 = new Date('2026-11-23T02:00:00.000Z');
const h = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const ctx = (extra: Partial<PlanContext> = {}): PlanContext => ({ rules: followupRules(), platform: 'pdd', payWindowHours: null, settings: {}, ...extra });
const reminders = (c: PlanContext, o: OrderFacts) =>
  planFollowups(c, o).filter((r) => r.flow === 'confirm_reminder').map((r) => (r.dueAt.getTime() - T0.getTime()) / 3_600_000);

describe('签收未确认提醒 (R7)', () => {
  const shipped: OrderFacts = { phase: 'shipped', orderedAt: h(-100), shippedAt: h(-72), completedAt: null };

  it('is a service flow, on by default, 48 h after signing, from the signed state or a signing scan', () => {
    const rule = followupRules().flows.confirm_reminder;
    expect(rule).toMatchObject({ category: 'service', trigger: 'signed', delay_hours: 48, title: '签收未确认提醒' });
    expect(rule.source).toMatchObject({ req: 'R7', seed: '001' });
    // Pinduoduo/AliExpress: the order's signed state; Taobao/Tmall/JD: a signing scan while shipped.
    expect(reminders(ctx(), { ...shipped, phase: 'signed', signedAt: T0 })).toEqual([48]);
    expect(reminders(ctx({ platform: 'taobao' }), { ...shipped, signedAt: T0 })).toEqual([48]);
    // Not signed for: nothing; confirmed or closed: nothing.
    expect(reminders(ctx(), shipped)).toEqual([]);
    expect(reminders(ctx(), { ...shipped, phase: 'succeeded', signedAt: T0, completedAt: h(1) })).toEqual([]);
    expect(reminders(ctx(), { ...shipped, phase: 'closed', signedAt: T0 })).toEqual([]);
  });

  it('follows the shop’s own delay and switch', () => {
    const signed = { ...shipped, phase: 'signed' as const, signedAt: T0 };
    expect(reminders(ctx({ settings: { confirm_reminder: { enabled: true, delayHours: 24 } } }), signed)).toEqual([24]);
    expect(reminders(ctx({ settings: { confirm_reminder: { enabled: false } } }), signed)).toEqual([]);
  });

  it('is never planned at or after the platform’s auto-confirmation (counted from shipment)', () => {
    const signed = { ...shipped, phase: 'signed' as const, signedAt: T0 };
    expect(autoConfirmAt(h(-72), null)).toBeNull();
    expect(autoConfirmAt(h(-72), 10)).toEqual(h(-72 + 240));
    // Shipped 72 h before signing: 10 days leave room (due at +48 h, auto at +168 h); 5 days do not (auto at +48 h).
    expect(reminders(ctx({ autoConfirmDays: 10 }), signed)).toEqual([48]);
    expect(reminders(ctx({ autoConfirmDays: 5 }), signed)).toEqual([]);
    expect(reminders(ctx({ autoConfirmDays: 4 }), signed)).toEqual([]);
  });

  it('stops on confirmation, on closing, and is held back for an open case or past auto-confirmation', () => {
    expect(stopReason('confirm_reminder', 'shipped')).toBeNull();
    expect(stopReason('confirm_reminder', 'signed')).toBeNull();
    expect(stopReason('confirm_reminder', 'succeeded')).toBe('confirmed');
    expect(stopReason('confirm_reminder', 'closed')).toBe('closed');
    expect(stopReason('confirm_reminder', 'paid')).toBe('moved_on');
    expect(stopReason('confirm_reminder', null)).toBe('moved_on');
    const base = { openCase: false, shippedAt: h(-72), autoConfirmDays: 10, now: h(48) };
    expect(confirmReminderHold(base)).toBeNull();
    expect(confirmReminderHold({ ...base, openCase: true })).toBe('aftersales_open');
    expect(confirmReminderHold({ ...base, now: h(168) })).toBe('auto_confirmed');
    expect(confirmReminderHold({ ...base, autoConfirmDays: null, now: h(5000) })).toBeNull();
  });

  it('default wording in Chinese and English: check, confirm, contact us first — no reward, no review asked, guard passes', () => {
    const defaults = followupRules().templates;
    const q = { flow: 'confirm_reminder' as const, reason: null, platform: 'pdd', courier: null, country: null };
    const zh = pickTemplate([], defaults, { ...q, lang: 'zh' })!;
    const en = pickTemplate([], defaults, { ...q, lang: 'en', platform: 'aliexpress', country: 'US' })!;
    const zhText = renderTemplate(zh.text, { buyer: '亲', item: '纯棉T恤', orderNo: '260123456' }).text;
    const enText = renderTemplate(en.text, { buyer: 'Anna', item: 'wool scarf', orderNo: '8001234' }).text;
    expect(zhText).toMatch(/签收.*检查.*确认收货.*先联系我们/);
    expect(enText).toMatch(/delivered.*check.*confirm receipt.*contact us first/);
    for (const text of [zhText, enText]) {
      expect(text).not.toMatch(/评|返现|红包|优惠券|赠品|礼品|review|coupon|gift|refund|cash/i);
    }
    expect(checkReply(zhText, profileFor('pdd')).verdict).not.toBe('block');
    expect(checkReply(zhText, profileFor('taobao')).verdict).not.toBe('block');
    expect(checkReply(enText, profileFor('aliexpress')).verdict).not.toBe('block');
  });
});
