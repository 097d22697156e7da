// O7: a shop's 物流异常 — regions (province short names), a span of Beijing days, the cause and an
// optional courier — entered by its team in 设置 › 物流异常 (migration 0026). The holiday calendar
// every shop shares is data (rules/logistics-calendar.yaml), not rows.
import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { shops } from './org.js';

export const logisticsDisruptions = pgTable(
  'logistics_disruptions',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    provinces: jsonb('provinces').$type<string[]>().notNull(),
    /** Beijing days, inclusive, 'YYYY-MM-DD'; `to` is the expected recovery. */
    fromDay: text('from_day').notNull(),
    toDay: text('to_day').notNull(),
    cause: text('cause').notNull(),
    note: text('note'),
    courier: text('courier'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [index('logistics_disruptions_shop_idx').on(t.shopId, t.toDay)],
);
