// Evaluation metrics of INTENTS.md: top-1 accuracy, macro-F1 over the 26 ids, accuracy counting a
// hit on the gold secondary, per-intent precision/recall and the most frequent confusions.
import { INTENT_IDS, type IntentId } from '../intents.js';

export interface EvalItem {
  gold: IntentId;
  goldSecondary?: IntentId | null;
  predicted: IntentId;
}

export interface EvalReport {
  n: number;
  accuracy: number;
  macroF1: number;
  /** A prediction equal to the gold intent or the gold secondary counts as correct. */
  accuracyWithSecondary: number;
  perIntent: Record<IntentId, { support: number; precision: number; recall: number; f1: number }>;
  confusions: Array<{ gold: IntentId; predicted: IntentId; count: number }>;
}

export function evaluate(items: readonly EvalItem[], topConfusions = 15): EvalReport {
  const tp = new Map<IntentId, number>();
  const fp = new Map<IntentId, number>();
  const fn = new Map<IntentId, number>();
  const conf = new Map<string, number>();
  let hits = 0;
  let hits2 = 0;
  const inc = (m: Map<IntentId, number>, k: IntentId) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const it of items) {
    if (it.predicted === it.gold) {
      hits++;
      inc(tp, it.gold);
    } else {
      inc(fp, it.predicted);
      inc(fn, it.gold);
      const key = `${it.gold}\u0000${it.predicted}`;
      conf.set(key, (conf.get(key) ?? 0) + 1);
    }
    if (it.predicted === it.gold || (it.goldSecondary != null && it.predicted === it.goldSecondary)) hits2++;
  }
  const perIntent = {} as EvalReport['perIntent'];
  let f1sum = 0;
  let f1n = 0;
  for (const id of INTENT_IDS) {
    const t = tp.get(id) ?? 0;
    const p = t + (fp.get(id) ?? 0);
    const support = t + (fn.get(id) ?? 0);
    const precision = p === 0 ? 0 : t / p;
    const recall = support === 0 ? 0 : t / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perIntent[id] = { support, precision, recall, f1 };
    if (support > 0 || p > 0) {
      f1sum += f1;
      f1n++;
    }
  }
  const confusions = [...conf.entries()]
    .map(([k, count]) => {
      const [gold, predicted] = k.split('\u0000') as [IntentId, IntentId];
      return { gold, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold))
    .slice(0, topConfusions);
  const n = items.length;
  return {
    n,
    accuracy: n === 0 ? 0 : hits / n,
    macroF1: f1n === 0 ? 0 : f1sum / f1n,
    accuracyWithSecondary: n === 0 ? 0 : hits2 / n,
    perIntent,
    confusions,
  };
}
