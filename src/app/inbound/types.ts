// The inbound pipeline's input and result, shared by its steps and the channels that call it.
import type { HandoverReason, ReplyPlan } from '../../core/bot/types.js';
import type { Nlu } from '../../core/nlu/index.js';
import type { Channel } from '../../core/contract/channels.js';
import type { MessageView } from '../../core/contract/messages.js';
import type { Database } from '../../store/open-database.js';
import type { EventBus } from '../events/event-bus.js';

export interface InboundMessage {
  shopId: string;
  /** The buyer's platform account (旺旺 id, pin…). */
  buyerAccountId: string;
  channel: Channel;
  /** The channel's own id; a repeat with the same id returns the earlier result. */
  messageId: string;
  text: string;
  sentAt?: Date;
  /** The item card the buyer is chatting from (our item id or its exact title), when the channel knows it. */
  itemId?: string;
}

export interface InboundDeps {
  database: Database;
  bus: EventBus;
  now: Date;
  /** Defaults to the shop's model (or the shipped one). */
  nlu?: Nlu;
  /** Told when an event could not be published now (it is retried from the outbox). */
  onPublishError?: (err: unknown) => void;
}

export interface InboundPlan extends Omit<ReplyPlan, 'messages'> {
  intent: string;
  confidence: number;
  /** Planned messages the guard blocked (B4). */
  blocked: number;
}

export interface InboundResult {
  duplicate: boolean;
  conversationId: string;
  buyerMessage: MessageView;
  /** What went out, in order; empty when a person holds the conversation or everything was blocked. */
  replies: MessageView[];
  handover: { reason: HandoverReason; reasonZh: string } | null;
  /** What the agent screen and `dxe chat` show under the reply. Absent for a redelivered message. */
  plan?: InboundPlan;
}
