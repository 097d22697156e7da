// The whole domain in one pg-core schema (issue 2 §5). Runs unchanged on PGlite and PostgreSQL 15.
// Money is integer fen; times are timestamptz; personal data (phones, addresses) is stored in
// full but only ever shown masked unless a role needs it (see src/server/privacy.ts).
import { randomUUID } from 'node:crypto';

import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => randomUUID());
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** P3: a shop belongs to one platform; an organisation may run many shops on many platforms. */
export const shops = pgTable('shops', {
  id: id(),
  orgId: text('org_id')
    .notNull()
    .references(() => organisations.id),
  platform: text('platform').notNull(),
  name: text('name').notNull(),
  /** Shop settings the bot and screens read (ship cut-off, couriers, free shipping, offers…). */
  settings: jsonb('settings').notNull().default({}),
  /** P1: per-shop overrides merged over the platform profile. */
  ruleOverrides: jsonb('rule_overrides').notNull().default({}),
  createdAt: createdAt(),
});

export const agents = pgTable(
  'agents',
  {
    id: id(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    /** Agent number shown to buyers in the welcome (C3). */
    agentNo: text('agent_no'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'supervisor', 'agent'] }).notNull(),
    presence: text('presence', { enum: ['online', 'away', 'offline'] })
      .notNull()
      .default('offline'),
    lastSeenAt: ts('last_seen_at'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agents_login_uq').on(t.login)],
);

export const agentShops = pgTable(
  'agent_shops',
  {
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.shopId] })],
);

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  agentId: text('agent_id')
    .notNull()
    .references(() => agents.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
});

/** Tokens for integrations (marketplace bridges); scoped to one shop or the whole organisation. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    shopId: text('shop_id').references(() => shops.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash)],
);

/** M1: a buyer is a platform account within one shop. */
export const buyers = pgTable(
  'buyers',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    platformAccount: text('platform_account').notNull(),
    nickname: text('nickname'),
    phone: text('phone'),
    address: text('address'),
    city: text('city'),
    occupation: text('occupation'),
    profile: jsonb('profile').notNull().default({}),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('buyers_shop_account_uq').on(t.shopId, t.platformAccount)],
);

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
    createdAt: createdAt(),
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

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    buyerId: text('buyer_id')
      .notNull()
      .references(() => buyers.id),
    channel: text('channel').notNull(),
    /** C1 stage. */
    stage: text('stage').notNull().default('greet'),
    status: text('status', { enum: ['bot', 'queued', 'assigned', 'closed'] })
      .notNull()
      .default('bot'),
    assigneeId: text('assignee_id').references(() => agents.id),
    priority: integer('priority').notNull().default(0),
    handoverReason: text('handover_reason'),
    lastIntent: text('last_intent'),
    /** C15 buyer-interest signal as last computed. */
    interest: jsonb('interest').notNull().default({}),
    state: jsonb('state').notNull().default({}),
    /** Highest message sequence number in this conversation. */
    lastSeq: integer('last_seq').notNull().default(0),
    firstBuyerMessageAt: ts('first_buyer_message_at'),
    firstResponseAt: ts('first_response_at'),
    lastBuyerMessageAt: ts('last_buyer_message_at'),
    lastMessageAt: ts('last_message_at'),
    createdAt: createdAt(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('conversations_shop_status_idx').on(t.shopId, t.status),
    index('conversations_buyer_idx').on(t.buyerId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    seq: integer('seq').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    authorKind: text('author_kind', { enum: ['buyer', 'bot', 'agent', 'system'] }).notNull(),
    authorId: text('author_id'),
    text: text('text').notNull(),
    /** The channel's own id; unique per shop so a redelivered message is stored once. */
    channelMessageId: text('channel_message_id'),
    intent: text('intent'),
    confidence: real('confidence'),
    guardVerdict: jsonb('guard_verdict'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_shop_channel_id_uq').on(t.shopId, t.channelMessageId),
    uniqueIndex('messages_conversation_seq_uq').on(t.conversationId, t.seq),
  ],
);

/** D8: commitments made in chat, tracked to the order. */
export const promises = pgTable('promises', {
  id: id(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id),
  conversationId: text('conversation_id').references(() => conversations.id),
  orderId: text('order_id'),
  messageId: integer('message_id'),
  kind: text('kind').notNull(),
  text: text('text').notNull(),
  state: text('state', { enum: ['open', 'kept', 'broken'] })
    .notNull()
    .default('open'),
  createdAt: createdAt(),
});

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
    orderedAt: ts('ordered_at'),
    paidAt: ts('paid_at'),
    shippedAt: ts('shipped_at'),
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
    state: text('state'),
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

/** DESIGN convention 5: timers are rows; a loop picks due rows with SKIP LOCKED and acts once. */
export const deadlines = pgTable(
  'deadlines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    subjectKind: text('subject_kind', { enum: ['order', 'case', 'conversation', 'review'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    kind: text('kind').notNull(),
    dueAt: ts('due_at').notNull(),
    warnAt: ts('warn_at'),
    state: text('state', { enum: ['pending', 'warned', 'done', 'missed', 'cancelled'] })
      .notNull()
      .default('pending'),
    firedAt: ts('fired_at'),
    firedBy: text('fired_by'),
    payload: jsonb('payload').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('deadlines_subject_kind_uq').on(t.subjectKind, t.subjectId, t.kind),
    index('deadlines_due_idx').on(t.state, t.dueAt),
  ],
);

/** F1–F3: follow-up messages scheduled for later. */
export const scheduledMessages = pgTable(
  'scheduled_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    conversationId: text('conversation_id'),
    orderId: text('order_id'),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    dueAt: ts('due_at').notNull(),
    state: text('state', { enum: ['pending', 'sent', 'cancelled', 'failed'] })
      .notNull()
      .default('pending'),
    sentAt: ts('sent_at'),
  },
  (t) => [index('scheduled_due_idx').on(t.state, t.dueAt)],
);

/** Reply delivery to a bridge's callback URL, retried with back-off (outbox). */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    messageId: integer('message_id').notNull(),
    callbackUrl: text('callback_url').notNull(),
    state: text('state', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [index('deliveries_due_idx').on(t.state, t.nextAttemptAt)],
);

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

/** Append-only; each row hashes the previous one, so tampering is detectable (A11). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: text('org_id').notNull(),
  at: ts('at').notNull(),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  subjectKind: text('subject_kind'),
  subjectId: text('subject_id'),
  data: jsonb('data').notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
