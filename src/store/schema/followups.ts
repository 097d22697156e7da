// Proactive service (issue 14): a shop's flow switches and timing, its own templates (F2), and
// buyers who opted out of proactive messages (F3). The messages themselves are timer rows in
// scheduled_messages (schema/timers.ts).
import { boolean, bigint, index, jsonb, pgTable, primaryKey, real, text } from 'drizzle-orm/pg-core';
import { id, ts } from './columns.js';
import { shops } from './org.js';

export const followupFlows = pgTable(
  'followup_flows',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    flow: text('flow').notNull(),
    enabled: boolean('enabled').notNull(),
    delayHours: real('delay_hours'),
    stepsHours: jsonb('steps_hours').$type<number[] | null>(),
    /** F4/M2: the segment a marketing flow goes to ({tiers, tags}); null: every buyer (migration 0022). */
    segment: jsonb('segment').$type<{ tiers: string[]; tags: string[] } | null>(),
    /** F4: the re-visit's channel (chat, phone, email); null: chat (migration 0027). */
    channel: text('channel'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ name: 'followup_flows_pk', columns: [t.shopId, t.flow] })],
);

export const followupTemplates = pgTable(
  'followup_templates',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    flow: text('flow').notNull(),
    lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
    reason: text('reason'),
    platform: text('platform'),
    courier: text('courier'),
    country: text('country'),
    text: text('text').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [index('followup_templates_shop_idx').on(t.shopId, t.flow)],
);

export const followupConsent = pgTable(
  'followup_consent',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    buyerId: text('buyer_id').notNull(),
    optedOutAt: ts('opted_out_at').notNull(),
    /** 'buyer_message' (the buyer wrote 退订…) or 'agent'. */
    source: text('source').notNull(),
    messageId: bigint('message_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ name: 'followup_consent_pk', columns: [t.shopId, t.buyerId] })],
);
