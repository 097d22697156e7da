// The bridge outbox: replies waiting to be POSTed to a shop's callback URL.
import { bigserial, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
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
