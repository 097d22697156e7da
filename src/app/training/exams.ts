// L3 / T4: the product quiz and the monthly product exam, and the results of every quiz (the L2
// penalty-case quiz too) kept per agent over time. Seed 000: 每个月都做一次产品知识考试.
//
// Schedule: computed, not a timer row. Every Beijing calendar month is an exam period for every
// agent of every shop they serve; the period's questions are the same for everyone in the shop
// (seed from shop and month), drawn from the shop's data as it is when the exam is opened and
// graded. An agent sits a month's exam once per shop (a unique index); supervisors see who has
// sat it, the scores, and who has not yet, with the days left. Results live in quiz_results,
// never in the service figures (T1).
import { randomInt } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { beijingMonthKey, startOfBeijingMonth } from '../../core/time/beijing-time.js';
import { buildProductQuiz, examSeed, gradeProductQuiz, PRODUCT_KIND_ZH, type ProductQuestion, type ComparisonInput } from '../../core/training/product-quiz.js';
import { requireSomeAnswer } from '../../core/training/cases.js';
import type { Database } from '../../store/open-database.js';
import { agents, agentShops, competitorComparisons, items, quizResults, shops } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { loadShopContext } from '../shops/shop-context.js';

export const EXAM_SIZE = 12;
export const PRACTICE_SIZE = 8;

const isLead = (p: Principal) => p.role === 'admin' || p.role === 'supervisor';

