// L1: the training workbench's API — scenarios, practice sessions with the simulated buyer, the
// scored report and trainees' progress (kept apart from real service figures).
import { z } from 'zod';
import { INTENT_IDS } from '../intents.js';
import { FLOW_STEPS, MOODS, OUTCOMES } from '../training/types.js';

export const trainingSessionParams = z.strictObject({ id: z.string().min(1).max(100) });
export const startTrainingBody = z.strictObject({
  shopId: z.string().min(1).max(100),
  scenarioId: z.string().min(1).max(60),
  /** Replays a buyer exactly (same seed, same replies → same lines). */
  seed: z.number().int().min(1).max(2 ** 31 - 1).optional(),
});
export const trainingReplyBody = z.strictObject({ text: z.string().min(1).max(2000) });
/** Finishing takes nothing (an empty object, or no body). */
export const finishTrainingBody = z.strictObject({});

export const scenarioSummarySchema = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  summaryZh: z.string(),
  mood: z.enum(MOODS),
  goals: z.array(z.string()),
});
export const scenarioListSchema = z.object({ scenarios: z.array(scenarioSummarySchema) });

const violationSchema = z.object({
  rule: z.string(),
  title: z.string(),
  severity: z.enum(['block', 'warn']),
  points: z.number(),
  message: z.string(),
  rewrite: z.string(),
});

export const turnAnalysisSchema = z.object({
  goalId: z.string().nullable(),
  goalMet: z.boolean(),
  trapHit: z.boolean(),
  onTopic: z.boolean(),
  seconds: z.number(),
  targetSeconds: z.number(),
  slow: z.boolean(),
  violations: z.array(violationSchema),
  replyIntent: z.enum(INTENT_IDS),
  steps: z.array(z.enum(FLOW_STEPS)),
  empathy: z.boolean(),
  consistency: z.number(),
  modelAnswer: z.string(),
});

export const trainingReportSchema = z.object({
  scenarioId: z.string(),
  titleZh: z.string(),
  outcome: z.enum(OUTCOMES),
  outcomeZh: z.string(),
  success: z.boolean(),
  score: z.number(),
  platformPoints: z.number(),
  deductions: z.array(
    z.object({
      kind: z.enum(['violation', 'slow', 'flow', 'consistency', 'empathy', 'goal', 'trap', 'outcome']),
      titleZh: z.string(),
      detailZh: z.string(),
      points: z.number(),
      platformPoints: z.number().optional(),
      seq: z.number().optional(),
    }),
  ),
  flow: z.array(z.object({ step: z.enum(FLOW_STEPS), labelZh: z.string(), required: z.boolean(), done: z.boolean() })),
  goals: z.array(z.object({ id: z.string(), titleZh: z.string(), met: z.boolean() })),
  replay: z.array(
    z.object({ seq: z.number(), author: z.enum(['buyer', 'trainee']), text: z.string(), at: z.string(), analysis: turnAnalysisSchema.optional() }),
  ),
  phrasesToLearn: z.array(z.string()),
});
export type TrainingReportView = z.infer<typeof trainingReportSchema>;

export const trainingSessionSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  scenarioId: z.string(),
  titleZh: z.string(),
  summaryZh: z.string(),
  traineeId: z.string(),
  traineeName: z.string(),
  seed: z.number(),
  status: z.enum(['open', 'ended']),
  buyerEnded: z.boolean(),
  outcome: z.enum(OUTCOMES).nullable(),
  score: z.number().nullable(),
  lines: z.array(
    z.object({
      seq: z.number(),
      author: z.enum(['buyer', 'trainee']),
      text: z.string(),
      at: z.string(),
      violations: z.array(violationSchema).optional(),
      seconds: z.number().optional(),
      targetSeconds: z.number().optional(),
    }),
  ),
  report: trainingReportSchema.nullable(),
});
export type TrainingSessionView = z.infer<typeof trainingSessionSchema>;

