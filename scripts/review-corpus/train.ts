// Trains the review analyser (issue 13; R6, R8) on the generated corpus and writes
// src/core/reviews/data/review-model.json:  npx tsx scripts/review-corpus/train.ts [--check]
// Thirteen logistic heads (sentiment, 8 causes, 4 flags) over analysis-features.ts, AdaGrad SGD,
// seeded; weights quantised to int8 per head. Cause and flag thresholds are chosen on the
// corpus's own held-out tenth. The development set (test/fixtures/reviews/dev.jsonl) is only
// scored, never trained on; /work/shared/data is never read here. `--check` retrains and fails if
// the result differs from the committed file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../../src/core/prng.js';
import { CAUSES, FLAGS } from '../../src/core/reviews/analysis-lexicon.js';
import { DIMENSIONS, HASH_BITS, reviewFeatures } from '../../src/core/reviews/analysis-features.js';
import { HEADS, analyzeReview, decodeReviewModel, encodeReviewModel } from '../../src/core/reviews/analyze.js';
import { evaluateAnalysis, type LabelledReview } from '../../src/core/reviews/evaluate-analysis.js';
import { generateCorpus, type Sample } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
export const MODEL_PATH = join(here, '../../src/core/reviews/data/review-model.json');
const DEV_PATH = join(here, '../../test/fixtures/reviews/dev.jsonl');

const EPOCHS = 6;
/** Hashed character n-grams left out at random while training, so the lexicon and clause features carry weight of their own. */
const NGRAM_DROPOUT = 0.25;
const LR = 0.25;
const L2 = 1e-6;
const H = HEADS.length;
const HASHED = 1 << HASH_BITS;

interface Prepared {
  idx: Int32Array;
  val: Float32Array;
  y: Int8Array;
  weight: Float32Array;
}

function prepare(samples: readonly Sample[]): Prepared[] {
  return samples.map((s) => {
    const idx: number[] = [];
    const val: number[] = [];
    reviewFeatures({ text: s.text, rating: s.rating }, idx, val);
    const y = new Int8Array(H);
    y[0] = s.sentiment === 'positive' ? 1 : 0;
    CAUSES.forEach((c, i) => (y[1 + i] = s.causes.includes(c) ? 1 : 0));
    FLAGS.forEach((f, i) => (y[1 + CAUSES.length + i] = s.flags.includes(f) ? 1 : 0));
    const weight = new Float32Array(H).fill(1);
    for (let h = 1 + CAUSES.length; h < H; h++) if (y[h]) weight[h] = 3;
    return { idx: Int32Array.from(idx), val: Float32Array.from(val), y, weight };
  });
}

function train(data: Prepared[], seed: number): { w: Float64Array; bias: Float64Array } {
  const w = new Float64Array(DIMENSIONS * H);
  const g = new Float64Array(DIMENSIONS * H);
  const bias = new Float64Array(H);
  const gb = new Float64Array(H);
  const r = prng(seed);
  const order = data.map((_, i) => i);
  const z = new Float64Array(H);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const n of order) {
      const d = data[n];
      if (!d) continue;
      z.set(bias);
      const keep = new Uint8Array(d.idx.length);
      for (let k = 0; k < d.idx.length; k++) keep[k] = (d.idx[k] ?? 0) >= HASHED || r() >= NGRAM_DROPOUT ? 1 : 0;
      for (let k = 0; k < d.idx.length; k++) {
        if (!keep[k]) continue;
        const base = (d.idx[k] ?? 0) * H;
        const v = d.val[k] ?? 0;
        for (let h = 0; h < H; h++) z[h] = (z[h] ?? 0) + (w[base + h] ?? 0) * v;
      }
      for (let h = 0; h < H; h++) {
        const p = 1 / (1 + Math.exp(-(z[h] ?? 0)));
        const err = (p - (d.y[h] ?? 0)) * (d.weight[h] ?? 1);
        if (Math.abs(err) < 1e-4) continue;
        gb[h] = (gb[h] ?? 0) + err * err;
        bias[h] = (bias[h] ?? 0) - (LR * err) / Math.sqrt((gb[h] ?? 0) + 1e-8);
        for (let k = 0; k < d.idx.length; k++) {
          if (!keep[k]) continue;
          const at = (d.idx[k] ?? 0) * H + h;
          const grad = err * (d.val[k] ?? 0) + L2 * (w[at] ?? 0);
          g[at] = (g[at] ?? 0) + grad * grad;
          w[at] = (w[at] ?? 0) - (LR * grad) / Math.sqrt((g[at] ?? 0) + 1e-8);
        }
      }
    }
  }
  return { w, bias };
}