function agentOf(p: Principal): string {
  if (p.kind !== 'agent' || !p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号可以参加测验');
  return p.agentId;
}

async function quizInput(database: Database, shopId: string, now: Date) {
  const shop = await loadShopContext(database, shopId, now.getTime());
  const rows = await database.db
    .select({ itemId: competitorComparisons.itemId, itemTitle: items.title, competitor: competitorComparisons.competitor, rows: competitorComparisons.rows })
    .from(competitorComparisons)
    .innerJoin(items, eq(items.id, competitorComparisons.itemId))
    .where(eq(competitorComparisons.shopId, shopId));
  const comparisons: ComparisonInput[] = rows;
  return { items: shop.items, settings: shop.shop.settings, standardAnswers: shop.standardAnswers, comparisons };
}

export interface ProductQuizView {
  kind: 'product' | 'exam';
  shopId: string;
  seed: number;
  /** The exam's month (YYYY-MM); null for practice. */
  period: string | null;
  /** The exam closes at the end of the Beijing month. */
  dueAt: string | null;
  questions: (ProductQuestion & { kindZh: string })[];
  /** The exam already sat this month (then no questions are given again). */
  taken: { score: number; correct: number; total: number; at: string } | null;
}

const withKindZh = (qs: ProductQuestion[]) => qs.map((q) => ({ ...q, kindZh: PRODUCT_KIND_ZH[q.kind] }));

/** A practice quiz from the shop's data (new seed each time unless one is given). */
export async function productQuiz(database: Database, p: Principal, input: { shopId: string; seed?: number }, now: Date): Promise<ProductQuizView> {
  agentOf(p);
  if (!p.shopIds.includes(input.shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const seed = input.seed ?? randomInt(1, 2 ** 31 - 1);
  const quiz = buildProductQuiz(await quizInput(database, input.shopId, now), seed, PRACTICE_SIZE);
  if (quiz.questions.length === 0) throw new DxeError('VALIDATION_FAILED', '店铺还没有商品和设置，无法出题');
  return { kind: 'product', shopId: input.shopId, seed, period: null, dueAt: null, questions: withKindZh(quiz.questions), taken: null };
}

/** This month's exam for the caller in the shop: its questions, or the result when already sat. */
export async function monthlyExam(database: Database, p: Principal, input: { shopId: string }, now: Date): Promise<ProductQuizView> {
  const agentId = agentOf(p);
  if (!p.shopIds.includes(input.shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const period = beijingMonthKey(now);
  const seed = examSeed(input.shopId, period);
  const dueAt = new Date(startOfBeijingMonth(now, 1).getTime() - 1).toISOString();
  const [sat] = await database.db
    .select()
    .from(quizResults)
    .where(and(eq(quizResults.agentId, agentId), eq(quizResults.shopId, input.shopId), eq(quizResults.kind, 'exam'), eq(quizResults.period, period)));
  if (sat) {
    return { kind: 'exam', shopId: input.shopId, seed, period, dueAt, questions: [], taken: { score: sat.score, correct: sat.correct, total: sat.total, at: sat.createdAt.toISOString() } };
  }
  const quiz = buildProductQuiz(await quizInput(database, input.shopId, now), seed, EXAM_SIZE);
  if (quiz.questions.length === 0) throw new DxeError('VALIDATION_FAILED', '店铺还没有商品和设置，无法出题');
  return { kind: 'exam', shopId: input.shopId, seed, period, dueAt, questions: withKindZh(quiz.questions), taken: null };
}

export interface QuizResultView {
  kind: 'product' | 'exam';
  correct: number;
  total: number;
  score: number;
  period: string | null;
  results: { correct: boolean; answer: number; explanationZh: string }[];
}

/**
 * Grades a product quiz or this month's exam on the server (the keys rebuilt from the seed) and
 * saves the result. An exam is sat once per month and shop (CONFLICT the second time), and only
 * with this month's seed.
 */
export async function submitProductQuiz(
  deps: UseCaseDeps,
  p: Principal,
  input: { shopId: string; kind: 'product' | 'exam'; seed: number; answers: (number | null)[] },
): Promise<QuizResultView> {
  const agentId = agentOf(p);
  if (!p.shopIds.includes(input.shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const period = input.kind === 'exam' ? beijingMonthKey(deps.now) : null;
  if (period && input.seed !== examSeed(input.shopId, period)) throw new DxeError('VALIDATION_FAILED', '这不是本月的考试，请重新打开考试');
  const quiz = buildProductQuiz(await quizInput(deps.database, input.shopId, deps.now), input.seed, input.kind === 'exam' ? EXAM_SIZE : PRACTICE_SIZE);
  if (input.answers.length > quiz.keys.length) throw new DxeError('VALIDATION_FAILED', '答案数量多于题目数量');
  requireSomeAnswer(input.answers);
  const graded = gradeProductQuiz(quiz.keys, input.answers);
  const inserted = await deps.database.db
    .insert(quizResults)
    .values({
      orgId: p.orgId, shopId: input.shopId, agentId, kind: input.kind, period, seed: input.seed,
      correct: graded.correct, total: graded.total, score: graded.score, answers: input.answers, createdAt: deps.now,
    })
    .onConflictDoNothing()
    .returning({ id: quizResults.id });
  if (inserted.length === 0) throw new DxeError('CONFLICT', '本月考试已经交过卷了');
  return { kind: input.kind, correct: graded.correct, total: graded.total, score: graded.score, period, results: graded.results };
}

/** L2: a graded penalty-case quiz is saved like the others (kind cases). */
export async function saveCaseQuizResult(
  deps: UseCaseDeps,
  p: Principal,
  input: { shopId: string; seed: number; answers: (number | null)[] },
  graded: { correct: number; total: number },
): Promise<void> {
  const agentId = agentOf(p);
  await deps.database.db.insert(quizResults).values({
    orgId: p.orgId, shopId: input.shopId, agentId, kind: 'cases', period: null, seed: input.seed,
    correct: graded.correct, total: graded.total, score: graded.total ? Math.round((100 * graded.correct) / graded.total) : 0,
    answers: input.answers, createdAt: deps.now,
  });
}

export interface QuizProgressView {
  period: string;
  /** Every result in range, newest first (the caller's own for agents, the team's for supervisors). */
  results: { id: string; agentId: string; agentName: string; shopId: string; shopName: string; kind: 'cases' | 'product' | 'exam'; period: string | null; score: number; correct: number; total: number; at: string }[];
  /** Per agent: exam scores by month, practice averages, and this month's exam per shop. */
  agents: {
    agentId: string;
    agentName: string;
    exams: { period: string; shopId: string; score: number }[];
    productAverage: number | null;
    productCount: number;
    casesAverage: number | null;
    casesCount: number;
    thisMonth: { shopId: string; shopName: string; score: number | null }[];
  }[];
}

const avg = (xs: number[]) => (xs.length ? Math.round(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

/** Results over the last 12 months: supervisors see every agent of their shops, agents themselves. */
export async function quizProgress(database: Database, p: Principal, now: Date): Promise<QuizProgressView> {
  const period = beijingMonthKey(now);
  const { db } = database;
  if (p.shopIds.length === 0) return { period, results: [], agents: [] };
  const since = startOfBeijingMonth(now, -11);
  const lead = isLead(p);
  const rows = await db
    .select({ r: quizResults, name: agents.displayName, shopName: shops.name })
    .from(quizResults)
    .innerJoin(agents, eq(agents.id, quizResults.agentId))
    .innerJoin(shops, eq(shops.id, quizResults.shopId))
    .where(and(eq(quizResults.orgId, p.orgId), inArray(quizResults.shopId, p.shopIds), ...(lead ? [] : [eq(quizResults.agentId, p.agentId ?? '')])))
    .orderBy(desc(quizResults.createdAt))
    .limit(5000);
  const inRange = rows.filter((x) => x.r.createdAt >= since);
  // Who is due this month: every enabled agent of the organisation serving a shop in scope.
  const team = lead
    ? await db.select({ id: agents.id, name: agents.displayName, role: agents.role }).from(agents).where(and(eq(agents.orgId, p.orgId), eq(agents.disabled, false)))
    : await db.select({ id: agents.id, name: agents.displayName, role: agents.role }).from(agents).where(eq(agents.id, p.agentId ?? ''));
  const links = await db.select().from(agentShops).where(inArray(agentShops.shopId, p.shopIds));
  const shopNames = new Map((await db.select({ id: shops.id, name: shops.name }).from(shops).where(inArray(shops.id, p.shopIds))).map((s) => [s.id, s.name]));
  return {
    period,
    results: inRange.slice(0, 500).map(({ r, name, shopName }) => ({
      id: r.id, agentId: r.agentId, agentName: name, shopId: r.shopId, shopName, kind: r.kind, period: r.period, score: r.score, correct: r.correct, total: r.total, at: r.createdAt.toISOString(),
    })),
    agents: team
      .map((a) => {
        const mine = inRange.filter((x) => x.r.agentId === a.id).map((x) => x.r);
        const served = a.role === 'agent' ? links.filter((l) => l.agentId === a.id).map((l) => l.shopId) : p.shopIds;
        return {
          agentId: a.id,
          agentName: a.name,
          exams: mine.filter((r) => r.kind === 'exam').map((r) => ({ period: r.period ?? '', shopId: r.shopId, score: r.score })).sort((x, y) => x.period.localeCompare(y.period)),
          productAverage: avg(mine.filter((r) => r.kind === 'product').map((r) => r.score)),
          productCount: mine.filter((r) => r.kind === 'product').length,
          casesAverage: avg(mine.filter((r) => r.kind === 'cases').map((r) => r.score)),
          casesCount: mine.filter((r) => r.kind === 'cases').length,
          thisMonth: served.map((shopId) => ({
            shopId, shopName: shopNames.get(shopId) ?? shopId,
            score: mine.find((r) => r.kind === 'exam' && r.period === period && r.shopId === shopId)?.score ?? null,
          })),
        };
      })
      .sort((x, y) => x.agentName.localeCompare(y.agentName, 'zh')),
  };
}
