// Seller credit from reviews (R1, R2) exactly as EVAL §3 reads it: good +1, neutral 0, bad −1;
// a review does not count when a counted review by the same buyer, for the same item, with the
// same rating lies less than `dedupe_days` before it; per buyer and calendar month (Beijing
// time) the credit added is capped (Taobao 6), or only the first N reviews count (Tmall 3).
import { DxeError } from '../errors.js';
import { DAY, parseInstant } from '../rules/instant.js';
import { beijingMonthKey } from '../time/beijing-time.js';
import type { Profile } from '../rules/schema.js';

export type Rating = 'good' | 'neutral' | 'bad';

export interface CreditReview {
  buyer: string;
  item: string;
  rating: Rating;
  at: string;
}

export interface CreditResult {
  credit: number;
  /** Input indices of the reviews that counted, in time order. */
  counted: number[];
  /** Credit per buyer and month after the cap, e.g. { 'b1': { '2024-03': 6 } }. */
  byBuyerMonth: Record<string, Record<string, number>>;
}

export function computeCredit(reviews: readonly CreditReview[], profile: Pick<Profile, 'reviews'>): CreditResult {
  const rules = profile.reviews;
  const timed = reviews.map((r, index) => {
    const at = parseInstant(r.at);
    if (!at) throw new DxeError('VALIDATION_FAILED', `第 ${index + 1} 条评价的时间无效: ${r.at}`);
    return { ...r, index, ms: at.ms };
  });
  timed.sort((a, b) => a.ms - b.ms || a.index - b.index);

  const lastCounted = new Map<string, number>();
  const countedInMonth = new Map<string, number>();
  const sums = new Map<string, number>();
  const counted: number[] = [];
  for (const r of timed) {
    const key = JSON.stringify([r.buyer, r.item, r.rating]);
    const prev = lastCounted.get(key);
    if (prev !== undefined && r.ms - prev < rules.dedupe_days * DAY) continue;
    const bm = JSON.stringify([r.buyer, beijingMonthKey(r.ms)]);
    const n = countedInMonth.get(bm) ?? 0;
    if (rules.monthly_first_n_per_buyer !== null && n >= rules.monthly_first_n_per_buyer) continue;
    lastCounted.set(key, r.ms);
    countedInMonth.set(bm, n + 1);
    counted.push(r.index);
    sums.set(bm, (sums.get(bm) ?? 0) + rules.scores[r.rating]);
  }

  let credit = 0;
  const byBuyerMonth: Record<string, Record<string, number>> = {};
  for (const [bm, sum] of sums) {
    const [buyer, month] = JSON.parse(bm) as [string, string];
    const capped = rules.monthly_cap_per_buyer === null ? sum : Math.min(sum, rules.monthly_cap_per_buyer);
    credit += capped;
    (byBuyerMonth[buyer] ??= {})[month] = capped;
  }
  return { credit, counted, byBuyerMonth };
}
