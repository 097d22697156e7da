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

// Requests of the inbox (C2 queue, detail, take / hand back / C18 escalate / close, replies, D).
export const conversationListQuery = z.object({
  status: z.enum(['queued', 'assigned', 'bot', 'closed', 'open']).optional(),
  shopId: z.string().min(1).max(100).optional(),
});
export type ConversationListQuery = z.infer<typeof conversationListQuery>;
export const conversationIdParams = z.object({ id: z.string().min(1).max(100) });
export const messagesAfterQuery = z.object({ afterSeq: z.coerce.number().int().min(0).default(0) });
export const escalateBody = z.object({ note: z.string().trim().min(1, '请填写升级原因').max(2000) });
export const agentReplyBody = z.object({
  text: z.string().trim().min(1, '消息内容不能为空').max(2000, '消息过长（最多 2000 字）'),
  override: z.object({ reason: z.string().trim().min(2, '请填写强制发送的理由').max(500) }).optional(),
});
export type AgentReplyBody = z.infer<typeof agentReplyBody>;

/** D8: an agent marks a promise made in chat kept or broken. */
export const promiseIdParams = z.object({ id: z.string().min(1).max(100) });
export const settlePromiseBody = z.object({ state: z.enum(['kept', 'broken']), note: z.string().trim().max(500).optional() });
/** The reply box's check on every keystroke (D): writes nothing. */
export const guardCheckBody = z.object({
  text: z.string().max(2000, '消息过长（最多 2000 字）'),
  shopId: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(100).optional(),
});
export type GuardCheckBody = z.infer<typeof guardCheckBody>;
