// L1: practice sessions against a simulated buyer (issue 16). Kept apart from conversations,
// buyers and orders, so a practice chat never reaches a real buyer and a trainee's scores never
// mix with real service figures.
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ts } from './columns.js';
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
