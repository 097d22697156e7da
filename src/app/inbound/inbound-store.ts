// Storage side of an inbound buyer message: idempotent insert (channel message id unique per
// shop), the buyer's one open conversation, and the earlier result of a redelivered message.
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { HANDOVER_REASONS } from '../../core/bot/types.js';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { messageView, type MessageView } from '../conversations/conversations.js';
import type { InboundMessage, InboundResult } from './handle-inbound-message.js';

const UNIQUE_VIOLATION = '23505';

/** conversations.state.lastHandover: which buyer message caused the last hand-over, and why. */
export const handoverMemory = z
  .object({
    lastHandover: z.object({ messageId: z.number(), reason: z.enum(HANDOVER_REASONS), reasonZh: z.string() }),
  })
  .loose();

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = Reflect.get(e, 'cause')) {
    if (Reflect.get(e, 'code') === UNIQUE_VIOLATION) return true;
  }
  return false;
}

/** The earlier result of a redelivered message: the buyer message and the replies that followed it. */
export async function earlierResult(
  database: Database,
  row: typeof t.messages.$inferSelect,
): Promise<InboundResult> {
  const after = await database.db
    .select()
    .from(t.messages)
    .where(and(eq(t.messages.conversationId, row.conversationId), gt(t.messages.seq, row.seq)))
    .orderBy(asc(t.messages.seq))
    .limit(50);
  const replies: MessageView[] = [];
  for (const m of after) {
    if (m.direction === 'in') break;
    if (m.authorKind === 'bot') replies.push(messageView(m));
  }
  const [c] = await database.db
    .select()
    .from(t.conversations)
    .where(eq(t.conversations.id, row.conversationId));
  // The hand-over this very message caused, as remembered on the conversation.
  const remembered = handoverMemory.safeParse(c?.state).data?.lastHandover;
  const handover =
    remembered && remembered.messageId === row.id
      ? { reason: remembered.reason, reasonZh: remembered.reasonZh }
      : null;
  return {
    duplicate: true,
    conversationId: row.conversationId,
    buyerMessage: messageView(row),
    replies,
    handover,
  };
}

export async function findExisting(database: Database, shopId: string, messageId: string) {
  const [row] = await database.db
    .select()
    .from(t.messages)
    .where(and(eq(t.messages.shopId, shopId), eq(t.messages.channelMessageId, messageId)));
  return row;
}

export async function buyerAndConversation(database: Database, input: InboundMessage, now: Date) {
  const { db } = database;
  await db
    .insert(t.buyers)
    .values({ shopId: input.shopId, platformAccount: input.buyerAccountId })
    .onConflictDoNothing({ target: [t.buyers.shopId, t.buyers.platformAccount] });
  const [buyer] = await db
    .select()
    .from(t.buyers)
    .where(and(eq(t.buyers.shopId, input.shopId), eq(t.buyers.platformAccount, input.buyerAccountId)));
  if (!buyer) throw new DxeError('INTERNAL', '买家记录创建失败');
  // One open conversation per buyer: two first messages arriving together must not open two
  // (a transaction-scoped advisory lock on the buyer serialises the look-up and the insert).
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`conv:${buyer.id}`}))`);
    const [open] = await tx
      .select()
      .from(t.conversations)
      .where(
        and(
          eq(t.conversations.shopId, input.shopId),
          eq(t.conversations.buyerId, buyer.id),
          ne(t.conversations.status, 'closed'),
        ),
      )
      .orderBy(asc(t.conversations.createdAt))
      .limit(1);
    if (open) return { buyer, conversation: open, isNew: false };
    const [created] = await tx
      .insert(t.conversations)
      .values({ shopId: input.shopId, buyerId: buyer.id, channel: input.channel, createdAt: now })
      .returning();
    return { buyer, conversation: created!, isNew: true };
  });
}

/** Store the buyer message (seq bump and insert in one transaction). Null when it already exists. */
export async function storeBuyerMessage(
  database: Database,
  conversationId: string,
  input: InboundMessage,
  now: Date,
) {
  try {
    return await database.db.transaction(async (tx) => {
      const [bumped] = await tx
        .update(t.conversations)
        .set({
          lastSeq: sql`${t.conversations.lastSeq} + 1`,
          lastMessageAt: now,
          lastBuyerMessageAt: now,
          firstBuyerMessageAt: sql`coalesce(${t.conversations.firstBuyerMessageAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(eq(t.conversations.id, conversationId))
        .returning({ lastSeq: t.conversations.lastSeq });
      const [row] = await tx
        .insert(t.messages)
        .values({
          shopId: input.shopId,
          conversationId,
          seq: bumped!.lastSeq,
          direction: 'in',
          authorKind: 'buyer',
          text: input.text,
          channelMessageId: input.messageId,
          sentAt: input.sentAt ?? now,
          createdAt: now,
        })
        .returning();
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}