export const trainingOverviewSchema = z.object({
  mine: z.array(
    z.object({
      id: z.string(),
      scenarioId: z.string(),
      titleZh: z.string(),
      status: z.enum(['open', 'ended']),
      score: z.number().nullable(),
      outcome: z.string().nullable(),
      startedAt: z.string(),
    }),
  ),
  progress: z.array(
    z.object({
      traineeId: z.string(),
      traineeName: z.string(),
      sessions: z.number(),
      finished: z.number(),
      averageScore: z.number().nullable(),
      lastScore: z.number().nullable(),
      lastAt: z.string().nullable(),
      best: z.array(z.object({ scenarioId: z.string(), titleZh: z.string(), score: z.number() })),
      platformPoints: z.number(),
    }),
  ),
});
export type TrainingOverviewView = z.infer<typeof trainingOverviewSchema>;
export type ScenarioListView = z.infer<typeof scenarioListSchema>;

// L2: the penalty case library and its quiz.
export const caseLibraryQuery = z.strictObject({
  shopId: z.string().min(1).max(100),
  seed: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional(),
});
export const caseQuizBody = z.strictObject({
  shopId: z.string().min(1).max(100),
  seed: z.number().int().min(1).max(2 ** 31 - 1),
  answers: z.array(z.number().int().min(0).max(10).nullable()).max(50),
});
export const caseLibrarySchema = z.object({
  platform: z.string(),
  platformZh: z.string(),
  lessons: z.array(
    z.object({
      rule: z.string(),
      titleZh: z.string(),
      situationZh: z.string(),
      buyer: z.string(),
      wrong: z.string(),
      right: z.string(),
      explanationZh: z.string(),
      rewrite: z.string(),
      points: z.number(),
      pointsByPlatform: z.array(z.object({ platform: z.string(), points: z.number() })),
    }),
  ),
  quiz: z.object({
    seed: z.number(),
    questions: z.array(z.object({ kind: z.enum(['pick_right', 'points']), rule: z.string(), promptZh: z.string(), options: z.array(z.string()) })),
  }),
});
export type CaseLibraryView = z.infer<typeof caseLibrarySchema>;
export const caseQuizResultSchema = z.object({
  correct: z.number(),
  total: z.number(),
  results: z.array(z.object({ correct: z.boolean(), answer: z.number(), explanationZh: z.string() })),
});
export type CaseQuizResultView = z.infer<typeof caseQuizResultSchema>;

