// Storing outgoing messages, one way for every sender (bot, agent, later senders): inside the
// caller's transaction, with the conversation row locked by the caller — the sequence numbers,
// the first-response time (C2) and, for an agent, the take-over (C17); the messages (one short
// line each, C4); the promises they make (D8); delivery by the conversation's channel (the one
// delivery port); and a `message.created` event for each, published after commit.
import { sql } from 'drizzle-orm';
import type { GuardResult } from '../../core/guard/types.js';
import type { Tx } from '../../store/open-database.js';
import { conversations, messages, promises } from '../../store/schema/index.js';
import { queueDelivery, type DeliveryTarget } from '../delivery/deliver.js';
import type { Emit } from '../events/outbox.js';
import type { LockedConversation } from './conversation-row.js';
import { messageView, type MessageRow } from './views.js';

export interface OutgoingMessage {
  text: string;
  /** The guard's verdict on the text it was split from (stored on the first part). */
  verdict: GuardResult;
  /** Index of the first part of the text this message was split from, for the verdict link. */
  partOf?: number;
}

export interface AppendInput {
  author: { kind: 'agent' | 'bot' | 'system'; id?: string | null };
  messages: OutgoingMessage[];
  /** Promises made, each with the index of the message that made it. */
  promises: { kind: string; text: string; messageIndex: number }[];
  /** The order the promises are tracked against (D8), when the buyer has one open. */
  orderId: string | null;
  delivery: Omit<DeliveryTarget, 'channel' | 'shopId'>;
  /** On bot replies: the buyer message they answer. */
  replyTo?: number;
  now: Date;
}

export async function appendOutgoing(tx: Tx, emit: Emit, c: LockedConversation, input: AppendInput): Promise<MessageRow[]> {
  const n = input.messages.length;
  if (n === 0) return [];
  const { now } = input;
  const takeOver = input.author.kind === 'agent' && c.row.status !== 'assigned';
  const [bumped] = await tx
    .update(conversations)
    .set({
      lastSeq: sql`${conversations.lastSeq} + ${n}`,
      lastMessageAt: now,
      firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${now.toISOString()}::timestamptz)`,
      // A person answering takes the chat over from the bot or the queue (C17).
      ...(takeOver ? { status: 'assigned' as const, assigneeId: input.author.id ?? null } : {}),
    })
    .where(sql`${conversations.id} = ${c.row.id}`)
    .returning({ lastSeq: conversations.lastSeq });
  const first = bumped!.lastSeq - n + 1;
  if (takeOver) c.row = { ...c.row, status: 'assigned', assigneeId: input.author.id ?? null };
  const stored = await tx
    .insert(messages)
    .values(
      input.messages.map((m, i) => ({
        shopId: c.row.shopId,
        conversationId: c.row.id,
        seq: first + i,
        direction: 'out' as const,
        authorKind: input.author.kind,
        authorId: input.author.id ?? null,
        text: m.text,
        guardVerdict: m.partOf === undefined ? m.verdict : { verdict: m.verdict.verdict, partOf: first + m.partOf },
        sentAt: now,
        createdAt: now,
        replyTo: input.replyTo ?? null,
      })),
    )
    .returning();
  stored.sort((a, b) => a.seq - b.seq);
  if (input.promises.length) {
    await tx.insert(promises).values(
      input.promises.map((p) => ({
        shopId: c.row.shopId,
        conversationId: c.row.id,
        orderId: input.orderId,
        messageId: stored[p.messageIndex]?.id ?? null,
        kind: p.kind,
        text: p.text,
        createdAt: now,
      })),
    );
  }
  await queueDelivery(
    tx,
    { shopId: c.row.shopId, channel: c.row.channel, bridgeCallbackUrl: input.delivery.bridgeCallbackUrl },
    stored.map((m) => m.id),
    now,
  );
  for (const m of stored) {
    emit({ type: 'message.created', shopId: c.row.shopId, data: { conversationId: c.row.id, message: messageView(m) } });
  }
  return stored;
}
