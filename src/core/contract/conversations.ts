// A conversation as the inbox shows it (C2 queue row), shared by the server and the workbench.
import { z } from 'zod';

export const CONVERSATION_STATUSES = ['bot', 'queued', 'assigned', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const escalationSchema = z.object({
  note: z.string(),
  byAgentId: z.string().nullable(),
  toAgentId: z.string().nullable(),
  at: z.string(),
});

export const conversationSummarySchema = z.object({
  id: z.string(),
  shopId: z.string(),
  shopName: z.string(),
  platform: z.string(),
  buyer: z.object({ id: z.string(), nickname: z.string().nullable(), platformAccount: z.string() }),
  channel: z.string(),
  status: z.enum(CONVERSATION_STATUSES),
  stage: z.string(),
  lastIntent: z.string().nullable(),
  priority: z.number(),
  assigneeId: z.string().nullable(),
  handoverReason: z.string().nullable(),
  waitingSince: z.string().nullable(),
  waitedSeconds: z.number().nullable(),
  firstReplyTargetSeconds: z.number().nullable(),
  nearTarget: z.boolean(),
  awaitingFirstResponse: z.boolean(),
  firstBuyerMessageAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  lastText: z.string().nullable(),
  interest: z.object({ level: z.enum(['ok', 'falling', 'lost']), reasonZh: z.string().optional() }),
  escalation: escalationSchema.nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