// 质检: closed real conversations scored by the same measures; the sample a supervisor reviews.
export const qualityQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(90).default(7),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const deductionSchema = trainingReportSchema.shape.deductions.element;
/** A supervisor's review of a sampled chat (the agent sees it and acknowledges). */
export const qualityReviewSchema = z.object({
  id: z.string(),
  reviewerName: z.string(),
  score: z.number(),
  autoScore: z.number(),
  comment: z.string(),
  at: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export const qualityViewSchema = z.object({
  days: z.number(),
  scored: z.number(),
  sample: z.array(
    z.object({
      conversationId: z.string(),
      shopId: z.string(),
      agentId: z.string().nullable(),
      agentName: z.string(),
      closedAt: z.string(),
      score: z.number(),
      platformPoints: z.number(),
      complained: z.boolean(),
      violations: z.number(),
      deductions: z.array(deductionSchema),
      review: qualityReviewSchema.nullable(),
    }),
  ),
  agents: z.array(z.object({ agentId: z.string(), agentName: z.string(), chats: z.number(), averageScore: z.number(), platformPoints: z.number() })),
});
export type QualityView = z.infer<typeof qualityViewSchema>;
export type QualityRowView = QualityView['sample'][number];
export const qualityReviewParams = z.strictObject({ id: z.string().min(1).max(100) });
export const qualityReviewBody = z.strictObject({
  comment: z.string().trim().min(1, '请填写点评内容').max(1000, '点评最多 1000 字'),
  score: z.number().int().min(0).max(100).optional(),
});
export const qualityRowSchema = qualityViewSchema.shape.sample.element;
export const qualityFeedbackSchema = z.object({
  items: z.array(qualityReviewSchema.extend({ conversationId: z.string(), shopId: z.string(), closedAt: z.string().nullable() })),
  unacknowledged: z.number(),
});
export type QualityFeedbackView = z.infer<typeof qualityFeedbackSchema>;

// L3 / T4: the product quiz, the monthly exam, and results over time.
export const PRODUCT_KINDS = ['price', 'attribute', 'stock', 'size', 'policy', 'answer', 'compare'] as const;
export const productQuizQuery = z.strictObject({
  shopId: z.string().min(1).max(100),
  seed: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional(),
});
export const examQuery = z.strictObject({ shopId: z.string().min(1).max(100) });
export const productQuizViewSchema = z.object({
  kind: z.enum(['product', 'exam']),
  shopId: z.string(),
  seed: z.number(),
  period: z.string().nullable(),
  dueAt: z.string().nullable(),
  questions: z.array(z.object({ kind: z.enum(PRODUCT_KINDS), kindZh: z.string(), promptZh: z.string(), options: z.array(z.string()) })),
  taken: z.object({ score: z.number(), correct: z.number(), total: z.number(), at: z.string() }).nullable(),
});
export type ProductQuizView = z.infer<typeof productQuizViewSchema>;
export const productQuizBody = z.strictObject({
  shopId: z.string().min(1).max(100),
  kind: z.enum(['product', 'exam']),
  seed: z.number().int().min(1).max(2 ** 31 - 1),
  answers: z.array(z.number().int().min(0).max(10).nullable()).max(50),
});
export const productQuizResultSchema = z.object({
  kind: z.enum(['product', 'exam']),
  correct: z.number(),
  total: z.number(),
  score: z.number(),
  period: z.string().nullable(),
  results: z.array(z.object({ correct: z.boolean(), answer: z.number(), explanationZh: z.string() })),
});
export type ProductQuizResultView = z.infer<typeof productQuizResultSchema>;
export const quizProgressSchema = z.object({
  period: z.string(),
  results: z.array(
    z.object({
      id: z.string(), agentId: z.string(), agentName: z.string(), shopId: z.string(), shopName: z.string(),
      kind: z.enum(['cases', 'product', 'exam']), period: z.string().nullable(), score: z.number(), correct: z.number(), total: z.number(), at: z.string(),
    }),
  ),
  agents: z.array(
    z.object({
      agentId: z.string(),
      agentName: z.string(),
      exams: z.array(z.object({ period: z.string(), shopId: z.string(), score: z.number() })),
      productAverage: z.number().nullable(),
      productCount: z.number(),
      casesAverage: z.number().nullable(),
      casesCount: z.number(),
      thisMonth: z.array(z.object({ shopId: z.string(), shopName: z.string(), score: z.number().nullable() })),
    }),
  ),
});
export type QuizProgressView = z.infer<typeof quizProgressSchema>;

// T4: competitor comparison tables turned into standard answers.
export const comparisonShopParams = z.strictObject({ shopId: z.string().min(1).max(100) });
export const comparisonParams = z.strictObject({ shopId: z.string().min(1).max(100), id: z.string().min(1).max(100) });
export const comparisonBody = z.strictObject({
  itemId: z.string().min(1).max(100),
  competitor: z.string().trim().min(1, '请填写竞品名称').max(60),
  rows: z
    .array(z.strictObject({ attribute: z.string().trim().min(1, '请填写对比项').max(30), ours: z.string().trim().max(120), theirs: z.string().trim().max(120) }))
    .min(1, '至少填写一行对比')
    .max(20),
});
const textFindingSchema = z.object({
  where: z.string(), rule: z.string(), title: z.string(), severity: z.enum(['block', 'warn']), points: z.number(), message: z.string(), rewrite: z.string(),
  suspected: z.boolean().optional(), reason: z.string().optional(),
});
export const comparisonsViewSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string() })),
  comparisons: z.array(
    z.object({
      id: z.string(), itemId: z.string(), itemTitle: z.string(), competitor: z.string(),
      rows: z.array(z.object({ attribute: z.string(), ours: z.string(), theirs: z.string() })),
      answerKey: z.string(), answer: z.array(z.string()), updatedAt: z.string(),
    }),
  ),
  warnings: z.array(textFindingSchema).optional(),
});
export type ComparisonsView = z.infer<typeof comparisonsViewSchema>;
