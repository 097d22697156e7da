// Step 1 of the pipeline — receive (docs/architecture.md): the buyer message is stored at once,
// idempotently (the channel's message id is unique per shop), in the buyer's one open
// conversation, with its pipeline step `received` and a lease held by this process. Nothing is
// acknowledged to the sender before this commits. The buyer message is announced to screens
// after commit.
import { and, eq } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Tx } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { ConversationState, Order } from '../../core/bot/types.js';
import { callJson, rowFromJson } from '../../store/sql-functions.js';
import { messageView, type ConversationRow, type MessageRow } from '../conversations/views.js';
import { writeWithEvents } from '../events/outbox.js';
import type { ShopContext } from '../shops/shop-context.js';
import { conversationStateFrom, HISTORY, loadBuyerOrders, loadConversationState, type TurnRow } from './planner-input.js';
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
  let raw: ReceivedJson;
  try {
    // One round trip (migration 0003, dxe_receive): buyer, open conversation, sequence number,
    // the message with its lease, and what the next steps read. Screens hear of it after commit.
    raw = await writeWithEvents(
      deps,
      async (target) => (await callJson(target, 'dxe_receive', [
        input.shopId, input.buyerAccountId, input.channel, input.messageId, input.text, input.itemId ?? null,
        input.sentAt ?? null, now, new Date(now.getTime() + PIPELINE_LEASE_MS), HISTORY,
      ])) as ReceivedJson,
      (r) => [{
        type: 'message.created',
        shopId: input.shopId,
        data: { conversationId: String((r.conversation as { id: string }).id), message: messageView(rowFromJson(t.messages, r.message)) },
      }],
    );
  } catch (err) {
    // A redelivery (or the same message twice at once): the other one was stored first.
    if (!isUniqueViolation(err)) throw err;
    const again = await findExisting(database.db, input.shopId, input.messageId);
    if (!again) throw new DxeError('CONFLICT');
    return { kind: 'existing', message: again };
  }
  const message = rowFromJson(t.messages, raw.message);
  const conversation = rowFromJson(t.conversations, raw.conversation);
  const recent: TurnRow[] = raw.recent.map((r) => ({
    seq: r.seq, authorKind: r.author_kind, text: r.text, createdAt: new Date(r.created_at), intent: r.intent, confidence: r.confidence,
  }));
  const state = conversationStateFrom(conversation, recent);
  const orders = raw.has_orders ? await loadBuyerOrders(database, input.shopId, conversation.buyerId, shop.profile) : [];
  return { kind: 'new', message, conversation, state, orders };
}

interface ReceivedJson {
  message: unknown;
  conversation: unknown;
  recent: { seq: number; author_kind: string; text: string; created_at: string; intent: string | null; confidence: number | null }[];
  has_orders: boolean;
}
