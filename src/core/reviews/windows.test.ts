import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { inviteSegment, mayInviteAgain, SEGMENT_ADVICE_ZH } from './invitation-segments.js';
import { canChangeReview, canReplyToReview, reviewDeadlines } from './windows.js';

const profiles = loadProfiles();

describe('review windows (R1, R3, R5)', () => {
  it('Taobao: mutual review 15 days, default good after 15, follow-up 180', () => {
    expect(reviewDeadlines(profiles.taobao, '2024-05-01T10:00:00+08:00')).toEqual({
      mutualUntil: '2024-05-16T10:00:00+08:00',
      defaultGoodAt: '2024-05-16T10:00:00+08:00',
      followupUntil: '2024-10-28T10:00:00+08:00',
    });
  });
  it('AliExpress: 30 days to review (seed 003), no default good review in the seeds', () => {
    const d = reviewDeadlines(profiles.aliexpress, '2024-05-01T00:00:00Z');
    expect(d.mutualUntil).toBe('2024-05-31T00:00:00Z');
    expect(d.defaultGoodAt).toBeNull();
  });
  it('a neutral or bad review may be changed once within 30 days', () => {
    const p = profiles.taobao;
    const at = '2024-05-01T00:00:00+08:00';
    expect(canChangeReview(p, { rating: 'bad', reviewedAt: at, changesSoFar: 0 }, '2024-05-31T00:00:00+08:00').allowed).toBe(true);
    expect(canChangeReview(p, { rating: 'bad', reviewedAt: at, changesSoFar: 0 }, '2024-05-31T00:00:01+08:00').allowed).toBe(false);
    expect(canChangeReview(p, { rating: 'neutral', reviewedAt: at, changesSoFar: 1 }, '2024-05-02T00:00:00+08:00').allowed).toBe(false);
    expect(canChangeReview(p, { rating: 'good', reviewedAt: at, changesSoFar: 0 }, '2024-05-02T00:00:00+08:00').allowed).toBe(false);
  });
  it('the seller may reply within 30 days', () => {
    expect(canReplyToReview(profiles.tmall, '2024-05-01T00:00:00Z', '2024-05-31T00:00:00Z').allowed).toBe(true);
    expect(canReplyToReview(profiles.tmall, '2024-05-01T00:00:00Z', '2024-05-31T00:00:01Z').allowed).toBe(false);
  });
});

describe('review invitation segments (R7)', () => {
  it.each([
    [{ signedAt: null, confirmedAt: null, rating: null }, 'not_delivered'],
    [{ signedAt: '2024-05-01', confirmedAt: null, rating: null }, 'signed_not_confirmed'],
    [{ signedAt: '2024-05-01', confirmedAt: '2024-05-02', rating: null }, 'confirmed_not_reviewed'],
    [{ signedAt: '2024-05-01', confirmedAt: '2024-05-02', rating: 'good' }, 'reviewed_good'],
    [{ signedAt: '2024-05-01', confirmedAt: '2024-05-02', rating: 'bad' }, 'reviewed_neutral_bad'],
    [{ signedAt: '2024-05-01', confirmedAt: '2024-05-02', rating: 'neutral' }, 'reviewed_neutral_bad'],
  ] as const)('%o → %s', (c, seg) => {
    expect(inviteSegment(c)).toBe(seg);
  });
  it('never offers a reward for a good review (D9): any reward word stands only in a prohibition', () => {
    const reward = /返现|红包|优惠券|赠品|礼遇|礼品|好处|补偿|返利|reward|cashback|coupon/;
    for (const [segment, advice] of Object.entries(SEGMENT_ADVICE_ZH)) {
      // Every sentence part that names a reward must forbid it.
      for (const part of advice.split(/[；;。，,（）()]/)) {
        if (reward.test(part)) expect(part, `${segment}: ${part}`).toMatch(/不得|不以|切勿|禁止/);
      }
      expect(advice, segment).toMatch(/[\u4e00-\u9fff]/);
    }
    // The segments that meet a buyer who could review say so plainly.
    expect(SEGMENT_ADVICE_ZH.confirmed_not_reviewed).toContain('如实评价');
    expect(SEGMENT_ADVICE_ZH.reviewed_neutral_bad).toContain('自愿');
  });
  it('limits frequency', () => {
    expect(mayInviteAgain(null, 0, 72)).toBe(true);
    expect(mayInviteAgain(0, 72 * 3_600_000 - 1, 72)).toBe(false);
    expect(mayInviteAgain(0, 72 * 3_600_000, 72)).toBe(true);
  });
});
