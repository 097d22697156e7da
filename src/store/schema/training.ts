// L1: practice sessions against a simulated buyer (issue 16). Kept apart from conversations,
// buyers and orders, so a practice chat never reaches a real buyer and a trainee's scores never
// mix with real service figures.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { items } from './catalogue.js';
import { id, ts } from './columns.js';
import { conversations } from './conversations.js';
import { agents, organisations, shops } from './org.js';

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: id(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    /** The shop whose catalogue and standard answers the session reads (read-only). */
    shopId: text('shop_id').notNull().references(() => shops.id),
    traineeId: text('trainee_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    /** The session's PRNG seed: the same seed and replies give the same buyer. */
    seed: integer('seed').notNull(),
    status: text('status', { enum: ['open', 'ended'] }).notNull().default('open'),
    /** bought | left | complained (core/training/types.ts). */
    outcome: text('outcome'),
    /** The simulated buyer's state (core/training/simulator.ts BuyerState). */
    state: jsonb('state').notNull().default({}),
    score: integer('score'),
    report: jsonb('report'),
    startedAt: ts('started_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
  },
  (t) => [index('training_sessions_trainee_idx').on(t.traineeId, t.startedAt), index('training_sessions_org_idx').on(t.orgId, t.startedAt)],
);

export const trainingMessages = pgTable(
  'training_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: text('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** buyer (simulated) | trainee. */
    author: text('author', { enum: ['buyer', 'trainee'] }).notNull(),
    text: text('text').notNull(),
    /** For a trainee line: the turn's analysis (guard, topic, timing); for a buyer line: its intent. */
    analysis: jsonb('analysis'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_messages_seq_uq').on(t.sessionId, t.seq)],
);

/** L2/L3/T4: every quiz and exam an agent sat, kept over time (migration 0018). */
export const quizResults = pgTable(
  'quiz_results',
  {
    id: id(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    shopId: text('shop_id').notNull().references(() => shops.id),
    agentId: text('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    /** cases: the penalty-case quiz (L2); product: a practice product quiz (L3); exam: the monthly exam (T4). */
    kind: text('kind', { enum: ['cases', 'product', 'exam'] }).notNull(),
    /** The exam's Beijing month, YYYY-MM; null for practice. */
    period: text('period'),
    seed: integer('seed').notNull(),
    correct: integer('correct').notNull(),
    total: integer('total').notNull(),
    score: integer('score').notNull(),
    answers: jsonb('answers').$type<(number | null)[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('quiz_results_agent_idx').on(t.agentId, t.createdAt),
    index('quiz_results_org_idx').on(t.orgId, t.kind, t.createdAt),
    uniqueIndex('quiz_results_exam_uq').on(t.agentId, t.shopId, t.period).where(sql`${t.kind} = 'exam'`),
  ],
);

/** 质检: a supervisor's review of a sampled real chat; the agent reads and acknowledges it. */
export const qualityReviews = pgTable(
  'quality_reviews',
  {
    id: id(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    shopId: text('shop_id').notNull().references(() => shops.id),
    conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    agentId: text('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    reviewerId: text('reviewer_id').references(() => agents.id, { onDelete: 'set null' }),
    autoScore: integer('auto_score').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull(),
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [uniqueIndex('quality_reviews_conversation_uq').on(t.conversationId), index('quality_reviews_agent_idx').on(t.agentId, t.createdAt)],
);

/** T4: the shop's item against a competitor's, attribute by attribute, and the standard answer written from it. */
export const competitorComparisons = pgTable(
  'competitor_comparisons',
  {
    id: id(),
    shopId: text('shop_id').notNull().references(() => shops.id),
    itemId: text('item_id').notNull().references(() => items.id, { onDelete: 'cascade' }),
    competitor: text('competitor').notNull(),
    rows: jsonb('rows').$type<{ attribute: string; ours: string; theirs: string }[]>().notNull().default([]),
    answerKey: text('answer_key').notNull(),
    updatedBy: text('updated_by').references(() => agents.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('competitor_comparisons_uq').on(t.shopId, t.itemId, t.competitor)],
);
