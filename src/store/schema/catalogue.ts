// A shop's catalogue and what the bot answers from: items and variants with stock (O5), standard answers (C12), the shop's own intent examples (B1) and promotions (C7).
import { boolean, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ts, createdAt } from './columns.js';
import { shops } from './org.js';

export const items = pgTable(
  'items',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    priceFen: integer('price_fen').notNull(),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    similarItemIds: jsonb('similar_item_ids').$type<string[]>().notNull().default([]),
    /** Size chart rows: {size, heightCm:[min,max], weightJin:[min,max]}. */
    sizeChart: jsonb('size_chart').$type<unknown[]>().notNull().default([]),
    listed: boolean('listed').notNull().default(true),
    /** D5: the item's own 包邮 promise; null: the shop's setting applies. */
    freeShipping: boolean('free_shipping'),
    createdAt: createdAt(),
    /** M3 (migration 0015): when the item stopped being listed (a trigger sets it); null while listed. */
    delistedAt: ts('delisted_at'),
  },
  (t) => [uniqueIndex('items_shop_sku_uq').on(t.shopId, t.sku)],
);

export const itemVariants = pgTable(
  'item_variants',
  {
    id: id(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    colour: text('colour').notNull().default(''),
    size: text('size').notNull().default(''),
    stock: integer('stock').notNull().default(0),
  },
  (t) => [uniqueIndex('item_variants_uq').on(t.itemId, t.colour, t.size)],
);

/** C12: the shop's standard answers per intent, several variants with the same meaning. */
export const standardAnswers = pgTable(
  'standard_answers',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    intent: text('intent').notNull(),
    variants: jsonb('variants').$type<string[]>().notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standard_answers_shop_intent_uq').on(t.shopId, t.intent)],
);

/** A shop's own NLU training examples, added from the workbench. */
export const trainingExamples = pgTable('training_examples', {
  id: id(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id),
  text: text('text').notNull(),
  intent: text('intent').notNull(),
  createdAt: createdAt(),
});

/** Offers the bot may make instead of a price cut (C7): coupons, gifts, freight discounts. */
export const promotions = pgTable('promotions', {
  id: id(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id),
  kind: text('kind', { enum: ['coupon', 'gift', 'freight', 'discount'] }).notNull(),
  text: text('text').notNull(),
  value: jsonb('value').notNull().default({}),
  startsAt: ts('starts_at'),
  endsAt: ts('ends_at'),
  active: boolean('active').notNull().default(true),
});
