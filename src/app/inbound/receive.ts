// Step 1 of the pipeline — receive (docs/architecture.md): the buyer message is stored at once,
// idempotently (the channel's message id is unique per shop), in the buyer's one open
// conversation, with its pipeline step `received` and a lease held by this process. Nothing is
// acknowledged to the sender before this commits. The buyer message is announced to screens
// after commit.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Tx } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { ConversationState, Order } from '../../core/bot/types.js';
import { messageView, type ConversationRow, type MessageRow } from '../conversations/views.js';
import { transact } from '../events/outbox.js';
import type { ShopContext } from '../shops/shop-context.js';
import { loadBuyerOrders, loadConversationState } from './planner-input.js';
import type { InboundDeps, InboundMessage } from './types.js';

/** How long a process may work on a message before another may resume it. */
export const PIPELINE_LEASE_MS = 15_000;

/** What the rest of the pipeline reads about a stored message: loaded once, in one transaction. */
export interface PipelineInput {
  message: MessageRow;
  conversation: ConversationRow;
  /** The conversation before this message, as the planner sees it. */
  state: ConversationState;
  /** The buyer's orders in this shop (D6: theirs only, masked). */
  orders: Order[];
}

export type Received = ({ kind: 'new' } & PipelineInput) | { kind: 'existing'; message: MessageRow };

/** Loads the pipeline's input for a stored message (the resume path). */
export async function loadPipelineInput(tx: Tx, message: MessageRow, shop: ShopContext): Promise<PipelineInput | null> {
  const [conversation] = await tx.select().from(t.conversations).where(eq(t.conversations.id, message.conversationId));
  if (!conversation) return null;
  const state = await loadConversationState(tx, conversation, message.seq);
  const orders = await loadBuyerOrders(tx, message.shopId, conversation.buyerId, shop.profile);
  return { message, conversation, state, orders };
}

export async function findExisting(tx: Tx, shopId: string, channelMessageId: string): Promise<MessageRow | undefined> {
  const [row] = await tx
    .select()
    .from(t.messages)
    .where(and(eq(t.messages.shopId, shopId), eq(t.messages.channelMessageId, channelMessageId)));
  return row;
}

export async function receive(
  deps: InboundDeps,
  input: InboundMessage & { text: string },
  shop: ShopContext,
): Promise<Received> {
  const { database, now } = deps;
  try {
    return await transact(deps, async (tx, emit): Promise<Received> => {
      // A redelivery is caught by the unique index on the message id (below), not looked up first.
      // One statement finds or creates the buyer (the no-op update makes RETURNING give the row).
      const [buyer] = await tx
        .insert(t.buyers)
        .values({ shopId: input.shopId, platformAccount: input.buyerAccountId })
        .onConflictDoUpdate({
          target: [t.buyers.shopId, t.buyers.platformAccount],
          set: { platformAccount: sql`excluded.platform_account` },
        })
        .returning({ id: t.buyers.id });
      if (!buyer) throw new DxeError('INTERNAL', '买家记录创建失败');
      // One open conversation per buyer: two first messages arriving together must not open two.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`conv:${buyer.id}`}))`);
      let [conversation] = await tx
        .select()
        .from(t.conversations)
        .where(and(eq(t.conversations.shopId, input.shopId), eq(t.conversations.buyerId, buyer.id), ne(t.conversations.status, 'closed')))
        .orderBy(asc(t.conversations.createdAt))
        .limit(1);
      if (!conversation) {
        [conversation] = await tx
          .insert(t.conversations)
          .values({ shopId: input.shopId, buyerId: buyer.id, channel: input.channel, createdAt: now })
          .returning();
      }
      const [bumped] = await tx
        .update(t.conversations)
        .set({
          lastSeq: sql`${t.conversations.lastSeq} + 1`,
          lastMessageAt: now,
          lastBuyerMessageAt: now,
          firstBuyerMessageAt: sql`coalesce(${t.conversations.firstBuyerMessageAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(eq(t.conversations.id, conversation!.id))
        .returning();
      const [message] = await tx
        .insert(t.messages)
        .values({
          shopId: input.shopId,
          conversationId: bumped!.id,
          seq: bumped!.lastSeq,
          direction: 'in',
          authorKind: 'buyer',
          text: input.text,
          channelMessageId: input.messageId,
          itemRef: input.itemId ?? null,
          sentAt: input.sentAt ?? now,
          createdAt: now,
          pipelineStep: 'received',
          pipelineLeaseUntil: new Date(now.getTime() + PIPELINE_LEASE_MS),
        })
        .returning();
      emit({ type: 'message.created', shopId: input.shopId, data: { conversationId: bumped!.id, message: messageView(message!) } });
      // What the next steps read, in the same round of the embedded database's one connection.
      const state = await loadConversationState(tx, bumped!, message!.seq);
      const orders = await loadBuyerOrders(tx, input.shopId, buyer.id, shop.profile);
      return { kind: 'new', message: message!, conversation: bumped!, state, orders };
    });
  } catch (err) {
    // The same message arrived twice at once: the other one was stored first.
    if (!isUniqueViolation(err)) throw err;
    const again = await findExisting(database.db, input.shopId, input.messageId);
    if (!again) throw new DxeError('CONFLICT');
    return { kind: 'existing', message: again };
  }
}
