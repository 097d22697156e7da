// What a conversation remembers between turns (conversations.state): one typed schema for every
// reader and writer (issue 9). The bot's memory (misunderstandings C11/B3, the item under
// discussion, orders confirmed with the buyer C9, the bargainer kind C7), the last hand-over and
// the last escalation (C18). Stored rows written by older versions parse too: unknown keys are
// kept, missing ones take their defaults, and a malformed value falls back to the default.
import { z } from 'zod';
import { HANDOVER_REASONS } from '../bot/types.js';
import { INTENT_IDS } from '../intents.js';
import { escalationSchema } from '../contract/conversations.js';

const lastHandoverSchema = z.object({
  /** The buyer message that caused it (a redelivery of that message reports the same hand-over). */
  messageId: z.number(),
  reason: z.enum(HANDOVER_REASONS),
  reasonZh: z.string(),
});

const bargainerSchema = z.object({
  kind: z.enum(['none', 'habitual', 'wants_win']),
  bargainTurns: z.number().int().min(0),
  reasonZh: z.string(),
});

/** The context carried across turns (issue 12; core/bot/types.ts ConversationMemory). */
const memorySchema = z
  .object({
    measurements: z
      .object({
        heightCm: z.number().optional(),
        weightJin: z.number().optional(),
        waistCm: z.number().optional(),
        bustCm: z.number().optional(),
        footLengthMm: z.number().optional(),
      })
      .optional()
      .catch(undefined),
    size: z.string().optional().catch(undefined),
    colour: z.string().optional().catch(undefined),
    orderNo: z.string().optional().catch(undefined),
    topic: z.enum(INTENT_IDS).optional().catch(undefined),
    crossSoldFor: z.string().optional().catch(undefined),
  });

/** Each field is read on its own, so one bad value does not erase the others. */
export const conversationStateSchema = z
  .object({
    misunderstandings: z.number().int().min(0).catch(0).default(0),
    focusItemId: z.string().optional().catch(undefined),
    verifiedOrderIds: z.array(z.string()).catch([]).default([]),
    bargainer: bargainerSchema.optional().catch(undefined),
    lastHandover: lastHandoverSchema.optional().catch(undefined),
    escalation: escalationSchema.optional().catch(undefined),
    memory: memorySchema.optional().catch(undefined),
  })
  .loose();
export type ConversationState = z.infer<typeof conversationStateSchema>;

export function readConversationState(raw: unknown): ConversationState {
  const parsed = conversationStateSchema.safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? parsed.data : { misunderstandings: 0, verifiedOrderIds: [] };
}
