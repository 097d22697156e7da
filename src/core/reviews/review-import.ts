// What a review source (an export file, the bridge) hands the review intake (issue 13; R1–R8):
// one normalised review per platform review, with what the data says of its order, item and
// buyer. A row that is itself a follow-up (追评) names the review it follows.
import type { Platform } from '../platforms.js';
import type { Rating } from './credit.js';

export interface DsrStars {
  description: number;
  service: number;
  logistics: number;
}

export interface NormalisedReview {
  /** The platform's review id, or one derived from order, item, buyer and time when the export has none. */
  reviewId: string;
  orderNo?: string | undefined;
  itemId?: string | undefined;
  itemTitle?: string | undefined;
  sku?: string | undefined;
  buyerAccount?: string | undefined;
  /** 好评/中评/差评 where the platform says it; else derived from the stars or the text. */
  rating?: Rating | undefined;
  stars?: number | undefined;
  dsr?: DsrStars | undefined;
  text: string;
  at: Date;
  followUp?: { text: string; at?: Date | undefined } | undefined;
  sellerReply?: string | undefined;
  sellerReplyAt?: Date | undefined;
  /** This row is a follow-up of that review (by id), or of the review of `orderNo` + `itemId`. */
  followUpOf?: { reviewId?: string | undefined; orderNo?: string | undefined; itemId?: string | undefined } | undefined;
}

export interface ReviewLineError {
  line: number;
  reason: string;
}

export interface ReviewImportSource {
  platform: Platform;
  fileName: string;
  format: string;
  encoding: string;
  batches: AsyncIterable<Array<{ line: number; review: NormalisedReview }>>;
  stats: { rows: number; rejected: number; errors: ReviewLineError[] };
}

/** Stars → rating when the platform gives no 好/中/差 (JD, PDD, AliExpress): 4–5 good, 3 neutral, 1–2 bad. */
export function ratingFromStars(stars: number): Rating {
  return stars >= 4 ? 'good' : stars === 3 ? 'neutral' : 'bad';
}

/**
 * The stars a platform's rating word stands for, for the analyser when an export gives the word
 * (好评/中评/差评) but no stars: the buyer's own verdict weighs in as their stars would (EVAL §5).
 */
export function starsFromRating(rating: Rating): number {
  return rating === 'good' ? 5 : rating === 'neutral' ? 3 : 1;
}

/** A rating word as the platforms write it. */
export function ratingFromWord(word: string): Rating | undefined {
  const w = word.trim().toLowerCase();
  if (/^(好评|good|positive|好)$/.test(w)) return 'good';
  if (/^(中评|neutral|中)$/.test(w)) return 'neutral';
  if (/^(差评|bad|negative|差)$/.test(w)) return 'bad';
  return undefined;
}
