// The two outboxes: replies waiting to be POSTed to a shop's bridge callback URL, and realtime
// events waiting to be published to a remote bus after their transaction committed.
import { bigserial, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns.js';
import { shops } from './org.js';

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

/**
 * Realtime events written in the same transaction as the change they report, published to the
 * bus after commit and deleted once published (issue 10: a Redis outage must lose no event).
 */
export const eventOutbox = pgTable(
  'event_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id').notNull(),
    event: jsonb('event').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('event_outbox_created_idx').on(t.createdAt)],
);
