// Review invitations (R7, seed 001): which buyers to contact, and how, by where they are between
// delivery and review. Never cash for a good review (D9).
import type { Rating } from './credit.js';

export type Segment = 'signed_not_confirmed' | 'confirmed_not_reviewed' | 'reviewed_good' | 'reviewed_neutral_bad' | 'not_delivered';

export interface InviteCandidate {
  signedAt: string | null;
  confirmedAt: string | null;
  rating: Rating | null;
}

export const SEGMENT_ADVICE_ZH: Record<Segment, string> = {
  not_delivered: '尚未签收，暂不邀评。',
  signed_not_confirmed: '已签收未确认收货：提醒买家确认收货并评价。',
  confirmed_not_reviewed: '已确认收货未评价：邀请评价，可附店铺优惠券或复购礼遇（切勿好评返现）。',
  reviewed_good: '已给好评：邀请加入店铺会员。',
  reviewed_neutral_bad: '中差评：先联系买家解决问题，解决后再询问是否愿意修改评价。',
};

export function inviteSegment(c: InviteCandidate): Segment {
  if (c.rating === 'good') return 'reviewed_good';
  if (c.rating === 'neutral' || c.rating === 'bad') return 'reviewed_neutral_bad';
  if (c.confirmedAt) return 'confirmed_not_reviewed';
  if (c.signedAt) return 'signed_not_confirmed';
  return 'not_delivered';
}

/** Frequency limit (R7, F3): whether another invitation may go out now. */
export function mayInviteAgain(lastInvitedAtMs: number | null, nowMs: number, minGapHours: number): boolean {
  return lastInvitedAtMs === null || nowMs - lastInvitedAtMs >= minGapHours * 3_600_000;
}
