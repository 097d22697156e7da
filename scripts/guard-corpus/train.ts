// Trains the guard's learned layer (issue 11) on the generated corpus and writes
// src/core/guard/data/guard-model.json:  npx tsx scripts/guard-corpus/train.ts [--check]
// One-vs-rest logistic regression per rule family by seeded SGD over hashed features
// (src/core/guard/features.ts), averaged over SEEDS visiting orders; weights quantised to int8 per
// rule; thresholds per family calibrated on out-of-fold scores of the hand-written development
// replies (round 14, `calibrate`; never on a blind set still held out). `--check` retrains and fails if the result
// differs from the committed file. The figures it prints are development figures of our own
// corpus, not an estimate on unseen replies.
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGuard } from '../../src/core/guard/compile.js';
import { conceptLexicon, matchConcepts } from '../../src/core/guard/concepts.js';
import { FEATURE_BITS, extractFeatures } from '../../src/core/guard/features.js';
import { anchored, decodeModel, scoreRange, UNANCHORED_RULES, unanchoredMayRead, type LinearModel, type SerializedModel } from '../../src/core/guard/learned.js';
import type { RuleId } from '../../src/core/guard/profile-schema.js';
import { prng } from '../../src/core/prng.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import { generateCorpus, type Sample } from './generate.js';
import { DEVELOPMENT_ROUNDS, OWN_FILES, humanSamples } from './human.js';

// D8 joined in round 12: a promise taken back is said in as many ways as the other faults, and a
// phrasing the concept lexicon misses (仓库发的普通款，差不多的) is at least raised as 疑似.
export const MODEL_RULES: RuleId[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11'];
export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../src/core/guard/data/guard-model.json');

const EPOCHS = 8;
const POSITIVE_WEIGHT = 3;

interface Prepared {
  sample: Sample;
  feats: Int32Array;
  /** Per rule: 1 positive, 0 negative, -1 not used for this rule. */
  labels: Int8Array;
}

function labelsOf(s: Sample): Int8Array {
  return Int8Array.from(MODEL_RULES.map((r) => {
    if (s.rules.includes(r as never)) return 1;
    // An order status told to the buyer is compliant, to another account a leak: not a D6 negative.
    if (r === 'D6' && s.orderStatus) return -1;
    // A hand-written reply's context decides whether D5/D6 could apply at all: 运费您出 with no
    // free-shipping promise, or order details told to the buyer, teach nothing about the rule.
    if (s.human && r === 'D5' && s.ctx.freeShipping !== true) return -1;
    if (s.human && r === 'D6' && s.ctx.askerIsBuyer !== false) return -1;
    return 0;
  }));
}

export function prepare(samples: readonly Sample[]): Prepared[] {
  const c = compileGuard(profileFor('taobao').guard ?? (() => { throw new Error('taobao profile has no guard'); })());
  const lex = conceptLexicon();
  return samples.map((sample) => {
    const v = c.norm.view(sample.text);
    const m = matchConcepts(lex, v);
    const feats: number[] = [];
    extractFeatures(v, m, 0, v.compact.length, feats);
    return { sample, feats: Int32Array.from(feats), labels: labelsOf(sample) };
  });
}

function quantise(w: Float32Array, bias: Float64Array, R: number): { scale: number[]; idx: number[]; q: number[] } {
  const scale = new Array<number>(R).fill(0);
  for (let i = 0; i < w.length; i++) {
    const r = i % R;
    scale[r] = Math.max(scale[r] ?? 0, Math.abs(w[i] ?? 0));
  }
  for (let r = 0; r < R; r++) scale[r] = Math.fround(((scale[r] ?? 0) || 1) / 127);
  const idx: number[] = [];
  const q: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const v = Math.round((w[i] ?? 0) / (scale[i % R] ?? 1));
    if (v !== 0) {
      idx.push(i);
      q.push(Math.max(-127, Math.min(127, v)));
    }
  }
  void bias;
  return { scale, idx, q };
}

