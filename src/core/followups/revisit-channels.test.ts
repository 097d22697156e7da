// F4 老客回访 by phone and mail (seed 000: 定期回访……切忌不要太频繁): call task planning, the retry
// limit of unreached calls and failed mails, and F3's one-at-a-time rule for calls.
import { describe, expect, it } from 'vitest';
import { followupRules } from './config.js';
import { callTaskHold, flowChannels, mailRetry, mailSubject, planCallOutcome } from './revisit-channels.js';
import { withinFrequency } from './limits.js';
import { maskEmail, maskPhone } from '../privacy.js';

const T0 = new Date('2026-12-01T02:00:00.000Z');
const rules = followupRules();
const call = rules.flows.revisit.call!;
const mail = rules.flows.revisit.mail!;

describe('F4 re-visit channels from rules/followups.yaml', () => {
  it('F4: only the re-visit may go by phone or mail; its figures carry F4 and seed 000', () => {
    expect(flowChannels(rules.flows.revisit)).toEqual(['chat', 'phone', 'email']);
    expect(flowChannels(rules.flows.care)).toEqual(['chat']);
    expect(call.max_attempts).toBeGreaterThan(1);
    expect(call.source.req).toBe('F4');
    expect(call.source.seed).toBe('000');
    expect(mail.source.req).toBe('F4');
    expect(call.reveal_roles).not.toContain('integration');
  });
});

describe('F4 call outcomes', () => {
  it('F4: 已接通 and 拒绝回访 finish the task; each counts as a call made', () => {
    expect(planCallOutcome(call, { outcome: 'reached', attemptsBefore: 0, now: T0 })).toEqual({ state: 'done', attempts: 1, dueAt: null, newTaskAt: null });
    expect(planCallOutcome(call, { outcome: 'refused', attemptsBefore: 1, now: T0 })).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('F4: 未接通 is tried again retry_hours later, and given up after max_attempts calls (never too often)', () => {
    const first = planCallOutcome({ max_attempts: 3, retry_hours: 24 }, { outcome: 'unreached', attemptsBefore: 0, now: T0 });
    expect(first).toEqual({ state: 'open', attempts: 1, dueAt: new Date(T0.getTime() + 24 * 3_600_000), newTaskAt: null });
    expect(planCallOutcome({ max_attempts: 3, retry_hours: 24 }, { outcome: 'unreached', attemptsBefore: 1, now: T0 }).state).toBe('open');
    expect(planCallOutcome({ max_attempts: 3, retry_hours: 24 }, { outcome: 'unreached', attemptsBefore: 2, now: T0 })).toEqual({ state: 'given_up', attempts: 3, dueAt: null, newTaskAt: null });
    // The shipped figure: at most max_attempts calls in all.
    let attempts = 0;
    let state = 'open';
    while (state === 'open') ({ state, attempts } = planCallOutcome(call, { outcome: 'unreached', attemptsBefore: attempts, now: T0 }));
    expect(state).toBe('given_up');
    expect(attempts).toBe(call.max_attempts);
  });

  it('F4: 改约 finishes the task and asks for a new one at the agreed time, which must lie ahead', () => {
    const at = new Date(T0.getTime() + 3 * 3_600_000);
    expect(planCallOutcome(call, { outcome: 'rescheduled', attemptsBefore: 0, rescheduleAt: at, now: T0 })).toEqual({ state: 'done', attempts: 1, dueAt: null, newTaskAt: at });
    expect(() => planCallOutcome(call, { outcome: 'rescheduled', attemptsBefore: 0, rescheduleAt: null, now: T0 })).toThrow('改约需要填写再次回访的时间');
    expect(() => planCallOutcome(call, { outcome: 'rescheduled', attemptsBefore: 0, rescheduleAt: new Date(T0.getTime() - 60_000), now: T0 })).toThrow('改约时间必须晚于现在');
  });

  it('F3/F4: a buyer who refused is not called again, and one open task at a time', () => {
    expect(callTaskHold({ refusedBefore: true, openTask: false })).toBe('refused_call');
    expect(callTaskHold({ refusedBefore: false, openTask: true })).toBe('call_open');
    expect(callTaskHold({ refusedBefore: false, openTask: false })).toBeNull();
  });

  it('F3: the marketing limit counts calls per buyer on the phone channel like messages on chat', () => {
    const limit = rules.frequency.marketing;
    expect(withinFrequency(0, limit)).toBe(true);
    expect(withinFrequency(limit.max, limit)).toBe(false);
  });
});

describe('F4 re-visit mail', () => {
  it('F4: a failed send is tried again after the configured waits, then marked failed after max_attempts', () => {
    const rule = { max_attempts: 3, retry_minutes: [5, 30] };
    expect(mailRetry(rule, 1, T0)).toEqual({ state: 'pending', nextAt: new Date(T0.getTime() + 5 * 60_000) });
    expect(mailRetry(rule, 2, T0)).toEqual({ state: 'pending', nextAt: new Date(T0.getTime() + 30 * 60_000) });
    expect(mailRetry(rule, 3, T0)).toEqual({ state: 'failed', nextAt: null });
    expect(mailRetry({ max_attempts: 9, retry_minutes: [5, 30] }, 6, T0).nextAt).toEqual(new Date(T0.getTime() + 30 * 60_000));
    expect(mailSubject(mail.subject, '小美女装')).toContain('小美女装');
  });

  it('F4: numbers and addresses are masked for screens', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskEmail('li.xiaomei@example.com')).toBe('l***@example.com');
    expect(maskEmail('bad')).toBe('***');
  });
});
