// Reviews (R1–R8). Issue 13: one row per platform review id and shop (imports and the bridge are
// idempotent on it); the follow-up review (追评) is kept on its first review; the analysis (R8
// sentiment, score, causes; R6 flags) is stored on arrival; status, report and recovery record
// what the shop did about it.
import { index, integer, jsonb, pgTable, real, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { buyers } from './conversations.js';
import { orders } from './orders.js';
import { shops } from './org.js';

export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    orderId: text('order_id').references(() => orders.id),
    buyerId: text('buyer_id').references(() => buyers.id),
    itemId: text('item_id'),
    rating: text('rating', { enum: ['good', 'neutral', 'bad'] }).notNull(),
    text: text('text'),
    /** R4: description/service/logistics stars. */
    dsr: jsonb('dsr'),
    at: ts('at').notNull(),
    followUpText: text('follow_up_text'),
    followUpAt: ts('follow_up_at'),
    sellerReply: text('seller_reply'),
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    platform: text('platform'),
    platformReviewId: text('platform_review_id'),
    platformOrderNo: text('platform_order_no'),
    buyerAccount: text('buyer_account'),
    itemTitle: text('item_title'),
    sku: text('sku'),
    /** 1–5 stars where the platform gives an overall score (JD, PDD, AliExpress). */
    stars: integer('stars'),
    sentiment: text('sentiment', { enum: ['positive', 'negative'] }),
    score: real('score'),
    causes: jsonb('causes').$type<string[]>().notNull().default([]),
    /** The follow-up's own analysis: {sentiment, score, causes, flags}. */
    followUp: jsonb('follow_up'),
    sellerReplyAt: ts('seller_reply_at'),
    paidFen: integer('paid_fen'),
    status: text('status').notNull().default('new'),
    /** R6: {reason, evidence, state: submitted|removed|rejected, at, outcomeAt, by}. */
    report: jsonb('report'),
    /** R3/R7: {state, caseId?, steps: [...], changeUntil}. */
    recovery: jsonb('recovery'),
    source: text('source').notNull().default('import'),
    raw: jsonb('raw'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reviews_shop_review_uq').on(t.shopId, t.platformReviewId),
    index('reviews_shop_at_idx').on(t.shopId, t.at),
    index('reviews_shop_status_idx').on(t.shopId, t.status),
    index('reviews_shop_order_idx').on(t.shopId, t.platformOrderNo),
  ],
);
