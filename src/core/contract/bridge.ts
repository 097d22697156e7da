// The bridge API (docs/openapi-bridge.yaml): a marketplace bridge posts buyer messages and reads
// later ones. Snake case on the wire, as the bridge contract names its fields.
import { z } from 'zod';

export const bridgeShopParams = z.object({ shopId: z.string().min(1).max(100) });
export const bridgeConversationParams = bridgeShopParams.extend({ id: z.string().min(1).max(100) });
export const bridgeInboundBody = z.object({
  buyer_account_id: z.string().trim().min(1).max(100),
  message_id: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1, '消息内容不能为空').max(2000, '消息过长（最多 2000 字）'),
  sent_at: z.iso.datetime({ offset: true }).optional(),
  /** The item card the buyer is chatting from, when the marketplace shows one. */
  item_id: z.string().trim().min(1).max(200).optional(),
});
export const bridgeAfterQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

export const bridgeMessageSchema = z.object({
  id: z.number(),
  seq: z.number().int(),
  author: z.enum(['buyer', 'bot', 'agent', 'system']),
  text: z.string(),
  created_at: z.string(),
});
export type BridgeMessage = z.infer<typeof bridgeMessageSchema>;

export const bridgeInboundReplySchema = z.object({
  conversation_id: z.string(),
  duplicate: z.boolean(),
  buyer_message: bridgeMessageSchema.extend({ intent: z.string().nullable(), confidence: z.number().nullable() }),
  replies: z.array(bridgeMessageSchema),
  handover: z.object({ reason: z.string(), reason_zh: z.string() }).nullable(),
  stage: z.string().nullable(),
});
export type BridgeInboundReply = z.infer<typeof bridgeInboundReplySchema>;

export const bridgeMessagesReplySchema = z.object({ messages: z.array(bridgeMessageSchema), last_seq: z.number().int() });
export type BridgeMessagesReply = z.infer<typeof bridgeMessagesReplySchema>;
