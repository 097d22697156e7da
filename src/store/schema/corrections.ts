// Learning from the agents (issue 12): an agent's relabel of the intent the bot read in a buyer
// message, which becomes a shop training example, and each retrain of the shop's model with what
// it changed on the shop's corrected messages.
import { bigint, index, integer, jsonb, pgTable, real, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { shops } from './org.js';
import { conversations, messages } from './conversations.js';
import { trainingExamples } from './catalogue.js';

export const intentCorrections = pgTable(
  'intent_corrections',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => messages.id),
    /** The buyer's text as it was relabelled (the example's text). */
    text: text('text').notNull(),
    /** What the bot read (null: the message had no intent). */
    oldIntent: text('old_intent'),
    newIntent: text('new_intent').notNull(),
    agentId: text('agent_id'),
    exampleId: text('example_id').references(() => trainingExamples.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Set when a shop model trained with this correction is serving; null: waiting for a retrain. */
    retrainedAt: ts('retrained_at'),
  },
  (t) => [uniqueIndex('intent_corrections_message_uq').on(t.messageId), index('intent_corrections_shop_idx').on(t.shopId, t.retrainedAt)],
);

export interface RetrainChange {
  text: string;
  intent: string;
  before: string;
  after: string;
}

export const nluRetrains = pgTable(
  'nlu_retrains',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    at: ts('at').notNull().defaultNow(),
    /** The shop's own examples the model was trained with. */
    examples: integer('examples').notNull(),
    /** The shop's corrections measured (all of them), and how many this retrain took in first. */
    corrections: integer('corrections').notNull(),
    newlyIncluded: integer('newly_included').notNull(),
    /** Share of the corrected messages read as the agent labelled them, by the previous model and by the new one. */
    accuracyBefore: real('accuracy_before'),
    accuracyAfter: real('accuracy_after'),
    /** Corrected messages the new model reads differently from the previous one. */
    changes: jsonb('changes').$type<RetrainChange[]>().notNull().default([]),
  },
  (t) => [index('nlu_retrains_shop_at_idx').on(t.shopId, t.at)],
);
