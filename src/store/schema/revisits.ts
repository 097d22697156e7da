// F4 老客回访 by phone and mail: call tasks agents work (outcome, note, retries, 改约), the mail
// outbox the mail sender drains through the shop's SMTP server, and that server's settings (the
// password is stored for sending and never returned by the API). Migration 0027.
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, ts, createdAt } from './columns.js';
import { buyers } from './conversations.js';
import { shops } from './org.js';

export interface CallHistoryEntry {
  at: string;
  outcome: string;
  note: string | null;
  by: string | null;
}

export const revisitCalls = pgTable(
  'revisit_calls',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    buyerId: text('buyer_id')
      .notNull()
      .references(() => buyers.id),
    scheduledId: bigint('scheduled_id', { mode: 'number' }),
    orderId: text('order_id'),
    /** 改约: the task this one was agreed on. */
    previousId: text('previous_id'),
    script: text('script').notNull(),
    dueAt: ts('due_at').notNull(),
    state: text('state', { enum: ['open', 'done', 'given_up'] }).notNull().default('open'),
    attempts: integer('attempts').notNull().default(0),
    outcome: text('outcome'),
    note: text('note'),
    history: jsonb('history').$type<CallHistoryEntry[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
    /** 接手: the agent working this task now, since when (the claim lasts revisit.call.claim_minutes). Migration 0030. */
    claimedBy: text('claimed_by'),
    claimedAt: ts('claimed_at'),
  },
  (t) => [index('revisit_calls_shop_state_idx').on(t.shopId, t.state, t.dueAt), index('revisit_calls_buyer_idx').on(t.buyerId)],
);

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    buyerId: text('buyer_id'),
    scheduledId: bigint('scheduled_id', { mode: 'number' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    state: text('state', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_due_idx').on(t.state, t.nextAttemptAt)],
);

export const shopMailSettings = pgTable('shop_mail_settings', {
  shopId: text('shop_id')
    .primaryKey()
    .references(() => shops.id),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  secure: boolean('secure').notNull().default(false),
  username: text('username'),
  password: text('password'),
  fromAddress: text('from_address').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});
