// After-sales cases (A1–A4) and their history.
import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { conversations } from './conversations.js';
import { createdAt, id, ts } from './columns.js';
import { orders } from './orders.js';
import { shops } from './org.js';
import { reviews } from './reviews.js';

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
    /** A2: the step of the goods-coming-back flow (return, exchange, repair); null for refund only. */
    flowStep: text('flow_step'),
    /** The chat the case was opened from, when it was. */
    conversationId: text('conversation_id').references(() => conversations.id),
    /** A2: the parcel as received (order and application numbers, buyer, contact, tracking no.). */
    parcel: jsonb('parcel').$type<Record<string, unknown>>(),
    /** A2: the inspection (finding, cause, official service point). */
    inspection: jsonb('inspection').$type<Record<string, unknown>>(),
    /** A2: what was sent back to the buyer (exchange, repair). */
    shipment: jsonb('shipment').$type<Record<string, unknown>>(),
    openedAt: ts('opened_at').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    /** Issue 15 (O2): the order's currency; `amountFen` is CNY fen (0 for another currency). */
    currency: text('currency').notNull().default('CNY'),
    /** The amount in minor units of `currency` (fen for CNY). */
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    /** Issue 15: the bad review the case was opened from. */
    reviewId: text('review_id').references(() => reviews.id),
  },
  (t) => [index('cases_shop_state_idx').on(t.shopId, t.state), index('cases_order_idx').on(t.orderId), index('cases_review_idx').on(t.reviewId)],
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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** A11: a file or excerpt an agent adds to a case, hashed for the evidence bundle. */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    id: id(),
    caseId: text('case_id')
      .notNull()
      .references(() => aftersalesCases.id, { onDelete: 'cascade' }),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    kind: text('kind', { enum: ['photo', 'chat_excerpt', 'courier_record'] }).notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    note: text('note'),
    uploadedByKind: text('uploaded_by_kind').notNull(),
    uploadedById: text('uploaded_by_id'),
    createdAt: createdAt(),
  },
  (t) => [index('case_evidence_case_idx').on(t.caseId)],
);

/** A8 (issue 15): a rate over its threshold, raised once per shop, Beijing month, scope and kind. */
export const rateAlerts = pgTable(
  'rate_alerts',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    month: text('month').notNull(),
    /** '' for the whole shop, else the item id. */
    scope: text('scope').notNull(),
    kind: text('kind').notNull(),
    messageZh: text('message_zh').notNull(),
    raisedAt: ts('raised_at').notNull(),
  },
  (t) => [uniqueIndex('rate_alerts_uq').on(t.shopId, t.month, t.scope, t.kind)],
);
