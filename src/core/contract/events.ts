// The realtime events, one typed union (issue 9): what use cases emit after commit, what the bus
// carries between processes, what agents' screens and the widget hub receive. A frame that does
// not parse as one of these is dropped at the receiving end, never passed on as `unknown`.
import { z } from 'zod';
import { HANDOVER_REASONS } from '../bot/types.js';
import { conversationSummarySchema } from './conversations.js';
import { messageViewSchema } from './messages.js';

const deadlineData = z.object({
  deadlineId: z.number(),
  kind: z.string(),
  labelZh: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  dueAt: z.string(),
  textZh: z.string(),
});

export const domainEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message.created'),
    shopId: z.string(),
    data: z.object({ conversationId: z.string(), message: messageViewSchema }),
  }),
  z.object({
    type: z.literal('conversation.updated'),
    shopId: z.string(),
    data: z.object({ conversationId: z.string(), conversation: conversationSummarySchema.nullable() }),
  }),
  z.object({
    type: z.literal('conversation.handover'),
    shopId: z.string(),
    data: z.object({ conversationId: z.string(), reason: z.enum(HANDOVER_REASONS), reasonZh: z.string() }),
  }),
  z.object({
    type: z.literal('typing'),
    shopId: z.string(),
    data: z.object({
      conversationId: z.string(),
      agentId: z.string().nullable(),
      displayName: z.string().nullable(),
      authorKind: z.enum(['agent', 'bot']),
    }),
  }),
  z.object({ type: z.literal('deadline.warning'), shopId: z.string(), data: deadlineData }),
  z.object({ type: z.literal('deadline.missed'), shopId: z.string(), data: deadlineData }),
  /**
   * A8 (issue 15): the month's refund or dispute rate of a shop (or one of its items) reached its
   * threshold. Raised once per shop, month, scope and kind; only supervisors and admins get it.
   */
  z.object({
    type: z.literal('rates.alert'),
    shopId: z.string(),
    data: z.object({
      month: z.string(),
      itemId: z.string().nullable(),
      title: z.string(),
      kind: z.enum(['dispute', 'refund']),
      messageZh: z.string(),
      disputePerMille: z.number().nullable(),
      refundRate: z.number().nullable(),
    }),
  }),
  /** A shop's settings, catalogue or rules changed: every process drops what it cached of it. */
  z.object({ type: z.literal('shop.changed'), shopId: z.string(), data: z.object({ what: z.string() }) }),
  /**
   * C17: an agent's presence changed (from activity, inactivity or their own choice), or their
   * login stayed without activity (`alert`, for supervisors). One event per shop they serve.
   */
  z.object({
    type: z.literal('agent.presence'),
    shopId: z.string(),
    data: z.object({
      agentId: z.string(),
      displayName: z.string(),
      presence: z.enum(['online', 'away', 'offline']),
      reasonZh: z.string(),
      alert: z.boolean(),
      /** Chats waiting for a reply that moved to a colleague or back to the queue. */
      requeued: z.number().int(),
      /** Issue 15: the account was disabled — every realtime connection of the agent is closed. */
      sessionsEnded: z.boolean().optional(),
    }),
  }),
]);
export type DomainEvent = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEvent['type'];
/** An event as the realtime log numbers it (agents' screens resume after a sequence number). */
export type SequencedEvent = DomainEvent & { seq: number };

/** The conversation an event is about, when it is about one. */
export function conversationOf(event: DomainEvent): string | null {
  return 'conversationId' in event.data ? event.data.conversationId : null;
}

/** What an agent's screen sends on the realtime socket (/api/v1/ws). */
export const realtimeClientFrame = z.discriminatedUnion('type', [
  /** A heartbeat; `active`: a person used the workbench since the last one (C17 presence). */
  z.object({ type: z.literal('ping'), active: z.boolean().optional() }),
  z.object({ type: z.literal('resume'), afterSeq: z.number().int().min(0).max(2 ** 53 - 1) }),
  z.object({ type: z.literal('typing'), conversationId: z.string().min(1).max(100) }),
]);
export type RealtimeClientFrame = z.infer<typeof realtimeClientFrame>;

/**
 * What the server sends on the realtime socket: a sequenced domain event (`seq` from the
 * realtime log) or a control frame (ready, resync, pong, error) without one.
 */
export const realtimeServerFrame = z.object({
  seq: z.number().optional(),
  type: z.string(),
  shopId: z.string().optional(),
  data: z.unknown().optional(),
});
export type RealtimeServerFrame = z.infer<typeof realtimeServerFrame>;
