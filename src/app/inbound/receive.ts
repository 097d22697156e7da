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
import { rowFromJson } from '../../store/sql-functions.js';
import { messageView, type ConversationRow, type MessageRow } from '../conversations/views.js';
import type { DomainEvent } from '../../core/contract/events.js';
import { hotBatcher, registerHotKind, type HotKind } from './hot-calls.js';
import type { ShopContext } from '../shops/shop-context.js';
import { conversationStateFrom, HISTORY, loadBuyerOrdersAndStanding, loadConversationState, NO_STANDING, type TurnRow } from './planner-input.js';
import type { BuyerStanding } from '../../core/buyers/tiers.js';
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
  /** The buyer's paid orders and spend in the shop (M2: their VIP tier). */
  standing: BuyerStanding;
}

export type Received = ({ kind: 'new'; lockKey: string } & PipelineInput) | { kind: 'existing'; message: MessageRow };

/** Loads the pipeline's input for a stored message (the resume path). */
export async function loadPipelineInput(tx: Tx, message: MessageRow, shop: ShopContext): Promise<PipelineInput | null> {
  const [conversation] = await tx.select().from(t.conversations).where(eq(t.conversations.id, message.conversationId));
  if (!conversation) return null;
  const state = await loadConversationState(tx, conversation, message.seq);
  const { orders, standing } = await loadBuyerOrdersAndStanding(tx, message.shopId, conversation.buyerId, shop.profile);
  return { message, conversation, state, orders, standing };
}

export async function findExisting(tx: Tx, shopId: string, channelMessageId: string): Promise<MessageRow | undefined> {
  const [row] = await tx
    .select()
    .from(t.messages)
    .where(and(eq(t.messages.shopId, shopId), eq(t.messages.channelMessageId, channelMessageId)));
  return row;
}

/** The store's answer to one receive: the stored message, or that the message id was stored before. */
type ReceiveOutcome = ReceivedJson | { existing: true };

const RECEIVE: HotKind = {
  single: 'dxe_receive',
  many: 'dxe_receive_many',
  manyArgs: [HISTORY],
  // A redelivery (or the same message twice at once): the other one was stored first.
  recover(err: unknown): ReceiveOutcome {
    if (!isUniqueViolation(err)) throw err;
    return { existing: true };
  },
  events: (extra: { shopId: string }, r: ReceiveOutcome) => receivedEvents(extra.shopId, r),
};
registerHotKind(RECEIVE);

/** The event that tells screens of a stored buyer message. */
function receivedEvents(shopId: string, r: ReceiveOutcome): DomainEvent[] {
  if ('existing' in r) return [];
  return [{
    type: 'message.created',
    shopId,
    data: { conversationId: String((r.conversation as { id: string }).id), message: messageView(rowFromJson(t.messages, r.message)) },
  }];
}

export async function receive(
  deps: InboundDeps,
  input: InboundMessage & { text: string },
  shop: ShopContext,
): Promise<Received> {
  const { database, now } = deps;
  // One round trip (migration 0003, dxe_receive): buyer, open conversation, sequence number,
  // the message with its lease, and what the next steps read — shared with the messages that
  // arrive meanwhile (group commit, migration 0012). Screens hear of it after commit.
  const leaseUntil = new Date(now.getTime() + PIPELINE_LEASE_MS);
  const raw = await hotBatcher<ReceiveOutcome>(database, deps.bus, RECEIVE).call({
    deps,
    args: [
      input.shopId, input.buyerAccountId, input.channel, input.messageId, input.text, input.itemId ?? null,
      input.sentAt ?? null, now, leaseUntil, HISTORY,
    ],
    item: {
      shop: input.shopId, account: input.buyerAccountId, channel: input.channel, message_id: input.messageId,
      text: input.text, item_ref: input.itemId ?? null, sent_at: input.sentAt?.toISOString() ?? null,
      now: now.toISOString(), lease_until: leaseUntil.toISOString(),
    },
    lockKey: lockKeyOf(input.shopId, input.buyerAccountId),
    shopId: input.shopId,
    extra: { shopId: input.shopId },
  });
  if ('existing' in raw) {
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
  const { orders, standing } = raw.has_orders
    ? await loadBuyerOrdersAndStanding(database, input.shopId, conversation.buyerId, shop.profile)
    : { orders: [], standing: NO_STANDING };
  return { kind: 'new', message, conversation, state, orders, standing, lockKey: lockKeyOf(input.shopId, input.buyerAccountId) };
}

/** The order in which a batch takes a buyer's rows (the same for receive and answer). */
export function lockKeyOf(shopId: string, buyerAccountId: string): string {
  return JSON.stringify([shopId, buyerAccountId]);
}

interface ReceivedJson {
  message: unknown;
  conversation: unknown;
  recent: { seq: number; author_kind: string; text: string; created_at: string; intent: string | null; confidence: number | null }[];
  has_orders: boolean;
}
