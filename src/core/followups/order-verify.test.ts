// C9 (seed 004 第五步核实): the order confirmation is planned when the buyer has paid and stops
// once the parcel has left or the order closed; a confirmation made in the chat (bot) or recorded
// on the order (agent) counts; its default wording reads back masked data only and passes the
// reply guard (电话, not 联系电话, which reads as handing out contact details, D2).
import { describe, expect, it } from 'vitest';
import { checkReply } from '../guard/check-reply.js';
import { profileFor } from '../rules/load-profiles.js';
import { followupRules } from './config.js';
import { alreadyVerified, planFollowups, stopReason, type PlanContext } from './flows.js';
import { pickTemplate, renderTemplate, SAMPLE_VARS } from './templates.js';

const paidAt = new Date('2026-11-23T02:00:00Z');
const ctx = (enabled = true): PlanContext => ({
  rules: followupRules(), platform: 'tmall', payWindowHours: null, settings: enabled ? {} : { order_verify: { enabled: false } },
});

describe('核对订单 planning (C9)', () => {
  it('a paid order gets one confirmation a few minutes after payment; other phases none', () => {
    const planned = planFollowups(ctx(), { phase: 'paid', orderedAt: new Date(paidAt.getTime() - 300_000), paidAt, shippedAt: null, completedAt: null });
    expect(planned.filter((p) => p.flow === 'order_verify')).toEqual([{ flow: 'order_verify', step: 0, dueAt: new Date(paidAt.getTime() + 6 * 60_000) }]);
    for (const phase of ['unpaid', 'shipped', 'signed', 'succeeded', 'closed'] as const) {
      const other = planFollowups(ctx(), { phase, orderedAt: paidAt, paidAt, shippedAt: paidAt, completedAt: paidAt });
      expect(other.filter((p) => p.flow === 'order_verify'), phase).toEqual([]);
    }
    // Switched off by the shop, or no payment time known: nothing.
    expect(planFollowups(ctx(false), { phase: 'paid', orderedAt: paidAt, paidAt, shippedAt: null, completedAt: null }).some((p) => p.flow === 'order_verify')).toBe(false);
    expect(planFollowups(ctx(), { phase: 'paid', orderedAt: paidAt, paidAt: null, shippedAt: null, completedAt: null }).some((p) => p.flow === 'order_verify')).toBe(false);
  });

  it('stops once the parcel has left or the order closed; a confirmation in the chat or on the order counts', () => {
    expect(stopReason('order_verify', 'paid')).toBeNull();
    expect(stopReason('order_verify', 'shipped')).toBe('moved_on');
    expect(stopReason('order_verify', 'closed')).toBe('closed');
    expect(stopReason('order_verify', null)).toBe('moved_on');
    expect(alreadyVerified('o1', ['o1'], null)).toBe(true);
    expect(alreadyVerified('o1', ['o2'], new Date())).toBe(true);
    expect(alreadyVerified('o1', ['o2'], null)).toBe(false);
  });

  it('default wordings (with and without the buyer note, Chinese and English) are not blocked by the reply guard', () => {
    const defaults = followupRules().templates;
    for (const lang of ['zh', 'en'] as const) {
      for (const reason of [null, 'with_note'] as const) {
        const t = pickTemplate([], defaults, { flow: 'order_verify', lang, reason, platform: 'tmall', courier: null, country: null })!;
        expect(t.reason ?? null).toBe(reason);
        const { text, missing } = renderTemplate(t.text, SAMPLE_VARS);
        expect(missing).toEqual([]);
        expect(text).toContain(SAMPLE_VARS.phone);
        if (reason) expect(text).toContain(SAMPLE_VARS.buyerNote);
        // The sender refuses a blocked text (run-due): the default must never be one.
        const verdict = checkReply(text, profileFor(lang === 'en' ? 'aliexpress' : 'tmall'), { askerIsBuyer: true });
        expect(verdict.verdict, `${lang} ${reason}: ${JSON.stringify(verdict.violations)}`).not.toBe('block');
      }
    }
  });
});
