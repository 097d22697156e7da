// Storing outgoing messages, one way for every sender (bot, agent, later senders), inside the
// caller's transaction with the conversation row locked by the caller: one call of the server-side
// function dxe_append_outgoing (migration 0003) stores the sequence numbers, the first-response
// time (C2) and an agent's take-over (C17), the messages (one short line each, C4), the promises
// they make tied to the buyer's order still under way (D8), and the bridge outbox rows when the
// delivery port says so; then a `message.created` event for each, published after commit.
import { finishedStates } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Tx } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { callJson, rowFromJson } from '../../store/sql-functions.js';
import { outboxUrlFor } from '../delivery/deliver.js';
import type { Emit } from '../events/outbox.js';
import type { LockedConversation } from './conversation-row.js';
import type { GuardVerdictStored } from './guard-reply.js';
import { messageView, type MessageRow } from './views.js';

export interface OutgoingMessage {
  text: string;
  /** The guard's verdict on the text it was split from (stored on the first part). */
  verdict: GuardVerdictStored;
  /** Index of the first part of the text this message was split from, for the verdict link. */
  partOf?: number;
}

export interface OutgoingPromise {
  kind: string;
  text: string;
  /** Which of the messages made it. */
  messageIndex: number;
}

export interface AppendInput {
  author: { kind: 'agent' | 'bot' | 'system'; id?: string | null };
  messages: OutgoingMessage[];
  promises: OutgoingPromise[];
  /** The shop's profile: which order states are finished (D8 ties promises to open orders only). */
  profile: Profile;
  /** The shop's bridge callback URL, if it has one (the delivery port decides by channel). */
  bridgeCallbackUrl: string | null;
  /** On bot replies: the buyer message they answer. */
  replyTo?: number;
  now: Date;
}

/** The messages and promises as dxe_append_outgoing and dxe_answer take them. */
export function outgoingJson(messages: OutgoingMessage[], promises: OutgoingPromise[]) {
  return {
    messages: { json: messages.map((m) => ({ text: m.text, verdict: m.verdict, ...(m.partOf === undefined ? {} : { partOf: m.partOf }) })) },
    promises: { json: promises },
  };
}

export async function appendOutgoing(tx: Tx, emit: Emit, c: LockedConversation, input: AppendInput): Promise<MessageRow[]> {
  if (input.messages.length === 0) return [];
  const { messages, promises } = outgoingJson(input.messages, input.promises);
  const takeOver = input.author.kind === 'agent';
  const raw = (await callJson(tx, 'dxe_append_outgoing', [
    c.row.id, input.author.kind, input.author.id ?? null, messages, promises, finishedStates(input.profile),
    outboxUrlFor({ channel: c.row.channel, bridgeCallbackUrl: input.bridgeCallbackUrl }), input.replyTo ?? null, input.now, takeOver,
  ])) as unknown[];
  if (takeOver && c.row.status !== 'assigned') c.row = { ...c.row, status: 'assigned', assigneeId: input.author.id ?? null };
  const stored = raw.map((m) => rowFromJson(t.messages, m));
  for (const m of stored) {
    emit({ type: 'message.created', shopId: c.row.shopId, data: { conversationId: c.row.id, message: messageView(m) } });
  }
  return stored;
}
