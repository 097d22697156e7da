// Reviews (R1–R8).
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, ts } from './columns.js';
import { buyers } from './conversations.js';
import { orders } from './orders.js';
import { shops } from './org.js';

export const reviews = pgTable('reviews', {
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
});
