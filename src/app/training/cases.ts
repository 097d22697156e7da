// L2: the penalty case library for a shop (its platform's points and explanations from rules/ via
// the guard) and the quiz drawn from it, graded on the server from the same seed.
import { randomInt } from 'node:crypto';
import { buildLessons, buildQuiz, gradeQuiz, requireSomeAnswer, type Lesson, type QuizQuestion } from '../../core/training/cases.js';
import { DxeError } from '../../core/errors.js';
import { loadProfiles } from '../../core/rules/load-profiles.js';
import type { Database } from '../../store/open-database.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { loadShopContext } from '../shops/shop-context.js';
import { saveCaseQuizResult } from './exams.js';

export interface CaseLibraryView {
  platform: string;
  platformZh: string;
  lessons: Lesson[];
  quiz: { seed: number; questions: QuizQuestion[] };
}

async function lessonsFor(database: Database, p: Principal, shopId: string, now: Date) {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const shop = await loadShopContext(database, shopId, now.getTime());
  const platformZh = shop.profile.name_zh ?? shop.shop.platform;
  return { shop, platformZh, lessons: buildLessons(shop.profile, loadProfiles()) };
}

export async function caseLibrary(database: Database, p: Principal, input: { shopId: string; seed?: number }, now: Date): Promise<CaseLibraryView> {
  const { shop, platformZh, lessons } = await lessonsFor(database, p, input.shopId, now);
  const seed = input.seed ?? randomInt(1, 2 ** 31 - 1);
  return { platform: shop.shop.platform, platformZh, lessons, quiz: { seed, questions: buildQuiz(lessons, platformZh, seed).questions } };
}

/** Grades the quiz on the server (keys rebuilt from the seed) and saves the result (L2, kept over time). */
export async function gradeCaseQuiz(deps: UseCaseDeps, p: Principal, input: { shopId: string; seed: number; answers: (number | null)[] }) {
  const { platformZh, lessons } = await lessonsFor(deps.database, p, input.shopId, deps.now);
  const keys = buildQuiz(lessons, platformZh, input.seed).keys;
  requireSomeAnswer(input.answers);
  if (input.answers.length > keys.length) throw new DxeError('VALIDATION_FAILED', '答案数量多于题目数量');
  const graded = gradeQuiz(keys, input.answers);
  await saveCaseQuizResult(deps, p, input, graded);
  return graded;
}
