// Learning from the agents (issue 12): an agent relabels the intent the bot read in a buyer
// message; the shop's settings show the corrections waiting for the next retrain and what the last
// retrain changed.
import { z } from 'zod';
import { INTENT_IDS } from '../intents.js';

/** POST /conversations/:id/relabel */
export const relabelBody = z.object({
  messageId: z.number().int().positive(),
  intent: z.enum(INTENT_IDS, { error: '请选择意图列表中的意图' }),
});
export type RelabelBody = z.infer<typeof relabelBody>;

export const correctionViewSchema = z.object({
  id: z.string(),
  messageId: z.number(),
  conversationId: z.string(),
  text: z.string(),
  /** What the bot read (null: nothing). */
  oldIntent: z.string().nullable(),
  newIntent: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When a shop model trained with it started serving; null: waiting for the next retrain. */
  retrainedAt: z.string().nullable(),
});
export type CorrectionView = z.infer<typeof correctionViewSchema>;

export const relabelReplySchema = z.object({
  correction: correctionViewSchema,
  /** false: the message already carried this correction (nothing written). */
  changed: z.boolean(),
  /** started: the shop's model is retraining now; waiting: the next retrain takes it (rate limit). */
  retrain: z.enum(['started', 'waiting', 'none']),
});
export type RelabelReply = z.infer<typeof relabelReplySchema>;

export const retrainChangeSchema = z.object({ text: z.string(), intent: z.string(), before: z.string(), after: z.string() });

export const retrainViewSchema = z.object({
  at: z.string(),
  examples: z.number(),
  corrections: z.number(),
  newlyIncluded: z.number(),
  accuracyBefore: z.number().nullable(),
  accuracyAfter: z.number().nullable(),
  changes: z.array(retrainChangeSchema),
});
export type RetrainView = z.infer<typeof retrainViewSchema>;

/** GET /shops/:shopId/corrections */
export const correctionsSummarySchema = z.object({
  waiting: z.number(),
  total: z.number(),
  lastRetrain: retrainViewSchema.nullable(),
  recent: z.array(correctionViewSchema),
});
export type CorrectionsSummaryView = z.infer<typeof correctionsSummarySchema>;
