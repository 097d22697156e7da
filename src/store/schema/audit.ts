// The hash-chained audit log (A11).
import { bigint, bigserial, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/** Append-only; each row hashes the previous one, so tampering is detectable (A11). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: text('org_id').notNull(),
  at: ts('at').notNull(),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  subjectKind: text('subject_kind'),
  subjectId: text('subject_id'),
  data: jsonb('data').notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Signed anchors of the audit chain (issue 10): each covers the chain up to `lastId`. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  rowCount: bigint('row_count', { mode: 'number' }).notNull(),
  prevSignature: text('prev_signature').notNull(),
  signature: text('signature').notNull(),
});

/** The identity of this deployment's database, one row created by migration 0005. */
export const deployment = pgTable('deployment', {
  id: text('id').primaryKey(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
