// Scores the guard on a labelled set (D1–D11; EVAL §2 measures per-rule precision/recall and the
// share of compliant replies wrongly blocked). Pure: the caller supplies the check function.
import { RULE_IDS, type RuleId } from './profile-schema.js';
import type { GuardResult } from './types.js';

export interface LabelledReply {
  id: string;
  text: string;
  expect: readonly string[];
}

export interface RuleScore {
  rule: RuleId;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

export interface GuardEvalReport {
  total: number;
  compliant: number;
  falseBlocks: number;
  falseWarns: number;
  falseBlockRate: number;
  rules: RuleScore[];
  misses: Array<{ id: string; text: string; expected: string[]; got: string[] }>;
}

export function evaluateGuard<T extends LabelledReply>(cases: readonly T[], check: (c: T) => GuardResult): GuardEvalReport {
  const counts = new Map<RuleId, { tp: number; fp: number; fn: number }>();
  for (const r of RULE_IDS) counts.set(r, { tp: 0, fp: 0, fn: 0 });
  let compliant = 0;
  let falseBlocks = 0;
  let falseWarns = 0;
  const misses: GuardEvalReport['misses'] = [];
  for (const c of cases) {
    const res = check(c);
    const got = new Set<string>(res.violations.map((v) => v.rule));
    const want = new Set<string>(c.expect);
    if (want.size === 0) {
      compliant++;
      if (res.verdict === 'block') falseBlocks++;
      else if (res.verdict === 'warn') falseWarns++;
    }
    for (const r of RULE_IDS) {
      const k = counts.get(r);
      if (!k) continue;
      if (got.has(r) && want.has(r)) k.tp++;
      else if (got.has(r)) k.fp++;
      else if (want.has(r)) k.fn++;
    }
    const same = got.size === want.size && [...got].every((r) => want.has(r));
    if (!same) misses.push({ id: c.id, text: c.text, expected: [...want].sort(), got: [...got].sort() });
  }
  const rules: RuleScore[] = [];
  for (const [rule, k] of counts) {
    if (k.tp + k.fp + k.fn === 0) continue;
    rules.push({
      rule,
      ...k,
      precision: k.tp + k.fp === 0 ? null : k.tp / (k.tp + k.fp),
      recall: k.tp + k.fn === 0 ? null : k.tp / (k.tp + k.fn),
    });
  }
  return {
    total: cases.length,
    compliant,
    falseBlocks,
    falseWarns,
    falseBlockRate: compliant === 0 ? 0 : falseBlocks / compliant,
    rules,
    misses,
  };
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The report as a Markdown table (bench and `dxe guard eval`). */
export function reportMarkdown(r: GuardEvalReport): string {
  const lines = ['| 规则 rule | TP | FP | FN | 精确率 precision | 召回率 recall |', '|---|---|---|---|---|---|'];
  for (const s of r.rules) lines.push(`| ${s.rule} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  lines.push('');
  lines.push(
    `合规回复 ${r.compliant} 条，误拦截 ${r.falseBlocks} 条（${pct(r.falseBlockRate)}），误警告 ${r.falseWarns} 条；共 ${r.total} 条，判错 ${r.misses.length} 条。`,
  );
  return lines.join('\n');
}
