// Buyers, their conversations, messages (one row a message, ordered by seq) and promises made in chat (D8).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, real, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ts, createdAt } from './columns.js';
import { agents, shops } from './org.js';

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
    /** F4: recorded by an agent for re-visit mail (personal data, masked on screen; migration 0025). */
    email: text('email'),
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
    /**
     * A buyer message's progress through the pipeline (docs/architecture.md): received →
     * understood → done. Null on every other message (and on buyer messages stored before the
     * pipeline kept its steps, which count as done).
     */
    pipelineStep: text('pipeline_step', { enum: ['received', 'understood', 'done'] }),
    /** Who works on an unfinished message holds it until then; after that anyone may resume it. */
    pipelineLeaseUntil: ts('pipeline_lease_until'),
    pipelineAttempts: integer('pipeline_attempts').notNull().default(0),
    /** On a bot reply: the buyer message it answers. */
    replyTo: bigint('reply_to', { mode: 'number' }),
    /** On a buyer message: the item card the buyer wrote from (widget product page, bridge item field). */
    itemRef: text('item_ref'),
  },
  (t) => [
    uniqueIndex('messages_shop_channel_id_uq').on(t.shopId, t.channelMessageId),
    uniqueIndex('messages_conversation_seq_uq').on(t.conversationId, t.seq),
    index('messages_pipeline_open_idx')
      .on(t.pipelineLeaseUntil)
      .where(sql`${t.pipelineStep} in ('received', 'understood')`),
  ],
);

/**
 * D8: commitments made in chat, tracked to the order (app/timers/promise-deadlines.ts): open until
 * the order's events, an agent or the due time settle them as kept, broken or void (the order was
 * cancelled before the promise could be kept).
 */
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
  state: text('state', { enum: ['open', 'kept', 'broken', 'void'] })
    .notNull()
    .default('open'),
  createdAt: createdAt(),
  /** When the promise is judged (null: not yet known, e.g. no order yet). */
  dueAt: ts('due_at'),
  settledAt: ts('settled_at'),
  /** Why it was settled (Chinese, shown to the agent). */
  settledNote: text('settled_note'),
}, (t) => [
  index('promises_order_idx').on(t.orderId).where(sql`${t.state} = 'open'`),
  index('promises_conversation_idx').on(t.conversationId),
]);
