// R7 入会邀请, the pure part: planned 8 days after the buyer's latest (good) review, once in the
// rule's gap; held at send when the latest review is no longer good, the buyer is a member, or
// was invited lately; a wording that mentions the review is found (refused on save, blocked at send).
import { describe, expect, it } from 'vitest';
import { followupRules } from './config.js';
import { flowEnabled, memberInviteHold, memberInviteReviewWords, planFollowups, stopReason, type PlanContext } from './flows.js';

const H = 3_600_000;
const done = new Date('2026-11-20T02:00:00Z');
const ctx = (enabled: boolean | undefined): PlanContext => ({
  rules: followupRules(), platform: 'taobao', payWindowHours: null,
  settings: enabled === undefined ? {} : { member_invite: { enabled } },
});
const facts = (extra: object) => ({ phase: 'succeeded' as const, orderedAt: done, shippedAt: done, completedAt: done, ...extra });
const invites = (c: PlanContext, f: object) => planFollowups(c, facts(f)).filter((p) => p.flow === 'member_invite');

describe('R7 入会邀请 planning', () => {
  it('is off until the shop switches it on', () => {
    expect(flowEnabled({}, 'member_invite')).toBe(false);
    expect(flowEnabled({}, 'review_invite')).toBe(true);
    expect(invites(ctx(undefined), { goodReviewAt: done })).toEqual([]);
  });
  it('is due 8 days after the good review, once in 90 days', () => {
    const review = new Date(done.getTime() + 5 * H);
    expect(invites(ctx(true), { goodReviewAt: review }).map((p) => p.dueAt.getTime())).toEqual([review.getTime() + 192 * H]);
    expect(invites(ctx(true), { goodReviewAt: null })).toEqual([]);
    expect(invites(ctx(true), { goodReviewAt: review, lastMemberInviteAt: new Date(review.getTime() - 30 * 24 * H) })).toEqual([]);
    expect(invites(ctx(true), { goodReviewAt: review, lastMemberInviteAt: new Date(review.getTime() - 100 * 24 * H) })).toHaveLength(1);
  });
  it('stops when the order leaves the finished phase', () => {
    expect(stopReason('member_invite', 'succeeded')).toBeNull();
    expect(stopReason('member_invite', 'closed')).toBe('closed');
  });
});

describe('R7 入会邀请 at send', () => {
  const rule = followupRules().flows.member_invite;
  const base = { tags: [] as string[], memberTags: rule.member_tags ?? [], lastInvitedAt: null, now: done, minGapHours: rule.min_gap_hours ?? 0 };
  it('holds for a latest review not good, a member, or a recent invitation', () => {
    expect(memberInviteHold({ ...base, latestRating: 'good' })).toBeNull();
    expect(memberInviteHold({ ...base, latestRating: 'bad' })).toBe('review_not_good');
    expect(memberInviteHold({ ...base, latestRating: 'neutral' })).toBe('review_not_good');
    expect(memberInviteHold({ ...base, latestRating: null })).toBe('review_not_good');
    expect(memberInviteHold({ ...base, latestRating: 'good', tags: ['Member'] })).toBe('already_member');
    expect(memberInviteHold({ ...base, latestRating: 'good', lastInvitedAt: new Date(done.getTime() - 10 * 24 * H) })).toBe('invited_recently');
  });
  it('finds review words in a wording; the defaults have none', () => {
    const words = rule.forbidden_words ?? [];
    expect(memberInviteReviewWords('感谢您的五星好评，欢迎入会', words)).toEqual(expect.arrayContaining(['好评', '五星']));
    expect(memberInviteReviewWords('Thanks for your Review! Join us', words)).toContain('review');
    for (const t of followupRules().templates.filter((x) => x.flow === 'member_invite')) expect(memberInviteReviewWords(t.text, words)).toEqual([]);
  });
});
