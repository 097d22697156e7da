// After-sales cases (A1–A4) and their history.
import { bigserial, boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, ts } from './columns.js';
import { orders } from './orders.js';
import { shops } from './org.js';

/** A1: an after-sales case always belongs to an order; one order may have many. */
export const aftersalesCases = pgTable(
  'aftersales_cases',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    type: text('type', { enum: ['refund_only', 'return', 'exchange', 'repair'] }).notNull(),
    state: text('state').notNull(),
    reason: text('reason').notNull(),
    amountFen: integer('amount_fen').notNull().default(0),
    evidence: jsonb('evidence').$type<unknown[]>().notNull().default([]),
    returnTrackingNo: text('return_tracking_no'),
    buyerNote: text('buyer_note'),
    platformDecided: boolean('platform_decided').notNull().default(false),
    openedAt: ts('opened_at').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('cases_shop_state_idx').on(t.shopId, t.state), index('cases_order_idx').on(t.orderId)],
);

export const caseEvents = pgTable('case_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: text('case_id')
    .notNull()
    .references(() => aftersalesCases.id, { onDelete: 'cascade' }),
  at: ts('at').notNull(),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  event: text('event').notNull(),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id'),
  note: text('note'),
});
