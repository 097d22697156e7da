// A stored chat message as the server sends it to screens, the widget and realtime events.
import { z } from 'zod';

// D: the reply guard's verdict, on a draft (POST /guard/check) and stored on each outgoing message.
export const violationSchema = z.object({
  rule: z.string(),
  severity: z.enum(['block', 'warn']),
  points: z.number(),
  span: z.tuple([z.number(), z.number()]),
  message: z.string(),
  rewrite: z.string(),
  /** A learned or fuzzy finding (疑似), with its reason. */
  suspected: z.boolean().optional(),
  reason: z.string().optional(),
});
export type ViolationView = z.infer<typeof violationSchema>;
export const guardVerdictSchema = z.object({
  verdict: z.enum(['block', 'warn', 'pass']),
  violations: z.array(violationSchema),
  promises: z.array(z.object({ kind: z.string(), text: z.string(), span: z.tuple([z.number(), z.number()]) })),
});
export type GuardVerdictView = z.infer<typeof guardVerdictSchema>;

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
  guardVerdict: guardVerdictSchema.nullable(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageViewSchema>;