function encode(idx: number[], q: number[]): string {
  const bytes: number[] = [];
  let prev = 0;
  for (const i of idx) {
    let d = i - prev;
    prev = i;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    bytes.push(d);
  }
  for (const v of q) bytes.push(v < 0 ? v + 256 : v);
  return Buffer.from(bytes).toString('base64');
}

/**
 * Round 14: thresholds per family from hand-written replies the model did not learn from. The
 * hand-written replies (development rounds and our own files) are cut into CALIBRATION_FOLDS folds
 * by round (`foldOf`; a reply and its disguised copies always together, the same fold in every
 * retrain); a model trained without one fold scores that fold's replies as written, so every
 * hand-written reply gets an out-of-fold score. Per family and path (`warn` and `block` where the
 * reply touches an anchor concept, `unanchored` where it touches none) the threshold is the path's
 * default, raised only where more of the family's hand-written negatives (look-alikes included)
 * than its budget score over it (`choose`). Before round 14 the thresholds came from the extreme
 * tail of the generated corpus's development negatives, which are easy to separate: a family sat at
 * one clamp (0.8) or the other (0.95) and jumped between them when another family's data changed
 * (D4/D8 moved when D3/D9 gained); the unanchored point was one constant for seven families.
 */
export const CALIBRATION_FOLDS = 4;
export const WARN_BUDGET = 0.003;
export const BLOCK_BUDGET = 0.001;
export const FREE_BUDGET = 0.0015;
/** Where each path's threshold stays unless the hand-written replies say otherwise (see `choose`). */
const DEFAULT = { warn: 0.7, block: 0.99, unanchored: 0.95 };
const FREE_GRID = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99];
const WARN_GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const BLOCK_GRID = [0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995];

/**
 * The fold of a hand-written reply: by the round it comes from (b12-…, c12-… → 12; our own h14-… files
 * apart from the set of the same number), so a fold's replies were written by other people at
 * another time than the ones its model learned from — as the next blind set will be. Folding by
 * reply instead scored 90 % of the held-out violating replies over 0.5, far above what a new round sees.
 */
export function foldOf(template: string): number {
  const m = /^h:([a-z]+)(\d+)-/.exec(template);
  if (!m) return 0;
  return (Number(m[2]) + (m[1] === 'h' ? 2 : 0)) % CALIBRATION_FOLDS;
}

/**
 * The threshold of one family and path: the path's default, raised to t* — the lowest grid point at
 * which at most `budget` of the family's hand-written negatives score at or over it — where the
 * default would break the budget. Never lowered below the default: the held-out curves are flat
 * (lowering D2's warn from 0.8 to 0.5 adds 1–5 of 424 held-out positives, depending on the seed),
 * so a lower point chosen by gains moves with the noise of one retrain; a budget broken does not.
 */
function choose(neg: readonly number[], total: number, grid: readonly number[], budget: number, floor: number, fallback: number, preferred: number): number {
  const allowed = Math.floor(budget * total);
  const best = grid.find((t) => t >= Math.max(floor, preferred) && neg.filter((x) => x >= t).length <= allowed);
  return best ?? fallback;
}

interface Scored {
  p: Prepared;
  scores: Float32Array;
  /** Per family: the reply touches one of its anchor concepts (learned.ts `anchored`). */
  anchored: Uint8Array;
  /** The model may speak on this reply without an anchor (Chinese, long enough). */
  free: boolean;
}

/**
 * Per family, from out-of-fold scores of hand-written negatives, counted the way the runtime uses
 * them: `warn` against the negatives touching an anchor, `unanchored` against those touching none
 * (where the model speaks alone), each within its budget of all the family's negatives.
 */
