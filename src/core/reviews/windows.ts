// Review windows (R1, R3, R5): when mutual review closes (and the default good review lands),
// until when a neutral/bad review may be changed once, follow-up and reply windows.
import { DAY, formatInstant } from '../rules/instant.js';
import { requireInstant } from '../orders/ship-by.js';
import type { Profile } from '../rules/schema.js';
import type { Rating } from './credit.js';

export interface ReviewDeadlines {
  /** Mutual review closes; a side that did not review gets the default good one (if any). */
  mutualUntil: string;
  defaultGoodAt: string | null;
  /** Follow-up review possible until (R5, 180 days from trade success). */
  followupUntil: string | null;
}

export function reviewDeadlines(profile: Pick<Profile, 'reviews'>, tradeSucceededAt: string): ReviewDeadlines {
  const r = profile.reviews;
  const t = requireInstant(tradeSucceededAt, 'trade_succeeded_at');
  const at = (days: number | null) => (days === null ? null : formatInstant(t.ms + days * DAY, t.offsetMin));
  return {
    mutualUntil: formatInstant(t.ms + r.mutual_window_days * DAY, t.offsetMin),
    defaultGoodAt: at(r.default_good_after_days),
    followupUntil: at(r.followup_days),
  };
}

export interface Allowed {
  allowed: boolean;
  until: string | null;
  reasonZh?: string;
}

/** R3: a neutral or bad review may be changed or deleted `change_times` within the window. */
export function canChangeReview(
  profile: Pick<Profile, 'reviews'>,
  review: { rating: Rating; reviewedAt: string; changesSoFar: number },
  now: string,
): Allowed {
  const r = profile.reviews;
  if (review.rating === 'good') return { allowed: false, until: null, reasonZh: '好评不能修改' };
  if (r.change_window_days === null) return { allowed: false, until: null, reasonZh: '该平台没有评价修改规则' };
  const at = requireInstant(review.reviewedAt, 'reviewed_at');
  const untilMs = at.ms + r.change_window_days * DAY;
  const until = formatInstant(untilMs, at.offsetMin);
  if (review.changesSoFar >= r.change_times) return { allowed: false, until, reasonZh: `只能修改 ${r.change_times} 次，已用完` };
  if (requireInstant(now, 'now').ms > untilMs) return { allowed: false, until, reasonZh: `已超过 ${r.change_window_days} 天修改期` };
  return { allowed: true, until };
}

/** R5: the seller may explain a review within `reply_days` of it. */
export function canReplyToReview(profile: Pick<Profile, 'reviews'>, reviewedAt: string, now: string): Allowed {
  const days = profile.reviews.reply_days;
  if (days === null) return { allowed: true, until: null };
  const at = requireInstant(reviewedAt, 'reviewed_at');
  const untilMs = at.ms + days * DAY;
  const until = formatInstant(untilMs, at.offsetMin);
  return requireInstant(now, 'now').ms > untilMs
    ? { allowed: false, until, reasonZh: `已超过 ${days} 天解释期` }
    : { allowed: true, until };
}
