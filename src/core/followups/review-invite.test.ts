// R7: the review invitation's wording by segment — the segment from the buyer's review, and a
// template without a segment standing for the invitation only (never for a buyer who reviewed).
import { describe, expect, it } from 'vitest';
import { followupRules } from './config.js';
import { reviewInviteSegment } from './flows.js';
import { pickTemplate, templateScore, type Template } from './templates.js';

const confirmed = new Date('2026-11-23T02:00:00Z');
const query = (reason: Template['reason']) => ({ flow: 'review_invite' as const, lang: 'zh' as const, reason: reason ?? null, platform: 'taobao', courier: null, country: null });

describe('review invitation segments (R7)', () => {
  it('the buyer’s latest review decides the segment', () => {
    expect(reviewInviteSegment(confirmed, null)).toBe('confirmed_not_reviewed');
    expect(reviewInviteSegment(confirmed, 'good')).toBe('reviewed_good');
    expect(reviewInviteSegment(confirmed, 'neutral')).toBe('reviewed_neutral_bad');
    expect(reviewInviteSegment(confirmed, 'bad')).toBe('reviewed_neutral_bad');
    expect(reviewInviteSegment(null, null)).toBe('confirmed_not_reviewed');
  });

  it('every segment has a default wording in Chinese and English, none asking a reviewer to review again', () => {
    const defaults = followupRules().templates;
    for (const lang of ['zh', 'en'] as const) {
      const pick = (reason: Template['reason']) => pickTemplate([], defaults, { ...query(reason), lang })!;
      expect(pick('confirmed_not_reviewed').text).toMatch(lang === 'zh' ? /真实的评价/ : /honest review/);
      expect(pick('reviewed_good').reason).toBe('reviewed_good');
      expect(pick('reviewed_neutral_bad').reason).toBe('reviewed_neutral_bad');
      expect(pick('reviewed_good').text).not.toMatch(/评价|好评|review/);
      expect(pick('reviewed_neutral_bad').text).not.toMatch(/评|review/);
    }
  });

  it('a template without a segment is the invitation only; 催付 reasons keep matching as before', () => {
    const generic: Template = { id: 'own', flow: 'review_invite', lang: 'zh', text: '欢迎留下真实评价' };
    expect(templateScore(generic, query('confirmed_not_reviewed'))).toBeGreaterThan(0);
    expect(templateScore(generic, query(null))).toBeGreaterThan(0);
    expect(templateScore(generic, query('reviewed_good'))).toBe(-1);
    expect(pickTemplate([generic], followupRules().templates, query('reviewed_good'))!.reason).toBe('reviewed_good');
    const reminder: Template = { flow: 'payment_reminder', lang: 'zh', text: '还没付款哦' };
    expect(templateScore(reminder, { ...query(null), flow: 'payment_reminder', reason: 'price' })).toBe(0);
  });
});
