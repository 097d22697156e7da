// A redelivered buyer message (the bridge retried, the widget resent a frame, a restart): the
// earlier result when the message was answered; its resumption when the process that received it
// died or failed before answering (its lease ran out); a short wait while it is still being
// answered elsewhere.
import { and, asc, eq, gt, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import { readConversationState } from '../../core/conversation/state.js';
import type { Database } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { messageView, type MessageRow, type MessageView } from '../conversations/views.js';
import { PIPELINE_LEASE_MS } from './receive.js';
import type { InboundResult } from './types.js';

/** A redelivery waits at most this long for the process answering the message. */
const WAIT_FOR_ANSWER_MS = 5_000;
const POLL_MS = 50;

export function isFinished(m: Pick<MessageRow, 'pipelineStep'>): boolean {
  return m.pipelineStep === null || m.pipelineStep === 'done';
}

/** The earlier result of a message: the buyer message and the bot replies that answered it. */
export async function earlierResult(database: Database, row: MessageRow): Promise<InboundResult> {
  const replies: MessageView[] = [];
  if (row.pipelineStep !== null) {
    const answers = await database.db.select().from(t.messages)
      .where(eq(t.messages.replyTo, row.id)).orderBy(asc(t.messages.seq));
    replies.push(...answers.map(messageView));
  } else {
    // Stored before replies named the message they answer: the bot messages that followed it.
    const after = await database.db.select().from(t.messages)
      .where(and(eq(t.messages.conversationId, row.conversationId), gt(t.messages.seq, row.seq)))
      .orderBy(asc(t.messages.seq)).limit(50);
    for (const m of after) {
      if (m.direction === 'in') break;
      if (m.authorKind === 'bot') replies.push(messageView(m));
    }
  }
  const [c] = await database.db.select({ state: t.conversations.state }).from(t.conversations)
    .where(eq(t.conversations.id, row.conversationId));
  // The hand-over this very message caused, as remembered on the conversation.
  const remembered = readConversationState(c?.state).lastHandover;
  const handover = remembered && remembered.messageId === row.id ? { reason: remembered.reason, reasonZh: remembered.reasonZh } : null;
  return { duplicate: true, conversationId: row.conversationId, buyerMessage: messageView(row), replies, handover };
}

/**
 * Takes over an unfinished message whose lease has run out. Returns the message when this caller
 * now holds it, null when it is finished or someone else holds a live lease.
 */
export async function claimExpired(database: Database, id: number, now: Date): Promise<MessageRow | null> {
  const [row] = await database.db
    .update(t.messages)
    .set({ pipelineLeaseUntil: new Date(now.getTime() + PIPELINE_LEASE_MS), pipelineAttempts: sql`${t.messages.pipelineAttempts} + 1` })
    .where(and(
      eq(t.messages.id, id),
      ne(t.messages.pipelineStep, 'done'),
      or(lt(t.messages.pipelineLeaseUntil, now), sql`${t.messages.pipelineLeaseUntil} is null`),
    ))
    .returning();
  return row ?? null;
}

/** Claims up to `limit` unfinished messages whose lease ran out, oldest first (SKIP LOCKED). */
export async function claimStuck(database: Database, now: Date, limit: number): Promise<MessageRow[]> {
  const lease = new Date(now.getTime() + PIPELINE_LEASE_MS);
  return database.db.transaction(async (tx) => {
    const due = await tx.select({ id: t.messages.id }).from(t.messages)
      .where(and(
        sql`${t.messages.pipelineStep} in ('received', 'understood')`,
        isNotNull(t.messages.pipelineLeaseUntil),
        lt(t.messages.pipelineLeaseUntil, now),
      ))
      .orderBy(asc(t.messages.id)).limit(limit).for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx.update(t.messages)
      .set({ pipelineLeaseUntil: lease, pipelineAttempts: sql`${t.messages.pipelineAttempts} + 1` })
      .where(sql`${t.messages.id} in (${sql.join(due.map((d) => sql`${d.id}`), sql`, `)})`)
      .returning();
  });
}

/**
 * The embedded database is opened by one process at a time (the data-folder lock), so a lease
 * still running on a message stored before this process started belongs to a process that is
 * gone (kill -9, a crash): it ends now, and the sweep resumes the message at once instead of
 * after PIPELINE_LEASE_MS (issue 9: a killed message is resumed, not left waiting). Not for
 * PostgreSQL, where another live process may hold the lease. Returns how many leases ended.
 */
export async function endOrphanLeases(database: Database, now: Date, startedAt: Date): Promise<number> {
  const rows = await database.db.update(t.messages)
    .set({ pipelineLeaseUntil: new Date(now.getTime() - 1) })
    .where(and(
      sql`${t.messages.pipelineStep} in ('received', 'understood')`,
      isNotNull(t.messages.pipelineLeaseUntil),
      gt(t.messages.pipelineLeaseUntil, now),
      lt(t.messages.createdAt, startedAt),
    ))
    .returning({ id: t.messages.id });
  return rows.length;
}

/** Waits (wall clock) until another process finishes the message, or the wait runs out. */
export async function waitUntilFinished(database: Database, id: number): Promise<MessageRow | null> {
  const until = Date.now() + WAIT_FOR_ANSWER_MS;
  for (;;) {
    const [row] = await database.db.select().from(t.messages).where(eq(t.messages.id, id));
    if (!row || isFinished(row) || Date.now() >= until) return row ?? null;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
