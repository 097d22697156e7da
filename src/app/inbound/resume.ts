// The background sweep that finishes what a crash, a restart or an outage left half done: buyer
// messages stored but not answered whose lease has run out are claimed (SKIP LOCKED, so several
// processes share the work) and run through the rest of the pipeline once. A message that keeps
// failing is handed to a person after MAX_ATTEMPTS instead of being retried for ever.
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import type { MessageRow } from '../conversations/views.js';
import { transact } from '../events/outbox.js';
import { conversationSummary } from '../conversations/views.js';
import { lockConversation } from '../conversations/conversation-row.js';
import type { EventBus } from '../events/event-bus.js';
import { resumeMessage } from './handle-inbound-message.js';
import { claimStuck } from './inbound-store.js';
import { startDrainLoop } from '../runtime/drain-loop.js';

export const MAX_ATTEMPTS = 5;
const BOT_FAILED = { reason: 'bot_failed' as const, reasonZh: '机器人多次处理失败，需人工回复' };

export interface ResumeDeps {
  database: Database;
  bus: EventBus;
  now: () => Date;
  onError?: (err: unknown, message: MessageRow) => void;
}

/** One sweep: resumes up to `limit` stuck messages; returns how many were finished. */
export async function resumeStuckMessages(deps: ResumeDeps, limit = 20): Promise<number> {
  const claimed = await claimStuck(deps.database, deps.now(), limit);
  let finished = 0;
  for (const message of claimed) {
    const d = { database: deps.database, bus: deps.bus, now: deps.now() };
    try {
      if (message.pipelineAttempts > MAX_ATTEMPTS) await giveUp(d, message);
      else await resumeMessage(d, message);
      finished++;
    } catch (err) {
      deps.onError?.(err, message);
    }
  }
  return finished;
}

/** Marks the message done and queues its conversation for a person. */
async function giveUp(d: { database: Database; bus: EventBus; now: Date }, message: MessageRow): Promise<void> {
  await transact(d, async (tx, emit) => {
    const [claimed] = await tx.update(t.messages).set({ pipelineStep: 'done', pipelineLeaseUntil: null })
      .where(and(eq(t.messages.id, message.id), ne(t.messages.pipelineStep, 'done'))).returning({ id: t.messages.id });
    if (!claimed) return;
    const locked = await lockConversation(tx, message.conversationId);
    if (locked.row.status !== 'closed' && locked.row.status !== 'assigned') {
      await tx.update(t.conversations).set({
        status: 'queued',
        handoverReason: BOT_FAILED.reason,
        state: { ...locked.state, lastHandover: { messageId: message.id, ...BOT_FAILED } },
      }).where(eq(t.conversations.id, locked.row.id));
      emit({ type: 'conversation.handover', shopId: message.shopId, data: { conversationId: message.conversationId, ...BOT_FAILED } });
    }
    const summary = await conversationSummary(tx, message.conversationId, d.now);
    emit({ type: 'conversation.updated', shopId: message.shopId, data: { conversationId: message.conversationId, conversation: summary } });
  });
}

/** The sweep as a loop of a `dxe serve` process; returns a stop function. */
export function startResumeLoop(deps: ResumeDeps & { intervalMs?: number; onLoopError?: (err: unknown) => void }): () => Promise<void> {
  return startDrainLoop(() => resumeStuckMessages(deps), { intervalMs: deps.intervalMs ?? 1000, onError: deps.onLoopError });
}
