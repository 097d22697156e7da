// L2: the penalty case library (违规案例库) and its quiz. Each case (cases.yaml) is a buyer line
// with a wrong reply and a right one; the lesson's rule name, explanation and points come from the
// reply guard run over the shop's own rule profile (so they are the platform's figures from rules/,
// never written here), with the points every platform takes beside it. The quiz is drawn from the
// lessons with a seed: pick the right reply, and how many points a violation costs on this platform.
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { checkReply } from '../guard/check-reply.js';
import type { Profile } from '../rules/schema.js';
import { prng } from '../prng.js';
import { DxeError } from '../errors.js';

const caseSchema = z.strictObject({
  rule: z.string().regex(/^D\d+$/),
  situation_zh: z.string(),
  buyer: z.string(),
  wrong: z.string(),
  right: z.string(),
  context: z.strictObject({ free_shipping: z.boolean().optional(), asker_is_buyer: z.boolean().optional() }).optional(),
});
const fileSchema = z.strictObject({ cases: z.array(caseSchema).min(1) });
export type PenaltyCase = z.infer<typeof caseSchema>;

let cases: PenaltyCase[] | null = null;
export function penaltyCases(): PenaltyCase[] {
  cases ??= fileSchema.parse(parse(readShippedFile(import.meta.url, 'cases.yaml'))).cases;
  return cases;
}

export interface Lesson {
  rule: string;
  titleZh: string;
  situationZh: string;
  buyer: string;
  wrong: string;
  right: string;
  /** The guard's explanation of the wrong reply on this platform (with its cost sentence). */
  explanationZh: string;
  /** The guard's own rewrite of the wrong reply. */
  rewrite: string;
  /** Points this platform takes per violation (rules/*.yaml penalties.by_rule; 0 when the rules list none). */
  points: number;
  /** Points per platform, for comparison. */
  pointsByPlatform: { platform: string; points: number }[];
}

function guardCtx(c: PenaltyCase) {
  return { freeShipping: c.context?.free_shipping ?? false, askerIsBuyer: c.context?.asker_is_buyer ?? true, previousOutgoing: [] };
}

function pointsOf(profile: Profile, rule: string): number {
  const entry = (profile.penalties?.by_rule as Record<string, { points?: number }> | undefined)?.[rule];
  return typeof entry?.points === 'number' ? entry.points : 0;
}

/** The lessons for a shop's profile; `all` is every platform's profile (for the comparison). */
export function buildLessons(profile: Profile, all: Readonly<Record<string, Profile>>): Lesson[] {
  return penaltyCases().map((c) => {
    const verdict = checkReply(c.wrong, { guard: profile.guard, penalties: profile.penalties }, guardCtx(c));
    const v = verdict.violations.find((x) => x.rule === c.rule);
    const title = (profile.guard?.rules as Record<string, { title?: string }> | undefined)?.[c.rule]?.title ?? c.rule;
    return {
      rule: c.rule,
      titleZh: title,
      situationZh: c.situation_zh,
      buyer: c.buyer,
      wrong: c.wrong,
      right: c.right,
      explanationZh: v?.message ?? '',
      rewrite: v?.rewrite ?? '',
      points: pointsOf(profile, c.rule),
      pointsByPlatform: Object.entries(all).map(([platform, p]) => ({ platform, points: pointsOf(p, c.rule) })),
    };
  });
}

export interface QuizQuestion {
  kind: 'pick_right' | 'points';
  rule: string;
  promptZh: string;
  options: string[];
}
export interface QuizKey {
  answer: number;
  explanationZh: string;
}

function shuffle<T>(list: T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Why the right reply is right: the wrong reply named as such, then the guard's reason. The guard's
 * "约X天左右" placeholder is spelled as an instruction, so the lesson never suggests a literal X.
 */
function pickRightExplanation(l: Lesson): string {
  const why = l.explanationZh.replace(/(?:大)?约\s*X\s*天(?:左右)?/g, '约几天（按实际物流说）');
  return `错误回复"${l.wrong}"：${why || `违反了${l.titleZh}`}`;
}

/** A quiz of up to `size` questions drawn with `seed`: questions for the trainee, keys for grading. */
export function buildQuiz(lessons: readonly Lesson[], platformZh: string, seed: number, size = 8): { questions: QuizQuestion[]; keys: QuizKey[] } {
  const next = prng(seed);
  const pool: { q: QuizQuestion; key: QuizKey }[] = [];
  for (const [i, l] of lessons.entries()) {
    const other = lessons[(i + 1 + Math.floor(next() * (lessons.length - 1))) % lessons.length]!;
    const options = shuffle([l.right, l.wrong, other.wrong].filter((x, k, a) => a.indexOf(x) === k), next);
    pool.push({
      q: { kind: 'pick_right', rule: l.rule, promptZh: `${l.situationZh}买家说："${l.buyer}"。哪一条回复是对的？`, options },
      key: { answer: options.indexOf(l.right), explanationZh: pickRightExplanation(l) },
    });
    if (l.points > 0) {
      const values = shuffle([...new Set([l.points, 1, 2, 3, 4, 6, 12].filter((p) => p !== l.points))], next).slice(0, 3);
      const choices = shuffle([l.points, ...values], next);
      pool.push({
        q: { kind: 'points', rule: l.rule, promptZh: `在${platformZh}，"${l.titleZh}"每次违规扣几分？`, options: choices.map((p) => `${p} 分`) },
        key: { answer: choices.indexOf(l.points), explanationZh: `${platformZh}的规则：${l.titleZh}每次扣 ${l.points} 分（平台规则）。` },
      });
    }
  }
  const drawn = shuffle(pool, next).slice(0, size);
  return { questions: drawn.map((d) => d.q), keys: drawn.map((d) => d.key) };
}

/** A quiz handed in with no answer at all is refused (it would be saved as a 0 score). */
export function requireSomeAnswer(answers: readonly (number | null)[]): void {
  if (!answers.some((a) => typeof a === 'number')) throw new DxeError('VALIDATION_FAILED', '还没有作答，请至少回答一题再交卷');
}

export function gradeQuiz(keys: readonly QuizKey[], answers: readonly (number | null)[]) {
  const results = keys.map((k, i) => ({ correct: answers[i] === k.answer, answer: k.answer, explanationZh: k.explanationZh }));
  return { correct: results.filter((r) => r.correct).length, total: keys.length, results };
}
