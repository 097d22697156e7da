// A stored chat message as the server sends it to screens, the widget and realtime events.
import { z } from 'zod';

export const messageViewSchema = z.object({
  id: z.number(),
  seq: z.number().int(),
  conversationId: z.string(),
  direction: z.enum(['in', 'out']),
  authorKind: z.enum(['buyer', 'bot', 'agent', 'system']),
  authorId: z.string().nullable(),
  text: z.string(),
  intent: z.string().nullable(),
  confidence: z.number().nullable(),
  /** The reply guard's verdict on an outgoing message (D1–D11); null for buyer messages. */
  guardVerdict: z.unknown(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageViewSchema>;
