// Orders as the platforms report them (O1–O3, O7): lines, state history, logistics scans, import batches.
import { bigint, bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ts, createdAt } from './columns.js';
import { buyers } from './conversations.js';
import { shops } from './org.js';

export const orders = pgTable(
  'orders',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    platformOrderNo: text('platform_order_no').notNull(),
    buyerId: text('buyer_id').references(() => buyers.id),
    buyerAccount: text('buyer_account'),
    state: text('state').notNull(),
    totalFen: integer('total_fen').notNull().default(0),
    paidFen: integer('paid_fen').notNull().default(0),
    refundFen: integer('refund_fen').notNull().default(0),
    shippingFen: integer('shipping_fen').notNull().default(0),
    /** Issue 15: ISO 4217 code of the order's amounts. `*Fen` are CNY fen (0 for another currency). */
    currency: text('currency').notNull().default('CNY'),
    /** The amounts in minor units of `currency` (fen for CNY); null when the source did not say. */
    totalMinor: bigint('total_minor', { mode: 'number' }),
    paidMinor: bigint('paid_minor', { mode: 'number' }),
    refundMinor: bigint('refund_minor', { mode: 'number' }),
    shippingMinor: bigint('shipping_minor', { mode: 'number' }),
    orderedAt: ts('ordered_at'),
    paidAt: ts('paid_at'),
    shippedAt: ts('shipped_at'),
    /** O3: the courier's first pickup (or later) scan — the real ship time. */
    pickedUpAt: ts('picked_up_at'),
    completedAt: ts('completed_at'),
    closedAt: ts('closed_at'),
    /** O3: presale/custom items ship by an agreed date instead of the profile's hours. */
    agreedShipBy: ts('agreed_ship_by'),
    receiverName: text('receiver_name'),
    receiverPhone: text('receiver_phone'),
    receiverAddress: text('receiver_address'),
    region: text('region'),
    courier: text('courier'),
    trackingNo: text('tracking_no'),
    buyerNote: text('buyer_note'),
    sellerNote: text('seller_note'),
    /** C9: when an agent recorded that the order was confirmed with the buyer (核对订单), by whom, and the buyer's corrections or notes (备忘). */
    verifiedAt: ts('verified_at'),
    verifiedBy: text('verified_by'),
    verificationNote: text('verification_note'),
    source: text('source').notNull().default('api'),
    raw: jsonb('raw'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('orders_shop_no_uq').on(t.shopId, t.platformOrderNo),
    index('orders_buyer_idx').on(t.buyerId),
    index('orders_shop_state_idx').on(t.shopId, t.state),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull().default(1),
    itemId: text('item_id'),
    sku: text('sku'),
    title: text('title').notNull(),
    colour: text('colour'),
    size: text('size'),
    qty: integer('qty').notNull().default(1),
    priceFen: integer('price_fen').notNull().default(0),
    /** Unit price in minor units of the order's currency (issue 15). */
    priceMinor: bigint('price_minor', { mode: 'number' }),
    state: text('state'),
    /** S2: red packets (红包) and the shop coupon (店铺券) the buyer used on this line, fen; null when the source did not say. */
    redPacketFen: integer('red_packet_fen'),
    shopCouponFen: integer('shop_coupon_fen'),
  },
  // Lines are always read by order (side panel, evidence, re-import).
  (t) => [index('order_lines_order_idx').on(t.orderId)],
);

/** O1: every state change kept with who or what caused it. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    event: text('event').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    note: text('note'),
  },
  (t) => [index('order_events_order_idx').on(t.orderId)],
);

/** O7: logistics events per order. */
export const logisticsEvents = pgTable('logistics_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orderId: text('order_id')
    .notNull()
    .references(() => orders.id, { onDelete: 'cascade' }),
  at: ts('at').notNull(),
  status: text('status').notNull(),
  text: text('text').notNull(),
});

export const importBatches = pgTable('import_batches', {
  id: id(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id),
  platform: text('platform').notNull(),
  format: text('format').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  imported: integer('imported').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  errors: jsonb('errors').notNull().default([]),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
});

/**
 * S2: a price-protection claim (价保) an agent recorded on one order line — the amounts the rule
 * compared (fen), the difference, the platform rule used, and the outcome: pending until the money
 * is paid to the buyer or the claim is refused. A refused claim does not use a line's once.
 */
export const priceProtectionClaims = pgTable(
  'price_protection_claims',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** The line by its number and title: a sync rewrites an order's line rows, the claim stays. */
    lineNo: integer('line_no').notNull(),
    lineTitle: text('line_title').notNull(),
    paidFen: integer('paid_fen').notNull(),
    redPacketFen: integer('red_packet_fen').notNull().default(0),
    shopCouponFen: integer('shop_coupon_fen').notNull().default(0),
    newPriceFen: integer('new_price_fen').notNull(),
    refundFen: integer('refund_fen').notNull(),
    /** The platform whose rule was applied and the rule in Chinese as the agent saw it. */
    rulePlatform: text('rule_platform').notNull(),
    ruleZh: text('rule_zh').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'refused'] }).notNull().default('pending'),
    note: text('note'),
    claimedAt: ts('claimed_at').notNull(),
    claimedByKind: text('claimed_by_kind').notNull(),
    claimedBy: text('claimed_by'),
    settledAt: ts('settled_at'),
    settledByKind: text('settled_by_kind'),
    settledBy: text('settled_by'),
    settleNote: text('settle_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('price_protection_claims_order_idx').on(t.orderId),
    index('price_protection_claims_shop_idx').on(t.shopId, t.status, t.claimedAt),
  ],
);
