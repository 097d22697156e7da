// Review invitations (R7, seed 001): which buyers to contact, and how, by where they are between
// delivery and review. Never cash for a good review (D9).
import type { Rating } from './credit.js';

export type Segment = 'signed_not_confirmed' | 'confirmed_not_reviewed' | 'reviewed_good' | 'reviewed_neutral_bad' | 'not_delivered';

export interface InviteCandidate {
  signedAt: string | null;
  confirmedAt: string | null;
  rating: Rating | null;
}

/**
 * The permitted action per segment, as the agent reads it. An invitation asks for an honest review
 * and offers nothing for it: no cash, red packet, coupon or gift tied to a review or to its
 * rating (D9). Help given to fix a problem (refund, resend) never depends on a revised review.
 */
export const SEGMENT_ADVICE_ZH: Record<Segment, string> = {
  not_delivered: '尚未签收：暂不邀请评价，先关注物流。',
  signed_not_confirmed: '已签收未确认收货：可提醒买家确认收货；如买家反映问题，先帮其解决。',
  confirmed_not_reviewed: '已确认收货未评价：可邀请买家如实评价一次，好评差评由买家自己决定；不得以返现、红包、优惠券、赠品等任何好处换取好评。',
  reviewed_good: '已给好评：可以感谢买家，不再邀请评价；不得因好评给予返现、红包、优惠券或赠品。',
  reviewed_neutral_bad: '中差评：先联系买家解决问题（退款、补发等按售后规则办理，不以改评为条件）；解决后可询问买家是否愿意修改评价，由买家自愿决定，不得为改评给予任何好处。',
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