function calibrate(scored: readonly Scored[]): SerializedModel['thresholds'] {
  const result: SerializedModel['thresholds'] = {};
  MODEL_RULES.forEach((rule, r) => {
    const negs = scored.filter((d) => d.p.labels[r] === 0);
    const anchoredNeg = negs.filter((d) => d.anchored[r]).map((d) => d.scores[r] ?? 0);
    const freeNeg = negs.filter((d) => !d.anchored[r] && d.free).map((d) => d.scores[r] ?? 0);
    if (process.env.DXE_GUARD_CALIBRATION_DEBUG) {
      const pos = scored.filter((d) => d.p.labels[r] === 1);
      const row = (sel: (d: Scored) => boolean, grid: readonly number[]) => grid.map((t) => `${t}:${pos.filter((d) => sel(d) && (d.scores[r] ?? 0) >= t).length}/${negs.filter((d) => sel(d) && (d.scores[r] ?? 0) >= t).length}`).join(' ');
      console.log(rule, `pos ${pos.length} (anchored ${pos.filter((d) => d.anchored[r]).length}) neg ${negs.length}`);
      console.log('  anchored', row((d) => d.anchored[r] === 1, WARN_GRID));
      console.log('  free    ', row((d) => !d.anchored[r] && d.free, FREE_GRID));
    }
    const warn = choose(anchoredNeg, negs.length, WARN_GRID, WARN_BUDGET, 0, 0.95, DEFAULT.warn);
    const block = choose(anchoredNeg, negs.length, BLOCK_GRID, BLOCK_BUDGET, warn, 0.995, DEFAULT.block);
    // D1, D5, D8 and D9 stay anchored (learned.ts UNANCHORED_RULES): paying, shipping and 晒图 are in
    // every order's words, and with an unanchored point of 0.95 a retrain flagged 付款给我们之后会立刻发货.
    const unanchored = UNANCHORED_RULES.has(rule) ? choose(freeNeg, negs.length, FREE_GRID, FREE_BUDGET, warn, 2, DEFAULT.unanchored) : 2;
    result[rule] = { warn, block, unanchored };
  });
  return result;
}

/**
 * Round 14: the weights are the average of SEEDS fits that differ only in the order the replies are
 * visited (seed, seed + 1, …), as the intent classifier does: one seed's order moved single
 * families' scores enough to move their thresholds from one retrain to the next.
 */
export const SEEDS = 2;

function fit(train: readonly Prepared[], seed: number): { w: Float32Array; bias: Float64Array } {
  const first = fitOnce(train, seed);
  for (let k = 1; k < SEEDS; k++) {
    const next = fitOnce(train, seed + k);
    for (let i = 0; i < first.w.length; i++) first.w[i] = (first.w[i] ?? 0) + (next.w[i] ?? 0);
    for (let i = 0; i < first.bias.length; i++) first.bias[i] = (first.bias[i] ?? 0) + (next.bias[i] ?? 0);
  }
  for (let i = 0; i < first.w.length; i++) first.w[i] = Math.fround((first.w[i] ?? 0) / SEEDS);
  for (let i = 0; i < first.bias.length; i++) first.bias[i] = (first.bias[i] ?? 0) / SEEDS;
  return first;
}

/** Seeded SGD over the prepared replies: float weights (bucket × rules + rule) and biases. */
function fitOnce(train: readonly Prepared[], seed: number): { w: Float32Array; bias: Float64Array } {
  const R = MODEL_RULES.length;
  const w = new Float32Array((1 << FEATURE_BITS) * R);
  const bias = new Float64Array(R);
  const r = prng(seed);
  const order = train.map((_, i) => i);
  const z = new Float64Array(R);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    const lr = 0.3 / (1 + epoch * 0.5);
    for (const k of order) {
      const p = train[k];
      if (!p) continue;
      for (let q = 0; q < R; q++) z[q] = bias[q] ?? 0;
      for (const f of p.feats) {
        const base = f * R;
        for (let q = 0; q < R; q++) z[q] = (z[q] ?? 0) + (w[base + q] ?? 0);
      }
      for (let q = 0; q < R; q++) {
        const y = p.labels[q] ?? -1;
        if (y < 0) continue;
        const prob = 1 / (1 + Math.exp(-(z[q] ?? 0)));
        const g = Math.fround((prob - y) * lr * (y === 1 ? POSITIVE_WEIGHT : 1));
        if (Math.abs(g) < 1e-6) continue;
        bias[q] = (bias[q] ?? 0) - g * 0.1;
        for (const f of p.feats) {
          const at = f * R + q;
          w[at] = Math.fround((w[at] ?? 0) - g);
        }
      }
    }
  }
  return { w, bias };
}

