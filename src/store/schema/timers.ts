// Due times as rows (DESIGN convention 5): deadlines and scheduled outgoing messages.
import { bigserial, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
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