function probabilities(w: Float64Array, bias: Float64Array, d: Prepared): Float64Array {
  const z = Float64Array.from(bias);
  for (let k = 0; k < d.idx.length; k++) {
    const base = (d.idx[k] ?? 0) * H;
    for (let h = 0; h < H; h++) z[h] = (z[h] ?? 0) + (w[base + h] ?? 0) * (d.val[k] ?? 0);
  }
  return z.map((x) => 1 / (1 + Math.exp(-x)));
}

function chooseThresholds(w: Float64Array, bias: Float64Array, held: Prepared[]): number[] {
  const t = new Array<number>(H).fill(0.5);
  const probs = held.map((d) => probabilities(w, bias, d));
  for (let h = 1; h < H; h++) {
    let best = 0.5;
    let bestF = -1;
    for (let th = 0.2; th <= 0.9001; th += 0.05) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      held.forEach((d, i) => {
        const g = (probs[i]?.[h] ?? 0) >= th;
        if (g && d.y[h]) tp++;
        else if (g) fp++;
        else if (d.y[h]) fn++;
      });
      const f = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      if (f > bestF + 1e-9) {
        bestF = f;
        best = th;
      }
    }
    // Causes and flags are said only when the model leans that way: never under one half.
    t[h] = Math.max(best, 0.5);
  }
  return t;
}

export function readDevSet(path = DEV_PATH): LabelledReview[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledReview);
}

function main(): void {
  const check = process.argv.includes('--check');
  const started = Date.now();
  const samples = generateCorpus();
  const r = prng(7);
  const trainSet: Sample[] = [];
  const heldSet: Sample[] = [];
  for (const s of samples) (r() < 0.1 ? heldSet : trainSet).push(s);
  const trainData = prepare(trainSet);
  const heldData = prepare(heldSet);
  const { w, bias } = train(trainData, 11);
  const thresholds = chooseThresholds(w, bias, heldData);
  const serialized = encodeReviewModel(w, bias, thresholds);
  const json = `${JSON.stringify(serialized)}\n`;
  const model = decodeReviewModel(serialized);
  const heldReport = evaluateAnalysis(
    heldSet.map((s, i) => ({ id: `h${i}`, text: s.text, rating: s.rating, expect: { sentiment: s.sentiment, causes: s.causes, flags: s.flags } })),
    (c) => analyzeReview(c, model),
  );
  const dev = readDevSet();
  const devReport = evaluateAnalysis(dev, (c) => analyzeReview(c, model));
  const line = (name: string, rep: typeof devReport): string =>
    `${name}: n=${rep.n} sentiment ${(rep.sentimentAccuracy * 100).toFixed(1)} % · causes micro-F1 ${rep.causes.f1} (P ${rep.causes.precision} R ${rep.causes.recall}) · flags P ${rep.flags.precision} R ${rep.flags.recall}`;
  process.stdout.write(`corpus ${samples.length} (train ${trainSet.length}, held-out ${heldSet.length}) · ${serialized.count} weights · ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${line('held-out (own corpus)', heldReport)}\n${line('dev set (hand-written, not trained on)', devReport)}\n`);
  if (process.argv.includes('--misses')) for (const m of devReport.misses) process.stdout.write(`  ${m.id} ${m.expected} → ${m.got}  ${m.text}\n`);
  if (check) {
    const committed = readFileSync(MODEL_PATH, 'utf8');
    if (committed !== json) {
      process.stderr.write('review-model.json differs from a fresh training run\n');
      process.exitCode = 1;
    }
    return;
  }
  mkdirSync(dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, json);
  process.stdout.write(`wrote ${MODEL_PATH} (${(json.length / 1024).toFixed(0)} KB)\n`);
}

main();
