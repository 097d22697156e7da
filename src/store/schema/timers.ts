// Due times as rows (DESIGN convention 5): deadlines and scheduled outgoing messages.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns.js';
import { shops } from './org.js';

/** DESIGN convention 5: timers are rows; a loop picks due rows with SKIP LOCKED and acts once. */
export const deadlines = pgTable(
  'deadlines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    subjectKind: text('subject_kind', { enum: ['order', 'case', 'conversation', 'review', 'promise'] }).notNull(),
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

/**
 * F1–F3, C8 (issue 14): follow-up messages as timer rows, one per order, flow (kind) and step.
 * The timer loop takes due rows with FOR UPDATE SKIP LOCKED and sends each once through the
 * delivery port (app/followups/run-due.ts); `outcome` says what happened (sent, stopped by
 * payment, held by a frequency limit, opted out, blocked by the guard…).
 */
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
    buyerId: text('buyer_id'),
    step: integer('step').notNull().default(0),
    category: text('category', { enum: ['service', 'marketing'] }).notNull().default('service'),
    channel: text('channel'),
    lang: text('lang'),
    reason: text('reason'),
    templateId: text('template_id'),
    messageId: bigint('message_id', { mode: 'number' }),
    firedBy: text('fired_by'),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('scheduled_due_idx').on(t.state, t.dueAt),
    uniqueIndex('scheduled_order_flow_step_uq').on(t.orderId, t.kind, t.step),
    index('scheduled_buyer_sent_idx').on(t.shopId, t.buyerId, t.sentAt).where(sql`${t.state} = 'sent'`),
    index('scheduled_shop_kind_idx').on(t.shopId, t.kind, t.createdAt),
  ],
);
