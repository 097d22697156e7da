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
  /** The rule's Chinese name (the server adds it from the shop's profile). */
  title: z.string().optional(),
});
export type ViolationView = z.infer<typeof violationSchema>;

/** What the guard did to a bot message before this one went out (issue 11). */
export const guardInterventionSchema = z.object({
  action: z.enum(['replaced', 'dropped']),
  /** The text the bot had planned (never sent). */
  original: z.string(),
  violations: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      severity: z.enum(['block', 'warn']),
      points: z.number(),
      message: z.string(),
      suspected: z.boolean().optional(),
      reason: z.string().optional(),
    }),
  ),
});
export type GuardInterventionView = z.infer<typeof guardInterventionSchema>;

export const guardVerdictSchema = z.object({
  verdict: z.enum(['block', 'warn', 'pass']),
  violations: z.array(violationSchema),
  promises: z.array(z.object({ kind: z.string(), text: z.string(), span: z.tuple([z.number(), z.number()]) })),
  interventions: z.array(guardInterventionSchema).optional(),
});
export type GuardVerdictView = z.infer<typeof guardVerdictSchema>;

/** C14: the model phrases of good service by category (rules/service-phrases.yaml), for the reply box. */
export const servicePhrasesViewSchema = z.object({
  groups: z.array(z.object({ category: z.string(), title: z.string(), phrases: z.array(z.string()) })),
});
export type ServicePhrasesView = z.infer<typeof servicePhrasesViewSchema>;

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
  /** Issue 12: a buyer message in another language, with a Chinese gloss for the agent. */
  language: z.string().optional(),
  glossZh: z.string().optional(),
});
export type MessageView = z.infer<typeof messageViewSchema>;