/** The shipped form of fitted weights (thresholds filled in by the caller). */
function serialised(w: Float32Array, bias: Float64Array): SerializedModel {
  const R = MODEL_RULES.length;
  const { scale, idx, q } = quantise(w, bias, R);
  return {
    version: 1,
    bits: FEATURE_BITS,
    rules: MODEL_RULES,
    bias: Array.from(bias, (b) => Number(b.toFixed(5))),
    scale,
    thresholds: {},
    weights: encode(idx, q),
    count: idx.length,
  };
}

/** Scores of prepared replies under a shipped-form model (quantised, as the runtime sees it), with their anchors. */
function scoreAll(m: LinearModel, rows: readonly Prepared[]): Scored[] {
  const c = compileGuard(profileFor('taobao').guard ?? (() => { throw new Error('no guard'); })());
  const lex = conceptLexicon();
  return rows.map((p) => {
    const v = c.norm.view(p.sample.text);
    const matches = matchConcepts(lex, v);
    const scores = new Float32Array(MODEL_RULES.length);
    scoreRange(m, v, matches, 0, v.compact.length, scores);
    return { p, scores, anchored: Uint8Array.from(MODEL_RULES.map((r) => (anchored(matches, r) ? 1 : 0))), free: unanchoredMayRead(v) };
  });
}

export function trainModel(samples: readonly Sample[], seed = 7): SerializedModel {
  const prepared = prepare(samples);
  const train = prepared.filter((p) => p.sample.split === 'train');
  const final = fit(train, seed);
  const model = serialised(final.w, final.bias);
  // Out-of-fold scores of every hand-written reply as written (same seed, the fold left out).
  const scored: Scored[] = [];
  for (let fold = 0; fold < CALIBRATION_FOLDS; fold++) {
    const held = (p: Prepared): boolean => p.sample.human === true && foldOf(p.sample.template) === fold;
    const f = fit(train.filter((p) => !held(p)), seed);
    const rows = train.filter((p) => held(p) && p.sample.copy !== true);
    scored.push(...scoreAll(decodeModel({ ...serialised(f.w, f.bias), thresholds: {} }), rows));
  }
  model.thresholds = calibrate(scored);
  return model;
}

/** The generated corpus plus the hand-written development rounds named and our own replies (train split only). */
export function trainingCorpus(rounds: readonly string[]): Sample[] {
  return [...generateCorpus(), ...humanSamples(rounds, 2, 20261207, OWN_FILES)];
}

export function serialise(m: SerializedModel): string {
  return `${JSON.stringify(m)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  // `--hold-out r7` leaves a development round out of training, to measure generalisation on it.
  const held = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--hold-out' ? [a] : []));
  const samples = trainingCorpus(DEVELOPMENT_ROUNDS.filter((x) => !held.includes(x)));
  const model = trainModel(samples);
  const text = serialise(model);
  if (process.argv.includes('--check')) {
    if (held.length > 0) throw new Error('--check compares the shipped model, trained on every development round');
    const same = readFileSync(MODEL_PATH, 'utf8') === text;
    console.log(same ? '模型与提交的文件一致' : '模型与提交的文件不一致：请重新运行 train.ts 并提交');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(MODEL_PATH, text);
  const viol = samples.filter((s) => s.rules.length > 0).length;
  console.log(`corpus: ${samples.length} replies (${viol} violating, ${samples.length - viol} compliant; ${samples.filter((s) => s.human).length} hand-written or their disguised copies, rounds held out: ${held.join(', ') || 'none'}); development split ${samples.filter((s) => s.split === 'development').length}`);
  console.log(`weights: ${model.count} non-zero, ${text.length} bytes; trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log('thresholds:', JSON.stringify(model.thresholds));
}
