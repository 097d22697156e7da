// Scores of the review analyser on a labelled set (issue 13): sentiment accuracy, causes
// micro-F1 and per-flag precision and recall — the figures EVAL §5 names.
import { CAUSES, FLAGS, type CauseId, type FlagId } from './analysis-lexicon.js';

export interface LabelledReview {
  id: string;
  text: string;
  rating?: number | undefined;
  platform?: string | undefined;
  expect: { sentiment: 'positive' | 'negative'; causes: CauseId[]; flags: FlagId[] };
}

export interface AnalysisOutput {
  sentiment: 'positive' | 'negative';
  causes: readonly string[];
  flags: readonly string[];
}

interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

export interface AnalysisReport {
  n: number;
  sentimentAccuracy: number;
  causes: Prf & { perCause: Record<string, Prf> };
  flags: Prf & { perFlag: Record<string, Prf> };
  misses: Array<{ id: string; text: string; expected: string; got: string }>;
}

export function evaluateAnalysis(cases: readonly LabelledReview[], analyze: (c: LabelledReview) => AnalysisOutput): AnalysisReport {
  let right = 0;
  const cc = new Map<string, [number, number, number]>();
  const fc = new Map<string, [number, number, number]>();
  const misses: AnalysisReport['misses'] = [];
  const tally = (m: Map<string, [number, number, number]>, all: readonly string[], exp: readonly string[], got: readonly string[]): boolean => {
    let ok = true;
    for (const k of all) {
      const e = exp.includes(k);
      const g = got.includes(k);
      const t = m.get(k) ?? [0, 0, 0];
      if (e && g) t[0]++;
      else if (g) {
        t[1]++;
        ok = false;
      } else if (e) {
        t[2]++;
        ok = false;
      }
      m.set(k, t);
    }
    return ok;
  };
  for (const c of cases) {
    const out = analyze(c);
    const sOk = out.sentiment === c.expect.sentiment;
    if (sOk) right++;
    const cOk = tally(cc, CAUSES, c.expect.causes, out.causes);
    const fOk = tally(fc, FLAGS, c.expect.flags, out.flags);
    if (!sOk || !cOk || !fOk) {
      const show = (s: string, cs: readonly string[], fs: readonly string[]): string => `${s} [${cs.join(',')}] {${fs.join(',')}}`;
      misses.push({ id: c.id, text: c.text, expected: show(c.expect.sentiment, c.expect.causes, c.expect.flags), got: show(out.sentiment, out.causes, out.flags) });
    }
  }
  const sum = (m: Map<string, [number, number, number]>): Prf => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [a, b, d] of m.values()) {
      tp += a;
      fp += b;
      fn += d;
    }
    return prf(tp, fp, fn);
  };
  const per = (m: Map<string, [number, number, number]>): Record<string, Prf> => Object.fromEntries([...m].map(([k, [a, b, d]]) => [k, prf(a, b, d)]));
  return {
    n: cases.length,
    sentimentAccuracy: cases.length ? Math.round((right / cases.length) * 10000) / 10000 : 0,
    causes: { ...sum(cc), perCause: per(cc) },
    flags: { ...sum(fc), perFlag: per(fc) },
    misses,
  };
}
