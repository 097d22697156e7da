// T3: the same question answered with different meanings (seed 000). Replies are grouped by the
// intent of the buyer message they answer; within a group, two kinds of conflict are flagged:
// different figures for the same unit (48小时 vs 72小时, 包邮 thresholds) and a statement and its
// negation (包邮 vs 不包邮). Pure and cheap; a flag asks a supervisor to look, it does not judge.
export interface AnsweredQuestion {
  intent: string;
  question: string;
  answer: string;
  author: string;
}

export interface Inconsistency {
  intent: string;
  question: string;
  answers: { text: string; author: string }[];
  reasonZh: string;
}

const UNITS = ['小时', '天', '元', '块', '件', '折', '%', '公斤', 'kg', '点'] as const;
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS.join('|')})`, 'gi');
const STATEMENTS = ['包邮', '开发票', '开票', '有货', '现货', '退换', '七天无理由', '正品', '保修', '顺丰'] as const;
const NEGATIONS = ['不', '没', '无法', '不能', '不可以', '不支持'];

function figures(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(FIGURE)) {
    const unit = (m[2] ?? '').toLowerCase().replace('块', '元');
    if (!out.has(unit)) out.set(unit, m[1] ?? '');
  }
  return out;
}

/** +1 the answer affirms the statement, −1 it negates it, 0 it does not mention it. */
export function polarity(text: string, statement: string): -1 | 0 | 1 {
  const i = text.indexOf(statement);
  if (i < 0) return 0;
  const before = text.slice(Math.max(0, i - 4), i);
  return NEGATIONS.some((n) => before.includes(n)) ? -1 : 1;
}

export function findInconsistencies(items: readonly AnsweredQuestion[], maxPerIntent = 3): Inconsistency[] {
  const byIntent = new Map<string, AnsweredQuestion[]>();
  for (const it of items) {
    if (!it.intent || it.intent === 'other' || it.intent === 'greeting' || it.intent === 'thanks_bye') continue;
    byIntent.set(it.intent, [...(byIntent.get(it.intent) ?? []), it]);
  }
  const out: Inconsistency[] = [];
  for (const [intent, list] of byIntent) {
    let found = 0;
    const seen = new Set<string>();
    for (let i = 0; i < list.length && found < maxPerIntent; i++) {
      for (let j = i + 1; j < list.length && found < maxPerIntent; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.answer === b.answer) continue;
        const reason = conflict(a.answer, b.answer);
        if (!reason || seen.has(reason)) continue;
        seen.add(reason);
        found++;
        out.push({ intent, question: a.question, answers: [{ text: a.answer, author: a.author }, { text: b.answer, author: b.author }], reasonZh: reason });
      }
    }
  }
  return out;
}

function conflict(a: string, b: string): string | null {
  const fa = figures(a);
  const fb = figures(b);
  for (const [unit, va] of fa) {
    const vb = fb.get(unit);
    if (vb !== undefined && vb !== va) {
      const [lo, hi] = [va, vb].sort((x, y) => Number(x) - Number(y));
      return `同一问题给出了不同的数字：${lo}${unit} 与 ${hi}${unit}`;
    }
  }
  for (const s of STATEMENTS) {
    const pa = polarity(a, s);
    const pb = polarity(b, s);
    if (pa !== 0 && pb !== 0 && pa !== pb) return `同一问题的答复对"${s}"说法相反`;
  }
  return null;
}
